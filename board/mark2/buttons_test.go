package mark2

import (
	"context"
	"testing"
	"time"

	"periph.io/x/conn/v3/gpio"
	"periph.io/x/conn/v3/gpio/gpiotest"

	"github.com/mycroft-network/mycroft/hal"
)

func ms(n int) time.Duration { return time.Duration(n) * time.Millisecond }

func TestDebouncer(t *testing.T) {
	o := InputOpts{Debounce: ms(50), LongPress: ms(1000)}
	type sample struct {
		at int // ms
		on bool
	}
	type ev struct {
		at int
		a  hal.Action
	}
	tests := []struct {
		name    string
		samples []sample
		want    []ev
	}{
		{"clean press and release",
			[]sample{{0, false}, {10, true}, {40, true}, {60, true}, {300, false}, {349, false}, {350, false}},
			[]ev{{60, hal.Press}, {350, hal.Release}}},
		{"bounces shorter than debounce are ignored",
			[]sample{{0, true}, {20, false}, {30, true}, {70, false}, {100, false}},
			nil},
		{"long press then release",
			[]sample{{0, true}, {50, true}, {1049, true}, {1050, true}, {2000, true}, {2100, false}, {2150, false}},
			[]ev{{50, hal.Press}, {1050, hal.Long}, {2150, hal.Release}}},
		{"long sent once per press",
			[]sample{{0, true}, {50, true}, {1050, true}, {1100, false}, {1150, false}, {1200, true}, {1250, true}, {2250, true}},
			[]ev{{50, hal.Press}, {1050, hal.Long}, {1150, hal.Release}, {1250, hal.Press}, {2250, hal.Long}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var d debouncer
			var got []ev
			for _, s := range tc.samples {
				d.step(t0.Add(ms(s.at)), s.on, o, func(a hal.Action) { got = append(got, ev{s.at, a}) })
			}
			if len(got) != len(tc.want) {
				t.Fatalf("events %v, want %v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("event %d = %v, want %v", i, got[i], tc.want[i])
				}
			}
		})
	}
}

func newButtonPins() (ButtonPins, [3]*gpiotest.Pin) {
	up := &gpiotest.Pin{N: "GPIO22", Num: 22}
	down := &gpiotest.Pin{N: "GPIO23", Num: 23}
	act := &gpiotest.Pin{N: "GPIO24", Num: 24}
	return ButtonPins{VolUp: up, VolDown: down, Action: act}, [3]*gpiotest.Pin{up, down, act}
}

func TestButtonsWait(t *testing.T) {
	clk := newFakeClock()
	pins, p := newButtonPins()
	b, err := NewButtons(pins, clk, InputOpts{})
	if err != nil {
		t.Fatal(err)
	}
	for _, pin := range p {
		if pin.P != gpio.PullUp || pin.L != gpio.High {
			t.Fatalf("%s: pull %s level %s, want pull-up and high", pin, pin.P, pin.L)
		}
	}
	act, up := p[2], p[0]
	// Action: bouncy press at 100 ms, settles low at 120 ms, held to 2 s.
	clk.at(ms(100), func() { setLevel(act, gpio.Low) })
	clk.at(ms(110), func() { setLevel(act, gpio.High) })
	clk.at(ms(120), func() { setLevel(act, gpio.Low) })
	clk.at(ms(2000), func() { setLevel(act, gpio.High) })
	// Volume up: a short press at 3 s.
	clk.at(ms(3000), func() { setLevel(up, gpio.Low) })
	clk.at(ms(3200), func() { setLevel(up, gpio.High) })

	want := []hal.ButtonEvent{
		{Button: hal.ButtonAction, Action: hal.Press, At: t0.Add(ms(170))},
		{Button: hal.ButtonAction, Action: hal.Long, At: t0.Add(ms(1170))},
		{Button: hal.ButtonAction, Action: hal.Release, At: t0.Add(ms(2050))},
		{Button: hal.ButtonVolUp, Action: hal.Press, At: t0.Add(ms(3050))},
		{Button: hal.ButtonVolUp, Action: hal.Release, At: t0.Add(ms(3250))},
	}
	ctx := context.Background()
	for i, w := range want {
		got, err := b.Wait(ctx)
		if err != nil {
			t.Fatalf("event %d: %v", i, err)
		}
		if got != w {
			t.Errorf("event %d = %v %v at %v, want %v %v at %v", i,
				got.Button, got.Action, got.At.Sub(t0), w.Button, w.Action, w.At.Sub(t0))
		}
	}
	for _, d := range clk.Sleeps() {
		if d != DefaultPoll {
			t.Fatalf("slept %v between polls, want %v", d, DefaultPoll)
		}
	}
	// Nothing more happens: Wait returns when ctx is done.
	cctx, cancel := context.WithCancel(ctx)
	clk.at(ms(10000), cancel)
	if _, err := b.Wait(cctx); err != context.Canceled {
		t.Errorf("Wait after cancel = %v, want context.Canceled", err)
	}
}

func TestButtonsMissingPin(t *testing.T) {
	pins, _ := newButtonPins()
	pins.VolDown = nil
	if _, err := NewButtons(pins, newFakeClock(), InputOpts{}); err == nil {
		t.Error("missing pin: no error")
	}
}

func TestMuteSwitch(t *testing.T) {
	clk := newFakeClock()
	pin := &gpiotest.Pin{N: "GPIO25", Num: 25, L: gpio.Low}
	m, err := NewMuteSwitch(pin, clk, InputOpts{})
	if err != nil {
		t.Fatal(err)
	}
	if on, _ := m.State(); on {
		t.Fatal("low pin reads as muted")
	}
	// A 20 ms glitch is ignored; the switch really moves at 500 ms.
	clk.at(ms(200), func() { setLevel(pin, gpio.High) })
	clk.at(ms(220), func() { setLevel(pin, gpio.Low) })
	clk.at(ms(500), func() { setLevel(pin, gpio.High) })
	ctx := context.Background()
	on, err := m.WaitChange(ctx, false)
	if err != nil || !on {
		t.Fatalf("WaitChange = %v, %v; want true", on, err)
	}
	if got := clk.Now().Sub(t0); got != ms(550) {
		t.Errorf("change reported at %v, want 550ms", got)
	}
	if on, _ := m.State(); !on {
		t.Error("high pin reads as not muted")
	}
	clk.at(ms(1000), func() { setLevel(pin, gpio.Low) })
	on, err = m.WaitChange(ctx, true)
	if err != nil || on {
		t.Fatalf("WaitChange = %v, %v; want false", on, err)
	}
	cctx, cancel := context.WithCancel(ctx)
	clk.at(ms(5000), cancel)
	if _, err := m.WaitChange(cctx, false); err != context.Canceled {
		t.Errorf("WaitChange after cancel = %v", err)
	}
}
