package mark2

import (
	"context"
	"testing"
	"time"

	"periph.io/x/conn/v3/i2c/i2ctest"
)

// tasInitOps is the documented init sequence: single-byte register writes
// to 0x2f, in this order.
var tasInitOps = []i2ctest.IO{
	{Addr: 0x2f, W: []byte{0x01, 0x11}},
	{Addr: 0x2f, W: []byte{0x78, 0x80}},
	{Addr: 0x2f, W: []byte{0x01, 0x00}},
	{Addr: 0x2f, W: []byte{0x78, 0x00}},
	{Addr: 0x2f, W: []byte{0x33, 0x03}},
	{Addr: 0x2f, W: []byte{0x4C, 0x60}},
	{Addr: 0x2f, W: []byte{0x30, 0x01}},
	{Addr: 0x2f, W: []byte{0x03, 0x00}},
	{Addr: 0x2f, W: []byte{0x03, 0x02}},
	{Addr: 0x2f, W: []byte{0x5C, 0x01}},
	{Addr: 0x2f, W: []byte{0x03, 0x03}},
}

func TestAmpInit(t *testing.T) {
	pb := &i2ctest.Playback{Ops: tasInitOps, DontPanic: true}
	clk := newFakeClock()
	if err := NewAmp(pb, clk).Init(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := pb.Close(); err != nil {
		t.Error(err)
	}
	sl := clk.Sleeps()
	if len(sl) != 11 {
		t.Fatalf("%d pauses, want 11", len(sl))
	}
	for i, d := range sl {
		if d != 100*time.Millisecond {
			t.Errorf("pause %d = %v, want 100ms", i, d)
		}
	}
}

func TestAmpVolume(t *testing.T) {
	// DIG_VOL = round(exp(ln 210 + v/100 (ln 84 - ln 210))), worked by hand:
	// 0 -> 210, 10 -> 191.6, 50 -> 132.8, 60 -> 121.2 (Mycroft's "121 = 60 %"),
	// 100 -> 84 (the -18 dB cap).
	tests := []struct {
		level, stored int
		reg           byte
	}{
		{0, 0, 210}, {10, 10, 192}, {50, 50, 133}, {60, 60, 121}, {100, 100, 84},
		{150, 100, 84}, {-5, 0, 210},
	}
	for _, tc := range tests {
		pb := &i2ctest.Playback{Ops: []i2ctest.IO{{Addr: 0x2f, W: []byte{0x4C, tc.reg}}}, DontPanic: true}
		a := NewAmp(pb, newFakeClock())
		if err := a.SetVolume(tc.level); err != nil {
			t.Errorf("SetVolume(%d): %v", tc.level, err)
			continue
		}
		if err := pb.Close(); err != nil {
			t.Errorf("SetVolume(%d): %v", tc.level, err)
		}
		if v, _ := a.Volume(); v != tc.stored {
			t.Errorf("Volume after SetVolume(%d) = %d, want %d", tc.level, v, tc.stored)
		}
	}
}

func TestVolumeRegisterMonotonic(t *testing.T) {
	prev := VolumeRegister(0)
	for v := 1; v <= 100; v++ {
		r := VolumeRegister(v)
		if r > prev || r < VolRegMax || r > VolRegMin {
			t.Fatalf("VolumeRegister(%d) = %d after %d", v, r, prev)
		}
		prev = r
	}
}

func TestAmpPowerState(t *testing.T) {
	pb := &i2ctest.Playback{Ops: []i2ctest.IO{{Addr: 0x2f, W: []byte{0x68}, R: []byte{3}}}, DontPanic: true}
	s, err := NewAmp(pb, nil).PowerState()
	if err != nil || s != 3 {
		t.Errorf("PowerState = %d, %v; want 3 (play)", s, err)
	}
}

func TestAmpBusError(t *testing.T) {
	pb := &i2ctest.Playback{DontPanic: true}
	a := NewAmp(pb, newFakeClock())
	if err := a.Init(context.Background()); err == nil {
		t.Error("Init on a failing bus: no error")
	}
	if err := a.SetVolume(30); err == nil {
		t.Error("SetVolume on a failing bus: no error")
	}
	if v, _ := a.Volume(); v != DefaultVolume {
		t.Errorf("volume after a failed set = %d, want %d", v, DefaultVolume)
	}
}
