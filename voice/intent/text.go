package intent

import (
	"strconv"
	"strings"
	"unicode"
)

var contractions = map[string]string{
	"what's": "what is", "whats": "what is", "it's": "it is", "who's": "who is",
	"where's": "where is", "how's": "how is", "i'm": "i am", "don't": "do not",
	"today's": "today", "that's": "that is", "there's": "there is",
	"todays": "today", "can't": "can not", "cannot": "can not", "didn't": "did not",
	"doesn't": "does not", "isn't": "is not", "won't": "will not", "wasn't": "was not",
	"aren't": "are not", "couldn't": "could not", "wouldn't": "would not",
	"you're": "you are", "i've": "i have", "i'll": "i will", "what're": "what are",
}

// Normalize lowercases text, expands common contractions, turns punctuation
// into spaces and keeps one space between words.
func Normalize(text string) string {
	text = strings.ToLower(text)
	text = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' {
			return r
		}
		if r == '.' || r == ',' { // keep "3.5" apart from sentence ends below
			return r
		}
		return ' '
	}, text)
	var out []string
	for _, w := range strings.Fields(text) {
		w = strings.Trim(w, ".,'")
		// a dot or comma inside a number stays; elsewhere it splits words
		if strings.ContainsAny(w, ".,") && !isNumber(w) {
			for _, part := range strings.FieldsFunc(w, func(r rune) bool { return r == '.' || r == ',' }) {
				out = append(out, expand(part)...)
			}
			continue
		}
		if w != "" {
			out = append(out, expand(w)...)
		}
	}
	return strings.Join(out, " ")
}

func expand(w string) []string {
	if e, ok := contractions[w]; ok {
		return strings.Fields(e)
	}
	return []string{w}
}

func isNumber(w string) bool {
	_, err := strconv.ParseFloat(strings.ReplaceAll(w, ",", ""), 64)
	return err == nil
}

var small = map[string]int{
	"zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
	"eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
	"fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	// what recognisers make of "to", "for", "won" in a number slot
	"to": 2, "too": 2, "for": 4, "won": 1,
}

// numberWords are the words of the number slot, in the grammar.
var numberWords = []string{
	"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
	"eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
	"eighty", "ninety", "hundred", "thousand", "and",
}

// ParseNumber reads a non-negative whole number from digits ("42") or
// English words ("forty two", "one hundred and five").
func ParseNumber(s string) (int, bool) {
	words := strings.Fields(Normalize(s))
	if len(words) == 0 {
		return 0, false
	}
	if len(words) == 1 {
		if n, err := strconv.Atoi(words[0]); err == nil && n >= 0 {
			return n, true
		}
	}
	total, cur, any := 0, 0, false
	for _, w := range words {
		switch {
		case w == "and":
			continue
		case w == "hundred":
			if cur == 0 {
				cur = 1
			}
			cur *= 100
		case w == "thousand":
			if cur == 0 {
				cur = 1
			}
			total += cur * 1000
			cur = 0
		default:
			v, ok := small[w]
			if !ok {
				n, err := strconv.Atoi(w)
				if err != nil || n < 0 {
					return 0, false
				}
				v = n
			}
			cur += v
		}
		any = true
		if total+cur > 1_000_000 {
			return 0, false
		}
	}
	return total + cur, any
}
