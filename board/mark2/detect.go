package mark2

import (
	"context"
	"errors"
	"fmt"

	"periph.io/x/conn/v3/i2c"
)

// I2C addresses on the Raspberry Pi's bus 1.
const (
	AddrATtiny  = 0x04 // R6 only: LED ring and fan controller
	AddrXMOS    = 0x2c // XVF3510 control (answers once its firmware runs)
	AddrTAS5806 = 0x2f // amplifier
)

// Board revisions.
const (
	RevR6  = "R6"
	RevR10 = "R10"
)

// ErrNotMark2 is returned when no SJ201 answers on the bus.
var ErrNotMark2 = errors.New("mark2: no SJ201 found")

// probeResult is what the I2C probe found.
type probeResult struct {
	tas, xmos, attiny bool
}

func (p probeResult) rev() (string, bool) {
	if !p.tas {
		return "", false
	}
	if p.attiny {
		return RevR6, true
	}
	return RevR10, true
}

// present reports whether a device acknowledges a one-byte read at addr. A
// NACK and a bus error look the same through i2c.Bus, so any error means
// absent.
func present(bus i2c.Bus, addr uint16) bool {
	var b [1]byte
	return bus.Tx(addr, nil, b[:]) == nil
}

// probe looks for the SJ201 parts. The TAS5806 decides whether this is an
// SJ201 at all: the XMOS only answers once its firmware has been sent, so
// before boot it is absent even on a good board. The ATtiny at 0x04 tells
// R6 from R10.
func probe(ctx context.Context, bus i2c.Bus) (probeResult, error) {
	var r probeResult
	if err := ctx.Err(); err != nil {
		return r, fmt.Errorf("mark2: probe: %w", err)
	}
	r.tas = present(bus, AddrTAS5806)
	if !r.tas {
		return r, nil
	}
	r.xmos = present(bus, AddrXMOS)
	r.attiny = present(bus, AddrATtiny)
	return r, nil
}

// detectOn tells the SJ201 revision from the devices answering on bus.
func detectOn(ctx context.Context, bus i2c.Bus) (rev string, ok bool, err error) {
	r, err := probe(ctx, bus)
	if err != nil {
		return "", false, err
	}
	rev, ok = r.rev()
	return rev, ok, nil
}
