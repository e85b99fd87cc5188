package mark2

import (
	"context"
	"fmt"
	"math"
	"sync"
	"time"

	"periph.io/x/conn/v3/i2c"

	"github.com/mycroft-network/mycroft/hal"
)

// TAS5806MD registers used here.
const (
	RegDeviceCtrl2 = 0x03 // 0 deep sleep, 2 Hi-Z, 3 play
	RegDigVol      = 0x4C // 0x30 = 0 dB, -0.5 dB a step, 0xFF mute
	RegPowerState  = 0x68
)

// Volume mapping: user 0..100 onto DIG_VOL 210 (-81 dB) .. 84 (-18 dB),
// logarithmically; 84 is the cap that keeps the 5 W speakers safe.
const (
	VolRegMin     = 210 // quietest used (level 0)
	VolRegMax     = 84  // loudest allowed (level 100)
	DefaultVolume = 60
	tasStepPause  = 100 * time.Millisecond
)

// tasInit is the amplifier init sequence: (register, value) single-byte
// writes, each followed by a 100 ms pause.
var tasInit = [...][2]byte{
	{0x01, 0x11}, // RESET_CTRL: reset DSP and control registers
	{0x78, 0x80}, // FAULT_CLEAR
	{0x01, 0x00}, // release reset
	{0x78, 0x00}, // release fault clear
	{0x33, 0x03}, // SAP_CTRL1: I2S, 32-bit words
	{0x4C, 0x60}, // DIG_VOL: initial volume
	{0x30, 0x01}, // SDOUT_SEL: DSP input, the echo reference to the XMOS
	{0x03, 0x00}, // DEVICE_CTRL_2: deep sleep
	{0x03, 0x02}, // Hi-Z
	{0x5C, 0x01}, // BQ_WR_CTRL1
	{0x03, 0x03}, // PLAY
}

// VolumeRegister maps a level 0..100 (clamped) to the DIG_VOL value:
// round(exp(ln 210 + level/100 * (ln 84 - ln 210))), clamped to [84, 210].
func VolumeRegister(level int) byte {
	level = max(0, min(100, level))
	v := math.Round(math.Exp(math.Log(VolRegMin) + float64(level)/100*(math.Log(VolRegMax)-math.Log(VolRegMin))))
	v = max(VolRegMax, min(VolRegMin, v))
	return byte(v)
}

// Amp is the TAS5806MD at I2C 0x2f: init sequence and hal.Volume.
type Amp struct {
	bus i2c.Bus
	clk Clock

	mu    sync.Mutex
	level int
}

// NewAmp drives the amplifier on bus. It sends nothing until Init or
// SetVolume.
func NewAmp(bus i2c.Bus, clk Clock) *Amp {
	return &Amp{bus: bus, clk: clockOr(clk), level: DefaultVolume}
}

func (a *Amp) write(reg, val byte) error {
	return a.bus.Tx(AddrTAS5806, []byte{reg, val}, nil)
}

// Init sends the init sequence, which leaves the amplifier playing at the
// init volume (DIG_VOL 0x60); call SetVolume next.
func (a *Amp) Init(ctx context.Context) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	for i, s := range tasInit {
		if err := a.write(s[0], s[1]); err != nil {
			return fmt.Errorf("mark2: amp init step %d (0x%02x <- 0x%02x): %w", i+1, s[0], s[1], err)
		}
		if err := a.clk.Sleep(ctx, tasStepPause); err != nil {
			return fmt.Errorf("mark2: amp init step %d: %w", i+1, err)
		}
	}
	return nil
}

// SetVolume implements hal.Volume. Levels outside 0..100 are clamped.
func (a *Amp) SetVolume(level int) error {
	level = max(0, min(100, level))
	a.mu.Lock()
	defer a.mu.Unlock()
	if err := a.write(RegDigVol, VolumeRegister(level)); err != nil {
		return fmt.Errorf("mark2: amp volume %d: %w", level, err)
	}
	a.level = level
	return nil
}

// Volume implements hal.Volume: the last level set (DefaultVolume before
// any).
func (a *Amp) Volume() (int, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.level, nil
}

// PowerState reads POWER_STATE (0 deep sleep, 1 sleep, 2 Hi-Z, 3 play).
func (a *Amp) PowerState() (byte, error) {
	var r [1]byte
	if err := a.bus.Tx(AddrTAS5806, []byte{RegPowerState}, r[:]); err != nil {
		return 0, fmt.Errorf("mark2: amp power state: %w", err)
	}
	return r[0], nil
}

var _ hal.Volume = (*Amp)(nil)
