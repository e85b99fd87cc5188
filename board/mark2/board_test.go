package mark2

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"periph.io/x/conn/v3/conntest"
	"periph.io/x/conn/v3/gpio"
	"periph.io/x/conn/v3/gpio/gpiotest"
	"periph.io/x/conn/v3/i2c/i2ctest"
	"periph.io/x/conn/v3/spi/spitest"

	"github.com/mycroft-network/mycroft/hal"
)

// initClock is a fake clock for New: the boot pauses pass at once, and the
// background loops (animation frames, fan interval) block until Close.
type initClock struct{ *fakeClock }

func (c initClock) Sleep(ctx context.Context, d time.Duration) error {
	if d == FrameInterval || d == DefaultFanInterval {
		<-ctx.Done()
		return ctx.Err()
	}
	return c.fakeClock.Sleep(ctx, d)
}

func writeFirmware(t *testing.T, b []byte) string {
	t.Helper()
	tinyFirmware(t)
	p := filepath.Join(t.TempDir(), "app_xvf3510_int_spi_boot.bin")
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func gpioPins(log *eventLog) (XMOSPins, ButtonPins, *gpiotest.Pin) {
	x := XMOSPins{
		Power:   newLogPin("GPIO16", 16, log),
		Reset:   newLogPin("GPIO27", 27, log),
		BootSel: newLogPin("GPIO26", 26, log),
	}
	b, _ := newButtonPins()
	return x, b, &gpiotest.Pin{N: "GPIO25", Num: 25}
}

func TestNewR6(t *testing.T) {
	read := func(addr uint16) i2ctest.IO { return i2ctest.IO{Addr: addr, R: []byte{0}} }
	var ops []i2ctest.IO
	ops = append(ops, read(0x2f), read(0x2c), read(0x04)) // detect: R6
	ops = append(ops, read(0x2c))                         // XMOS answers after boot
	ops = append(ops, tasInitOps...)
	ops = append(ops, i2ctest.IO{Addr: 0x2f, W: []byte{0x4C, 121}}) // volume 60
	ops = append(ops, r6Frame([36]byte{})...)                       // ring off (idle)
	// Fan at 50 °C on the default curve: 25 + 75*5/30 = 37 % -> 37*255/100 = 94.
	ops = append(ops, i2ctest.IO{Addr: 0x04, W: []byte{0x65, 94}})
	ops = append(ops, r6Frame([36]byte{})...) // Close halts the ring
	bus := &i2ctest.Playback{Ops: ops, DontPanic: true}

	fw := []byte{0x01, 0x02, 0x80, 0xF0}
	spi := &spitest.Playback{Playback: conntest.Playback{
		Ops: []conntest.IO{{W: []byte{0x80, 0x40, 0x01, 0x0F}}}, DontPanic: true}}
	log := &eventLog{}
	xp, bp, mute := gpioPins(log)
	closed := 0
	clk := initClock{newFakeClock()}
	b, err := New(context.Background(), Config{XMOSFirmware: writeFirmware(t, fw)}, Devices{
		Bus: bus, XMOSPort: spi, XMOSPins: xp, Buttons: bp, Mute: mute,
		Temperature: func() (int, error) { return 50000, nil },
		Clock:       clk,
		Close:       func() error { closed++; return nil },
	})
	if err != nil {
		t.Fatal(err)
	}
	if b.Name != "mark2" || b.Revision != RevR6 {
		t.Errorf("board %q %q", b.Name, b.Revision)
	}
	if !slices.Equal(b.Warnings, []string{WarnAudio}) {
		t.Errorf("warnings %q", b.Warnings)
	}
	if b.Faceplate == nil || b.Buttons == nil || b.Mute == nil || b.Volume == nil {
		t.Errorf("missing devices: %+v", b)
	}
	if b.Mic != nil || b.Speaker != nil {
		t.Error("mic or speaker set: the board package wires audio")
	}
	if v, _ := b.Volume.Volume(); v != DefaultVolume {
		t.Errorf("volume %d", v)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if err := b.Close(); err != nil { // idempotent
		t.Fatal(err)
	}
	if closed != 1 {
		t.Errorf("devices closed %d times", closed)
	}
	if err := bus.Close(); err != nil {
		t.Error(err)
	}
	if err := spi.Close(); err != nil {
		t.Error(err)
	}
	if ev := log.events(); len(ev) == 0 || ev[0] != "GPIO16 High" {
		t.Errorf("xmos not powered first: %v", ev)
	}
}

func TestNewR10(t *testing.T) {
	read := func(addr uint16) i2ctest.IO { return i2ctest.IO{Addr: addr, R: []byte{0}} }
	var ops []i2ctest.IO
	ops = append(ops, read(0x2f)) // detect: TAS only (XMOS not booted, no ATtiny)
	ops = append(ops, tasInitOps...)
	ops = append(ops, i2ctest.IO{Addr: 0x2f, W: []byte{0x4C, 133}}) // volume 50
	pb := &i2ctest.Playback{Ops: ops, DontPanic: true}
	bus := &nackBus{Bus: pb, absent: map[uint16]bool{0x04: true, 0x2c: true}}
	ring := &spitest.Playback{Playback: conntest.Playback{
		Ops:       []conntest.IO{{W: ringLine(nil)}, {W: ringLine(nil)}}, // off, then off at Close
		DontPanic: true,
	}}
	w, err := NewSPIWriter(ring)
	if err != nil {
		t.Fatal(err)
	}
	fan := &gpiotest.Pin{N: "GPIO13", Num: 13}
	xp, bp, mute := gpioPins(&eventLog{})
	b, err := New(context.Background(), Config{Volume: 50}, Devices{
		Bus: bus, XMOSPins: xp, Buttons: bp, Mute: mute, RingNRZ: w, FanPin: fan,
		Temperature: func() (int, error) { return 40000, nil },
		Clock:       initClock{newFakeClock()},
	})
	if err != nil {
		t.Fatal(err)
	}
	if b.Revision != RevR10 {
		t.Errorf("revision %q", b.Revision)
	}
	if len(b.Warnings) != 2 || !strings.Contains(b.Warnings[0], "no microphones") ||
		!strings.Contains(b.Warnings[0], "board.xmos_firmware") || b.Warnings[1] != WarnAudio {
		t.Errorf("warnings %q", b.Warnings)
	}
	// 40 °C: fan off = GPIO13 held at full duty (inverted).
	if fan.D != gpio.DutyMax {
		t.Errorf("fan duty %s, want %s", fan.D, gpio.DutyMax)
	}
	if err := b.Faceplate.Show(context.Background(), hal.Face{State: hal.StateIdle, Volume: -1}); err != nil {
		t.Error(err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if err := pb.Close(); err != nil {
		t.Error(err)
	}
	if err := ring.Close(); err != nil {
		t.Error(err)
	}
}

func TestNewDegrades(t *testing.T) {
	// R10 with no ring transport, no fan pin, no SPI port, a missing image,
	// a failing amplifier and no input pins: a board with warnings.
	pb := &i2ctest.Playback{DontPanic: true}
	b, err := New(context.Background(), Config{XMOSFirmware: writeFirmware(t, []byte{1})}, Devices{
		Bus: pb, Revision: RevR10, Clock: initClock{newFakeClock()},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	for _, want := range []string{"no microphones: no SPI port", "no amplifier", "no LED ring", "no buttons", "no mute switch", "no fan control", WarnAudio} {
		if !slices.ContainsFunc(b.Warnings, func(w string) bool { return strings.Contains(w, want) }) {
			t.Errorf("no warning %q in %q", want, b.Warnings)
		}
	}
	if b.Faceplate != nil || b.Volume != nil || b.Buttons != nil {
		t.Errorf("devices set on a degraded board: %+v", b)
	}
	// No microphones: the mute switch reads on (the faceplate shows muted
	// and nothing is captured), with or without a switch pin.
	if on, err := b.Mute.State(); b.Mute != (NoMicrophones{}) || !on || err != nil {
		t.Errorf("mute with no microphones: %T %v %v, want NoMicrophones on", b.Mute, on, err)
	}
}

func TestNewNotMark2(t *testing.T) {
	pb := &i2ctest.Playback{DontPanic: true}
	bus := &nackBus{Bus: pb, absent: map[uint16]bool{0x2f: true}}
	closed := false
	_, err := New(context.Background(), Config{}, Devices{Bus: bus, Close: func() error { closed = true; return nil }})
	if !errors.Is(err, ErrNotMark2) || !errors.Is(err, hal.ErrUnavailable) {
		t.Errorf("New without an SJ201: %v", err)
	}
	if !closed {
		t.Error("devices not released")
	}
	if _, err := New(context.Background(), Config{}, Devices{}); !errors.Is(err, hal.ErrUnavailable) {
		t.Errorf("New without a bus: %v", err)
	}
	if _, err := New(context.Background(), Config{}, Devices{Bus: pb, Revision: "R7"}); err == nil {
		t.Error("unknown revision: no error")
	}
}

// tinyFirmware lets a test boot an image of a few bytes.
func tinyFirmware(t *testing.T) {
	old := minFirmwareSize
	minFirmwareSize = 1
	t.Cleanup(func() { minFirmwareSize = old })
}

func TestNewWrongSizeFirmware(t *testing.T) {
	// An image of the wrong size is refused before any SPI transfer: the
	// board opens without microphones and says why.
	p := filepath.Join(t.TempDir(), "error-page.bin")
	if err := os.WriteFile(p, []byte("<html>404 Not Found</html>"), 0o600); err != nil {
		t.Fatal(err)
	}
	pb := &i2ctest.Playback{DontPanic: true}
	b, err := New(context.Background(), Config{XMOSFirmware: p}, Devices{
		Bus: pb, Revision: RevR10, Clock: initClock{newFakeClock()},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if !slices.ContainsFunc(b.Warnings, func(w string) bool {
		return strings.Contains(w, "no microphones") && strings.Contains(w, "wrong size") && strings.Contains(w, p)
	}) {
		t.Errorf("no wrong-size warning in %q", b.Warnings)
	}
}

// TestNewFanByKernel: where the kernel's pwm-fan driver runs the R10 fan
// the board runs no fan loop and warns of nothing.
func TestNewFanByKernel(t *testing.T) {
	pb := &i2ctest.Playback{DontPanic: true}
	b, err := New(context.Background(), Config{}, Devices{
		Bus: pb, Revision: RevR10, FanByKernel: true, Clock: initClock{newFakeClock()},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if slices.ContainsFunc(b.Warnings, func(w string) bool { return strings.Contains(w, "fan") }) {
		t.Errorf("fan warning with the kernel running the fan: %q", b.Warnings)
	}
}
