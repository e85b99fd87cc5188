package mark2

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"log/slog"
	"os"
	"strings"
	"testing"

	"periph.io/x/conn/v3/i2c/i2ctest"

	"github.com/mycroft-network/mycroft/hal"
)

// Off a Raspberry Pi there is no I2C bus 1: Detect and Open say the
// hardware is unavailable rather than failing some other way.
func TestOpenWithoutHardware(t *testing.T) {
	if _, err := os.Stat("/dev/i2c-1"); err == nil {
		t.Skip("this machine has an I2C bus 1; not probing real hardware from a unit test")
	}
	rev, ok, err := Detect(context.Background())
	if ok || rev != "" || !errors.Is(err, hal.ErrUnavailable) {
		t.Errorf("Detect = %q, %v, %v; want not ok and hal.ErrUnavailable", rev, ok, err)
	}
	b, err := Open(context.Background(), Config{})
	if b != nil || !errors.Is(err, hal.ErrUnavailable) {
		t.Errorf("Open = %v, %v; want hal.ErrUnavailable", b, err)
	}
}

// plainDisplay hides the Ring's SetPixels so the Animator uses Draw.
type plainDisplay struct{ r *Ring }

func (p plainDisplay) String() string          { return p.r.String() }
func (p plainDisplay) Halt() error             { return p.r.Halt() }
func (p plainDisplay) ColorModel() color.Model { return p.r.ColorModel() }
func (p plainDisplay) Bounds() image.Rectangle { return p.r.Bounds() }
func (p plainDisplay) Draw(d image.Rectangle, s image.Image, sp image.Point) error {
	return p.r.Draw(d, s, sp)
}

func TestAnimatorOnAnyDisplay(t *testing.T) {
	var red [36]byte
	for i := 0; i < 12; i++ {
		red[3*i] = 128
	}
	pb := &i2ctest.Playback{Ops: r6Frame(red), DontPanic: true}
	a := NewAnimator(plainDisplay{NewRingR6(pb)}, newFakeClock())
	if err := a.Show(context.Background(), hal.Face{State: hal.StateMuted, Volume: -1}); err != nil {
		t.Fatal(err)
	}
	if err := a.Step(); err != nil {
		t.Fatal(err)
	}
	if err := pb.Close(); err != nil {
		t.Error(err)
	}
	if s := a.disp.String(); !strings.Contains(s, "attiny") {
		t.Errorf("display name %q", s)
	}
}

func TestFanRunLogsOnce(t *testing.T) {
	var logBuf bytes.Buffer
	log := slog.New(slog.NewTextHandler(&logBuf, nil))
	clk := newFakeClock()
	ctx, cancel := context.WithCancel(context.Background())
	clk.at(10*DefaultFanInterval, cancel)
	n := 0
	temp := func() (int, error) {
		n++
		if n <= 5 {
			return 0, errors.New("sensor gone")
		}
		return 30000, nil
	}
	out := &recFan{}
	f := NewFanController(out, temp, clk, FanOpts{Log: log})
	if err := f.Run(ctx); err != context.Canceled {
		t.Fatalf("Run = %v", err)
	}
	if got := strings.Count(logBuf.String(), "sensor gone"); got != 1 {
		t.Errorf("error logged %d times, want once:\n%s", got, logBuf.String())
	}
	if !strings.Contains(logBuf.String(), "recovered") {
		t.Error("recovery not logged")
	}
	if len(out.speeds) != 2 || out.speeds[0] != 100 || out.speeds[1] != 0 {
		t.Errorf("speeds %v, want [100 0]", out.speeds)
	}
	for _, d := range clk.Sleeps() {
		if d != DefaultFanInterval {
			t.Fatalf("slept %v, want %v", d, DefaultFanInterval)
		}
	}
}
