package mark2

import (
	"errors"
	"strings"
	"testing"
)

// TestNewPWMRing: beside the kernel's pwm-fan driver the ring helper
// touches channel 1 only: the fan's registers, its CTL bits, GPIO13's
// function and (when it already runs at the right rate) the shared clock
// are left alone.
func TestNewPWMRing(t *testing.T) {
	const kernelCTL = ctlPWEN2 | ctlMSEN2
	tests := []struct {
		name      string
		clockRuns bool
		want      []string
	}{
		{"clock already at 2.4 MHz", true, []string{
			"pwm[0x00] = 0x00008100",  // channel 1 off, the fan's bits kept
			"gpio[0x04] = 0x00000324", // GPIO12 ALT0; GPIO13 (0b001, the kernel's) kept
			"pwm[0x10] = 0x00000020",
			"pwm[0x00] = 0x00008140", // CLRF1, fan kept
			"pwm[0x00] = 0x00008123", // ring on, fan kept
		}},
		{"clock stopped", false, []string{
			"pwm[0x00] = 0x00008100",
			"cm[0xa0] = 0x5a000020",
			"cm[0xa4] = 0x5a016800",
			"cm[0xa0] = 0x5a000201",
			"cm[0xa0] = 0x5a000211",
			"gpio[0x04] = 0x00000324",
			"pwm[0x10] = 0x00000020",
			"pwm[0x00] = 0x00008140",
			"pwm[0x00] = 0x00008123",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			log := &eventLog{}
			g, c, p := newFakeBlock(log)
			// The kernel's state: fan channel running, GPIO13 in some
			// function of its own (here 0b001), RNG2/DAT2 its values.
			g.mem[gpfsel1] = 0b100 | 0b100<<3 | 0b001<<9
			p.mem[pwmCTL] = kernelCTL
			p.mem[pwmRNG2], p.mem[pwmDAT2] = 2400, 1234
			if tc.clockRuns {
				c.mem[cmPWMCtl] = cmPasswd | cmMash1 | cmSrcOsc | cmEnab
				c.mem[cmPWMDiv] = cmPasswd | 22<<12 | 2048
			}
			b, err := NewPWMRing(g, c, p, 54_000_000)
			if err != nil {
				t.Fatal(err)
			}
			got := log.events()
			for i := range got {
				got[i] = strings.ToLower(got[i])
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("stores:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			if p.mem[pwmRNG2] != 2400 || p.mem[pwmDAT2] != 1234 {
				t.Errorf("fan registers changed: RNG2 %d DAT2 %d", p.mem[pwmRNG2], p.mem[pwmDAT2])
			}
			if err := b.SetSpeed(50); !errors.Is(err, ErrFanByKernel) {
				t.Errorf("SetSpeed on a ring-only block: %v, want ErrFanByKernel", err)
			}
			if err := b.WriteNRZ([]byte{0xAA, 0x55, 1, 2, 3}); err != nil {
				t.Fatal(err)
			}
			if len(p.fifo) != 2 || p.fifo[0] != 0xAA550102 {
				t.Errorf("fifo %x, want [aa550102 03000000]", p.fifo)
			}
			if err := b.Close(); err != nil {
				t.Fatal(err)
			}
			if p.mem[pwmCTL] != kernelCTL {
				t.Errorf("after Close CTL = %#x, want the kernel's %#x", p.mem[pwmCTL], kernelCTL)
			}
		})
	}
}
