package haltest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"sync"

	"github.com/mycroft-network/mycroft/hal"
)

// ScriptedButtons is a hal.Buttons that delivers scripted events in order,
// then events pushed with Push or received from a source channel. When
// nothing is queued, Wait blocks until something is or ctx is done; when the
// source channel is closed and nothing is queued, Wait returns io.EOF.
type ScriptedButtons struct {
	mu     sync.Mutex
	queue  []hal.ButtonEvent
	src    <-chan hal.ButtonEvent
	served int
	notify notifier
	// AllowUnconsumed makes Close accept events never waited for.
	AllowUnconsumed bool
}

// NewScriptedButtons returns buttons that deliver events in order.
func NewScriptedButtons(events ...hal.ButtonEvent) *ScriptedButtons {
	return &ScriptedButtons{queue: slices.Clone(events)}
}

// NewChanButtons returns buttons that deliver what src sends.
func NewChanButtons(src <-chan hal.ButtonEvent) *ScriptedButtons {
	return &ScriptedButtons{src: src}
}

// Click is a press then a release of b.
func Click(b hal.ButtonID) []hal.ButtonEvent {
	return []hal.ButtonEvent{{Button: b, Action: hal.Press}, {Button: b, Action: hal.Release}}
}

// Push queues events after those already queued.
func (b *ScriptedButtons) Push(events ...hal.ButtonEvent) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.queue = append(b.queue, events...)
	b.notify.wake()
}

// Wait implements hal.Buttons.
func (b *ScriptedButtons) Wait(ctx context.Context) (hal.ButtonEvent, error) {
	for {
		b.mu.Lock()
		if len(b.queue) > 0 {
			ev := b.queue[0]
			b.queue = b.queue[1:]
			b.served++
			b.mu.Unlock()
			return ev, nil
		}
		ch := b.notify.wait()
		src := b.src
		b.mu.Unlock()
		select {
		case <-ch:
		case ev, ok := <-src:
			if !ok {
				return hal.ButtonEvent{}, io.EOF
			}
			b.mu.Lock()
			b.served++
			b.mu.Unlock()
			return ev, nil
		case <-ctx.Done():
			return hal.ButtonEvent{}, ctx.Err()
		}
	}
}

// Served is the number of events delivered by Wait.
func (b *ScriptedButtons) Served() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.served
}

// Close reports queued events never delivered, unless AllowUnconsumed.
func (b *ScriptedButtons) Close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.AllowUnconsumed && len(b.queue) > 0 {
		return fmt.Errorf("haltest: ScriptedButtons: %d events not consumed, next %v %v", len(b.queue), b.queue[0].Button, b.queue[0].Action)
	}
	return nil
}

var _ hal.Buttons = (*ScriptedButtons)(nil)

// FakeSwitch is a hal.Switch the test sets.
type FakeSwitch struct {
	mu      sync.Mutex
	on      bool
	err     error
	changes int
	notify  notifier
	// Expect, when non-nil, is how many state changes Close requires.
	Expect *int
}

// NewFakeSwitch returns a switch in state on.
func NewFakeSwitch(on bool) *FakeSwitch { return &FakeSwitch{on: on} }

// Set changes the state and wakes WaitChange callers.
func (s *FakeSwitch) Set(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.on != on {
		s.on = on
		s.changes++
	}
	s.notify.wake()
}

// Toggle flips the state and returns the new one.
func (s *FakeSwitch) Toggle() bool {
	s.mu.Lock()
	on := !s.on
	s.mu.Unlock()
	s.Set(on)
	return on
}

// FailWith makes State and WaitChange return err (nil to stop).
func (s *FakeSwitch) FailWith(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.err = err
	s.notify.wake()
}

// State implements hal.Switch.
func (s *FakeSwitch) State() (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.on, s.err
}

// WaitChange implements hal.Switch.
func (s *FakeSwitch) WaitChange(ctx context.Context, last bool) (bool, error) {
	for {
		s.mu.Lock()
		on, err := s.on, s.err
		ch := s.notify.wait()
		s.mu.Unlock()
		if err != nil {
			return on, err
		}
		if on != last {
			return on, nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return on, ctx.Err()
		}
	}
}

// Changes is the number of times the state changed.
func (s *FakeSwitch) Changes() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.changes
}

// Close checks Expect when set.
func (s *FakeSwitch) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Expect != nil && *s.Expect != s.changes {
		return fmt.Errorf("haltest: FakeSwitch: %d changes, want %d", s.changes, *s.Expect)
	}
	return nil
}

var _ hal.Switch = (*FakeSwitch)(nil)

// ErrLevel is returned by FakeVolume.SetVolume outside 0..100.
var ErrLevel = errors.New("haltest: volume out of range")

// FakeVolume is a hal.Volume that keeps every level set.
type FakeVolume struct {
	mu      sync.Mutex
	level   int
	history []int
}

// NewFakeVolume returns a volume at level.
func NewFakeVolume(level int) *FakeVolume { return &FakeVolume{level: level} }

// SetVolume implements hal.Volume.
func (v *FakeVolume) SetVolume(level int) error {
	if level < 0 || level > 100 {
		return fmt.Errorf("%w: %d", ErrLevel, level)
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	v.level = level
	v.history = append(v.history, level)
	return nil
}

// Volume implements hal.Volume.
func (v *FakeVolume) Volume() (int, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.level, nil
}

// History returns every level set, in order.
func (v *FakeVolume) History() []int {
	v.mu.Lock()
	defer v.mu.Unlock()
	return slices.Clone(v.history)
}

var _ hal.Volume = (*FakeVolume)(nil)
