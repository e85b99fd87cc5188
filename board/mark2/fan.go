package mark2

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strconv"
	"sync"
	"time"

	"periph.io/x/conn/v3/gpio"
	"periph.io/x/conn/v3/i2c"
	"periph.io/x/conn/v3/physic"
)

// Fan hardware.
const (
	GPIOFan = 13 // R10: PWM through an NPN stage, so the duty is inverted
	// FanPWMFreq is the R10 fan PWM frequency (as Mycroft's 1 kHz).
	FanPWMFreq = physic.KiloHertz
	// DefaultThermalPath is the SoC temperature in millidegrees Celsius.
	DefaultThermalPath = "/sys/class/thermal/thermal_zone0/temp"
	// DefaultFanInterval is how often the fan loop reads the temperature.
	DefaultFanInterval = 10 * time.Second
	// DefaultHysteresis is how far (millidegrees) the temperature must fall
	// below the one that set the speed before the fan slows down.
	DefaultHysteresis = 3000
)

// FanOutput sets the fan speed in percent (0..100).
type FanOutput interface {
	SetSpeed(percent int) error
}

// FanR6 is the R6 fan: ATtiny register 0x65, 0..255.
type FanR6 struct{ Bus i2c.Bus }

// SetSpeed implements FanOutput: value = percent*255/100 (integer).
func (f FanR6) SetSpeed(percent int) error {
	percent = max(0, min(100, percent))
	if err := f.Bus.Tx(AddrATtiny, []byte{RegFan, byte(percent * 255 / 100)}, nil); err != nil {
		return fmt.Errorf("mark2: fan r6 %d%%: %w", percent, err)
	}
	return nil
}

// FanR10 is the R10 fan on GPIO13: duty = 100 % - speed at 1 kHz.
type FanR10 struct{ Pin gpio.PinOut }

// SetSpeed implements FanOutput.
func (f FanR10) SetSpeed(percent int) error {
	percent = max(0, min(100, percent))
	duty := gpio.Duty(int64(gpio.DutyMax) * int64(100-percent) / 100)
	if err := f.Pin.PWM(duty, FanPWMFreq); err != nil {
		return fmt.Errorf("mark2: fan r10 %d%%: %w", percent, err)
	}
	return nil
}

// FanPoint is one point of a fan curve.
type FanPoint struct {
	MilliC  int // SoC temperature, millidegrees Celsius
	Percent int // fan speed at that temperature
}

// DefaultFanCurve: off below 45 °C, 25 % at 45 °C rising linearly to 100 %
// at 75 °C (the Pi 4 throttles at 80 °C).
var DefaultFanCurve = []FanPoint{{44999, 0}, {45000, 25}, {75000, 100}}

// curveSpeed interpolates the curve (sorted by MilliC) at t.
func curveSpeed(curve []FanPoint, t int) int {
	if len(curve) == 0 {
		return 100
	}
	if t <= curve[0].MilliC {
		return curve[0].Percent
	}
	for i := 1; i < len(curve); i++ {
		a, b := curve[i-1], curve[i]
		if t <= b.MilliC {
			span := b.MilliC - a.MilliC
			if span <= 0 {
				return b.Percent
			}
			return a.Percent + (b.Percent-a.Percent)*(t-a.MilliC)/span
		}
	}
	return curve[len(curve)-1].Percent
}

// ErrBadTemperature is returned for an unreadable thermal file.
var ErrBadTemperature = errors.New("mark2: bad temperature")

// ParseMilliCelsius parses a thermal zone file: one decimal integer in
// millidegrees Celsius, between -40 °C and 150 °C.
func ParseMilliCelsius(b []byte) (int, error) {
	s := string(bytes.TrimSpace(b))
	v, err := strconv.Atoi(s)
	if err != nil || len(s) > 12 {
		return 0, fmt.Errorf("%w: %q", ErrBadTemperature, truncate(s, 32))
	}
	if v < -40000 || v > 150000 {
		return 0, fmt.Errorf("%w: %d m°C out of range", ErrBadTemperature, v)
	}
	return v, nil
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "..."
	}
	return s
}

// FileTemperature reads a thermal zone file.
func FileTemperature(path string) func() (int, error) {
	return func() (int, error) {
		b, err := os.ReadFile(path)
		if err != nil {
			return 0, fmt.Errorf("mark2: temperature: %w", err)
		}
		return ParseMilliCelsius(b)
	}
}

// FanOpts configures a FanController. Zero fields take the defaults.
type FanOpts struct {
	Curve      []FanPoint // sorted by MilliC; DefaultFanCurve when nil
	Hysteresis int        // millidegrees; DefaultHysteresis when 0, none when < 0
	Interval   time.Duration
	Log        *slog.Logger
}

// FanController sets the fan from the SoC temperature along a curve, with
// hysteresis: the temperature it uses (the "effective" one) follows any rise
// at once but a fall only once it is more than Hysteresis below, so the fan
// does not hunt around a curve point. A temperature it cannot read sets the
// fan to full speed.
type FanController struct {
	out  FanOutput
	temp func() (int, error)
	clk  Clock
	opts FanOpts

	mu        sync.Mutex
	eff       int
	have      bool
	speed     int
	speedSent bool
}

// NewFanController drives out from temp.
func NewFanController(out FanOutput, temp func() (int, error), clk Clock, o FanOpts) *FanController {
	if o.Curve == nil {
		o.Curve = DefaultFanCurve
	}
	if o.Hysteresis == 0 {
		o.Hysteresis = DefaultHysteresis
	} else if o.Hysteresis < 0 {
		o.Hysteresis = 0
	}
	if o.Interval <= 0 {
		o.Interval = DefaultFanInterval
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	return &FanController{out: out, temp: temp, clk: clockOr(clk), opts: o}
}

// target updates the effective temperature with t and returns the speed.
func (f *FanController) target(t int) int {
	switch {
	case !f.have || t > f.eff:
		f.eff, f.have = t, true
	case t < f.eff-f.opts.Hysteresis:
		f.eff = t + f.opts.Hysteresis
	}
	return curveSpeed(f.opts.Curve, f.eff)
}

// Step reads the temperature once and sets the fan if its speed changes.
// It returns the speed in force.
func (f *FanController) Step() (int, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	speed := 100
	t, terr := f.temp()
	if terr != nil {
		f.have = false // fail safe: full speed until a good reading
	} else {
		speed = f.target(t)
	}
	if f.speedSent && speed == f.speed {
		return speed, terr
	}
	if err := f.out.SetSpeed(speed); err != nil {
		f.speedSent = false
		return f.speed, err
	}
	f.speed, f.speedSent = speed, true
	return speed, terr
}

// Run steps every Interval until ctx is done, then returns ctx.Err(). Errors
// are logged once each (not every interval); an unreadable temperature runs
// the fan at full speed.
func (f *FanController) Run(ctx context.Context) error {
	var lastErr string
	for {
		_, err := f.Step()
		switch {
		case err != nil && err.Error() != lastErr:
			f.opts.Log.Warn("mark2: fan", "err", err)
			lastErr = err.Error()
		case err == nil && lastErr != "":
			f.opts.Log.Info("mark2: fan: recovered")
			lastErr = ""
		}
		if err := f.clk.Sleep(ctx, f.opts.Interval); err != nil {
			return err
		}
	}
}
