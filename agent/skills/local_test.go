package skills

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakeClock is a wall clock and AfterFunc that only move when told.
type fakeClock struct {
	mu      sync.Mutex
	now     time.Time
	pending []*fakeTimer
}

type fakeTimer struct {
	at      time.Time
	f       func()
	stopped bool
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)} // a Monday, 9 am
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) AfterFunc(d time.Duration, f func()) func() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	t := &fakeTimer{at: c.now.Add(d), f: f}
	c.pending = append(c.pending, t)
	return func() bool {
		c.mu.Lock()
		defer c.mu.Unlock()
		was := !t.stopped && slices.Contains(c.pending, t)
		t.stopped = true
		return was
	}
}

// StopAll drops what is pending, as a process exit does.
func (c *fakeClock) StopAll() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.pending = nil
}

// Advance moves the clock and runs, in order, what falls due.
func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	end := c.now.Add(d)
	c.mu.Unlock()
	for {
		c.mu.Lock()
		slices.SortStableFunc(c.pending, func(a, b *fakeTimer) int { return a.at.Compare(b.at) })
		if len(c.pending) == 0 || c.pending[0].at.After(end) {
			c.now = end
			c.mu.Unlock()
			return
		}
		t := c.pending[0]
		c.pending = c.pending[1:]
		c.now = t.at
		c.mu.Unlock()
		if !t.stopped {
			t.f()
		}
	}
}

type fakeRinger struct {
	mu    sync.Mutex
	rang  []string
	rings bool
}

func (r *fakeRinger) Ring(name string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.rang = append(r.rang, name)
	r.rings = true
}

func (r *fakeRinger) StopRinging() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	was := r.rings
	r.rings = false
	return was
}

type memAlarms struct {
	doc     []byte
	failing bool
}

func (m *memAlarms) LoadAlarms(context.Context) ([]byte, error) {
	if m.failing {
		return nil, errors.New("keystore locked")
	}
	return m.doc, nil
}

func (m *memAlarms) SaveAlarms(_ context.Context, b []byte) error {
	if m.failing {
		return errors.New("keystore locked")
	}
	m.doc = slices.Clone(b)
	return nil
}

type localWorld struct {
	clock  *fakeClock
	ringer *fakeRinger
	store  *memAlarms
	fakes  *fakes
	knows  *countingKnowledge
	brain  *Brain
}

type countingKnowledge struct{ asked []string }

func (k *countingKnowledge) Answer(_ context.Context, q string) (string, error) {
	k.asked = append(k.asked, q)
	return "Answer about " + q + ".", nil
}

func newLocal(t *testing.T, clock *fakeClock, store *memAlarms) *localWorld {
	t.Helper()
	w := &localWorld{clock: clock, ringer: &fakeRinger{}, store: store, fakes: &fakes{volume: 40}, knows: &countingKnowledge{}}
	b, err := NewBrain(Config{
		Now: clock.Now, Location: time.UTC, AfterFunc: clock.AfterFunc,
		Ringer: w.ringer, Alarms: store, Volume: w.fakes, Knowledge: w.knows,
	})
	if err != nil {
		t.Fatal(err)
	}
	w.brain = b
	return w
}

// step is one utterance, what to say back, and time passing after it.
type step struct {
	say   string
	want  string // reply; prefix match when it ends with "…"
	after time.Duration
}

func run(t *testing.T, w *localWorld, steps []step) {
	t.Helper()
	for i, s := range steps {
		rep, err := w.brain.Respond(context.Background(), s.say)
		got := rep.Text
		ok := got == s.want
		if p, cut := strings.CutSuffix(s.want, "…"); cut {
			ok = strings.HasPrefix(got, p)
		}
		if err != nil || !ok {
			t.Fatalf("step %d: %q: got %q (%v), want %q", i, s.say, got, err, s.want)
		}
		w.clock.Advance(s.after)
	}
}

func TestTimers(t *testing.T) {
	cases := []struct {
		name  string
		steps []step
		rang  []string
	}{
		{"one unnamed timer rings", []step{
			{"set a timer for five minutes", "Timer set for 5 minutes.", 2 * time.Minute},
			{"how long is left", "3 minutes left on the timer.", 3 * time.Minute},
			{"what is ringing", "Your timer is done. Say stop to stop it.", 0},
			{"stop", "", 0},
			{"what is ringing", "Nothing is ringing.", 0},
		}, []string{"timer"}},
		{"named timers, one cancelled", []step{
			{"please set a pasta timer for ten minutes", "Pasta timer set for 10 minutes.", time.Minute},
			{"set an egg timer for an hour and a half", "Egg timer set for 1 hour and 30 minutes.", 30 * time.Second},
			{"how much time is left", "2 timers: 8 minutes and 30 seconds on the pasta timer; 1 hour, 29 minutes and 30 seconds on the egg timer.", 0},
			{"how long is left on the egg timer", "1 hour, 29 minutes and 30 seconds left on the egg timer.", 0},
			{"cancel the timer", "Which one? You have the pasta timer and the egg timer. Or say cancel all timers.", 0},
			{"cancel the egg timer", "Egg timer cancelled.", 2 * time.Hour},
			{"how long is left", "There are no timers.", 0},
		}, []string{"pasta timer"}},
		{"cancel all", []step{
			{"set a timer for 90 seconds", "Timer set for 1 minute and 30 seconds.", 0},
			{"start a tea timer for 3 minutes", "Tea timer set for 3 minutes.", 0},
			{"cancel all timers", "2 timers cancelled.", time.Hour},
			{"cancel the timer", "There are no timers.", 0},
		}, nil},
		{"same name replaces", []step{
			{"set a tea timer for 3 minutes", "Tea timer set for 3 minutes.", 0},
			{"set a tea timer for 1 minute 30", "Tea timer set for 1 minute and 30 seconds.", 10 * time.Minute},
		}, []string{"tea timer"}},
		{"no such timer", []step{
			{"cancel the pizza timer", "There is no pizza timer.", 0},
		}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := newLocal(t, newFakeClock(), &memAlarms{})
			run(t, w, c.steps)
			if !slices.Equal(w.ringer.rang, c.rang) {
				t.Errorf("rang %q, want %q", w.ringer.rang, c.rang)
			}
		})
	}
}

func TestAlarms(t *testing.T) {
	store := &memAlarms{}
	clock := newFakeClock() // Monday 9:00
	w := newLocal(t, clock, store)
	run(t, w, []step{
		{"wake me up at seven thirty", "Alarm set for 7 30 in the evening today.", 0},
		{"set an alarm for 6 am", "Alarm set for 6 o'clock in the morning tomorrow.", 0},
		{"what alarms do i have", "You have 2 alarms: 7 30 in the evening today and 6 o'clock in the morning tomorrow.", 0},
		{"set an alarm for 6 am", "There is already an alarm for 6 o'clock in the morning tomorrow.", 0},
	})
	// A restart: the old instance's timers die with it; a new brain on the
	// same store sees both alarms, and rings them.
	clock.StopAll()
	w2 := newLocal(t, clock, store)
	if n := w2.brain.Alarms.Count(); n != 2 {
		t.Fatalf("after restart %d alarms, want 2 (store %s)", n, store.doc)
	}
	run(t, w2, []step{
		{"list my alarms", "You have 2 alarms: 7 30 in the evening today and 6 o'clock in the morning tomorrow.", 11 * time.Hour},
		{"what is ringing", "Your alarm is done. Say stop to stop it.", 0},
		{"stop", "", 0},
		{"cancel the alarm for 6 am", "Alarm for 6 o'clock in the morning tomorrow cancelled.", 24 * time.Hour},
		{"what alarms do i have", "You have no alarms.", 0},
	})
	if !slices.Equal(w2.ringer.rang, []string{"alarm"}) {
		t.Errorf("rang %q, want one alarm", w2.ringer.rang)
	}
	if len(w.ringer.rang) != 0 {
		t.Errorf("the stopped instance rang %q", w.ringer.rang)
	}
	if w3 := newLocal(t, clock, store); w3.brain.Alarms.Count() != 0 {
		t.Errorf("after cancel, a new instance sees %d alarms (store %s)", w3.brain.Alarms.Count(), store.doc)
	}
}

func TestAlarmStoreFailing(t *testing.T) {
	store := &memAlarms{failing: true}
	w := newLocal(t, newFakeClock(), store)
	run(t, w, []step{{"wake me up at 7 am", "I can't read the alarms right now: is the keystore unlocked?", 0}})
	store.failing = false
	run(t, w, []step{{"wake me up at 7 am", "Alarm set for 7 o'clock in the morning tomorrow.", 0}})
	store.failing = true
	run(t, w, []step{{"set an alarm for 8 am", "I couldn't save the alarm: is the keystore unlocked?", 0}})
	if n := w.brain.Alarms.Count(); n != 1 {
		t.Errorf("%d alarms after a failed save, want 1", n)
	}
	store.doc, store.failing = []byte("{not json"), false
	if w := newLocal(t, newFakeClock(), store); w.brain.Alarms.Count() != 0 {
		t.Errorf("a damaged store gave %d alarms", w.brain.Alarms.Count())
	}
}

func TestLocalSkills(t *testing.T) {
	cases := []struct {
		name  string
		steps []step
	}{
		{"volume", []step{
			{"turn up the volume", "Volume 50.", 0},
			{"could you turn the volume down please", "Volume 40.", 0},
			{"mute", "Muted.", 0},
			{"turn the sound back on", "Volume 40.", 0},
			{"set volume to 75", "Volume 75.", 0},
			{"volume to twenty five percent", "Volume 25.", 0},
		}},
		{"stop phrasings", []step{
			{"please stop", "", 0}, {"cancel", "", 0}, {"never mind", "", 0}, {"shut up", "", 0},
		}},
		{"small talk", []step{
			{"thanks", "You're welcome.", 0},
			{"Thank you!", "You're welcome.", 0},
			{"hello", "Hello! How can I help?", 0},
		}},
		{"repeat", []step{
			{"what did you say", "I haven't said anything yet.", 0},
			{"what's the time", "It is 9 o'clock in the morning.", 0},
			{"what did you say", "It is 9 o'clock in the morning.", 0},
			{"say that again", "It is 9 o'clock in the morning.", 0},
		}},
		{"time and date", []step{
			{"what time is it", "It is 9 o'clock in the morning.", 0},
			{"hey mycroft what's the time", "It is 9 o'clock in the morning.", 0},
			{"what day is it", "Today is Monday, March 2, 2026.", 0},
			{"what's the date today", "Today is Monday, March 2, 2026.", 0},
		}},
		{"help", []step{
			{"what can you do", "You can ask: what time is it, set a timer for five minutes, wake me up at seven thirty, tell me about the moon, turn the volume up, or what did you say.", 0},
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			run(t, newLocal(t, newFakeClock(), &memAlarms{}), c.steps)
		})
	}
}

// TestNoSilentPaidCall: what no skill matched reaches the paid knowledge
// service only when it is a question.
func TestNoSilentPaidCall(t *testing.T) {
	cases := []struct {
		name, say, want string
		paid            bool
	}{
		{"thanks is small talk", "thanks", "You're welcome.", false},
		{"thanks a bunch is not a question", "thanks a bunch", SaySorry, false},
		{"a statement", "sing me a song", SaySorry, false},
		{"a single word", "banana", SaySorry, false},
		{"who question", "who was ada lovelace", "Answer about who was ada lovelace.", true},
		{"filler around a question", "hey mycroft, could you tell me about the eiffel tower please", "Answer about tell me about the eiffel tower.", true},
		{"how question", "how tall is mount everest", "Answer about how tall is mount everest.", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := newLocal(t, newFakeClock(), &memAlarms{})
			rep, err := w.brain.Respond(context.Background(), c.say)
			if err != nil || rep.Text != c.want || (len(w.knows.asked) > 0) != c.paid {
				t.Errorf("%q: got %q (%v), knowledge asked %q; want %q, paid %v", c.say, rep.Text, err, w.knows.asked, c.want, c.paid)
			}
		})
	}
	// Without a knowledge service a question is told why, and small talk
	// still is not understood.
	r, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for say, want := range map[string]string{"who was ada lovelace": SayWalletOff, "sing me a song": SaySorry} {
		if rep, _ := r.Respond(context.Background(), say); rep.Text != want {
			t.Errorf("no knowledge service, %q: got %q, want %q", say, rep.Text, want)
		}
	}
}

func TestSpokenDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0: "0 seconds", time.Second: "1 second", 90 * time.Second: "1 minute and 30 seconds",
		time.Hour + 30*time.Minute: "1 hour and 30 minutes", 2*time.Hour + time.Minute + time.Second: "2 hours, 1 minute and 1 second",
	} {
		if got := SpokenDuration(d); got != want {
			t.Errorf("SpokenDuration(%v) = %q, want %q", d, got, want)
		}
	}
}
