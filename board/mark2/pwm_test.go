package mark2

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// fakeRegs is a register block that logs every store. The clock manager's
// BUSY follows ENAB; the PWM FIFO is never full and always drains at once.
type fakeRegs struct {
	name string
	log  *eventLog
	mem  [64]uint32
	fifo []uint32
	// stuck keeps the PWM FIFO full.
	stuck bool
	// gapAt flags a FIFO gap when that many words have been written.
	gapAt int
}

func (r *fakeRegs) Load(i int) uint32 {
	switch {
	case r.name == "pwm" && i == pwmSTA:
		if r.stuck {
			return staFULL1
		}
		return staEMPT1 | r.mem[i]&staClear
	case r.name == "cm" && i == cmPWMCtl:
		v := r.mem[i]
		if v&cmEnab != 0 {
			v |= cmBusy
		}
		return v
	}
	return r.mem[i]
}

func (r *fakeRegs) Store(i int, v uint32) {
	if r.name == "pwm" && i == pwmFIF1 {
		r.fifo = append(r.fifo, v)
		if len(r.fifo) == r.gapAt {
			r.mem[pwmSTA] |= staGAPO1
		}
		return
	}
	if r.name == "pwm" && i == pwmSTA {
		r.mem[i] &^= v // write 1 to clear
		return
	}
	r.log.add("%s[0x%02x] = 0x%08x", r.name, i*4, v)
	r.mem[i] = v
}

func newFakeBlock(log *eventLog) (g, c, p *fakeRegs) {
	g = &fakeRegs{name: "gpio", log: log}
	c = &fakeRegs{name: "cm", log: log}
	p = &fakeRegs{name: "pwm", log: log}
	// GPIO10/11 (SPI0) and GPIO14/15 (UART) already in ALT0: must survive.
	g.mem[gpfsel1] = 0b100 | 0b100<<3 | 0b100<<12 | 0b100<<15
	return g, c, p
}

func TestNewPWMBlock(t *testing.T) {
	tests := []struct {
		name  string
		srcHz uint64
		want  []string
	}{
		// Pi 4: 54 MHz / 2.4 MHz = 22.5: DIVI 22, DIVF 2048 (0.5 x 4096), MASH 1.
		{"pi4 54MHz", 54_000_000, []string{
			"pwm[0x00] = 0x00000000",  // both channels off
			"cm[0xa0] = 0x5a000020",   // PASSWD | KILL
			"cm[0xa4] = 0x5a016800",   // PASSWD | 22<<12 | 2048
			"cm[0xa0] = 0x5a000201",   // PASSWD | MASH1 | SRC osc
			"cm[0xa0] = 0x5a000211",   // ... | ENAB
			"gpio[0x04] = 0x00024924", // GPIO12, GPIO13 ALT0, others kept
			"pwm[0x10] = 0x00000020",  // RNG1 = 32 bits a word
			"pwm[0x20] = 0x00000960",  // RNG2 = 2400: 1 kHz
			"pwm[0x24] = 0x00000000",  // DAT2 = 0: fan full until set
			"pwm[0x00] = 0x00000040",  // CLRF1
			"pwm[0x00] = 0x00008123",  // PWEN1|MODE1|USEF1|PWEN2|MSEN2
		}},
		// Pi 3: 19.2 MHz / 2.4 MHz = 8 exactly: no MASH.
		{"pi3 19.2MHz", 19_200_000, []string{
			"pwm[0x00] = 0x00000000",
			"cm[0xa0] = 0x5a000020",
			"cm[0xa4] = 0x5a008000",
			"cm[0xa0] = 0x5a000001",
			"cm[0xa0] = 0x5a000011",
			"gpio[0x04] = 0x00024924",
			"pwm[0x10] = 0x00000020",
			"pwm[0x20] = 0x00000960",
			"pwm[0x24] = 0x00000000",
			"pwm[0x00] = 0x00000040",
			"pwm[0x00] = 0x00008123",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			log := &eventLog{}
			g, c, p := newFakeBlock(log)
			if _, err := NewPWMBlock(g, c, p, tc.srcHz); err != nil {
				t.Fatal(err)
			}
			got := log.events()
			for i := range got {
				got[i] = strings.ToLower(got[i])
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("stores:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

func TestNewPWMBlockBadClock(t *testing.T) {
	for _, hz := range []uint64{0, 1_000_000, 1 << 50} {
		g, c, p := newFakeBlock(&eventLog{})
		if _, err := NewPWMBlock(g, c, p, hz); err == nil {
			t.Errorf("source %d Hz: no error", hz)
		}
	}
}

func TestPWMBlockRingFrame(t *testing.T) {
	g, c, p := newFakeBlock(&eventLog{})
	b, err := NewPWMBlock(g, c, p, 54_000_000)
	if err != nil {
		t.Fatal(err)
	}
	r := NewRingNRZ(b)
	if err := r.Halt(); err != nil {
		t.Fatal(err)
	}
	// A black frame: 36 bytes of 0x00 -> 36 x (92 49 24) = 108 bytes = 27
	// words repeating 92492492 49249249 24924924, then 90 zero bytes of
	// latch in 23 words (the last one padded): 50 words.
	var want []uint32
	for i := 0; i < 9; i++ {
		want = append(want, 0x92492492, 0x49249249, 0x24924924)
	}
	want = append(want, make([]uint32, 23)...)
	if fmt.Sprintf("%08x", p.fifo) != fmt.Sprintf("%08x", want) {
		t.Errorf("fifo words:\n%08x\nwant\n%08x", p.fifo, want)
	}
	if err := b.SetSpeed(25); err != nil {
		t.Fatal(err)
	}
	if got := p.mem[pwmDAT2]; got != 1800 { // 2400 x (100-25)/100, inverted
		t.Errorf("DAT2 = %d, want 1800", got)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}
	if got := p.mem[pwmCTL]; got != ctlPWEN2|ctlMSEN2 {
		t.Errorf("CTL after Close = 0x%x, want fan channel only", got)
	}
}

func TestPWMBlockStall(t *testing.T) {
	g, c, p := newFakeBlock(&eventLog{})
	b, err := NewPWMBlock(g, c, p, 54_000_000)
	if err != nil {
		t.Fatal(err)
	}
	p.stuck = true
	if err := b.WriteNRZ(make([]byte, 8)); !errors.Is(err, ErrPWMStall) {
		t.Errorf("stuck FIFO: %v, want ErrPWMStall", err)
	}
}

func TestParseSocRanges(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		want uint64
		ok   bool
	}{
		{"pi4", []byte{0x7e, 0, 0, 0, 0, 0, 0, 0, 0xfe, 0, 0, 0, 0x01, 0x80, 0, 0}, 0xFE000000, true},
		{"pi3", []byte{0x7e, 0, 0, 0, 0x3f, 0, 0, 0, 0x01, 0, 0, 0}, 0x3F000000, true},
		{"pi1", []byte{0x7e, 0, 0, 0, 0x20, 0, 0, 0, 0x01, 0, 0, 0}, 0x20000000, true},
		{"short", []byte{0x7e, 0, 0, 0}, 0, false},
		{"two cells truncated", []byte{0x7e, 0, 0, 0, 0, 0, 0, 0, 0xfe, 0, 0, 0}, 0, false},
		{"zero", make([]byte, 16), 0, false},
	}
	for _, tc := range tests {
		got, err := ParseSocRanges(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("%s: ParseSocRanges = 0x%x, %v; want 0x%x ok=%v", tc.name, got, err, tc.want, tc.ok)
		}
	}
}

func FuzzParseSocRanges(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		v, err := ParseSocRanges(b)
		if err == nil && v == 0 {
			t.Errorf("ParseSocRanges(% x) = 0 without error", b)
		}
	})
}

func TestPWMBlockGap(t *testing.T) {
	g, c, p := newFakeBlock(&eventLog{})
	b, err := NewPWMBlock(g, c, p, 54_000_000)
	if err != nil {
		t.Fatal(err)
	}
	// A gap flagged before the frame's first word is the idle line: ignored.
	p.mem[pwmSTA] = staGAPO1
	if err := b.WriteNRZ(make([]byte, 40)); err != nil {
		t.Fatalf("gap before the frame: %v", err)
	}
	// A gap in the middle of a frame: an error, so the frame is sent again.
	p.fifo, p.gapAt = nil, 5
	err = b.WriteNRZ(make([]byte, 40))
	if err == nil || !strings.Contains(err.Error(), "disturbed") {
		t.Errorf("gap mid-frame: %v", err)
	}
	if p.mem[pwmSTA]&staGAPO1 != 0 {
		t.Error("gap flag not cleared")
	}
}
