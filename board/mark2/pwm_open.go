package mark2

import (
	"errors"
	"fmt"
	"os"
	"sync/atomic"

	"periph.io/x/host/v3/pmem"
)

// memRegs is a memory-mapped register block. Accesses are single 32-bit
// loads and stores (atomic so that the compiler neither merges nor drops
// them).
type memRegs []uint32

func (m memRegs) Load(i int) uint32     { return atomic.LoadUint32(&m[i]) }
func (m memRegs) Store(i int, v uint32) { atomic.StoreUint32(&m[i], v) }

// Oscillator frequencies by peripheral base.
const (
	pi4PeriphBase = 0xFE000000
	pi4OscHz      = 54_000_000
	oldOscHz      = 19_200_000
)

// OpenPWMBlock maps the GPIO, clock and PWM registers through /dev/mem (root
// only) and programs them as NewPWMBlock does. It conflicts with any kernel
// driver of the PWM block (the pwm-fan overlay, onboard analogue audio):
// leave those disabled when using it.
func OpenPWMBlock() (*PWMBlock, error) { return openPWM(NewPWMBlock) }

// OpenPWMRing maps the registers as OpenPWMBlock does and programs the ring
// channel only (NewPWMRing), beside the kernel's pwm-fan driver. The
// mycroft-ring helper calls it (CAP_SYS_RAWIO and /dev/mem, nothing else).
func OpenPWMRing() (*PWMBlock, error) { return openPWM(NewPWMRing) }

func openPWM(program func(gpio, cm, pwm Regs, srcHz uint64) (*PWMBlock, error)) (*PWMBlock, error) {
	rb, err := os.ReadFile("/proc/device-tree/soc/ranges")
	if err != nil {
		return nil, fmt.Errorf("mark2: pwm: %w", err)
	}
	base, err := ParseSocRanges(rb)
	if err != nil {
		return nil, err
	}
	osc := uint64(oldOscHz)
	if base == pi4PeriphBase {
		osc = pi4OscHz
	}
	var views []*pmem.View
	closeAll := func() error {
		var errs []error
		for _, v := range views {
			errs = append(errs, v.Close())
		}
		return errors.Join(errs...)
	}
	mapRegs := func(off uint64, size int) (memRegs, error) {
		v, err := pmem.Map(base+off, size)
		if err != nil {
			return nil, fmt.Errorf("mark2: pwm: map 0x%x: %w", base+off, err)
		}
		views = append(views, v)
		return memRegs(v.Uint32()), nil
	}
	g, err := mapRegs(gpioBase, 0x100)
	if err != nil {
		return nil, errors.Join(err, closeAll())
	}
	c, err := mapRegs(cmBase, 0x100)
	if err != nil {
		return nil, errors.Join(err, closeAll())
	}
	p, err := mapRegs(pwmBase, 0x28)
	if err != nil {
		return nil, errors.Join(err, closeAll())
	}
	b, err := program(g, c, p, osc)
	if err != nil {
		return nil, errors.Join(err, closeAll())
	}
	b.closeFn = closeAll
	return b, nil
}
