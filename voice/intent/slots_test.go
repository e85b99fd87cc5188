package intent

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/internal/jsgf"
)

func TestParseDuration(t *testing.T) {
	cases := []struct {
		name, in string
		want     time.Duration
		ok       bool
	}{
		{"words", "five minutes", 5 * time.Minute, true},
		{"compound number", "twenty five minutes", 25 * time.Minute, true},
		{"digits", "90 seconds", 90 * time.Second, true},
		{"an hour and a half", "an hour and a half", 90 * time.Minute, true},
		{"half an hour", "half an hour", 30 * time.Minute, true},
		{"one and a half hours", "one and a half hours", 90 * time.Minute, true},
		{"quarter of an hour", "a quarter of an hour", 15 * time.Minute, true},
		{"three quarters of an hour", "three quarters of an hour", 45 * time.Minute, true},
		{"unit then bare number", "1 minute 30", 90 * time.Second, true},
		{"hours then bare number", "two hours ten", 2*time.Hour + 10*time.Minute, true},
		{"two units", "2 hours and 15 minutes", 2*time.Hour + 15*time.Minute, true},
		{"decimal", "1.5 hours", 90 * time.Minute, true},
		{"singular alone", "minute", time.Minute, true},
		{"an hour", "an hour", time.Hour, true},
		{"abbreviated", "10 mins", 10 * time.Minute, true},
		{"empty", "", 0, false},
		{"no unit", "five", 0, false},
		{"plural alone", "minutes", 0, false},
		{"unknown word", "five bananas", 0, false},
		{"zero", "zero seconds", 0, false},
		{"too long", "two hundred hours", 0, false},
		{"half of nothing", "half", 0, false},
		{"two numbers", "five 5 minutes", 0, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseDuration(c.in)
			if (err == nil) != c.ok || got != c.want {
				t.Fatalf("ParseDuration(%q) = %v, %v; want %v, ok %v", c.in, got, err, c.want, c.ok)
			}
			if err != nil && !errors.Is(err, ErrSlot) {
				t.Fatalf("ParseDuration(%q) error %v does not wrap ErrSlot", c.in, err)
			}
		})
	}
}

func TestParseTimeOfDay(t *testing.T) {
	cases := []struct {
		name, in string
		want     TimeOfDay
		ok       bool
	}{
		{"words", "seven thirty", TimeOfDay{7, 30, true}, true},
		{"colon am", "7:30 am", TimeOfDay{7, 30, false}, true},
		{"glued am", "6am", TimeOfDay{6, 0, false}, true},
		{"dotted pm", "6 p.m.", TimeOfDay{18, 0, false}, true},
		{"noon", "noon", TimeOfDay{12, 0, false}, true},
		{"midnight", "midnight", TimeOfDay{0, 0, false}, true},
		{"half past", "half past seven", TimeOfDay{7, 30, true}, true},
		{"half seven", "half seven", TimeOfDay{7, 30, true}, true},
		{"quarter to", "quarter to eight", TimeOfDay{7, 45, true}, true},
		{"ten past in the evening", "ten past six in the evening", TimeOfDay{18, 10, false}, true},
		{"o'clock", "seven o'clock", TimeOfDay{7, 0, true}, true},
		{"24 hour", "19 45", TimeOfDay{19, 45, false}, true},
		{"oh five pm", "seven oh five pm", TimeOfDay{19, 5, false}, true},
		{"twelve am", "12 am", TimeOfDay{0, 0, false}, true},
		{"four digits", "0730", TimeOfDay{7, 30, false}, true},
		{"two word hour", "twenty one thirty", TimeOfDay{21, 30, false}, true},
		{"empty", "", TimeOfDay{}, false},
		{"minutes too big", "seven seventy", TimeOfDay{}, false},
		{"hour too big", "twenty five", TimeOfDay{}, false},
		{"pm after noon", "nineteen pm", TimeOfDay{}, false},
		{"words", "banana", TimeOfDay{}, false},
		{"past nothing", "half past", TimeOfDay{}, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ParseTimeOfDay(c.in)
			if (err == nil) != c.ok || got != c.want {
				t.Fatalf("ParseTimeOfDay(%q) = %+v, %v; want %+v, ok %v", c.in, got, err, c.want, c.ok)
			}
		})
	}
}

func TestTimeOfDayNext(t *testing.T) {
	now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		t    TimeOfDay
		want time.Time
	}{
		{"later today", TimeOfDay{10, 0, false}, time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)},
		{"tomorrow", TimeOfDay{8, 0, false}, time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)},
		{"ambiguous takes the evening", TimeOfDay{7, 30, true}, time.Date(2026, 3, 1, 19, 30, 0, 0, time.UTC)},
		{"now is not next", TimeOfDay{9, 0, false}, time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)},
	}
	for _, c := range cases {
		if got := c.t.Next(now); !got.Equal(c.want) {
			t.Errorf("%s: %+v.Next(%v) = %v, want %v", c.name, c.t, now, got, c.want)
		}
	}
}

func TestFillerAndTypedSlots(t *testing.T) {
	r, err := NewRouter(echoFallback{},
		fakeSkill{"stop", []Spec{{"stop", []string{"stop", "cancel"}}}},
		fakeSkill{"timer", []Spec{{"set", []string{"set a timer for {duration}", "set a {name} timer for {duration}"}}}},
		fakeSkill{"alarm", []Spec{{"set", []string{"wake me up at {time}", "set an alarm for {time}"}}}},
		fakeSkill{"gov", []Spec{{"vote", []string{"vote {vote} on proposal {proposal}"}}}},
		fakeSkill{"knowledge", []Spec{{"ask", []string{"who (is | was) {topic}"}}}},
	)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, text, intent string
		slots              map[string]string
		conf               float64
	}{
		{"as said", "stop", "stop.stop", nil, 1},
		{"please", "please stop", "stop.stop", nil, 0.75},
		{"wake word and thanks", "Hey Mycroft, cancel, thanks", "stop.stop", nil, 0.625},
		{"hesitation", "um stop", "stop.stop", nil, 0.75},
		{"duration words", "set a timer for five minutes", "timer.set", map[string]string{"duration": "five minutes"}, 1},
		{"duration mixed", "could you set a timer for 1 minute 30 please", "timer.set", map[string]string{"duration": "1 minute 30"}, 0.85},
		{"named timer", "set a pasta timer for ten minutes", "timer.set", map[string]string{"name": "pasta", "duration": "ten minutes"}, 1 - 1.0/14},
		{"bad duration is no match", "set a timer for minutes", "", nil, 0},
		{"time of day", "wake me up at seven thirty", "alarm.set", map[string]string{"time": "seven thirty"}, 1},
		{"time am", "set an alarm for 6 a.m.", "alarm.set", map[string]string{"time": "6 a m"}, 1},
		{"bad time is no match", "wake me up at ninety", "", nil, 0},
		{"proposal number", "vote yes on proposal number 3", "gov.vote", map[string]string{"vote": "yes", "proposal": "number 3"}, 1},
		{"free text without filler", "who was ada lovelace please", "knowledge.ask", map[string]string{"topic": "ada lovelace"}, 1 - 3.0/10},
		{"filler alone", "please", "", nil, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in, _, ok := r.Match(c.text)
			got := ""
			if ok {
				got = in.Skill + "." + in.Name
			}
			if got != c.intent {
				t.Fatalf("Match(%q) = %q %v, want %q", c.text, got, in.Slots, c.intent)
			}
			for k, v := range c.slots {
				if in.Slots[k] != v {
					t.Errorf("Match(%q) slot %s = %q, want %q", c.text, k, in.Slots[k], v)
				}
			}
			if ok && (in.Confidence < c.conf-1e-9 || in.Confidence > c.conf+1e-9) {
				t.Errorf("Match(%q) confidence = %v, want %v", c.text, in.Confidence, c.conf)
			}
		})
	}
	if in, _, _ := r.Match("vote no on proposal number twelve"); func() int { n, _ := in.Number("proposal"); return n }() != 12 {
		t.Errorf("proposal number of %v, want 12", in.Slots)
	}
	r.SetVocabulary("name", []string{"pasta", "tea"})
	r.SetVocabulary("topic", []string{"ada lovelace"})
	g := r.Grammar()
	if _, err := jsgf.Canonical(g); err != nil {
		t.Fatalf("grammar refused: %v\n%s", err, g)
	}
	for _, want := range []string{"<duration> = ( zero |", "<time> = ( zero |", "o'clock", "<proposal> = ( number |", "set a <name> timer for <duration>"} {
		if !strings.Contains(g, want) {
			t.Errorf("grammar lacks %q:\n%s", want, g)
		}
	}
}

func TestOnReply(t *testing.T) {
	r, err := NewRouter(echoFallback{}, fakeSkill{"stop", []Spec{{"stop", []string{"stop"}}}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	r.OnReply(func(in Intent, rep Reply) { got = append(got, in.Skill+":"+rep.Text) })
	for _, q := range []string{"stop", "sing"} {
		if _, err := r.Respond(t.Context(), q); err != nil {
			t.Fatal(err)
		}
	}
	if want := "stop:stop.stop|:fallback: sing"; strings.Join(got, "|") != want {
		t.Errorf("OnReply saw %q, want %q", strings.Join(got, "|"), want)
	}
}

func FuzzParseDuration(f *testing.F) {
	for _, s := range []string{"five minutes", "an hour and a half", "1 minute 30", "1.5 hours", "half", "9999999999 hours", "a quarter of an hour"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDuration(s)
		if err == nil && (d < time.Second || d > maxDuration) {
			t.Fatalf("ParseDuration(%q) = %v, outside 1s..100h", s, d)
		}
	})
}

func FuzzParseTimeOfDay(f *testing.F) {
	for _, s := range []string{"seven thirty", "7:30 am", "noon", "quarter to eight", "0730", "12 pm", "half past"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tod, err := ParseTimeOfDay(s)
		if err == nil && (tod.Hour < 0 || tod.Hour > 23 || tod.Minute < 0 || tod.Minute > 59) {
			t.Fatalf("ParseTimeOfDay(%q) = %+v", s, tod)
		}
	})
}
