package intent

import (
	"errors"
	"strings"
	"testing"

	"github.com/mycroft-network/mycroft/internal/jsgf"
)

// Patterns and vocabulary that would make the grammar unreadable for
// pocketsphinx are refused or left out, and the grammar passes
// jsgf.Canonical.
func TestGrammarIsSafe(t *testing.T) {
	for _, tc := range []struct {
		name    string
		pattern string
		vocab   []string
		absent  string // must not be in the grammar
		badPat  bool   // NewRouter refuses the pattern
	}{
		{"slot named like the public rule", "play {command}", nil, "", true},
		{"keyword as a pattern word", "make it public", nil, "", true},
		{"empty first alternative", "| what time is it", nil, "", true},
		{"empty first alternative in a group", "tell me (| the time)", nil, "", true},
		{"keyword in the vocabulary", "tell me about {topic}", []string{"the public", "paris"}, "the public", false},
		{"long word in the vocabulary", "tell me about {topic}", []string{strings.Repeat("a", 65), "paris"}, strings.Repeat("a", 65), false},
		{"punctuation in the vocabulary", "tell me about {topic}", []string{"a {tag}", "b <c>", "café", "paris"}, "{", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := NewRouter(nil, fakeSkill{"s", []Spec{{"i", []string{tc.pattern}}}})
			if tc.badPat {
				if !errors.Is(err, ErrPattern) {
					t.Fatalf("NewRouter(%q) = %v, want ErrPattern", tc.pattern, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			r.SetVocabulary("topic", tc.vocab)
			g := r.Grammar()
			if _, err := jsgf.Canonical(g); err != nil {
				t.Fatalf("pattern %q vocabulary %q: grammar refused: %v\n%s", tc.pattern, tc.vocab, err, g)
			}
			if strings.Contains(g, tc.absent) || !strings.Contains(g, "paris") {
				t.Fatalf("pattern %q vocabulary %q: grammar\n%s\nwant paris and no %q", tc.pattern, tc.vocab, g, tc.absent)
			}
		})
	}
}

// FuzzGrammar: whatever the patterns and the vocabulary, the router
// refuses the pattern or writes a grammar that jsgf.Canonical accepts.
func FuzzGrammar(f *testing.F) {
	f.Add("what time is it", "[tell me] about {topic}", "the moon\nEthereum\nbad-word!")
	f.Add("vote {vote} [on] proposal {number}", "(what | who) is {topic}", "ada lovelace")
	f.Add("play {command}", "make it public", "the public\nimport")
	f.Fuzz(func(t *testing.T, p1, p2, vocab string) {
		r, err := NewRouter(nil, fakeSkill{"s", []Spec{{"i", []string{p1, p2}}}})
		if err != nil {
			if !errors.Is(err, ErrPattern) {
				t.Fatalf("NewRouter(%q, %q): %v does not wrap ErrPattern", p1, p2, err)
			}
			return
		}
		r.SetVocabulary("topic", strings.Split(vocab, "\n"))
		g := r.Grammar()
		if _, err := jsgf.Canonical(g); err != nil {
			t.Fatalf("patterns %q, %q, vocabulary %q: grammar refused: %v\n%s", p1, p2, vocab, err, g)
		}
	})
}
