package intent

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// ErrSlot is wrapped by errors about a slot value that cannot be read
// (a duration or a time of day that makes no sense).
var ErrSlot = errors.New("intent: bad slot value")

// slotType is a slot with a closed vocabulary: the words it may hold in the
// grammar, the regular expression that matches them in text, and a check
// that the words make sense (a match whose typed slot fails it is no
// match).
type slotType struct {
	regex  string
	words  []string
	repeat bool // one or more words
	valid  func(string) bool
}

// wordsRegex matches one or more of words (and extra regular expressions),
// each followed by a space.
func wordsRegex(words []string, extra ...string) string {
	alts := make([]string, 0, len(words)+len(extra))
	for _, w := range words {
		if w != "" {
			alts = append(alts, regexp.QuoteMeta(w))
		}
	}
	alts = append(alts, extra...)
	return `(?:(?:` + strings.Join(alts, "|") + `) )+`
}

var (
	unitWords = []string{"hour", "hours", "minute", "minutes", "second", "seconds"}
	// durationWords are the grammar's words of a duration.
	durationWords = append(append(numberWords[:len(numberWords):len(numberWords)], "a", "an", "half", "quarter", "quarters", "of"), unitWords...)
	// timeWords are the grammar's words of a time of day.
	timeWords = append(numberWords[:len(numberWords):len(numberWords)],
		"oh", "o'clock", "am", "pm", "noon", "midday", "midnight", "half", "quarter", "past", "to",
		"in", "the", "morning", "afternoon", "evening", "at", "night", "tonight", "this")
)

// slotTypes are the typed slots, by slot name.
var slotTypes = map[string]slotType{
	"number": {
		regex:  wordsRegex(numberWords, `\d+`, "to", "too", "for", "won"),
		words:  numberWords,
		repeat: true,
		valid:  func(s string) bool { _, ok := ParseNumber(s); return ok },
	},
	// proposal is a proposal's short number, "number" in front allowed.
	"proposal": {
		regex:  `(?:number |no )?` + wordsRegex(numberWords, `\d+`, "to", "too", "for", "won"),
		words:  append([]string{"number"}, numberWords...),
		repeat: true,
		valid:  func(s string) bool { _, ok := ParseNumber(trimNumberWord(s)); return ok },
	},
	"vote": {
		regex: `(?:yes|no|abstain|for|against) `,
		words: []string{"yes", "no", "abstain", "for", "against"},
	},
	"duration": {
		regex:  wordsRegex(durationWords, `\d+(?:\.\d+)?`, "and", "hrs?", "mins?", "secs?"),
		words:  durationWords,
		repeat: true,
		valid:  func(s string) bool { _, err := ParseDuration(s); return err == nil },
	},
	"time": {
		regex:  wordsRegex(timeWords, `\d+(?:am|pm)?`, "a", "p", "m", "oclock"),
		words:  timeWords,
		repeat: true,
		valid:  func(s string) bool { _, err := ParseTimeOfDay(s); return err == nil },
	},
}

func isDigits(w string) bool {
	_, err := strconv.Atoi(w)
	return err == nil
}

func trimNumberWord(s string) string {
	s = strings.TrimSpace(s)
	for _, p := range []string{"number ", "no "} {
		s = strings.TrimPrefix(s, p)
	}
	return s
}

// numberToken reports whether w is a word or digits of a number (not
// "and", and not the words recognisers mistake for numbers).
func numberToken(w string) bool {
	if _, err := strconv.Atoi(w); err == nil {
		return true
	}
	switch w {
	case "to", "too", "for", "won", "and", "oh":
		return false
	case "hundred", "thousand":
		return true
	}
	_, ok := small[w]
	return ok
}

// maxDuration bounds what ParseDuration accepts.
const maxDuration = 100 * time.Hour

func unitOf(w string) time.Duration {
	switch w {
	case "hour", "hours", "hr", "hrs":
		return time.Hour
	case "minute", "minutes", "min", "mins":
		return time.Minute
	case "second", "seconds", "sec", "secs":
		return time.Second
	}
	return 0
}

// ParseDuration reads a spoken duration: "five minutes", "an hour and a
// half", "half an hour", "90 seconds", "1 minute 30", "one and a half
// hours", "2 hours 15 minutes", "a quarter of an hour", "1.5 hours". It is
// between one second and 100 hours.
func ParseDuration(s string) (time.Duration, error) {
	words := strings.Fields(Normalize(s))
	bad := func(why string) (time.Duration, error) {
		return 0, fmt.Errorf("%w: duration %q: %s", ErrSlot, s, why)
	}
	if len(words) == 0 {
		return bad("empty")
	}
	var (
		total   float64 // seconds
		count   float64 // the number before a unit
		counted bool
		mult    = 1.0 // "half an hour", "a quarter of an hour"
		last    time.Duration
	)
	for i := 0; i < len(words); i++ {
		w := words[i]
		next := ""
		if i+1 < len(words) {
			next = words[i+1]
		}
		switch {
		case numberToken(w) || strings.Contains(w, "."):
			j := i
			if _, err := strconv.Atoi(w); err == nil {
				j = i + 1 // digits stand alone
			}
			for j < len(words) && numberToken(words[j]) && !isDigits(words[j]) {
				j++
			}
			if j == i { // a decimal
				v, err := strconv.ParseFloat(w, 64)
				if err != nil || v < 0 {
					return bad("not a number: " + w)
				}
				count, counted = v, true
				continue
			}
			n, ok := ParseNumber(strings.Join(words[i:j], " "))
			if !ok {
				return bad("not a number")
			}
			if counted {
				return bad("two numbers in a row")
			}
			count, counted = float64(n), true
			i = j - 1
		case w == "a" || w == "an":
			if next == "half" || next == "quarter" {
				continue
			}
			if !counted {
				count, counted = 1, true
			}
		case w == "and" || w == "of":
		case w == "half" || w == "quarter" || w == "quarters":
			part := 0.5
			if w != "half" {
				part = 0.25
			}
			switch {
			case counted && w == "quarters":
				mult, counted = count*part, false
			case counted:
				count += part
			case last != 0:
				total += part * last.Seconds()
			default:
				mult = part
			}
		case unitOf(w) != 0:
			u := unitOf(w)
			if !counted {
				if mult == 1 && strings.HasSuffix(w, "s") {
					return bad("how many " + w + "?")
				}
				count = 1
			}
			total += count * mult * u.Seconds()
			count, counted, mult, last = 0, false, 1, u
		default:
			return bad("unknown word " + strconv.Quote(w))
		}
		if total > maxDuration.Seconds() || count > maxDuration.Seconds() {
			return bad("too long")
		}
	}
	if counted { // "1 minute 30": the unit below the last one
		switch last {
		case time.Hour:
			total += count * 60
		case time.Minute:
			total += count
		default:
			return bad("a number without a unit")
		}
	}
	if mult != 1 {
		return bad("half or quarter of what?")
	}
	d := time.Duration(total * float64(time.Second)).Round(time.Second)
	if d < time.Second || d > maxDuration {
		return bad("must be between one second and 100 hours")
	}
	return d, nil
}

// TimeOfDay is a time said without a date.
type TimeOfDay struct {
	Hour, Minute int // 0..23, 0..59
	// Ambiguous: no am, pm or part of the day was said and Hour (1..12)
	// could also be Hour+12 ("seven thirty").
	Ambiguous bool
}

// ParseTimeOfDay reads a time of day: "seven thirty", "7:30 am", "6am",
// "noon", "midnight", "half past seven", "quarter to eight", "ten past
// six in the evening", "seven o'clock", "19 45", "seven oh five pm".
func ParseTimeOfDay(s string) (TimeOfDay, error) {
	bad := func(why string) (TimeOfDay, error) {
		return TimeOfDay{}, fmt.Errorf("%w: time %q: %s", ErrSlot, s, why)
	}
	var words []string
	for _, w := range strings.Fields(Normalize(s)) {
		// "6am", "7pm"
		if len(w) > 2 && (strings.HasSuffix(w, "am") || strings.HasSuffix(w, "pm")) {
			if _, err := strconv.Atoi(w[:len(w)-2]); err == nil {
				words = append(words, w[:len(w)-2], w[len(w)-2:])
				continue
			}
		}
		words = append(words, w)
	}
	if len(words) == 0 {
		return bad("empty")
	}
	joined := " " + strings.Join(words, " ") + " "
	meridiem := "" // "am", "pm" or ""
	for _, m := range []struct{ say, is string }{
		{" a m ", "am"}, {" p m ", "pm"}, {" am ", "am"}, {" pm ", "pm"},
		{" in the morning ", "am"}, {" this morning ", "am"}, {" in the afternoon ", "pm"},
		{" this afternoon ", "pm"}, {" in the evening ", "pm"}, {" this evening ", "pm"},
		{" at night ", "pm"}, {" tonight ", "pm"},
	} {
		if strings.HasSuffix(joined, m.say) {
			joined = strings.TrimSuffix(joined, m.say) + " "
			meridiem = m.is
			break
		}
	}
	joined = strings.NewReplacer(" o'clock ", " ", " oclock ", " ").Replace(joined)
	words = strings.Fields(joined)
	if len(words) == 0 {
		return bad("no hour")
	}
	var hour, minute int
	h24 := false // said as a 24-hour time ("0730")
	switch {
	case len(words) == 1 && (words[0] == "noon" || words[0] == "midday"):
		if meridiem != "" {
			return bad("noon is not am or pm")
		}
		return TimeOfDay{Hour: 12}, nil
	case len(words) == 1 && words[0] == "midnight":
		if meridiem != "" {
			return bad("midnight is not am or pm")
		}
		return TimeOfDay{Hour: 0}, nil
	default:
		// "half past seven", "quarter to eight", "ten past six"
		if i := indexOf(words, "past", "to"); i > 0 {
			var m int
			switch strings.Join(words[:i], " ") {
			case "half", "a half":
				m = 30
			case "quarter", "a quarter":
				m = 15
			default:
				n, ok := ParseNumber(strings.TrimSuffix(strings.Join(words[:i], " "), " minutes"))
				if !ok || n == 0 || n > 30 {
					return bad("minutes past or to the hour")
				}
				m = n
			}
			h, ok := hourOf(words[i+1:])
			if !ok {
				return bad("no hour after " + words[i])
			}
			if words[i] == "to" {
				h, m = (h+23)%24, 60-m
			}
			hour, minute = h, m
			break
		}
		// "half seven": half past seven
		if len(words) >= 2 && words[0] == "half" {
			if h, ok := hourOf(words[1:]); ok {
				hour, minute = h, 30
				break
			}
		}
		// "0730", "730"
		if len(words) == 1 && len(words[0]) >= 3 && len(words[0]) <= 4 {
			if n, err := strconv.Atoi(words[0]); err == nil {
				hour, minute = n/100, n%100
				h24 = true
				break
			}
		}
		if strings.HasPrefix(words[0], "0") && len(words[0]) == 2 {
			h24 = true // "07 30"
		}
		var (
			h    int
			ok   bool
			rest []string
		)
		// "twenty one thirty": a two-word hour before the minutes
		if len(words) > 2 && words[0] == "twenty" {
			h, ok = hourOf(words[:2])
			rest = words[2:]
		}
		if !ok {
			h, ok = hourOf(words[:1])
			rest = words[1:]
		}
		if !ok {
			return bad("no hour")
		}
		hour = h
		if len(rest) > 0 {
			if rest[0] == "hundred" && len(rest) == 1 { // "nineteen hundred"
				break
			}
			m, ok := ParseNumber(strings.Join(rest, " "))
			if !ok || m > 59 {
				return bad("minutes must be 0 to 59")
			}
			// "seven five" is not a time: a minute under ten is said
			// "oh five" or written "05".
			if m < 10 && len(rest) == 1 && !strings.HasPrefix(rest[0], "0") {
				return bad("minutes under ten are said with oh")
			}
			minute = m
		}
	}
	if hour < 0 || hour > 23 || minute < 0 || minute > 59 {
		return bad("no such time")
	}
	switch meridiem {
	case "am":
		if hour > 12 {
			return bad("past noon and am")
		}
		hour %= 12
	case "pm":
		if hour > 12 {
			return bad("past noon and pm")
		}
		hour = hour%12 + 12
	default:
		return TimeOfDay{Hour: hour, Minute: minute, Ambiguous: !h24 && hour >= 1 && hour <= 12}, nil
	}
	return TimeOfDay{Hour: hour, Minute: minute}, nil
}

func indexOf(words []string, any ...string) int {
	for i, w := range words {
		for _, a := range any {
			if w == a {
				return i
			}
		}
	}
	return -1
}

// hourOf reads an hour, 0..23, from one or two words.
func hourOf(words []string) (int, bool) {
	if len(words) == 0 || len(words) > 2 {
		return 0, false
	}
	for _, w := range words {
		if !numberToken(w) || w == "hundred" || w == "thousand" {
			return 0, false
		}
	}
	n, ok := ParseNumber(strings.Join(words, " "))
	if !ok || n > 23 {
		return 0, false
	}
	return n, true
}

// Next is the first moment at or after now (exclusive) that t names, in
// now's location. An ambiguous time takes whichever of the morning and
// evening reading comes first.
func (t TimeOfDay) Next(now time.Time) time.Time {
	at := func(h int) time.Time {
		c := time.Date(now.Year(), now.Month(), now.Day(), h, t.Minute, 0, 0, now.Location())
		if !c.After(now) {
			c = time.Date(now.Year(), now.Month(), now.Day()+1, h, t.Minute, 0, 0, now.Location())
		}
		return c
	}
	best := at(t.Hour)
	if t.Ambiguous {
		if alt := at((t.Hour + 12) % 24); alt.Before(best) {
			best = alt
		}
	}
	return best
}

// Duration is the value of a duration slot.
func (in Intent) Duration(slot string) (time.Duration, error) {
	return ParseDuration(in.Slots[slot])
}

// TimeOfDay is the value of a time slot.
func (in Intent) TimeOfDay(slot string) (TimeOfDay, error) {
	return ParseTimeOfDay(in.Slots[slot])
}
