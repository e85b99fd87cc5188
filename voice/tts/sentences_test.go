package tts

import (
	"slices"
	"strings"
	"testing"
)

func TestSentences(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []string
	}{
		{"empty", "  ", nil},
		{"one", "It is noon.", []string{"It is noon."}},
		{"no final stop", "It is noon", []string{"It is noon"}},
		{"three", "It is noon. The sun is out!  Shall I go on?", []string{"It is noon.", "The sun is out!", "Shall I go on?"}},
		{"decimal", "Pi is about 3.14159. It never ends.", []string{"Pi is about 3.14159.", "It never ends."}},
		{"decimal at start of word", "The rate is .5 percent. Low.", []string{"The rate is .5 percent.", "Low."}},
		{"thousands", "You have 1,250.75 tokens. That is 1,000 more.", []string{"You have 1,250.75 tokens.", "That is 1,000 more."}},
		{"title", "Dr. Smith is in. Mr. Jones is not.", []string{"Dr. Smith is in.", "Mr. Jones is not."}},
		{"e.g.", "Ask something, e.g. The weather. Or the time.", []string{"Ask something, e.g. The weather.", "Or the time."}},
		{"i.e. lower", "The last one, i.e. the third. Done.", []string{"The last one, i.e. the third.", "Done."}},
		{"initials", "J. R. R. Tolkien wrote it. Read it.", []string{"J. R. R. Tolkien wrote it.", "Read it."}},
		{"a.m. then capital", "The alarm is at 7 a.m. Sleep well.", []string{"The alarm is at 7 a.m.", "Sleep well."}},
		{"a.m. then lower", "At 7 a.m. the alarm rings.", []string{"At 7 a.m. the alarm rings."}},
		{"etc.", "Apples, pears, etc. Then dessert.", []string{"Apples, pears, etc.", "Then dessert."}},
		{"no. number", "See No. 5 on the list. No. I mean it.", []string{"See No. 5 on the list.", "No.", "I mean it."}},
		{"quotes", `He said "stop." Then he left.`, []string{`He said "stop."`, "Then he left."}},
		{"ellipsis", "Well... Maybe. Hmm… Yes?!", []string{"Well...", "Maybe.", "Hmm…", "Yes?!"}},
		{"lower after stop", "Version 2.0. then 3.0.", []string{"Version 2.0. then 3.0."}},
		{"version number", "Version 2.0. Then 3.0.", []string{"Version 2.0.", "Then 3.0."}},
		{"newlines", "One.\nTwo.\n\nThree.", []string{"One.", "Two.", "Three."}},
		{"vs.", "Cats vs. Dogs is on. Watch.", []string{"Cats vs. Dogs is on.", "Watch."}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Sentences(c.in); !slices.Equal(got, c.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", c.in, got, c.want)
			}
		})
	}
}

// FuzzSentences: splitting never loses, adds or reorders a word, and no
// sentence is empty.
func FuzzSentences(f *testing.F) {
	for _, s := range []string{"It is 3.5. Dr. Who? e.g. this… “Yes.” No. 5", "a. b. C.", "...", "1,000. 2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Sentences(s)
		if j, want := strings.Join(got, " "), strings.Join(strings.Fields(s), " "); j != want {
			t.Fatalf("Sentences(%q) = %q: joined %q, want %q", s, got, j, want)
		}
		for _, x := range got {
			if strings.TrimSpace(x) == "" {
				t.Fatalf("Sentences(%q) = %q: an empty sentence", s, got)
			}
		}
	})
}
