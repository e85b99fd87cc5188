package skills

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/mycroft-network/mycroft/voice/intent"
)

// AlarmStore keeps the alarms (a small JSON document) across restarts; the
// agent seals it with the keystore. Load returns nil and no error when
// nothing was saved yet.
type AlarmStore interface {
	LoadAlarms(ctx context.Context) ([]byte, error)
	SaveAlarms(ctx context.Context, doc []byte) error
}

// Alarms wakes the owner at a time of day: set, list, cancel. Alarms are
// kept in Store and rung through the bell; an alarm missed while the
// device was off is dropped when the alarms are loaded.
type Alarms struct {
	Now   func() time.Time
	Loc   *time.Location
	After AfterFunc
	Store AlarmStore
	bell  *bell

	mu     sync.Mutex
	loaded bool
	alarms []*alarm
}

type alarm struct {
	at   time.Time
	stop func() bool
}

type alarmDoc struct {
	Alarms []time.Time `json:"alarms"`
}

func (*Alarms) Name() string { return "alarm" }

func (*Alarms) Intents() []intent.Spec {
	return []intent.Spec{
		{Name: "set", Patterns: []string{
			"wake me [up] (at | by) {time} [tomorrow | tomorrow morning]",
			"wake up at {time}", "get me up at {time}",
			"(set | make | create) [an | the | my | a] (alarm | wake up call) (for | at) {time} [tomorrow | tomorrow morning]",
			"[an] alarm [for | at] {time}",
			"(set | make | create) [an | the | my | a] alarm for tomorrow at {time}",
			"(set | make | create) [an | the | my] alarm {time}",
			"i (need | want | have) to (get up | wake up | be up) at {time}",
		}},
		{Name: "list", Patterns: []string{
			"(what | which) alarms (do i have | are set | are there)", "(list | show) [me] [my | the | all | all the | all my] alarms",
			"[what are] my alarms", "when is my alarm [set for]", "what time is my alarm [set for]",
			"(is | are) there [an | any] (alarm | alarms) [set]", "do i have [an | any] (alarm | alarms) [set]",
			"what is my alarm [set for]", "check [my] (alarm | alarms)",
		}},
		{Name: "cancel", Patterns: []string{
			"(cancel | delete | remove | clear | turn off | disable) [the | my] alarm (for | at) {time}",
			"(cancel | delete | remove | clear | turn off | disable | get rid of) [the | my | all | all my | all the] (alarm | alarms)",
			"do not wake me [up] [tomorrow]", "no alarm [tomorrow]",
		}},
	}
}

// load reads the stored alarms once, dropping those already past, and
// schedules the others. Called with a.mu held.
func (a *Alarms) load(ctx context.Context) error {
	if a.loaded || a.Store == nil {
		a.loaded = true
		return nil
	}
	doc, err := a.Store.LoadAlarms(ctx)
	if err != nil {
		return fmt.Errorf("skills: alarms: load: %w", err)
	}
	a.loaded = true
	if len(doc) == 0 {
		return nil
	}
	var d alarmDoc
	if err := json.Unmarshal(doc, &d); err != nil {
		// A damaged document is not the owner's fault nor fixable by
		// voice: start empty, and overwrite it at the next change.
		return fmt.Errorf("skills: alarms: stored alarms unreadable: %w", err)
	}
	now := a.Now()
	for _, at := range d.Alarms {
		if at.After(now) {
			a.schedule(at)
		}
	}
	return nil
}

// Restore loads the stored alarms so they ring without being asked about
// first; the agent calls it when the keystore opens. Safe to call again.
func (a *Alarms) Restore(ctx context.Context) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.load(ctx)
}

// schedule adds an alarm at at; a.mu held.
func (a *Alarms) schedule(at time.Time) {
	al := &alarm{at: at}
	a.arm(al)
	a.alarms = append(a.alarms, al)
	slices.SortFunc(a.alarms, func(x, y *alarm) int { return x.at.Compare(y.at) })
}

func (a *Alarms) arm(al *alarm) {
	al.stop = a.After(max(al.at.Sub(a.Now()), 0), func() { a.fire(al) })
}

// fire rings al, unless the wall clock was set back meanwhile (then it
// waits again).
func (a *Alarms) fire(al *alarm) {
	a.mu.Lock()
	if !slices.Contains(a.alarms, al) {
		a.mu.Unlock()
		return
	}
	if a.Now().Before(al.at) {
		a.arm(al)
		a.mu.Unlock()
		return
	}
	a.alarms = slices.DeleteFunc(a.alarms, func(x *alarm) bool { return x == al })
	err := a.save(context.Background())
	a.mu.Unlock()
	_ = err // the alarm rings anyway; a stale entry is dropped at the next load
	if a.bell != nil {
		a.bell.Ring("alarm")
	}
}

// save writes the alarms; a.mu held.
func (a *Alarms) save(ctx context.Context) error {
	if a.Store == nil {
		return nil
	}
	d := alarmDoc{Alarms: []time.Time{}}
	for _, al := range a.alarms {
		d.Alarms = append(d.Alarms, al.at.UTC())
	}
	b, err := json.Marshal(d)
	if err != nil {
		return fmt.Errorf("skills: alarms: %w", err)
	}
	if err := a.Store.SaveAlarms(ctx, b); err != nil {
		return fmt.Errorf("skills: alarms: save: %w", err)
	}
	return nil
}

func (a *Alarms) Handle(ctx context.Context, in intent.Intent) (intent.Reply, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if err := a.load(ctx); err != nil {
		return intent.Reply{Text: "I can't read the alarms right now: is the keystore unlocked?"}, nil
	}
	now := a.Now().In(a.Loc)
	switch in.Name {
	case "set":
		tod, err := in.TimeOfDay("time")
		if err != nil {
			return intent.Reply{Text: "What time should the alarm ring?"}, nil
		}
		at := tod.Next(now)
		for _, al := range a.alarms {
			if al.at.Equal(at) {
				return intent.Reply{Text: "There is already an alarm for " + a.spoken(at, now) + "."}, nil
			}
		}
		a.schedule(at)
		if err := a.save(ctx); err != nil {
			a.drop(at)
			return intent.Reply{Text: "I couldn't save the alarm: is the keystore unlocked?"}, nil
		}
		return intent.Reply{Text: "Alarm set for " + a.spoken(at, now) + "."}, nil
	case "list":
		if len(a.alarms) == 0 {
			return intent.Reply{Text: "You have no alarms."}, nil
		}
		var say []string
		for _, al := range a.alarms {
			say = append(say, a.spoken(al.at, now))
		}
		return intent.Reply{Text: fmt.Sprintf("You have %d %s: %s.", len(say), plural(len(say), "alarm", "alarms"), joinAnd(say))}, nil
	case "cancel":
		if len(a.alarms) == 0 {
			return intent.Reply{Text: "You have no alarms."}, nil
		}
		var gone []*alarm
		if _, said := in.Slots["time"]; said {
			tod, err := in.TimeOfDay("time")
			if err != nil {
				return intent.Reply{Text: "Which alarm?"}, nil
			}
			for _, al := range a.alarms {
				t := al.at.In(a.Loc)
				if t.Minute() == tod.Minute && (t.Hour() == tod.Hour || tod.Ambiguous && t.Hour() == (tod.Hour+12)%24) {
					gone = append(gone, al)
				}
			}
			if len(gone) == 0 {
				return intent.Reply{Text: "There is no alarm at that time."}, nil
			}
		} else {
			gone = slices.Clone(a.alarms)
		}
		keep := slices.Clone(a.alarms)
		a.alarms = slices.DeleteFunc(a.alarms, func(x *alarm) bool { return slices.Contains(gone, x) })
		if err := a.save(ctx); err != nil {
			a.alarms = keep
			return intent.Reply{Text: "I couldn't change the alarms: is the keystore unlocked?"}, nil
		}
		for _, al := range gone {
			al.stop()
		}
		if len(gone) == 1 {
			return intent.Reply{Text: "Alarm for " + a.spoken(gone[0].at, now) + " cancelled."}, nil
		}
		return intent.Reply{Text: fmt.Sprintf("%d alarms cancelled.", len(gone))}, nil
	}
	return intent.Reply{}, fmt.Errorf("skills: alarm: unknown intent %q", in.Name)
}

func (a *Alarms) drop(at time.Time) {
	a.alarms = slices.DeleteFunc(a.alarms, func(x *alarm) bool {
		if x.at.Equal(at) {
			x.stop()
			return true
		}
		return false
	})
}

// spoken says when an alarm rings: "7 30 in the morning", "tomorrow at ...".
func (a *Alarms) spoken(at, now time.Time) string {
	at = at.In(a.Loc)
	s := SpokenTime(at)
	y1, m1, d1 := now.Date()
	y2, m2, d2 := at.Date()
	switch {
	case y1 == y2 && m1 == m2 && d1 == d2:
		return s + " today"
	case time.Date(y1, m1, d1+1, 0, 0, 0, 0, a.Loc).Equal(time.Date(y2, m2, d2, 0, 0, 0, 0, a.Loc)):
		return s + " tomorrow"
	}
	return s + " on " + at.Format("Monday")
}

// Count is how many alarms are set.
func (a *Alarms) Count() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.alarms)
}
