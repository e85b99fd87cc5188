package mark2

import (
	"encoding/binary"
	"errors"
	"fmt"
	"runtime"
	"sync"

	"periph.io/x/conn/v3/physic"
)

// The BCM283x/BCM2711 PWM block, driven directly: channel 1 as a bit
// serialiser for the WS2812 ring on GPIO12, channel 2 as mark-space PWM for
// the fan on GPIO13. The two channels share one clock, which is why one
// driver owns both (periph's bcm283x PWM would re-clock the block under the
// ring). Register facts: BCM2835 ARM Peripherals §6 (GPIO), §9 (PWM) and
// the clock manager's CM_PWMCTL/CM_PWMDIV; the BCM2711 keeps them at the
// same offsets from its peripheral base.

// Offsets from the peripheral base.
const (
	cmBase   = 0x101000
	gpioBase = 0x200000
	pwmBase  = 0x20C000
	// CM_PWMCTL and CM_PWMDIV, as word indexes from cmBase.
	cmPWMCtl = 0xA0 / 4
	cmPWMDiv = 0xA4 / 4
	// GPFSEL1 (GPIO 10-19), word index from gpioBase.
	gpfsel1 = 0x04 / 4
)

// PWM registers, word indexes from pwmBase.
const (
	pwmCTL  = 0x00 / 4 //nolint:staticcheck // SA4025: offset 0x00, written like the others
	pwmSTA  = 0x04 / 4
	pwmRNG1 = 0x10 / 4
	pwmFIF1 = 0x18 / 4
	pwmRNG2 = 0x20 / 4
	pwmDAT2 = 0x24 / 4
)

// CTL bits.
const (
	ctlPWEN1 = 1 << 0
	ctlMODE1 = 1 << 1 // serialiser
	ctlUSEF1 = 1 << 5 // from the FIFO
	ctlCLRF1 = 1 << 6
	ctlPWEN2 = 1 << 8
	ctlMSEN2 = 1 << 15 // mark-space
)

// STA bits.
const (
	staFULL1 = 1 << 0
	staEMPT1 = 1 << 1
	staWERR1 = 1 << 2
	staRERR1 = 1 << 3
	staGAPO1 = 1 << 4
	staBERR  = 1 << 8
	staClear = staWERR1 | staRERR1 | staGAPO1 | staBERR
)

// Clock manager bits.
const (
	cmPasswd = 0x5A << 24
	cmEnab   = 1 << 4
	cmKill   = 1 << 5
	cmBusy   = 1 << 7
	cmMash1  = 1 << 9
	// cmSrcOsc is the crystal oscillator source (54 MHz on the Pi 4,
	// 19.2 MHz on earlier models).
	cmSrcOsc = 1
)

// Fan channel: 2400 clocks of 2.4 MHz = a 1 kHz period.
const pwmFanRange = 2400

// fifoWords is the depth of the PWM FIFO; pollLimit bounds every busy-wait.
const (
	fifoWords = 16
	pollLimit = 2_000_000
)

// ErrPWMStall is returned when the PWM block does not respond (FIFO never
// drains, clock never idles).
var ErrPWMStall = errors.New("mark2: pwm block stalled")

// Regs is a block of 32-bit device registers addressed by word index.
// The real one is memory-mapped; tests use a fake.
type Regs interface {
	Load(i int) uint32
	Store(i int, v uint32)
}

// PWMBlock drives the SJ201 R10 ring (channel 1, serialiser, GPIO12) and fan
// (channel 2, mark-space, GPIO13) from one PWM clock of NRZRate. It is an
// NRZWriter and a FanOutput.
type PWMBlock struct {
	mu                sync.Mutex
	gpio, cm, pwm     Regs
	words             []uint32
	closeFn           func() error
	divi, divf, mashB uint32
	// ringOnly: channel 2 and GPIO13 belong to the kernel (pwm-fan).
	ringOnly bool
}

// ErrFanByKernel is returned by SetSpeed of a ring-only block: the fan is
// the kernel's (the pwm-fan driver and thermal governor).
var ErrFanByKernel = errors.New("mark2: pwm: the fan channel belongs to the kernel's pwm-fan driver")

// NewPWMBlock programs the block: GPIO12 and GPIO13 to ALT0 (PWM0 channels
// 1 and 2), the PWM clock from the oscillator at srcHz divided to NRZRate,
// channel 1 as a FIFO serialiser of 32-bit words idling low, channel 2 as
// 1 kHz mark-space PWM starting at duty 0 (on the SJ201: fan full speed,
// until the fan controller sets it).
func NewPWMBlock(gpio, cm, pwm Regs, srcHz uint64) (*PWMBlock, error) {
	b, err := newPWMClock(gpio, cm, pwm, srcHz)
	if err != nil {
		return nil, err
	}
	// Stop both channels, then the clock.
	pwm.Store(pwmCTL, 0)
	if err := b.startClock(); err != nil {
		return nil, err
	}

	// GPIO12 (bits 6-8) and GPIO13 (bits 9-11) to ALT0 (0b100).
	fs := gpio.Load(gpfsel1)
	fs &^= 0b111111 << 6
	fs |= 0b100<<6 | 0b100<<9
	gpio.Store(gpfsel1, fs)

	pwm.Store(pwmRNG1, 32)
	pwm.Store(pwmRNG2, pwmFanRange)
	pwm.Store(pwmDAT2, 0)
	pwm.Store(pwmSTA, staClear)
	pwm.Store(pwmCTL, ctlCLRF1)
	pwm.Store(pwmCTL, ctlPWEN1|ctlMODE1|ctlUSEF1|ctlPWEN2|ctlMSEN2)
	return b, nil
}

// ctlChannel1 are the CTL bits of channel 1 (the ring); the rest are
// channel 2's (the fan).
const ctlChannel1 = 0xFF

// NewPWMRing programs channel 1 only, for the ring helper on a board whose
// fan is run by the kernel (the pwm-fan overlay owns channel 2 and
// GPIO13): it touches only channel 1's CTL bits and registers and GPIO12's
// function, and re-programs the shared clock only when it does not already
// run from the oscillator at NRZRate (the overlay sets that rate, so the
// fan's period is unchanged either way). SetSpeed returns ErrFanByKernel.
func NewPWMRing(gpio, cm, pwm Regs, srcHz uint64) (*PWMBlock, error) {
	b, err := newPWMClock(gpio, cm, pwm, srcHz)
	if err != nil {
		return nil, err
	}
	b.ringOnly = true
	ctl := pwm.Load(pwmCTL) &^ ctlChannel1
	pwm.Store(pwmCTL, ctl)
	want := cmPasswd | b.divi<<12 | b.divf
	running := cm.Load(cmPWMCtl)
	if running&cmEnab == 0 || running&0xF != cmSrcOsc || running&(3<<9) != b.mashB ||
		cmPasswd|cm.Load(cmPWMDiv)&0xFFFFFF != want {
		if err := b.startClock(); err != nil {
			return nil, err
		}
	}
	fs := gpio.Load(gpfsel1)
	fs &^= 0b111 << 6
	fs |= 0b100 << 6
	gpio.Store(gpfsel1, fs)
	pwm.Store(pwmRNG1, 32)
	pwm.Store(pwmSTA, staClear)
	pwm.Store(pwmCTL, ctl|ctlCLRF1)
	pwm.Store(pwmCTL, ctl|ctlPWEN1|ctlMODE1|ctlUSEF1)
	return b, nil
}

// newPWMClock checks that srcHz can make NRZRate and works out the divider.
func newPWMClock(gpio, cm, pwm Regs, srcHz uint64) (*PWMBlock, error) {
	rate := uint64(NRZRate / physic.Hertz)
	if srcHz < 2*rate || srcHz > 1<<40 {
		return nil, fmt.Errorf("mark2: pwm: clock source of %d Hz cannot make %s", srcHz, NRZRate)
	}
	// Divider in 1/4096 steps: DIVI.DIVF = src / rate.
	div := srcHz * 4096 / rate
	b := &PWMBlock{gpio: gpio, cm: cm, pwm: pwm,
		divi: uint32(div >> 12), divf: uint32(div & 0xFFF)}
	if b.divi < 2 || b.divi > 0xFFF {
		return nil, fmt.Errorf("mark2: pwm: divider %d out of range", b.divi)
	}
	if b.divf != 0 {
		b.mashB = cmMash1
	}
	return b, nil
}

// startClock stops the PWM clock and starts it from the oscillator at
// NRZRate.
func (b *PWMBlock) startClock() error {
	b.cm.Store(cmPWMCtl, cmPasswd|cmKill)
	if err := b.waitCM(false); err != nil {
		return err
	}
	b.cm.Store(cmPWMDiv, cmPasswd|b.divi<<12|b.divf)
	b.cm.Store(cmPWMCtl, cmPasswd|b.mashB|cmSrcOsc)
	b.cm.Store(cmPWMCtl, cmPasswd|b.mashB|cmSrcOsc|cmEnab)
	return b.waitCM(true)
}

// waitCM waits until the clock's BUSY flag equals busy.
func (b *PWMBlock) waitCM(busy bool) error {
	for i := 0; i < pollLimit; i++ {
		if (b.cm.Load(cmPWMCtl)&cmBusy != 0) == busy {
			return nil
		}
	}
	return fmt.Errorf("%w: clock busy=%v never reached", ErrPWMStall, busy)
}

// packWords packs line bytes into 32-bit FIFO words, most significant byte
// first (the serialiser sends bit 31 first), padding the last word with
// zeros (more latch).
func packWords(dst []uint32, line []byte) []uint32 {
	dst = dst[:0]
	for i := 0; i < len(line); i += 4 {
		var w [4]byte
		copy(w[:], line[i:])
		dst = append(dst, binary.BigEndian.Uint32(w[:]))
	}
	return dst
}

// WriteNRZ implements NRZWriter. The CPU feeds the 16-word FIFO; a frame
// (50 words) lasts 667 µs, and the FIFO covers 213 µs of it, so the feeding
// goroutine is pinned to its thread while it writes. A gap (the FIFO ran dry
// mid-frame) is reported as an error so that the animator resends the frame.
func (b *PWMBlock) WriteNRZ(line []byte) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.words = packWords(b.words, line)
	// The previous frame must be out before the next one starts.
	if err := b.waitSTA(staEMPT1, true); err != nil {
		return err
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	for i, w := range b.words {
		if err := b.waitSTA(staFULL1, false); err != nil {
			return err
		}
		b.pwm.Store(pwmFIF1, w)
		if i == 0 {
			// The idle time before this frame may have flagged a gap;
			// from now on a gap is a fault.
			b.pwm.Store(pwmSTA, staClear)
		}
	}
	if st := b.pwm.Load(pwmSTA); st&(staGAPO1|staWERR1|staBERR) != 0 {
		b.pwm.Store(pwmSTA, staClear)
		return fmt.Errorf("mark2: pwm ring: frame disturbed (status 0x%03x)", st&staClear)
	}
	return nil
}

func (b *PWMBlock) waitSTA(bit uint32, set bool) error {
	for i := 0; i < pollLimit; i++ {
		if (b.pwm.Load(pwmSTA)&bit != 0) == set {
			return nil
		}
	}
	return fmt.Errorf("%w: status bit 0x%x never %v", ErrPWMStall, bit, set)
}

// SetSpeed implements FanOutput: the duty is inverted by the SJ201's NPN
// stage, so DAT2 = range × (100 − speed) / 100.
func (b *PWMBlock) SetSpeed(percent int) error {
	if b.ringOnly {
		return ErrFanByKernel
	}
	percent = max(0, min(100, percent))
	b.mu.Lock()
	defer b.mu.Unlock()
	b.pwm.Store(pwmDAT2, uint32(pwmFanRange*(100-percent)/100))
	return nil
}

func (b *PWMBlock) String() string { return "pwm0-serialiser" }

// Close stops the ring channel (the line idles low) and leaves the fan
// channel running at its last speed, then releases the mapping.
func (b *PWMBlock) Close() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.pwm.Store(pwmCTL, b.pwm.Load(pwmCTL)&^(ctlPWEN1|ctlMODE1|ctlUSEF1))
	if b.closeFn != nil {
		return b.closeFn()
	}
	return nil
}

// ParseSocRanges returns the physical base of the SoC peripherals from the
// device tree's /soc/ranges: big-endian cells (child address, parent
// address in one or two cells, size). The Pi 4 has two parent cells
// (0x0, 0xfe000000); earlier models one (0x3f000000 or 0x20000000).
func ParseSocRanges(b []byte) (uint64, error) {
	if len(b) < 12 {
		return 0, fmt.Errorf("mark2: soc ranges: %d bytes, want at least 12", len(b))
	}
	if v := binary.BigEndian.Uint32(b[4:]); v != 0 {
		return uint64(v), nil
	}
	if len(b) < 16 {
		return 0, fmt.Errorf("mark2: soc ranges: two-cell parent needs 16 bytes, got %d", len(b))
	}
	v := binary.BigEndian.Uint32(b[8:])
	if v == 0 {
		return 0, fmt.Errorf("mark2: soc ranges: zero peripheral base")
	}
	return uint64(v), nil
}

var (
	_ NRZWriter = (*PWMBlock)(nil)
	_ FanOutput = (*PWMBlock)(nil)
)
