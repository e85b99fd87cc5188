package mark2

import (
	"context"
	"fmt"
	"sort"
	"sync"
	"time"

	"periph.io/x/conn/v3/gpio"
	"periph.io/x/conn/v3/gpio/gpiotest"
	"periph.io/x/conn/v3/i2c"
	"periph.io/x/conn/v3/physic"
	"periph.io/x/conn/v3/spi"
)

// t0 is the fake clock's epoch.
var t0 = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// fakeClock is a Clock whose Sleep advances time at once and runs the
// actions scheduled up to the new time, so tests are deterministic and
// instant.
type fakeClock struct {
	mu      sync.Mutex
	now     time.Time
	sleeps  []time.Duration
	actions []fakeAction
}

type fakeAction struct {
	at time.Time
	f  func()
}

func newFakeClock() *fakeClock { return &fakeClock{now: t0} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// at schedules f at t0+d.
func (c *fakeClock) at(d time.Duration, f func()) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.actions = append(c.actions, fakeAction{t0.Add(d), f})
	sort.SliceStable(c.actions, func(i, j int) bool { return c.actions[i].at.Before(c.actions[j].at) })
}

func (c *fakeClock) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	c.sleeps = append(c.sleeps, d)
	c.now = c.now.Add(d)
	var due []func()
	for len(c.actions) > 0 && !c.actions[0].at.After(c.now) {
		due = append(due, c.actions[0].f)
		c.actions = c.actions[1:]
	}
	c.mu.Unlock()
	for _, f := range due {
		f()
	}
	return ctx.Err()
}

func (c *fakeClock) Sleeps() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]time.Duration(nil), c.sleeps...)
}

// nackBus answers like an I2C bus on which the absent addresses do not
// acknowledge: their transfers fail before reaching the playback.
type nackBus struct {
	i2c.Bus
	mu     sync.Mutex
	absent map[uint16]bool
}

func (b *nackBus) Tx(addr uint16, w, r []byte) error {
	b.mu.Lock()
	gone := b.absent[addr]
	b.mu.Unlock()
	if gone {
		return fmt.Errorf("nack at 0x%02x", addr)
	}
	return b.Bus.Tx(addr, w, r)
}

// eventLog is one ordered log shared by recording pins and ports, to check
// the order of GPIO and SPI operations together.
type eventLog struct {
	mu sync.Mutex
	ev []string
}

func (l *eventLog) add(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.ev = append(l.ev, fmt.Sprintf(format, args...))
}

func (l *eventLog) events() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.ev...)
}

// logPin is a gpiotest.Pin that logs In and Out.
type logPin struct {
	*gpiotest.Pin
	log *eventLog
}

func newLogPin(name string, num int, log *eventLog) *logPin {
	return &logPin{Pin: &gpiotest.Pin{N: name, Num: num}, log: log}
}

func (p *logPin) In(pull gpio.Pull, edge gpio.Edge) error {
	p.log.add("%s in", p.N)
	return p.Pin.In(pull, edge)
}

func (p *logPin) Out(l gpio.Level) error {
	p.log.add("%s %s", p.N, l)
	return p.Pin.Out(l)
}

// logPort wraps an spi.Port to log Connect and each Tx's length.
type logPort struct {
	spi.Port
	log *eventLog
}

func (p *logPort) Connect(f physic.Frequency, mode spi.Mode, bits int) (spi.Conn, error) {
	p.log.add("spi connect %s %s %d", f, mode, bits)
	c, err := p.Port.Connect(f, mode, bits)
	if err != nil {
		return nil, err
	}
	return &logConn{Conn: c, log: p.log}, nil
}

type logConn struct {
	spi.Conn
	log *eventLog
}

func (c *logConn) Tx(w, r []byte) error {
	c.log.add("spi tx %d", len(w))
	return c.Conn.Tx(w, r)
}

// setLevel sets a fake input pin's level.
func setLevel(p *gpiotest.Pin, l gpio.Level) {
	p.Lock()
	p.L = l
	p.Unlock()
}
