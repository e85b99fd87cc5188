package mark2

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"periph.io/x/conn/v3/gpio"
	"periph.io/x/conn/v3/gpio/gpiotest"
	"periph.io/x/conn/v3/i2c/i2ctest"
	"periph.io/x/conn/v3/physic"
)

func TestCurveSpeed(t *testing.T) {
	tests := []struct{ milliC, want int }{
		{-10000, 0}, {30000, 0}, {44999, 0}, {45000, 25},
		{60000, 62}, // 25 + 75*15/30 = 62.5, truncated
		{75000, 100}, {90000, 100},
	}
	for _, tc := range tests {
		if got := curveSpeed(DefaultFanCurve, tc.milliC); got != tc.want {
			t.Errorf("curveSpeed(%d) = %d, want %d", tc.milliC, got, tc.want)
		}
	}
	if got := curveSpeed(nil, 20000); got != 100 {
		t.Errorf("empty curve: %d, want 100 (fail safe)", got)
	}
}

// recFan records the speeds set.
type recFan struct{ speeds []int }

func (r *recFan) SetSpeed(p int) error { r.speeds = append(r.speeds, p); return nil }

func TestFanHysteresis(t *testing.T) {
	curve := []FanPoint{{50000, 0}, {60000, 100}}
	temps := []int{50000, 55000, 55000, 54000, 52001, 51999, 58000, 60000, 57500}
	// Effective temperature: rises at once, falls only past 3 °C below.
	// 50.0 -> 0; 55.0 -> 50; same; 54.0 still 55 -> no write; 52.001 no;
	// 51.999 -> eff 54.999 -> 49; 58 -> 80; 60 -> 100; 57.5 no change.
	want := []int{0, 50, 49, 80, 100}
	var i int
	temp := func() (int, error) { v := temps[i]; i++; return v, nil }
	out := &recFan{}
	f := NewFanController(out, temp, newFakeClock(), FanOpts{Curve: curve})
	for range temps {
		if _, err := f.Step(); err != nil {
			t.Fatal(err)
		}
	}
	if len(out.speeds) != len(want) {
		t.Fatalf("speeds %v, want %v", out.speeds, want)
	}
	for j := range want {
		if out.speeds[j] != want[j] {
			t.Errorf("speeds %v, want %v", out.speeds, want)
			break
		}
	}
}

func TestFanFailSafe(t *testing.T) {
	out := &recFan{}
	bad := errors.New("no sensor")
	temps := []error{nil, bad, nil}
	var i int
	temp := func() (int, error) { e := temps[i]; i++; return 40000, e }
	f := NewFanController(out, temp, newFakeClock(), FanOpts{})
	for range temps {
		_, _ = f.Step()
	}
	if want := []int{0, 100, 0}; len(out.speeds) != 3 || out.speeds[0] != 0 || out.speeds[1] != 100 || out.speeds[2] != 0 {
		t.Errorf("speeds %v, want %v", out.speeds, want)
	}
}

func TestFanR6(t *testing.T) {
	// i2cset -y -a 1 0x04 101 <speed*255/100> i
	tests := []struct {
		pct int
		val byte
	}{{0, 0}, {50, 127}, {37, 94}, {100, 255}, {130, 255}}
	for _, tc := range tests {
		pb := &i2ctest.Playback{Ops: []i2ctest.IO{{Addr: 0x04, W: []byte{101, tc.val}}}, DontPanic: true}
		if err := (FanR6{Bus: pb}).SetSpeed(tc.pct); err != nil {
			t.Errorf("SetSpeed(%d): %v", tc.pct, err)
		}
		if err := pb.Close(); err != nil {
			t.Errorf("SetSpeed(%d): %v", tc.pct, err)
		}
	}
}

func TestFanR10(t *testing.T) {
	// Inverted through the NPN stage: duty = 100 % - speed, 1 kHz.
	tests := []struct {
		pct  int
		duty gpio.Duty
	}{{0, gpio.DutyMax}, {100, 0}, {25, gpio.DutyMax * 3 / 4}, {50, gpio.DutyHalf}}
	for _, tc := range tests {
		pin := &gpiotest.Pin{N: "GPIO13", Num: 13}
		if err := (FanR10{Pin: pin}).SetSpeed(tc.pct); err != nil {
			t.Fatal(err)
		}
		if pin.D != tc.duty || pin.F != physic.KiloHertz {
			t.Errorf("SetSpeed(%d): duty %s at %s, want %s at 1kHz", tc.pct, pin.D, pin.F, tc.duty)
		}
	}
}

func TestParseMilliCelsius(t *testing.T) {
	tests := []struct {
		in   string
		want int
		ok   bool
	}{
		{"48312\n", 48312, true},
		{"  0 ", 0, true},
		{"-5000", -5000, true},
		{"150000", 150000, true},
		{"150001", 0, false},
		{"-40001", 0, false},
		{"", 0, false},
		{"48.3", 0, false},
		{"abc", 0, false},
		{"99999999999999999999", 0, false},
	}
	for _, tc := range tests {
		got, err := ParseMilliCelsius([]byte(tc.in))
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseMilliCelsius(%q) = %d, %v; want %d, ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
		if err != nil && !errors.Is(err, ErrBadTemperature) {
			t.Errorf("ParseMilliCelsius(%q): %v is not ErrBadTemperature", tc.in, err)
		}
	}
}

func TestFileTemperature(t *testing.T) {
	p := filepath.Join(t.TempDir(), "temp")
	if err := os.WriteFile(p, []byte("61234\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if v, err := FileTemperature(p)(); err != nil || v != 61234 {
		t.Errorf("FileTemperature = %d, %v", v, err)
	}
	if _, err := FileTemperature(p + ".missing")(); err == nil {
		t.Error("missing file: no error")
	}
}

func FuzzParseMilliCelsius(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		v, err := ParseMilliCelsius(b)
		if err == nil && (v < -40000 || v > 150000) {
			t.Errorf("ParseMilliCelsius(%q) = %d out of range without error", b, v)
		}
	})
}
