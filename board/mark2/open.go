package mark2

import (
	"context"
	"errors"
	"fmt"
	"os"

	"periph.io/x/conn/v3/gpio"
	"periph.io/x/conn/v3/gpio/gpioreg"
	"periph.io/x/conn/v3/gpio/gpiostream"
	"periph.io/x/conn/v3/i2c"
	"periph.io/x/conn/v3/i2c/i2creg"
	"periph.io/x/conn/v3/spi/spireg"
	"periph.io/x/host/v3"

	"github.com/mycroft-network/mycroft/board/alsa"
	"github.com/mycroft-network/mycroft/hal"
)

// openBus initialises periph host and opens the named I2C bus.
func openBus(name string) (i2c.BusCloser, error) {
	if _, err := host.Init(); err != nil {
		return nil, fmt.Errorf("periph host: %w: %w", err, hal.ErrUnavailable)
	}
	if name == "" {
		name = "1"
	}
	bus, err := i2creg.Open(name)
	if err != nil {
		return nil, fmt.Errorf("i2c bus %s: %w: %w", name, err, hal.ErrUnavailable)
	}
	return bus, nil
}

// Detect probes the real I2C bus 1 for an SJ201: ok with rev RevR6 or
// RevR10 when the TAS5806 answers; not ok when it does not. err is only for
// a bus that cannot be opened (not a Raspberry Pi, no i2c-dev, no access).
func Detect(ctx context.Context) (rev string, ok bool, err error) {
	bus, err := openBus("1")
	if err != nil {
		return "", false, fmt.Errorf("mark2: detect: %w", err)
	}
	defer bus.Close()
	return detectOn(ctx, bus)
}

func pinIO(name string) gpio.PinIO {
	p := gpioreg.ByName(name)
	if p == nil {
		return nil
	}
	return p
}

// Open assembles the Mark II on real hardware through periph host (see New
// for what it does and how it degrades). Close the board to release it.
func Open(ctx context.Context, cfg Config) (*hal.Board, error) {
	bus, err := openBus(cfg.I2CBus)
	if err != nil {
		return nil, fmt.Errorf("mark2: open: %w", err)
	}
	var closers []func() error
	closers = append(closers, bus.Close)
	dev := Devices{Bus: bus}
	warn := func(format string, args ...any) { dev.Warnings = append(dev.Warnings, fmt.Sprintf(format, args...)) }

	rev, ok, err := detectOn(ctx, bus)
	if err != nil || !ok {
		_ = bus.Close()
		if err != nil {
			return nil, fmt.Errorf("mark2: open: %w", err)
		}
		return nil, fmt.Errorf("mark2: open: %w: %w", ErrNotMark2, hal.ErrUnavailable)
	}
	dev.Revision = rev

	spiName := cfg.XMOSSPI
	if spiName == "" {
		spiName = "SPI0.0"
	}
	if port, err := spireg.Open(spiName); err != nil {
		warn("mark2: xmos spi %s: %v", spiName, err)
	} else {
		dev.XMOSPort = port
		closers = append(closers, port.Close)
	}
	dev.XMOSPins = XMOSPins{Power: pinIO("GPIO16"), Reset: pinIO("GPIO27"), BootSel: pinIO("GPIO26")}
	dev.HoldClock = alsa.Hold{Card: SoundCard, Device: CaptureDevice, Capture: true}.Open
	dev.Buttons = ButtonPins{VolUp: pinIO("GPIO22"), VolDown: pinIO("GPIO23"), Action: pinIO("GPIO24")}
	if p := pinIO("GPIO25"); p != nil {
		dev.Mute = p
	}

	if rev == RevR10 {
		openR10(cfg, &dev, &closers, warn)
	}
	dev.Close = func() error {
		var errs []error
		for i := len(closers) - 1; i >= 0; i-- {
			errs = append(errs, closers[i]())
		}
		return errors.Join(errs...)
	}
	return New(ctx, cfg, dev)
}

// The SJ201's sound card as our overlay (image/overlays/mark2-sj201.dts)
// makes it: the card's name, and the PCM device of its capture link, the
// one that runs the XMOS master clock.
const (
	SoundCard     = "sj201"
	CaptureDevice = 1
)

// KernelFanNode is the device-tree node of our pwm-fan overlay
// (image/overlays/mark2-fan.dts): present when the kernel runs the fan.
const KernelFanNode = "/sys/firmware/devicetree/base/sj201-fan"

// openR10 finds the ring and fan transports of an R10: an SPI port if
// configured; where the kernel runs the fan (our pwm-fan overlay, as in the
// SD image), the ring through the mycroft-ring helper and no fan output;
// else the direct PWM block (root), else periph's GPIO12 stream and GPIO13
// PWM.
func openR10(cfg Config, dev *Devices, closers *[]func() error, warn func(string, ...any)) {
	if _, err := os.Stat(KernelFanNode); err == nil {
		dev.FanByKernel = true
		if dev.RingNRZ != nil || cfg.LEDSPI != "" {
			return
		}
		sock := cfg.RingSocket
		if sock == "" {
			sock = DefaultRingSocket
		}
		if _, err := os.Stat(sock); err != nil {
			warn("mark2: no LED ring: the mycroft-ring helper's socket: %v (enable mycroft-ring.socket)", err)
			return
		}
		c := &RingClient{Path: sock}
		*closers = append(*closers, c.Close)
		dev.RingNRZ = c
		return
	}
	if cfg.LEDSPI != "" {
		port, err := spireg.Open(cfg.LEDSPI)
		if err != nil {
			warn("mark2: ring spi %s: %v", cfg.LEDSPI, err)
		} else {
			*closers = append(*closers, port.Close)
			if w, err := NewSPIWriter(port); err != nil {
				warn("%v", err)
			} else {
				dev.RingNRZ = w
			}
		}
	}
	if !cfg.PeriphPWM {
		blk, err := OpenPWMBlock()
		if err == nil {
			*closers = append(*closers, blk.Close)
			if dev.RingNRZ == nil {
				dev.RingNRZ = blk
			}
			dev.FanOut = blk
			return
		}
		warn("mark2: direct PWM block unavailable, using periph: %v", err)
	}
	if p := pinIO("GPIO13"); p != nil {
		dev.FanPin = p
	}
	if dev.RingNRZ == nil {
		if s, ok := gpioreg.ByName("GPIO12").(gpiostream.PinOut); ok {
			dev.RingNRZ = StreamWriter{Pin: s}
		}
	}
}
