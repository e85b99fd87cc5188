package intent

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// Intent is a matched utterance.
type Intent struct {
	Skill string            // the skill's name
	Name  string            // the intent's name within the skill
	Text  string            // the normalised utterance
	Slots map[string]string // slot values, trimmed
	// Confidence, 0..1, is how much of the utterance the pattern covered:
	// words of the pattern and of typed slots count whole, filler words
	// ("please", "hey mycroft") and words of a free-text slot half.
	Confidence float64
}

// Number is the value of a number slot.
func (in Intent) Number(slot string) (int, bool) { return ParseNumber(trimNumberWord(in.Slots[slot])) }

// Reply is what a skill answers.
type Reply struct {
	// Text is spoken (and shown on the faceplate where it fits).
	Text string
	// Confirm, when set, asks the owner to confirm by pressing the action
	// button: the pipeline speaks Text then Confirm.Prompt, waits for the
	// press, and runs Confirm.Do (or speaks Confirm.Cancelled).
	Confirm *Confirmation
	// Stop asks the pipeline to stop speaking and go back to idle.
	Stop bool
}

// Confirmation is an action that needs a button press.
type Confirmation struct {
	Prompt    string
	Do        func(ctx context.Context) (Reply, error)
	Cancelled string // spoken when the press does not come; default "Cancelled."
}

// Spec declares one intent of a skill and the phrases that say it.
type Spec struct {
	Name     string
	Patterns []string
}

// Skill is a built-in ability of the assistant.
type Skill interface {
	Name() string
	Intents() []Spec
	Handle(ctx context.Context, in Intent) (Reply, error)
}

// Fallback answers what no skill matched (the knowledge service).
type Fallback interface {
	Answer(ctx context.Context, text string) (Reply, error)
}

// ErrNoMatch is returned by Respond when nothing matched and there is no
// fallback.
var ErrNoMatch = errors.New("intent: no skill matched")

type compiled struct {
	skill   Skill
	intent  string
	pattern string
	re      *regexp.Regexp
	tree    *node
	free    bool // has a free-text slot
	lits    int
}

// Router matches text to skills and falls back to a Fallback.
type Router struct {
	skills   []Skill
	rules    []compiled
	fallback Fallback
	vocab    map[string][]string
	onReply  func(Intent, Reply) // see OnReply
}

// NewRouter compiles the patterns of skills. Patterns without free-text
// slots are tried before patterns with them, then in order of the number of
// fixed words (more first), then in registration order.
func NewRouter(fallback Fallback, skills ...Skill) (*Router, error) {
	r := &Router{skills: skills, fallback: fallback, vocab: map[string][]string{}}
	types := map[string]string{}
	for k, v := range slotTypes {
		types[k] = v.regex
	}
	for _, s := range skills {
		for _, spec := range s.Intents() {
			for _, p := range spec.Patterns {
				tree, err := parsePattern(p)
				if err != nil {
					return nil, fmt.Errorf("intent: skill %s: %w", s.Name(), err)
				}
				var b strings.Builder
				b.WriteString("^")
				tree.regex(&b, types)
				b.WriteString("$")
				re, err := regexp.Compile(b.String())
				if err != nil {
					return nil, fmt.Errorf("%w %q: %v", ErrPattern, p, err)
				}
				names := map[string]bool{}
				tree.slots(names)
				free := false
				for n := range names {
					if _, ok := slotTypes[n]; !ok {
						free = true
					}
				}
				r.rules = append(r.rules, compiled{s, spec.Name, p, re, tree, free, tree.literals()})
			}
		}
	}
	sort.SliceStable(r.rules, func(i, j int) bool {
		a, b := r.rules[i], r.rules[j]
		if a.free != b.free {
			return !a.free
		}
		return a.lits > b.lits
	})
	return r, nil
}

// SetVocabulary gives the phrases a free-text slot may hold in the grammar
// (matching accepts any words). Without one, patterns using the slot are
// left out of the grammar. Phrases the grammar cannot hold (other
// characters than a-z, 0-9, ' and _ once normalised, JSGF keywords, words
// over 64 bytes) are left out.
func (r *Router) SetVocabulary(slot string, phrases []string) {
	var clean []string
	for _, p := range phrases {
		if n := Normalize(p); n != "" && isWords(n) {
			clean = append(clean, n)
		}
	}
	r.vocab[slot] = clean
}

func isWords(s string) bool {
	for _, w := range strings.Fields(s) {
		if !isWord(w) || !grammarSafe(w) {
			return false
		}
	}
	return true
}

// Respond matches text and runs the skill, or the fallback.
func (r *Router) Respond(ctx context.Context, text string) (Reply, error) {
	in, s, ok := r.Match(text)
	var (
		rep Reply
		err error
	)
	switch {
	case ok:
		rep, err = s.Handle(ctx, in)
	case r.fallback == nil || strings.TrimSpace(text) == "":
		return Reply{}, ErrNoMatch
	default:
		in = Intent{Text: Normalize(text)}
		rep, err = r.fallback.Answer(ctx, in.Text)
	}
	if err == nil && r.onReply != nil {
		r.onReply(in, rep)
	}
	return rep, err
}

// OnReply sets a function called with every reply Respond gives without
// an error (Intent.Skill is "" for the fallback's), before it returns. It
// is how a skill repeats the last answer. Set it before the router is used.
func (r *Router) OnReply(f func(Intent, Reply)) { r.onReply = f }

// Grammar is the JSGF grammar of every pattern, for the speech-to-text
// provider.
func (r *Router) Grammar() string { return r.GrammarWith(nil) }

// GrammarWith is the grammar of r's patterns and of others' (external
// skills' intents, which the recogniser then hears too). A pattern of
// others with a word known rejects is left out, and so is such a word of
// their slot vocabularies: a recogniser refuses a whole grammar for one
// word missing from its dictionary. r's own patterns are not checked.
// Vocabularies of one slot name are merged. A nil known takes every word.
func (r *Router) GrammarWith(known func(word string) bool, others ...*Router) string {
	type rule struct {
		tree *node
		own  bool
	}
	var rules []rule
	vocab := map[string][]string{}
	add := func(x *Router, own bool) {
		for _, c := range x.rules {
			if own || known == nil || c.tree.allWords(known) {
				rules = append(rules, rule{c.tree, own})
			}
		}
		for slot, phrases := range x.vocab {
			for _, p := range phrases {
				if !own && known != nil && !allKnown(p, known) || slices.Contains(vocab[slot], p) {
					continue
				}
				vocab[slot] = append(vocab[slot], p)
			}
		}
	}
	add(r, true)
	for _, o := range others {
		if o != nil {
			add(o, false)
		}
	}

	var b strings.Builder
	b.WriteString("#JSGF V1.0;\ngrammar mycroft;\n\npublic <command> = ")
	used := map[string]bool{}
	n := 0
	for _, c := range rules {
		names := map[string]bool{}
		c.tree.slots(names)
		ok := true
		for s := range names {
			if _, typed := slotTypes[s]; !typed && len(vocab[s]) == 0 {
				ok = false
			}
		}
		if !ok {
			continue
		}
		for s := range names {
			used[s] = true
		}
		if n > 0 {
			b.WriteString("\n    | ")
		}
		c.tree.jsgf(&b)
		n++
	}
	if n == 0 {
		b.WriteString("<NULL>")
	}
	b.WriteString(";\n")
	slots := make([]string, 0, len(used))
	for s := range used {
		slots = append(slots, s)
	}
	sort.Strings(slots)
	for _, s := range slots {
		if t, ok := slotTypes[s]; ok {
			if t.repeat {
				fmt.Fprintf(&b, "<%s> = ( %s )+;\n", s, strings.Join(t.words, " | "))
			} else {
				fmt.Fprintf(&b, "<%s> = ( %s );\n", s, strings.Join(t.words, " | "))
			}
			continue
		}
		fmt.Fprintf(&b, "<%s> = ( %s );\n", s, strings.Join(vocab[s], " | "))
	}
	return b.String()
}

func allKnown(phrase string, known func(string) bool) bool {
	for _, w := range strings.Fields(phrase) {
		if !known(w) {
			return false
		}
	}
	return true
}

// Skills lists the registered skills.
func (r *Router) Skills() []Skill { return slices.Clone(r.skills) }
