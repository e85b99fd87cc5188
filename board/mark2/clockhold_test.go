package mark2

import (
	"context"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"periph.io/x/conn/v3/conntest"
	"periph.io/x/conn/v3/i2c"
	"periph.io/x/conn/v3/i2c/i2ctest"
	"periph.io/x/conn/v3/spi/spitest"
)

// xmosLogBus logs each transaction with the XMOS into the shared log.
type xmosLogBus struct {
	i2c.Bus
	log *eventLog
}

func (b xmosLogBus) Tx(addr uint16, w, r []byte) error {
	if addr == AddrXMOS {
		b.log.add("i2c xmos")
	}
	return b.Bus.Tx(addr, w, r)
}

type closeFunc func() error

func (f closeFunc) Close() error { return f() }

// TestNewHoldsXMOSClock: the XMOS's master clock (the sound card's
// capture stream) is held from before the XMOS is powered until it has
// answered on I2C, then released so the agent's microphone can open the
// stream; a hold that fails is a warning and the boot goes on.
func TestNewHoldsXMOSClock(t *testing.T) {
	for _, fail := range []bool{false, true} {
		log := &eventLog{}
		bus := xmosLogBus{Bus: &i2ctest.Playback{Ops: []i2ctest.IO{{Addr: 0x2c, R: []byte{0}}}, DontPanic: true}, log: log}
		spi := &spitest.Playback{Playback: conntest.Playback{
			Ops: []conntest.IO{{W: []byte{0x80, 0x40, 0x01, 0x0F}}}, DontPanic: true}}
		xp, bp, mute := gpioPins(log)
		hold := func() (io.Closer, error) {
			if fail {
				return nil, errors.New("pcm device busy")
			}
			log.add("clock held")
			return closeFunc(func() error { log.add("clock released"); return nil }), nil
		}
		b, err := New(context.Background(), Config{XMOSFirmware: writeFirmware(t, []byte{0x01, 0x02, 0x80, 0xF0})}, Devices{
			Bus: bus, Revision: RevR6, XMOSPort: spi, XMOSPins: xp, Buttons: bp, Mute: mute, HoldClock: hold,
			Temperature: func() (int, error) { return 50000, nil },
			Clock:       initClock{newFakeClock()},
		})
		if err != nil {
			t.Fatal(err)
		}
		ev := log.events()
		b.Close()
		warned := slices.ContainsFunc(b.Warnings, func(w string) bool { return strings.Contains(w, "xmos master clock") })
		if fail {
			if !warned {
				t.Errorf("a failed hold: no warning in %q", b.Warnings)
			}
			if !slices.Contains(ev, "GPIO16 High") {
				t.Errorf("a failed hold stopped the boot: %v", ev)
			}
			continue
		}
		if warned {
			t.Errorf("warnings %q", b.Warnings)
		}
		held, power := slices.Index(ev, "clock held"), slices.Index(ev, "GPIO16 High")
		answer, released := slices.Index(ev, "i2c xmos"), slices.Index(ev, "clock released")
		if held < 0 || power < held || answer < power || released < answer {
			t.Errorf("events %v: want the clock held, the XMOS powered and booted, its I2C answer, then the clock released", ev)
		}
	}
}
