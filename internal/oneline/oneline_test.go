package oneline

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestFlatten(t *testing.T) {
	joined := fmt.Errorf("mark1: connect: %w", errors.Join(errors.New("no echo"), errors.New("line closed")))
	for _, tc := range []struct {
		name, in, want string
	}{
		{"one line unchanged", "speaker: no device", "speaker: no device"},
		{"joined error", joined.Error(), "mark1: connect: no echo; line closed"},
		{"crlf and indent", "first\r\n   second\r\n", "first; second"},
		{"after a colon", "upstream said:\n  bad gateway", "upstream said: bad gateway"},
		{"tabs and escapes", "a\tb\x1b[31mc", "a b [31mc"},
		{"unicode separators", "a\u2028b\u0085c", "a; b; c"},
		{"invalid utf8", "bad \xff byte", "bad \ufffd byte"},
		{"only blanks", " \n\t\r ", ""},
		{"runs collapse", "a  \n\n  b", "a; b"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := Flatten(tc.in); got != tc.want {
				t.Fatalf("Flatten(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestAll(t *testing.T) {
	got := All([]string{"a\nb", "c"})
	if strings.Join(got, "|") != "a; b|c" {
		t.Fatalf("All = %q, want [a; b c]", got)
	}
}

// FuzzFlatten: the result is one line of valid, printable UTF-8, and
// flattening it again changes nothing.
func FuzzFlatten(f *testing.F) {
	for _, s := range []string{"", "ok", "a\nb", "x:\r\n y", "\xff\xfe", "a\u2028b", "tab\there", " lead and trail "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Flatten(s)
		if !utf8.ValidString(got) {
			t.Fatalf("Flatten(%q) = %q: invalid UTF-8", s, got)
		}
		for _, r := range got {
			if isBreak(r) || unicode.IsControl(r) || (unicode.IsSpace(r) && r != ' ') {
				t.Fatalf("Flatten(%q) = %q: holds %U", s, got, r)
			}
		}
		if strings.Contains(got, "  ") || strings.TrimSpace(got) != got {
			t.Fatalf("Flatten(%q) = %q: double or outer blanks", s, got)
		}
		if again := Flatten(got); again != got {
			t.Fatalf("Flatten not idempotent: %q -> %q -> %q", s, got, again)
		}
	})
}
