package psx

import (
	"bufio"
	"cmp"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/agent/skills"
	"github.com/mycroft-network/mycroft/internal/jsgf"
	"github.com/mycroft-network/mycroft/voice/tts"
)

// outOfDomainSpeech is what an owner may say that no local skill holds:
// general questions (the paid knowledge service's) and small talk the
// skills do not answer.
var outOfDomainSpeech = []string{
	"tell me about the roman empire", "what is the capital of france",
	"who wrote the lord of the rings", "how far away is the moon",
	"explain quantum physics to me", "what should i cook for dinner tonight",
	"who is the president of brazil", "how tall is mount everest",
	"when did the second world war end", "why is the sky blue",
	"how many people live in tokyo", "what is the meaning of life",
	"who painted the mona lisa", "how do you make pancakes",
	"what is the population of canada", "how does a rainbow form",
	"what is the speed of light", "who invented the telephone",
	"how old is the universe", "what is a black hole",
	"how do i get to the train station", "what is the best pizza in town",
	"can dogs eat chocolate", "how many legs does a spider have",
	"what language do they speak in brazil", "who won the world cup",
	"what is the square root of two", "translate hello into spanish",
	"how are you doing today", "i had a great weekend with my family",
	"play some jazz music", "call my mother", "good morning my friend",
	"do you like music", "tell me a joke", "sing me a song",
	"are you a robot", "what is your favourite colour",
	"i am feeling a bit tired", "my cat is sleeping on the sofa",
	"the weather was lovely yesterday", "order a pizza",
	"turn on the kitchen lights", "send a message to john",
	"read me the news", "remind me to buy milk",
	"what is on my calendar", "add eggs to my shopping list",
	"open the garage door", "lock the front door",
	"i think i left the oven on", "we are going to the beach tomorrow",
	"that was a really good film", "can you hear me",
	"let me think about it", "my name is alice",
	"where did i put my keys", "how much does a car cost",
	"what is the stock price of apple", "is it going to snow next week in london",
}

// BenchmarkOutOfDomain measures how well the local recogniser's cost per
// frame (Result.Cost: the grammar path's acoustic score against the free
// phone loop's) tells the skills' phrases from other speech, on the
// skills' own grammar (skillsGrammar): the intent corpus's phrasings the
// grammar holds (agent/skills/testdata/intents.tsv) against
// outOfDomainSpeech and the corpus's phrasings with no skill ("none",
// knowledge questions), each spoken by flite (slt, rms) and espeak-ng
// (en-us, en-us+m3, en+f3), with the pipeline's 0.3 s before and 0.7 s of
// silence after. For Cost and, for comparison, the absolute cost it
// replaced (Result.AbsoluteCost), it logs both distributions per voice,
// the error rates by threshold, and the threshold that minimises the sum
// of the two error rates over all voices; it reports the error rates at
// ThresholdCost and at that threshold. A false reject is an in-domain
// phrase with no text or a cost above the threshold (it goes to the paid
// service, or is not caught); a false accept an out-of-domain one with
// text at or under it (a wrong command acted on). It is a measurement,
// run once (-benchtime 1x, -v for the whole log); docs/voice.md quotes it.
func BenchmarkOutOfDomain(b *testing.B) {
	d := decoder(b)
	grammar := skillsGrammar(b)
	g, err := jsgf.Parse(grammar)
	if err != nil {
		b.Fatal(err)
	}
	in, other, missing := corpus(b, g)
	for _, p := range outOfDomainSpeech {
		if !holds(g, strings.Fields(p)) {
			other = append(other, p)
		}
	}
	b.Logf("%d in-grammar phrasings, %d out of domain; %d phrasings of local intents the grammar does not hold (not measured)", len(in), len(other), missing)
	ctx := context.Background()
	type measure struct {
		name      string
		cost      func(Result) float64
		threshold float64 // the one in use; NaN for none
	}
	// The absolute cost's scale moved when the decoder began computing all
	// senones (-compallsen): its old threshold, 30, no longer applies.
	measures := []measure{
		{"cost", Result.Cost, ThresholdCost},
		{"absolute cost (dropped)", Result.AbsoluteCost, math.NaN()},
	}
	type sample struct {
		phrase string
		res    Result
	}
	cost := func(m measure, s sample) float64 {
		if s.res.Text == "" {
			return math.Inf(1)
		}
		return m.cost(s.res)
	}
	engines := []*tts.Engine{tts.Flite(), {Program: "flite", Voice: "rms"}, tts.EspeakNG(),
		{Program: "espeak-ng", Voice: "en-us+m3"}, {Program: "espeak-ng", Voice: "en+f3"}}
	var (
		voices   []string
		perVoice [][2][]sample
	)
	for range b.N {
		voices, perVoice = nil, nil
		for _, e := range engines {
			if !e.Available() {
				b.Logf("%s not installed", e.Program)
				continue
			}
			decode := func(phrase string) sample {
				pcm, err := e.Synthesize(ctx, phrase)
				if err != nil {
					b.Fatalf("%s %s: %q: %v", e.Program, e.Voice, phrase, err)
				}
				res, err := d.Recognize(ctx, grammar, &trickle{b: utterance(pcm), end: io.EOF})
				if err != nil {
					b.Fatal(err)
				}
				return sample{phrase, res}
			}
			decode("what time is it") // the first utterance after loading costs more
			var vin, vout []sample
			for _, p := range in {
				vin = append(vin, decode(p))
			}
			for _, p := range other {
				vout = append(vout, decode(p))
			}
			right := 0
			for _, s := range vin {
				if s.res.Text == s.phrase {
					right++
				}
			}
			b.Logf("%s %s: in-grammar %d/%d word for word", e.Program, e.Voice, right, len(vin))
			for _, m := range measures {
				f := func(s sample) float64 { return cost(m, s) }
				b.Logf("%s %s: %s: in %s; out %s", e.Program, e.Voice, m.name, quantiles(vin, f), quantiles(vout, f))
			}
			voices = append(voices, e.Program+" "+e.Voice)
			perVoice = append(perVoice, [2][]sample{vin, vout})
		}
	}
	if len(voices) == 0 {
		b.Skip("no speech program installed")
	}
	group := func(match func(voice string) bool) (ins, outs []sample) {
		for i, v := range voices {
			if match(v) {
				ins, outs = append(ins, perVoice[i][0]...), append(outs, perVoice[i][1]...)
			}
		}
		return ins, outs
	}
	rates := func(m measure, ins, outs []sample, t float64) (fr, fa float64) {
		for _, s := range ins {
			if cost(m, s) > t {
				fr++
			}
		}
		for _, s := range outs {
			if cost(m, s) <= t {
				fa++
			}
		}
		return 100 * fr / float64(len(ins)), 100 * fa / float64(len(outs))
	}
	for i, m := range measures {
		ins, outs := group(func(string) bool { return true })
		best, bestSum := 0.0, math.Inf(1)
		for t := -20.0; t <= 80; t += 0.5 {
			fr, fa := rates(m, ins, outs, t)
			if fr+fa < bestSum {
				best, bestSum = t, fr+fa
			}
		}
		groups := []string{"flite slt", "flite rms", "espeak-ng en-us", "espeak-ng en-us+m3", "espeak-ng en+f3", "flite", "espeak-ng", ""}
		for _, name := range groups {
			gi, gout := group(func(v string) bool { return name == "" || v == name || strings.HasPrefix(v, name+" ") })
			if len(gi) == 0 {
				continue
			}
			var line []string
			for t := math.Round(best) - 8; t <= math.Round(best)+8; t += 2 {
				fr, fa := rates(m, gi, gout, t)
				line = append(line, fmt.Sprintf("%.0f: %.1f/%.1f", t, fr, fa))
			}
			label := cmp.Or(name, "all voices")
			b.Logf("%s: %s: false rejects/accepts %% by threshold %s", m.name, label, strings.Join(line, ", "))
			bfr, bfa := rates(m, gi, gout, best)
			b.Logf("%s: %s: at the best over all voices, %.1f: %.1f %% / %.1f %%", m.name, label, best, bfr, bfa)
			if !math.IsNaN(m.threshold) {
				fr, fa := rates(m, gi, gout, m.threshold)
				b.Logf("%s: %s: at the threshold in use, %.1f: %.1f %% / %.1f %%", m.name, label, m.threshold, fr, fa)
			}
		}
		if i > 0 {
			continue
		}
		for _, s := range outs {
			if cost(m, s) <= ThresholdCost {
				b.Logf("accepted out of domain: %q -> %q (cost %.1f)", s.phrase, s.res.Text, cost(m, s))
			}
		}
		for _, s := range ins {
			if cost(m, s) > ThresholdCost {
				b.Logf("rejected in domain: %q -> %q (cost %.1f)", s.phrase, s.res.Text, cost(m, s))
			}
		}
		fr, fa := rates(m, ins, outs, ThresholdCost)
		bfr, bfa := rates(m, ins, outs, best)
		b.ReportMetric(best, "best-cost")
		b.ReportMetric(bfr, "best-fr-%")
		b.ReportMetric(bfa, "best-fa-%")
		b.ReportMetric(fr, "fr-%")
		b.ReportMetric(fa, "fa-%")
	}
}

// skillsGrammar is the grammar of the skills a device has with no
// network: clock, timers, alarms, stop, volume (the board's), help,
// repeat, small talk; what the agent hands the recogniser then.
func skillsGrammar(tb testing.TB) string {
	r, err := skills.New(skills.Config{Now: time.Now, Location: time.UTC, Volume: &volume{level: 50}})
	if err != nil {
		tb.Fatal(err)
	}
	return r.Grammar()
}

// volume is a board's volume control.
type volume struct{ level int }

func (v *volume) SetVolume(level int) error { v.level = level; return nil }
func (v *volume) Volume() (int, error)      { return v.level, nil }

// utterance is pcm as the pipeline hands it over: 0.3 s of pre-roll
// silence before, the endpointer's 0.7 s after, as s16le bytes.
func utterance(pcm []int16) []byte {
	out := make([]byte, 2*Rate*3/10, 2*(len(pcm)+Rate))
	for _, s := range pcm {
		out = binary.LittleEndian.AppendUint16(out, uint16(s))
	}
	return append(out, make([]byte, 2*Rate*7/10)...)
}

// quantiles prints min, quartiles and max of the finite values, and how
// many had no text.
func quantiles[T any](xs []T, f func(T) float64) string {
	var v []float64
	empty := 0
	for _, x := range xs {
		if c := f(x); math.IsInf(c, 1) {
			empty++
		} else {
			v = append(v, c)
		}
	}
	slices.Sort(v)
	if len(v) == 0 {
		return fmt.Sprintf("none (%d empty)", empty)
	}
	q := func(p float64) float64 { return v[int(p*float64(len(v)-1))] }
	return fmt.Sprintf("min %.1f q1 %.1f median %.1f q3 %.1f max %.1f (%d empty)", q(0), q(0.25), q(0.5), q(0.75), q(1), empty)
}

// corpus reads the intent corpus: the phrasings of local intents that the
// grammar holds (lower case, punctuation dropped), the phrasings with no
// local skill (none, knowledge.ask) the grammar does not hold, and how
// many local phrasings the grammar does not hold.
func corpus(tb testing.TB, g *jsgf.Grammar) (in, other []string, missing int) {
	f, err := os.Open(filepath.Join("..", "..", "agent", "skills", "testdata", "intents.tsv"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		phrase, intent, _ := strings.Cut(line, "\t")
		intent, _, _ = strings.Cut(intent, "\t")
		words := strings.Fields(strings.Map(func(r rune) rune {
			switch {
			case r >= 'A' && r <= 'Z':
				return r + 'a' - 'A'
			case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '\'', r == ' ':
				return r
			}
			return ' '
		}, phrase))
		p := strings.Join(words, " ")
		if p == "" || seen[p] {
			continue
		}
		seen[p] = true
		local := intent != "none" && intent != "knowledge.ask"
		switch {
		case local && holds(g, words):
			in = append(in, p)
		case local:
			missing++
		case !holds(g, words):
			other = append(other, p)
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return in, other, missing
}

// holds reports whether g's first public rule matches words exactly.
func holds(g *jsgf.Grammar, words []string) bool {
	if len(words) >= 64 {
		return false
	}
	rules := map[string]jsgf.Alt{}
	var top string
	for _, r := range g.Rules {
		rules[r.Name] = r.Body
		if r.Public && top == "" {
			top = r.Name
		}
	}
	// Positions are bits of a uint64: bit i set = i words matched.
	var alt func(a jsgf.Alt, at uint64) uint64
	item := func(it jsgf.Item, at uint64) uint64 {
		switch {
		case it.Word != "":
			var out uint64
			for i, w := range words {
				if at&(1<<i) != 0 && w == it.Word {
					out |= 1 << (i + 1)
				}
			}
			return out
		case it.Ref != "":
			return alt(rules[it.Ref], at)
		default:
			return alt(it.Group, at)
		}
	}
	step := func(it jsgf.Item, at uint64) uint64 {
		out := item(it, at)
		if it.Repeat != "" {
			for next := out; next != 0; {
				next = item(it, next) &^ out
				out |= next
			}
		}
		if it.Optional || it.Repeat == "*" {
			out |= at
		}
		return out
	}
	alt = func(a jsgf.Alt, at uint64) uint64 {
		var out uint64
		for _, s := range a {
			cur := at
			for _, it := range s {
				cur = step(it, cur)
			}
			out |= cur
		}
		return out
	}
	return alt(rules[top], 1)&(1<<len(words)) != 0
}

// TestHolds: the grammar matcher BenchmarkOutOfDomain sorts phrasings
// with, on the skills' grammar (optional words, groups, rule references).
func TestHolds(t *testing.T) {
	g, err := jsgf.Parse(skillsGrammar(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		phrase string
		want   bool
	}{
		{"what time is it", true},
		{"what time is it right now", true},
		{"set a timer for five minutes", true},
		{"set a timer for twenty five minutes", true},
		{"turn up the volume", true},
		{"what time", false},
		{"what time is it it", false},
		{"tell me about the roman empire", false},
		{"", false},
	} {
		if got := holds(g, strings.Fields(c.phrase)); got != c.want {
			t.Errorf("holds(%q) = %v, want %v", c.phrase, got, c.want)
		}
	}
}
