package sim

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/mycroft-network/mycroft/hal"
)

// Buttons is a hal.Buttons fed by the keyboard or by Click.
type Buttons struct {
	events chan hal.ButtonEvent
	now    func() time.Time
}

// NewButtons returns buttons with nothing pressed.
func NewButtons() *Buttons {
	return &Buttons{events: make(chan hal.ButtonEvent, 64), now: time.Now}
}

// Click queues a press and a release of b. It drops them when 64 events
// are already waiting.
func (b *Buttons) Click(id hal.ButtonID) {
	now := b.now()
	for _, a := range []hal.Action{hal.Press, hal.Release} {
		select {
		case b.events <- hal.ButtonEvent{Button: id, Action: a, At: now}:
		default:
		}
	}
}

// Wait implements hal.Buttons.
func (b *Buttons) Wait(ctx context.Context) (hal.ButtonEvent, error) {
	select {
	case ev := <-b.events:
		return ev, nil
	case <-ctx.Done():
		return hal.ButtonEvent{}, ctx.Err()
	}
}

var _ hal.Buttons = (*Buttons)(nil)

// Switch is a hal.Switch toggled by the keyboard or by Set.
type Switch struct {
	mu sync.Mutex
	on bool
	ch chan struct{} // closed and replaced on every change
}

// NewSwitch returns a switch in state on.
func NewSwitch(on bool) *Switch { return &Switch{on: on, ch: make(chan struct{})} }

// Set changes the state.
func (s *Switch) Set(on bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.on != on {
		s.on = on
		close(s.ch)
		s.ch = make(chan struct{})
	}
}

// Toggle flips the state and returns the new one.
func (s *Switch) Toggle() bool {
	s.mu.Lock()
	on := !s.on
	s.mu.Unlock()
	s.Set(on)
	return on
}

// State implements hal.Switch.
func (s *Switch) State() (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.on, nil
}

// WaitChange implements hal.Switch.
func (s *Switch) WaitChange(ctx context.Context, last bool) (bool, error) {
	for {
		s.mu.Lock()
		on, ch := s.on, s.ch
		s.mu.Unlock()
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

var _ hal.Switch = (*Switch)(nil)

// Volume is a hal.Volume kept in memory.
type Volume struct {
	mu    sync.Mutex
	level int
}

// ErrLevel is returned by SetVolume outside 0..100.
var ErrLevel = errors.New("sim: volume out of range")

// NewVolume returns a volume at level (clamped to 0..100).
func NewVolume(level int) *Volume { return &Volume{level: max(0, min(100, level))} }

// SetVolume implements hal.Volume.
func (v *Volume) SetVolume(level int) error {
	if level < 0 || level > 100 {
		return fmt.Errorf("%w: %d", ErrLevel, level)
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	v.level = level
	return nil
}

// Volume implements hal.Volume.
func (v *Volume) Volume() (int, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.level, nil
}

var _ hal.Volume = (*Volume)(nil)

// Key actions.
const (
	keyCtrlC = 0x03
	keyCtrlD = 0x04
)

// ReadKeys reads keystrokes from r until it ends or fails, or quit is
// pressed: space is the action button, '+' or '=' volume up, '-' volume
// down, 'm' toggles mute, 'q', Ctrl-C or Ctrl-D call onQuit (when set) and
// return. Other keys are ignored. It returns nil at the end of r or on quit.
func ReadKeys(r io.Reader, b *Buttons, mute *Switch, onQuit func()) error {
	buf := make([]byte, 64)
	for {
		n, err := r.Read(buf)
		for _, k := range buf[:n] {
			switch k {
			case ' ':
				b.Click(hal.ButtonAction)
			case '+', '=':
				b.Click(hal.ButtonVolUp)
			case '-', '_':
				b.Click(hal.ButtonVolDown)
			case 'm', 'M':
				if mute != nil {
					mute.Toggle()
				}
			case 'q', 'Q', keyCtrlC, keyCtrlD:
				if onQuit != nil {
					onQuit()
				}
				return nil
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("sim: keyboard: %w", err)
		}
	}
}
