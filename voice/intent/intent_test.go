package intent

import (
	"context"
	"errors"
	"strings"
	"testing"
)

type fakeSkill struct {
	name  string
	specs []Spec
}

func (f fakeSkill) Name() string    { return f.name }
func (f fakeSkill) Intents() []Spec { return f.specs }
func (f fakeSkill) Handle(_ context.Context, in Intent) (Reply, error) {
	return Reply{Text: in.Skill + "." + in.Name}, nil
}

type echoFallback struct{}

func (echoFallback) Answer(_ context.Context, text string) (Reply, error) {
	return Reply{Text: "fallback: " + text}, nil
}

func router(t *testing.T) *Router {
	t.Helper()
	r, err := NewRouter(echoFallback{},
		fakeSkill{"time", []Spec{{"time", []string{"what time is it", "what is the time", "[tell me] the time"}}}},
		fakeSkill{"knowledge", []Spec{{"ask", []string{"(what | who) is {topic}", "tell me about {topic}"}}}},
		fakeSkill{"weather", []Spec{{"now", []string{"what is the weather [like] [today]", "(is it | will it be) (raining | sunny)"}}}},
		fakeSkill{"gov", []Spec{{"vote", []string{"vote {vote} [on] proposal {number}"}}, {"list", []string{"[list] [the] open proposals"}}}},
		fakeSkill{"volume", []Spec{{"set", []string{"set [the] volume to {number} [percent]"}}}},
	)
	if err != nil {
		t.Fatal(err)
	}
	r.SetVocabulary("topic", []string{"the moon", "Ethereum", "bad-word!"})
	return r
}

func TestMatch(t *testing.T) {
	r := router(t)
	cases := []struct {
		text   string
		intent string // skill.name, "" for no match
		slots  map[string]string
	}{
		{"What time is it?", "time.time", nil},
		{"what's the time", "time.time", nil},
		{"tell me the time", "time.time", nil},
		{"the time", "time.time", nil},
		{"What's the weather like today?", "weather.now", nil},
		{"what is the weather", "weather.now", nil},
		{"is it raining", "weather.now", nil},
		{"who is Ada Lovelace", "knowledge.ask", map[string]string{"topic": "ada lovelace"}},
		{"what is the moon", "knowledge.ask", map[string]string{"topic": "the moon"}},
		{"vote yes on proposal three", "gov.vote", map[string]string{"vote": "yes", "number": "three"}},
		{"vote abstain proposal 12", "gov.vote", map[string]string{"vote": "abstain", "number": "12"}},
		{"vote maybe on proposal three", "", nil},
		{"open proposals", "gov.list", nil},
		{"set the volume to seventy five percent", "volume.set", map[string]string{"number": "seventy five"}},
		{"sing me a song", "", nil},
		{"", "", nil},
		{"time", "", nil},
	}
	for _, c := range cases {
		t.Run(c.text, func(t *testing.T) {
			in, _, ok := r.Match(c.text)
			got := ""
			if ok {
				got = in.Skill + "." + in.Name
			}
			if got != c.intent {
				t.Fatalf("Match(%q) = %q, want %q", c.text, got, c.intent)
			}
			for k, v := range c.slots {
				if in.Slots[k] != v {
					t.Errorf("slot %s = %q, want %q (all %v)", k, in.Slots[k], v, in.Slots)
				}
			}
		})
	}
}

func TestRespond(t *testing.T) {
	r := router(t)
	rep, err := r.Respond(context.Background(), "what time is it")
	if err != nil || rep.Text != "time.time" {
		t.Errorf("skill reply %q %v", rep.Text, err)
	}
	rep, err = r.Respond(context.Background(), "Sing me a song!")
	if err != nil || rep.Text != "fallback: sing me a song" {
		t.Errorf("fallback reply %q %v", rep.Text, err)
	}
	bare, _ := NewRouter(nil, fakeSkill{"x", nil})
	if _, err := bare.Respond(context.Background(), "hello"); !errors.Is(err, ErrNoMatch) {
		t.Errorf("no fallback: %v, want ErrNoMatch", err)
	}
}

func TestBadPatterns(t *testing.T) {
	for _, p := range []string{"", "what (is", "[the", "a | ", "{bad name}", "what ] is", "hello {", "a $ b", "()"} {
		_, err := NewRouter(nil, fakeSkill{"bad", []Spec{{"x", []string{p}}}})
		if !errors.Is(err, ErrPattern) {
			t.Errorf("pattern %q: %v, want ErrPattern", p, err)
		}
	}
}

func TestGrammar(t *testing.T) {
	g := router(t).Grammar()
	for _, want := range []string{
		"#JSGF V1.0;", "grammar mycroft;", "public <command> = ",
		"what time is it",
		"[ tell me ] the time",
		"vote <vote> [ on ] proposal <number>",
		"( what | who ) is <topic>",
		"<topic> = ( the moon | ethereum | bad word );",
		"<vote> = ( yes | no | abstain | for | against );",
		"<number> = ( zero | one",
	} {
		if !strings.Contains(g, want) {
			t.Errorf("grammar lacks %q:\n%s", want, g)
		}
	}
	// Without a vocabulary, free-text patterns are left out.
	r, _ := NewRouter(nil, fakeSkill{"k", []Spec{{"ask", []string{"who is {person}", "hello"}}}})
	if g := r.Grammar(); strings.Contains(g, "person") || !strings.Contains(g, "hello") {
		t.Errorf("grammar without vocabulary:\n%s", g)
	}
}

// TestGrammarWith: other routers' patterns join the grammar, except those
// with a word the recogniser does not know; vocabularies of one slot name
// merge, their unknown words left out.
func TestGrammarWith(t *testing.T) {
	own, _ := NewRouter(nil, fakeSkill{"k", []Spec{{"greet", []string{"hello", "play {song}"}}}})
	own.SetVocabulary("song", []string{"yellow"})
	ext, _ := NewRouter(nil, fakeSkill{"ext", []Spec{
		{"joke", []string{"tell me a joke"}},
		{"odd", []string{"frobnicate the widget"}},
		{"play", []string{"put on {song}"}},
	}})
	ext.SetVocabulary("song", []string{"blue", "zzyzx"})
	known := func(w string) bool { return w != "frobnicate" && w != "zzyzx" }
	g := own.GrammarWith(known, nil, ext)
	for _, want := range []string{"hello", "play <song>", "tell me a joke", "put on <song>", "<song> = ( yellow | blue );"} {
		if !strings.Contains(g, want) {
			t.Errorf("grammar lacks %q:\n%s", want, g)
		}
	}
	for _, bad := range []string{"frobnicate", "zzyzx"} {
		if strings.Contains(g, bad) {
			t.Errorf("grammar holds the unknown word %q:\n%s", bad, g)
		}
	}
	if own.GrammarWith(nil) != own.Grammar() {
		t.Error("GrammarWith(nil) differs from Grammar()")
	}
}

func TestParseNumber(t *testing.T) {
	cases := []struct {
		in   string
		want int
		ok   bool
	}{
		{"42", 42, true}, {"three", 3, true}, {"twenty one", 21, true},
		{"one hundred and five", 105, true}, {"two thousand twenty six", 2026, true},
		{"to", 2, true}, {"", 0, false}, {"banana", 0, false}, {"-3", 3, true},
		{"nine thousand nine hundred ninety nine thousand", 0, false},
	}
	for _, c := range cases {
		if got, ok := ParseNumber(c.in); got != c.want || ok != c.ok {
			t.Errorf("ParseNumber(%q) = %d %v, want %d %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"What's the TIME?":        "what is the time",
		"  it's 3.5 degrees.  ":   "it is 3.5 degrees",
		"hello,world":             "hello world",
		"vote-yes":                "vote yes",
		"today's weather, please": "today weather please",
	} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzMatch(f *testing.F) {
	for _, s := range []string{"what time is it", "vote yes on proposal 3", "who is 3.5,,", "'''"} {
		f.Add(s)
	}
	r, err := NewRouter(echoFallback{},
		fakeSkill{"k", []Spec{{"ask", []string{"(what | who) is {topic}", "vote {vote} [on] proposal {number}"}}}})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if in, _, ok := r.Match(s); ok {
			if _, has := in.Slots["number"]; has {
				in.Number("number")
			}
		}
	})
}
