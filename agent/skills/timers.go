package skills

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/mycroft-network/mycroft/voice/intent"
)

// TimerNames are the timer names the speech grammar holds ("set a pasta
// timer for ten minutes"); typed text may use any name.
var TimerNames = []string{
	"pasta", "egg", "eggs", "tea", "coffee", "rice", "pizza", "bread", "cake", "oven", "laundry",
	"kitchen", "cooking", "workout", "break", "nap", "homework", "meeting", "parking", "potatoes",
}

// Timers counts down, several at once, named or not, and rings when one
// runs out. It needs no network.
type Timers struct {
	Now   func() time.Time
	After AfterFunc
	bell  *bell

	mu     sync.Mutex
	timers []*timer
}

type timer struct {
	name string // "" unnamed
	end  time.Time
	stop func() bool
}

func (t *timer) called() string {
	if t.name == "" {
		return "timer"
	}
	return t.name + " timer"
}

func (*Timers) Name() string { return "timer" }

func (*Timers) Intents() []intent.Spec {
	return []intent.Spec{
		{Name: "set", Patterns: []string{
			"(set | start | create | make) [a | an | the | my] timer (for | of) {duration}",
			"(set | start | create | make) [a | an] {duration} timer",
			"[a] timer [for] {duration}", "{duration} timer", "time {duration}",
			"(put | set) [a | the] timer on for {duration}", "(set | give) me a timer for {duration}",
			"i need a timer for {duration}",
			"count down (from | for) {duration}", "countdown [for] {duration}",
			"remind me in {duration}",
			"(set | start | create | make) [a | an | the | my] {name} timer (for | of) {duration}",
			"(set | start | create | make) [a | an] {duration} {name} timer",
			"(set | start | create | make) [a | an | the | my] timer (for | of) {duration} (for | called | named) [the | my] {name}",
			"[a] {name} timer for {duration}",
		}},
		{Name: "left", Patterns: []string{
			"how (long | much time) [is] (left | remaining) [on] [the | my] [timer | timers]",
			"how much longer [on the timer]", "how long until the timer (is done | goes off | rings | ends)",
			"what is left on [the | my] (timer | timers)", "(check | show) [the | my] (timer | timers)",
			"what (timers | timer) (do i have | are running | is running)", "[list] [my | the] timers",
			"time left [on the timer]", "is [the | my] timer [still] running",
			"how long has [the | my] timer got [left]",
			"how (long | much time) [is] (left | remaining) on [the | my] {name} timer",
			"how long until [the | my] {name} timer (is done | goes off | rings | ends)",
			"(check | what is left on) [the | my] {name} timer",
		}},
		{Name: "cancel", Patterns: []string{
			"(cancel | stop | delete | remove | clear | end | turn off | kill | get rid of) [the | my | that] timer",
			"(cancel | stop | delete | remove | clear | end | turn off | kill | get rid of) [the | my] {name} timer",
		}},
		{Name: "cancel_all", Patterns: []string{
			"(cancel | stop | delete | remove | clear) all [the | my] timers",
			"(cancel | stop | delete | remove | clear) [the | my] timers",
			"(cancel | stop | delete | remove | clear) every timer",
		}},
	}
}

func timerName(in intent.Intent) string {
	n := strings.TrimSpace(in.Slots["name"])
	for _, p := range []string{"the ", "my ", "a "} {
		n = strings.TrimPrefix(n, p)
	}
	return n
}

func (t *Timers) Handle(_ context.Context, in intent.Intent) (intent.Reply, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	name := timerName(in)
	now := t.Now()
	switch in.Name {
	case "set":
		d, err := in.Duration("duration")
		if err != nil {
			return intent.Reply{Text: "How long should the timer run?"}, nil
		}
		if old := t.find(name); old != nil {
			old.stop()
			t.remove(old)
		}
		tm := &timer{name: name, end: now.Add(d)}
		tm.stop = t.After(d, func() { t.ring(tm) })
		t.timers = append(t.timers, tm)
		return intent.Reply{Text: capitalize(tm.called()) + " set for " + SpokenDuration(d) + "."}, nil
	case "left":
		list := t.timers
		if name != "" {
			tm := t.find(name)
			if tm == nil {
				return intent.Reply{Text: "There is no " + name + " timer."}, nil
			}
			list = []*timer{tm}
		}
		switch len(list) {
		case 0:
			return intent.Reply{Text: "There are no timers."}, nil
		case 1:
			return intent.Reply{Text: SpokenDuration(roundUp(list[0].end.Sub(now))) + " left on the " + list[0].called() + "."}, nil
		}
		var parts []string
		for _, tm := range t.sorted() {
			parts = append(parts, SpokenDuration(roundUp(tm.end.Sub(now)))+" on the "+tm.called())
		}
		return intent.Reply{Text: fmt.Sprintf("%d timers: %s.", len(list), strings.Join(parts, "; "))}, nil
	case "cancel":
		var tm *timer
		switch {
		case name != "":
			if tm = t.find(name); tm == nil {
				return intent.Reply{Text: "There is no " + name + " timer."}, nil
			}
		case len(t.timers) == 0:
			return intent.Reply{Text: "There are no timers."}, nil
		case len(t.timers) == 1:
			tm = t.timers[0]
		default:
			var names []string
			for _, x := range t.sorted() {
				names = append(names, "the "+x.called())
			}
			return intent.Reply{Text: "Which one? You have " + joinAnd(names) + ". Or say cancel all timers."}, nil
		}
		tm.stop()
		t.remove(tm)
		return intent.Reply{Text: capitalize(tm.called()) + " cancelled."}, nil
	case "cancel_all":
		n := len(t.timers)
		for _, tm := range t.timers {
			tm.stop()
		}
		t.timers = nil
		if n == 0 {
			return intent.Reply{Text: "There are no timers."}, nil
		}
		return intent.Reply{Text: fmt.Sprintf("%d %s cancelled.", n, plural(n, "timer", "timers"))}, nil
	}
	return intent.Reply{}, fmt.Errorf("skills: timer: unknown intent %q", in.Name)
}

// ring is called by the clock when tm runs out.
func (t *Timers) ring(tm *timer) {
	t.mu.Lock()
	i := slices.Index(t.timers, tm)
	if i >= 0 {
		t.timers = slices.Delete(t.timers, i, i+1)
	}
	t.mu.Unlock()
	if i >= 0 && t.bell != nil {
		t.bell.Ring(tm.called())
	}
}

func (t *Timers) find(name string) *timer {
	for _, tm := range t.timers {
		if tm.name == name {
			return tm
		}
	}
	return nil
}

func (t *Timers) remove(tm *timer) {
	t.timers = slices.DeleteFunc(t.timers, func(x *timer) bool { return x == tm })
}

// sorted lists the timers, soonest first.
func (t *Timers) sorted() []*timer {
	s := slices.Clone(t.timers)
	slices.SortStableFunc(s, func(a, b *timer) int { return a.end.Compare(b.end) })
	return s
}

// Count is how many timers run.
func (t *Timers) Count() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.timers)
}

func roundUp(d time.Duration) time.Duration {
	if r := d % time.Second; r > 0 {
		d += time.Second - r
	}
	return d
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
