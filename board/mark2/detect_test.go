package mark2

import (
	"context"
	"testing"

	"periph.io/x/conn/v3/i2c/i2ctest"
)

// A one-byte read is the probe; the expected ops are the reads of the
// devices that answer, in the documented order: TAS5806 (0x2f) decides,
// then XMOS (0x2c), then the ATtiny (0x04) tells R6 from R10.
func TestDetect(t *testing.T) {
	read := func(addr uint16) i2ctest.IO { return i2ctest.IO{Addr: addr, R: []byte{0}} }
	tests := []struct {
		name   string
		absent []uint16
		ops    []i2ctest.IO
		rev    string
		ok     bool
	}{
		{"r6", nil, []i2ctest.IO{read(0x2f), read(0x2c), read(0x04)}, RevR6, true},
		{"r10", []uint16{0x04}, []i2ctest.IO{read(0x2f), read(0x2c)}, RevR10, true},
		{"r10 before xmos boot", []uint16{0x04, 0x2c}, []i2ctest.IO{read(0x2f)}, RevR10, true},
		{"r6 before xmos boot", []uint16{0x2c}, []i2ctest.IO{read(0x2f), read(0x04)}, RevR6, true},
		{"no sj201", []uint16{0x2f}, nil, "", false},
		{"attiny alone is not an sj201", []uint16{0x2f, 0x2c}, nil, "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pb := &i2ctest.Playback{Ops: tc.ops, DontPanic: true}
			bus := &nackBus{Bus: pb, absent: map[uint16]bool{}}
			for _, a := range tc.absent {
				bus.absent[a] = true
			}
			rev, ok, err := detectOn(context.Background(), bus)
			if err != nil {
				t.Fatalf("detect: %v", err)
			}
			if rev != tc.rev || ok != tc.ok {
				t.Errorf("detect = %q, %v; want %q, %v", rev, ok, tc.rev, tc.ok)
			}
			if err := pb.Close(); err != nil {
				t.Error(err)
			}
		})
	}
}

func TestDetectCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	pb := &i2ctest.Playback{DontPanic: true}
	if _, _, err := detectOn(ctx, pb); err == nil {
		t.Fatal("detect on a cancelled context: no error")
	}
	if pb.Count != 0 {
		t.Errorf("%d transfers after cancel", pb.Count)
	}
}
