package mark2

import (
	"context"
	"fmt"
	"sync"
	"time"

	"periph.io/x/conn/v3/gpio"

	"github.com/mycroft-network/mycroft/hal"
)

// GPIO lines (BCM numbering) of the SJ201 inputs.
const (
	GPIOVolUp   = 22
	GPIOVolDown = 23
	GPIOAction  = 24
	GPIOMute    = 25
)

// Input timing defaults.
const (
	DefaultPoll      = 10 * time.Millisecond
	DefaultDebounce  = 50 * time.Millisecond // as the SJ201 gpio-keys overlay
	DefaultLongPress = time.Second
)

// InputOpts tunes the polling debouncer. Zero fields take the defaults.
type InputOpts struct {
	Poll      time.Duration // how often pins are sampled
	Debounce  time.Duration // how long a level must hold to count
	LongPress time.Duration // held this long: one hal.Long event
}

func (o InputOpts) withDefaults() InputOpts {
	if o.Poll <= 0 {
		o.Poll = DefaultPoll
	}
	if o.Debounce <= 0 {
		o.Debounce = DefaultDebounce
	}
	if o.LongPress <= 0 {
		o.LongPress = DefaultLongPress
	}
	return o
}

// debouncer turns raw samples of one input into stable edges. It is a pure
// state machine fed with (time, level) samples.
type debouncer struct {
	raw, stable bool
	rawSince    time.Time
	pressedAt   time.Time
	longSent    bool
}

// step feeds one sample and emits the actions it produces (at most two: a
// level change and a long press).
func (d *debouncer) step(now time.Time, on bool, o InputOpts, emit func(hal.Action)) {
	if on != d.raw {
		d.raw, d.rawSince = on, now
	}
	if d.raw != d.stable && now.Sub(d.rawSince) >= o.Debounce {
		d.stable = d.raw
		if d.stable {
			d.pressedAt, d.longSent = now, false
			emit(hal.Press)
		} else {
			emit(hal.Release)
		}
	}
	if d.stable && !d.longSent && now.Sub(d.pressedAt) >= o.LongPress {
		d.longSent = true
		emit(hal.Long)
	}
}

// ButtonPins are the three SJ201 buttons (active low).
type ButtonPins struct {
	VolUp, VolDown, Action gpio.PinIn
}

// Buttons is the hal.Buttons of the SJ201: three active-low buttons with
// pull-ups, polled, debounced and timed with the injected Clock.
type Buttons struct {
	clk  Clock
	opts InputOpts

	mu      sync.Mutex
	pins    [3]gpio.PinIn
	ids     [3]hal.ButtonID
	state   [3]debouncer
	pending []hal.ButtonEvent
}

// NewButtons configures the pins as inputs with pull-ups.
func NewButtons(p ButtonPins, clk Clock, o InputOpts) (*Buttons, error) {
	b := &Buttons{
		clk:  clockOr(clk),
		opts: o.withDefaults(),
		pins: [3]gpio.PinIn{p.VolUp, p.VolDown, p.Action},
		ids:  [3]hal.ButtonID{hal.ButtonVolUp, hal.ButtonVolDown, hal.ButtonAction},
	}
	for i, pin := range b.pins {
		if pin == nil {
			return nil, fmt.Errorf("mark2: buttons: no pin for %s", b.ids[i])
		}
		if err := pin.In(gpio.PullUp, gpio.NoEdge); err != nil {
			return nil, fmt.Errorf("mark2: buttons: %s on %s: %w", b.ids[i], pin, err)
		}
	}
	return b, nil
}

// poll samples every pin once and queues the events.
func (b *Buttons) poll() {
	now := b.clk.Now()
	for i, pin := range b.pins {
		pressed := pin.Read() == gpio.Low
		id := b.ids[i]
		b.state[i].step(now, pressed, b.opts, func(a hal.Action) {
			b.pending = append(b.pending, hal.ButtonEvent{Button: id, Action: a, At: now})
		})
	}
}

// Wait implements hal.Buttons. Only one caller should wait at a time; a
// second one is served in turn.
func (b *Buttons) Wait(ctx context.Context) (hal.ButtonEvent, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for {
		if len(b.pending) > 0 {
			ev := b.pending[0]
			b.pending = b.pending[1:]
			return ev, nil
		}
		if err := ctx.Err(); err != nil {
			return hal.ButtonEvent{}, err
		}
		b.poll()
		if len(b.pending) > 0 {
			continue
		}
		if err := b.clk.Sleep(ctx, b.opts.Poll); err != nil {
			return hal.ButtonEvent{}, err
		}
	}
}

// MuteSwitch is the SJ201 microphone mute slide switch: high = muted. The
// switch cuts the microphones in hardware; software only follows it.
type MuteSwitch struct {
	pin  gpio.PinIn
	clk  Clock
	opts InputOpts
}

// NewMuteSwitch configures pin as an input (no pull: the switch drives it).
func NewMuteSwitch(pin gpio.PinIn, clk Clock, o InputOpts) (*MuteSwitch, error) {
	if pin == nil {
		return nil, fmt.Errorf("mark2: mute switch: no pin")
	}
	if err := pin.In(gpio.PullNoChange, gpio.NoEdge); err != nil {
		return nil, fmt.Errorf("mark2: mute switch on %s: %w", pin, err)
	}
	return &MuteSwitch{pin: pin, clk: clockOr(clk), opts: o.withDefaults()}, nil
}

// State implements hal.Switch: on = muted (pin high).
func (m *MuteSwitch) State() (bool, error) {
	return m.pin.Read() == gpio.High, nil
}

// WaitChange implements hal.Switch: it returns once the pin has held a state
// other than last for the debounce time.
func (m *MuteSwitch) WaitChange(ctx context.Context, last bool) (bool, error) {
	var since time.Time
	differing := false
	for {
		if err := ctx.Err(); err != nil {
			return last, err
		}
		now := m.clk.Now()
		on := m.pin.Read() == gpio.High
		switch {
		case on == last:
			differing = false
		case !differing:
			differing, since = true, now
		}
		if differing && now.Sub(since) >= m.opts.Debounce {
			return on, nil
		}
		if err := m.clk.Sleep(ctx, m.opts.Poll); err != nil {
			return last, err
		}
	}
}

var (
	_ hal.Buttons = (*Buttons)(nil)
	_ hal.Switch  = (*MuteSwitch)(nil)
)
