package intent

import (
	"slices"
	"strings"
)

// Filler words carry no intent: they are dropped from the start and the
// end of an utterance ("hey mycroft, could you please stop, thanks") when
// it does not match as said. Hesitations are dropped anywhere.
var (
	fillerPrefixes = [][]string{
		{"hey", "mycroft"}, {"hi", "mycroft"}, {"ok", "mycroft"}, {"okay", "mycroft"}, {"mycroft"},
		{"hey"}, {"ok"}, {"okay"}, {"so"}, {"oh"}, {"well"}, {"please"}, {"kindly"}, {"just"},
		{"could", "you"}, {"can", "you"}, {"would", "you"}, {"will", "you"},
		{"would", "you", "mind"}, {"do", "me", "a", "favor", "and"}, {"go", "ahead", "and"},
		{"i", "want", "you", "to"}, {"i", "need", "you", "to"}, {"i", "would", "like", "you", "to"},
		{"i", "want", "to"}, {"i", "would", "like", "to"}, {"i'd", "like", "to"}, {"i", "need", "to"},
		{"let's"}, {"quickly"}, {"yo"}, {"a", "little", "bit"}, {"a", "little"}, {"a", "bit"}, {"bit"},
	}
	fillerSuffixes = [][]string{
		{"please"}, {"thanks"}, {"thank", "you"}, {"thank", "you", "very", "much"}, {"thanks", "a", "lot"},
		{"mycroft"}, {"for", "me"}, {"if", "you", "can"}, {"if", "you", "could"}, {"if", "you", "would"},
		{"if", "you", "do", "not", "mind"}, {"right", "now"}, {"now"}, {"mate"},
		{"a", "bit"}, {"a", "little"}, {"a", "little", "bit"},
	}
	hesitations = map[string]bool{"um": true, "uh": true, "umm": true, "uhm": true, "erm": true, "er": true, "hmm": true, "ah": true}
)

// stripFiller drops filler from the ends of words and hesitations anywhere;
// it returns what is left and how many words were dropped.
func stripFiller(words []string) ([]string, int) {
	out := slices.DeleteFunc(slices.Clone(words), func(w string) bool { return hesitations[w] })
	for changed := true; changed; {
		changed = false
		for _, p := range fillerPrefixes {
			if len(out) > len(p) && slices.Equal(out[:len(p)], p) {
				out, changed = out[len(p):], true
			}
		}
		for _, p := range fillerSuffixes {
			if len(out) > len(p) && slices.Equal(out[len(out)-len(p):], p) {
				out, changed = out[:len(out)-len(p)], true
			}
		}
	}
	return out, len(words) - len(out)
}

// Match finds the intent text says. Patterns without free-text slots are
// tried first on the text as said, then without its filler words; patterns
// with free-text slots then, on the text without filler first. A match
// whose typed slot cannot be read (a duration of "minutes and and") is no
// match.
func (r *Router) Match(text string) (Intent, Skill, bool) {
	norm := Normalize(text)
	if norm == "" {
		return Intent{}, nil, false
	}
	words := strings.Fields(norm)
	kept, dropped := stripFiller(words)
	subjects := []struct {
		text    string
		dropped int
	}{{norm, 0}}
	if dropped > 0 && len(kept) > 0 {
		subjects = append(subjects, struct {
			text    string
			dropped int
		}{strings.Join(kept, " "), dropped})
	}
	for _, free := range []bool{false, true} {
		order := subjects
		if free && len(subjects) == 2 {
			order = []struct {
				text    string
				dropped int
			}{subjects[1], subjects[0]}
		}
		for _, sub := range order {
			for _, c := range r.rules {
				if c.free != free {
					continue
				}
				if in, ok := c.match(sub.text); ok {
					in.Text = norm
					in.Confidence = confidence(len(words), sub.dropped, in.Slots)
					return in, c.skill, true
				}
			}
		}
	}
	return Intent{}, nil, false
}

// match tries one rule on normalised text.
func (c compiled) match(text string) (Intent, bool) {
	m := c.re.FindStringSubmatch(text + " ")
	if m == nil {
		return Intent{}, false
	}
	in := Intent{Skill: c.skill.Name(), Name: c.intent, Slots: map[string]string{}}
	for i, name := range c.re.SubexpNames() {
		if name == "" || m[i] == "" {
			continue
		}
		v := strings.TrimSpace(m[i])
		if t, typed := slotTypes[name]; typed && t.valid != nil && !t.valid(v) {
			return Intent{}, false
		}
		in.Slots[name] = v
	}
	return in, true
}

// confidence: pattern words and typed slot words count whole, filler and
// free-text slot words half.
func confidence(total, dropped int, slots map[string]string) float64 {
	if total == 0 {
		return 0
	}
	half := dropped
	for name, v := range slots {
		if _, typed := slotTypes[name]; !typed {
			half += len(strings.Fields(v))
		}
	}
	return float64(2*total-half) / float64(2*total)
}

// Core is text normalised and without its filler words: what a fallback
// should look at ("hey mycroft, who was ada lovelace, thanks" → "who was ada
// lovelace").
func Core(text string) string {
	words, _ := stripFiller(strings.Fields(Normalize(text)))
	return strings.Join(words, " ")
}
