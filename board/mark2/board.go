package mark2

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"

	"periph.io/x/conn/v3/gpio"
	"periph.io/x/conn/v3/i2c"
	"periph.io/x/conn/v3/spi"

	"github.com/mycroft-network/mycroft/hal"
)

// WarnAudio is the warning New leaves in hal.Board.Warnings: the microphone
// (XMOS) and speaker (TAS5806) are ALSA devices on I2S.
const WarnAudio = "mark2: audio through ALSA/portaudio is wired by the board package"

// Config is the Mark II part of the agent's board configuration. Zero
// values take the defaults.
type Config struct {
	// XMOSFirmware is the path of the XVF3510 SPI boot image. We do not ship
	// it; without it the board runs with no microphones (a warning).
	XMOSFirmware string
	// ThermalPath is the SoC temperature file (DefaultThermalPath).
	ThermalPath string
	// I2CBus names the periph I2C bus ("1").
	I2CBus string
	// XMOSSPI names the periph SPI port of the XMOS boot ("SPI0.0").
	XMOSSPI string
	// LEDSPI, when set, names an SPI port whose MOSI drives the R10 ring
	// instead of a GPIO12 stream (see docs/hardware-mark2.md).
	LEDSPI string
	// PeriphPWM, on an R10, leaves the PWM block to periph (GPIO12 stream,
	// GPIO13 PWM) instead of the direct PWMBlock driver.
	PeriphPWM bool
	// RingSocket is the mycroft-ring helper's socket, used on an R10 whose
	// fan the kernel runs (DefaultRingSocket when empty).
	RingSocket string
	// Volume is the initial volume 1..100 (DefaultVolume when 0).
	Volume int
	// Inputs tunes button and mute-switch debouncing.
	Inputs InputOpts
	// Fan tunes the fan curve (its Log is taken from Log when nil).
	Fan FanOpts
	// Log receives warnings; nil discards them.
	Log *slog.Logger
}

// Devices are the buses and pins New assembles; Open fills them from periph
// host, tests from periph's playback fakes. Nil members are devices the
// board goes without (with a warning).
type Devices struct {
	Bus      i2c.Bus // I2C bus 1; required
	Revision string  // RevR6 or RevR10; "" probes Bus
	XMOSPort spi.Port
	XMOSPins XMOSPins
	// HoldClock keeps the XMOS master clock running while it boots and
	// until it answers on I2C (the sound card's capture stream held open:
	// see alsa.Hold); nil when the clock runs by itself.
	HoldClock func() (io.Closer, error)
	Buttons   ButtonPins
	Mute      gpio.PinIn
	RingNRZ   NRZWriter   // R10 ring transport
	FanPin    gpio.PinOut // R10 fan (GPIO13) through periph
	FanOut    FanOutput   // R10 fan output; takes precedence over FanPin
	// FanByKernel: the kernel's pwm-fan driver and thermal governor run
	// the R10 fan (our overlay); the board then has no fan loop and no
	// warning for it.
	FanByKernel bool
	// Temperature reads the SoC temperature in millidegrees; nil reads
	// Config.ThermalPath.
	Temperature func() (int, error)
	Clock       Clock
	// Warnings found while opening the devices, carried into the board.
	Warnings []string
	// Close releases what the opener opened; run last by Board.Close.
	Close func() error
}

// New assembles a Mark II from dev, in the documented order: revision, XMOS
// boot, amplifier init and volume, LED ring (off), inputs, fan. Only a
// missing SJ201 is an error (ErrNotMark2, also hal.ErrUnavailable); any
// device that fails is left out with a warning. The ring animation and the
// fan loop run in goroutines until Board.Close.
func New(ctx context.Context, cfg Config, dev Devices) (*hal.Board, error) {
	if dev.Bus == nil {
		return nil, fmt.Errorf("mark2: open: no i2c bus: %w", hal.ErrUnavailable)
	}
	log := cfg.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	clk := clockOr(dev.Clock)
	b := &hal.Board{Name: "mark2", Warnings: append([]string(nil), dev.Warnings...)}
	warn := func(format string, args ...any) {
		w := fmt.Sprintf(format, args...)
		b.Warnings = append(b.Warnings, w)
		log.Warn(w)
	}
	closeDev := func() {
		if dev.Close != nil {
			_ = dev.Close()
		}
	}

	rev := dev.Revision
	if rev == "" {
		r, ok, err := detectOn(ctx, dev.Bus)
		if err != nil {
			closeDev()
			return nil, fmt.Errorf("mark2: open: %w", err)
		}
		if !ok {
			closeDev()
			return nil, fmt.Errorf("mark2: open: %w: %w", ErrNotMark2, hal.ErrUnavailable)
		}
		rev = r
	}
	if rev != RevR6 && rev != RevR10 {
		closeDev()
		return nil, fmt.Errorf("mark2: open: unknown revision %q", rev)
	}
	b.Revision = rev

	// XMOS: the microphones. Without them the board says so: a warning
	// (mycroft status) and the mute switch reads on (the faceplate shows
	// muted and nothing is captured).
	mics, err := bootMics(ctx, cfg, dev, clk, warn)
	if err != nil {
		closeDev()
		return nil, fmt.Errorf("mark2: open: %w", err)
	}

	// Amplifier.
	amp := NewAmp(dev.Bus, clk)
	if err := amp.Init(ctx); err != nil {
		if ctx.Err() != nil {
			closeDev()
			return nil, fmt.Errorf("mark2: open: %w", err)
		}
		warn("mark2: no amplifier: %v", err)
	} else {
		vol := cfg.Volume
		if vol <= 0 {
			vol = DefaultVolume
		}
		if err := amp.SetVolume(vol); err != nil {
			warn("mark2: no volume control: %v", err)
		} else {
			b.Volume = amp
		}
	}

	// LED ring.
	var ring *Ring
	switch {
	case rev == RevR6:
		ring = NewRingR6(dev.Bus)
	case dev.RingNRZ != nil:
		ring = NewRingNRZ(dev.RingNRZ)
	default:
		warn("mark2: no LED ring: no WS2812 transport for GPIO12")
	}
	var anim *Animator
	if ring != nil {
		anim = NewAnimator(ring, clk)
		if err := anim.Step(); err != nil {
			warn("mark2: no LED ring: %v", err)
			anim = nil
		} else {
			b.Faceplate = anim
		}
	}

	// Buttons and mute switch.
	if btn, err := NewButtons(dev.Buttons, clk, cfg.Inputs); err != nil {
		warn("mark2: no buttons: %v", err)
	} else {
		b.Buttons = btn
	}
	if m, err := NewMuteSwitch(dev.Mute, clk, cfg.Inputs); err != nil {
		warn("mark2: no mute switch: %v", err)
	} else {
		b.Mute = m
	}
	if !mics {
		b.Mute = NoMicrophones{}
	}

	// Fan.
	var fanOut FanOutput
	switch {
	case rev == RevR6:
		fanOut = FanR6{Bus: dev.Bus}
	case dev.FanByKernel:
		log.Info("mark2: the kernel's pwm-fan driver runs the fan")
	case dev.FanOut != nil:
		fanOut = dev.FanOut
	case dev.FanPin != nil:
		fanOut = FanR10{Pin: dev.FanPin}
	default:
		warn("mark2: no fan control: no GPIO13")
	}
	var fan *FanController
	if fanOut != nil {
		temp := dev.Temperature
		if temp == nil {
			p := cfg.ThermalPath
			if p == "" {
				p = DefaultThermalPath
			}
			temp = FileTemperature(p)
		}
		fo := cfg.Fan
		if fo.Log == nil {
			fo.Log = log
		}
		fan = NewFanController(fanOut, temp, clk, fo)
		if _, err := fan.Step(); err != nil {
			warn("mark2: fan: %v", err)
		}
	}

	b.Warnings = append(b.Warnings, WarnAudio)

	runCtx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	if anim != nil {
		wg.Go(func() {
			_ = anim.Run(runCtx, func(err error) { log.Debug("mark2: ring", "err", err) })
		})
	}
	if fan != nil {
		wg.Go(func() { _ = fan.Run(runCtx) })
	}
	var once sync.Once
	var closeErr error
	b.Close = func() error {
		once.Do(func() {
			cancel()
			wg.Wait()
			var errs []error
			if anim != nil {
				errs = append(errs, anim.Halt())
			}
			if dev.Close != nil {
				errs = append(errs, dev.Close())
			}
			closeErr = errors.Join(errs...)
		})
		return closeErr
	}
	return b, nil
}

// bootMics boots the XMOS (the microphones) if its firmware and SPI port
// are there, with its master clock held while it boots and until it
// answers on I2C. It reports whether the board has microphones; every
// failure is a warning, except a cancelled ctx.
func bootMics(ctx context.Context, cfg Config, dev Devices, clk Clock, warn func(string, ...any)) (bool, error) {
	fw, err := LoadFirmware(cfg.XMOSFirmware)
	switch {
	case errors.Is(err, ErrNoFirmware) || errors.Is(err, ErrFirmwareSize):
		warn("mark2: no microphones: %v (%s)", err, FirmwareHint)
		return false, nil
	case err != nil:
		warn("mark2: no microphones: %v", err)
		return false, nil
	case dev.XMOSPort == nil:
		warn("mark2: no microphones: no SPI port for the XMOS boot")
		return false, nil
	}
	if dev.HoldClock != nil {
		held, err := dev.HoldClock()
		if err != nil {
			// Boot anyway: the clock may run for another reason.
			warn("mark2: xmos master clock: %v (the XMOS may not boot)", err)
		} else {
			defer func() {
				if err := held.Close(); err != nil {
					warn("mark2: xmos master clock: release: %v", err)
				}
			}()
		}
	}
	if err := BootXMOS(ctx, dev.XMOSPort, dev.XMOSPins, fw, clk); err != nil {
		if ctx.Err() != nil {
			return false, err
		}
		warn("mark2: no microphones: %v", err)
		return false, nil
	}
	if !present(dev.Bus, AddrXMOS) {
		warn("mark2: xmos did not answer on i2c 0x2c after boot (check the image and the I2S master clock)")
	}
	return true, nil // booted: it may still answer once its clock runs
}
