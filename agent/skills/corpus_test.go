package skills

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/voice/intent"
)

// corpusFloor is the accuracy TestIntentCorpus requires: the matcher
// reaches 99.3% (400 of 403; docs/voice.md), so a change that loses more
// than a couple of phrasings fails. The corpus was written with the
// patterns in view, so this is not an accuracy on unseen speech: its last
// block, written without looking, scored 12 of 33 before the patterns and
// filler words were widened.
const corpusFloor = 0.98

// corpusMin is the fewest phrasings the corpus may hold.
const corpusMin = 300

type corpusCase struct {
	line   int
	text   string
	intent string // skill.intent or "none"
	slots  map[string]string
}

func readCorpus(t *testing.T, path string) []corpusCase {
	t.Helper()
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	var out []corpusCase
	sc := bufio.NewScanner(fh)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 || len(f) > 3 {
			t.Fatalf("%s:%d: want phrasing<TAB>intent[<TAB>slots], got %q", path, n, line)
		}
		c := corpusCase{line: n, text: f[0], intent: f[1], slots: map[string]string{}}
		if len(f) == 3 {
			for _, kv := range strings.Split(f[2], ";") {
				k, v, ok := strings.Cut(kv, "=")
				if !ok {
					t.Fatalf("%s:%d: bad slot %q", path, n, kv)
				}
				c.slots[k] = v
			}
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// slotValue is a slot as the corpus writes it: durations and times parsed,
// numbers as integers, free text as matched without "the"/"my".
func slotValue(in intent.Intent, name string) string {
	switch name {
	case "duration":
		d, err := in.Duration(name)
		if err != nil {
			return "error: " + err.Error()
		}
		return d.String()
	case "time":
		tod, err := in.TimeOfDay(name)
		if err != nil {
			return "error: " + err.Error()
		}
		return fmt.Sprintf("%d:%02d", tod.Hour, tod.Minute)
	case "number", "proposal":
		n, ok := in.Number(name)
		if !ok {
			return "error: " + in.Slots[name]
		}
		return strconv.Itoa(n)
	case "name":
		return timerName(in)
	}
	return in.Slots[name]
}

// TestIntentCorpus matches every phrasing of testdata/intents.tsv with all
// skills configured and reports the accuracy: right intent and right slots.
func TestIntentCorpus(t *testing.T) {
	cases := readCorpus(t, "testdata/intents.tsv")
	if len(cases) < corpusMin {
		t.Fatalf("corpus has %d phrasings, want at least %d", len(cases), corpusMin)
	}
	f := &fakes{volume: 50}
	r, err := New(Config{
		Now: func() time.Time { return time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC) }, Location: time.UTC,
		Weather: f, Knowledge: f, Wallet: f, Miner: f, Earnings: f, Governance: f, Volume: f,
	})
	if err != nil {
		t.Fatal(err)
	}
	var failed []string
	for _, c := range cases {
		in, _, ok := r.Match(c.text)
		got := "none"
		if ok {
			got = in.Skill + "." + in.Name
		}
		var why []string
		if got != c.intent {
			why = append(why, fmt.Sprintf("intent %s, want %s", got, c.intent))
		} else {
			for k, want := range c.slots {
				if v := slotValue(in, k); v != want {
					why = append(why, fmt.Sprintf("slot %s = %q, want %q", k, v, want))
				}
			}
		}
		if len(why) > 0 {
			failed = append(failed, fmt.Sprintf("line %d %q: %s (slots %v)", c.line, c.text, strings.Join(why, "; "), in.Slots))
		}
	}
	acc := float64(len(cases)-len(failed)) / float64(len(cases))
	t.Logf("intent corpus: %d of %d phrasings right, accuracy %.1f%%", len(cases)-len(failed), len(cases), 100*acc)
	if acc < corpusFloor {
		t.Errorf("accuracy %.1f%% under the floor %.0f%%; failing phrasings:\n%s", 100*acc, 100*corpusFloor, strings.Join(failed, "\n"))
	} else if len(failed) > 0 {
		t.Logf("failing phrasings (within the floor):\n%s", strings.Join(failed, "\n"))
	}
}
