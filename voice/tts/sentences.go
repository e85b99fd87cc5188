package tts

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentences splits text into the sentences a speaker would pause between,
// so they can be synthesised one at a time. It splits after '.', '!', '?'
// and '…' (closing quotes and brackets may follow) when the next word does
// not start with a lower-case letter, and never inside a word, so decimals
// ("3.5") and thousands separators ("1,000") stay whole. A '.' does not end
// a sentence after a title ("Dr.", "Mr.", "St."), a single initial ("J."),
// "e.g.", "i.e." or "vs."; after "No." only when a number follows; after a
// dotted abbreviation ("a.m.", "U.S.") or "etc." only when a capital
// follows. Whitespace is collapsed: joined with single spaces, the
// sentences are the text's words.
func Sentences(text string) []string {
	words := strings.Fields(text)
	var out []string
	start := 0
	for i, w := range words {
		next := ""
		if i+1 < len(words) {
			next = words[i+1]
		}
		if next == "" || endsSentence(w, next) {
			out = append(out, strings.Join(words[start:i+1], " "))
			start = i + 1
		}
	}
	return out
}

// Abbreviations after which a '.' never ends a sentence: titles before a
// name and Latin ones that introduce what follows.
var neverEnds = map[string]bool{
	"dr": true, "mr": true, "mrs": true, "ms": true, "prof": true, "st": true,
	"sr": true, "jr": true, "mt": true, "ft": true, "gen": true, "col": true,
	"capt": true, "lt": true, "sgt": true, "rev": true, "hon": true, "gov": true,
	"sen": true, "rep": true, "pres": true, "vs": true, "approx": true,
	"fig": true, "ca": true, "cf": true, "e.g": true, "i.e": true, "viz": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// endsSentence reports whether a sentence ends after word w, next being the
// word that follows.
func endsSentence(w, next string) bool {
	core := strings.TrimRight(w, `"')]}”’»`)
	if core == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(core)
	switch last {
	case '!', '?', '…':
	case '.':
	default:
		return false
	}
	first, _ := utf8.DecodeRuneInString(strings.TrimLeft(next, `"'([{“‘«`))
	if unicode.IsLower(first) {
		return false
	}
	if last != '.' || strings.HasSuffix(core, "..") {
		return true // '!', '?', an ellipsis
	}
	stem := strings.TrimLeft(strings.TrimSuffix(core, "."), `"'([{“‘«`)
	lower := strings.ToLower(stem)
	switch {
	case neverEnds[lower]:
		return false
	case lower == "no":
		return !unicode.IsDigit(first)
	case utf8.RuneCountInString(stem) == 1 && unicode.IsUpper([]rune(stem)[0]):
		return false // an initial: "J. R. R. Tolkien"
	case lower == "etc" || strings.Contains(stem, "."):
		return unicode.IsUpper(first)
	}
	return true
}
