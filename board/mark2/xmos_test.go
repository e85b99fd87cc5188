package mark2

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"periph.io/x/conn/v3/conntest"
	"periph.io/x/conn/v3/gpio"
	"periph.io/x/conn/v3/spi/spitest"
)

// bitReverse reverses the bits of one byte the slow, obvious way.
func bitReverse(b byte) byte {
	var r byte
	for i := 0; i < 8; i++ {
		if b&(1<<i) != 0 {
			r |= 1 << (7 - i)
		}
	}
	return r
}

func TestBitReverseKnown(t *testing.T) {
	// From the rule "each byte bit-reversed (LSB first)".
	in := []byte{0x01, 0x02, 0x0F, 0xA5, 0x12, 0x80, 0xFF, 0x00}
	want := []byte{0x80, 0x40, 0xF0, 0xA5, 0x48, 0x01, 0xFF, 0x00}
	got := make([]byte, len(in))
	reverseBlock(got, in)
	if string(got) != string(want) {
		t.Errorf("reverseBlock(% x) = % x, want % x", in, got, want)
	}
}

type xmosRig struct {
	log  *eventLog
	pb   *spitest.Playback
	port *logPort
	pins XMOSPins
	raw  [3]*logPin
}

func newXMOSRig(ops []conntest.IO) *xmosRig {
	r := &xmosRig{log: &eventLog{}}
	r.pb = &spitest.Playback{Playback: conntest.Playback{Ops: ops, DontPanic: true}}
	r.port = &logPort{Port: r.pb, log: r.log}
	pw := newLogPin("GPIO16", 16, r.log)
	rst := newLogPin("GPIO27", 27, r.log)
	bs := newLogPin("GPIO26", 26, r.log)
	r.raw = [3]*logPin{pw, rst, bs}
	r.pins = XMOSPins{Power: pw, Reset: rst, BootSel: bs}
	return r
}

func TestBootXMOS(t *testing.T) {
	// An image of two full blocks and a short one.
	image := make([]byte, 2*4096+10)
	for i := range image {
		image[i] = byte(i*7 + i>>8)
	}
	var ops []conntest.IO
	for off := 0; off < len(image); off += 4096 {
		end := min(off+4096, len(image))
		blk := make([]byte, end-off)
		for i := range blk {
			blk[i] = bitReverse(image[off+i])
		}
		ops = append(ops, conntest.IO{W: blk})
	}
	rig := newXMOSRig(ops)
	clk := newFakeClock()
	if err := BootXMOS(context.Background(), rig.port, rig.pins, image, clk); err != nil {
		t.Fatal(err)
	}
	if err := rig.pb.Close(); err != nil {
		t.Error(err)
	}
	wantEv := []string{
		"GPIO16 High", "GPIO27 High", // power and reset high
		"spi connect 5MHz Mode0 8",
		"GPIO26 in", "GPIO27 Low", "GPIO26 High", "GPIO27 High", // boot from SPI
		"spi tx 4096", "spi tx 4096", "spi tx 10",
		"GPIO26 in", // boot select released
	}
	if got := rig.log.events(); strings.Join(got, "\n") != strings.Join(wantEv, "\n") {
		t.Errorf("events:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(wantEv, "\n"))
	}
	wantSleeps := []time.Duration{time.Second, 100 * time.Millisecond, time.Millisecond}
	if got := clk.Sleeps(); len(got) != len(wantSleeps) || got[0] != wantSleeps[0] || got[1] != wantSleeps[1] || got[2] != wantSleeps[2] {
		t.Errorf("sleeps %v, want %v", got, wantSleeps)
	}
	if l := rig.raw[1].Read(); l != gpio.High {
		t.Errorf("reset left %s, want High", l)
	}
	if l := rig.raw[0].Read(); l != gpio.High {
		t.Errorf("power left %s, want High", l)
	}
}

func TestBootXMOSErrors(t *testing.T) {
	ctx := context.Background()
	rig := newXMOSRig(nil)
	if err := BootXMOS(ctx, rig.port, rig.pins, nil, newFakeClock()); !errors.Is(err, ErrNoFirmware) {
		t.Errorf("empty image: %v, want ErrNoFirmware", err)
	}
	if err := BootXMOS(ctx, rig.port, XMOSPins{}, []byte{1}, newFakeClock()); err == nil {
		t.Error("no pins: no error")
	}
	// The SPI transfer fails: the error names the block.
	rig = newXMOSRig(nil)
	err := BootXMOS(ctx, rig.port, rig.pins, []byte{1, 2, 3}, newFakeClock())
	if err == nil || !strings.Contains(err.Error(), "block 0") {
		t.Errorf("failing spi: %v", err)
	}
	// Cancelled during the power-on wait: nothing is sent.
	rig = newXMOSRig(nil)
	cctx, cancel := context.WithCancel(ctx)
	clk := newFakeClock()
	clk.at(time.Second, cancel)
	if err := BootXMOS(cctx, rig.port, rig.pins, []byte{1}, clk); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled boot: %v", err)
	}
}

func TestLoadFirmwareSize(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		size int64
		ok   bool
	}{
		{"empty", 0, false},
		{"an error page", 512, false},
		{"just under the minimum", 32<<10 - 1, false},
		{"the minimum", 32 << 10, true},
		{"a real image's size", 153 << 10, true},
		{"the maximum", 4 << 20, true},
		{"too large", 4<<20 + 1, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(dir, tc.name+".bin")
			f, err := os.Create(p)
			if err != nil {
				t.Fatal(err)
			}
			if err := f.Truncate(tc.size); err != nil {
				t.Fatal(err)
			}
			f.Close()
			b, err := LoadFirmware(p)
			if tc.ok {
				if err != nil || int64(len(b)) != tc.size {
					t.Fatalf("LoadFirmware = %d bytes, %v", len(b), err)
				}
				return
			}
			if !errors.Is(err, ErrFirmwareSize) || !strings.Contains(err.Error(), p) {
				t.Fatalf("LoadFirmware = %v, want ErrFirmwareSize naming the file", err)
			}
		})
	}
}

func TestLoadFirmware(t *testing.T) {
	tinyFirmware(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "fw.bin")
	if err := os.WriteFile(good, []byte{1, 2, 3}, 0o600); err != nil {
		t.Fatal(err)
	}
	empty := filepath.Join(dir, "empty.bin")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		path    string
		missing bool
		ok      bool
	}{
		{"unset", "", true, false},
		{"does not exist", filepath.Join(dir, "nope.bin"), true, false},
		{"directory", dir, false, false},
		{"empty file", empty, false, false},
		{"good", good, false, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := LoadFirmware(tc.path)
			if tc.ok {
				if err != nil || len(b) != 3 {
					t.Fatalf("LoadFirmware = %v, %v", b, err)
				}
				return
			}
			if err == nil {
				t.Fatal("no error")
			}
			if errors.Is(err, ErrNoFirmware) != tc.missing {
				t.Errorf("errors.Is(%v, ErrNoFirmware) = %v, want %v", err, !tc.missing, tc.missing)
			}
		})
	}
}
