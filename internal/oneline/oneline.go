package oneline

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Flatten returns s on one line: each run of line breaks (with the blanks
// around them) becomes "; " (or one space after ':', ';', ',' or '.'),
// other runs of blanks and control characters become one space, invalid
// UTF-8 becomes U+FFFD, and the ends are trimmed. Text already on one
// line of printable characters with single spaces comes back unchanged.
func Flatten(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	const (
		none = iota
		blank
		lineBreak
	)
	gap := none
	var last rune
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError && n == 1:
			r = utf8.RuneError // invalid byte: shown as U+FFFD
		case isBreak(r):
			gap = lineBreak
			continue
		case unicode.IsSpace(r) || unicode.IsControl(r) || r == '\u200b' || r == '\ufeff':
			gap = max(gap, blank)
			continue
		}
		if gap != none && b.Len() > 0 {
			if gap == lineBreak && !strings.ContainsRune(":;,.", last) {
				b.WriteString("; ")
			} else {
				b.WriteByte(' ')
			}
		}
		gap = none
		b.WriteRune(r)
		last = r
	}
	return b.String()
}

func isBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}

// All flattens every message of msgs (in place) and returns msgs.
func All(msgs []string) []string {
	for i, m := range msgs {
		msgs[i] = Flatten(m)
	}
	return msgs
}
