package pause

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"time"
)

// ErrPaused is returned by TryAcquire while the gate is paused: callers that
// cannot wait (a paid call for someone else) refuse the work with it.
var ErrPaused = errors.New("pause: mining paused for the owner")

// Gate lets mining work run or holds it. The zero value is not usable; use
// New. Pause and Resume are safe from any goroutine and never block on
// workers.
type Gate struct {
	paused atomic.Bool
	active atomic.Int64

	mu       sync.Mutex
	pausedC  chan struct{} // closed while paused
	runningC chan struct{} // closed while running
	idleC    chan struct{} // closed when paused and no work in flight
	hooks    map[int]func(paused bool)
	nextHook int

	duty atomic.Int64 // percent of wall time a worker may work, 1-100
}

// New returns a gate; paused says how it starts (mining starts paused until
// the idle policy says otherwise).
func New(paused bool) *Gate {
	g := &Gate{
		pausedC:  make(chan struct{}),
		runningC: make(chan struct{}),
		idleC:    make(chan struct{}),
	}
	g.duty.Store(100)
	if paused {
		g.paused.Store(true)
		close(g.pausedC)
		close(g.idleC)
	} else {
		close(g.runningC)
	}
	return g
}

// Paused reports whether the gate holds work.
func (g *Gate) Paused() bool { return g.paused.Load() }

// Pause holds all work: new work waits, work in flight sees Done closed and
// stops at its next chunk boundary. It returns at once; Quiesced says when
// the last piece of work has returned.
func (g *Gate) Pause() {
	if g.paused.Load() {
		return
	}
	g.mu.Lock()
	if g.paused.Load() {
		g.mu.Unlock()
		return
	}
	g.paused.Store(true)
	g.runningC = make(chan struct{})
	g.idleC = make(chan struct{})
	close(g.pausedC)
	if g.active.Load() == 0 {
		close(g.idleC)
	}
	hooks := g.hookList()
	g.mu.Unlock()
	for _, h := range hooks {
		h(true)
	}
}

// Resume lets work run again.
func (g *Gate) Resume() {
	if !g.paused.Load() {
		return
	}
	g.mu.Lock()
	if !g.paused.Load() {
		g.mu.Unlock()
		return
	}
	g.pausedC = make(chan struct{})
	g.paused.Store(false)
	close(g.runningC)
	hooks := g.hookList()
	g.mu.Unlock()
	for _, h := range hooks {
		h(false)
	}
}

// OnChange registers f, called synchronously by Pause and Resume (after the
// state changed) with the new state. f must be quick: it runs on the voice
// pipeline's goroutine. The worker process uses it to stop and continue a
// child process. The returned function removes f.
func (g *Gate) OnChange(f func(paused bool)) (remove func()) {
	g.mu.Lock()
	if g.hooks == nil {
		g.hooks = map[int]func(bool){}
	}
	id := g.nextHook
	g.nextHook++
	g.hooks[id] = f
	g.mu.Unlock()
	return func() {
		g.mu.Lock()
		delete(g.hooks, id)
		g.mu.Unlock()
	}
}

func (g *Gate) hookList() []func(bool) {
	out := make([]func(bool), 0, len(g.hooks))
	for _, h := range g.hooks {
		out = append(out, h)
	}
	return out
}

// Done returns a channel that is closed while the gate is paused; long
// operations select on it and abandon or checkpoint their work.
func (g *Gate) Done() <-chan struct{} {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.pausedC
}

// Quiesced returns a channel closed once the gate is paused and no work
// acquired before the pause is still in flight.
func (g *Gate) Quiesced() <-chan struct{} {
	g.mu.Lock()
	defer g.mu.Unlock()
	if !g.paused.Load() {
		return make(chan struct{}) // never, until the next pause: ask again then
	}
	return g.idleC
}

// Active is the number of pieces of work in flight.
func (g *Gate) Active() int { return int(g.active.Load()) }

// SetDuty caps each worker's share of wall time at percent (1-100): after
// a piece of work that took d, Release makes the next Acquire wait
// d*(100-percent)/percent.
func (g *Gate) SetDuty(percent int) {
	if percent < 1 {
		percent = 1
	}
	if percent > 100 {
		percent = 100
	}
	g.duty.Store(int64(percent))
}

// Ticket is one acquired piece of work; Release it when the piece is done.
type Ticket struct {
	g     *Gate
	start time.Time
}

// Acquire waits until the gate runs, then counts one piece of work in
// flight. Keep pieces short (a chunk, a block): a pause is observed only
// between pieces or through Done.
func (g *Gate) Acquire(ctx context.Context) (*Ticket, error) {
	for {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if err := g.Wait(ctx); err != nil {
			return nil, err
		}
		if t := g.enter(); t != nil {
			return t, nil
		}
	}
}

// TryAcquire is Acquire without waiting: it returns ErrPaused while paused.
func (g *Gate) TryAcquire() (*Ticket, error) {
	if t := g.enter(); t != nil {
		return t, nil
	}
	return nil, ErrPaused
}

func (g *Gate) enter() *Ticket {
	g.active.Add(1)
	if g.paused.Load() {
		g.leave()
		return nil
	}
	return &Ticket{g: g, start: time.Now()}
}

func (g *Gate) leave() {
	if g.active.Add(-1) == 0 && g.paused.Load() {
		g.mu.Lock()
		if g.paused.Load() && g.active.Load() == 0 {
			select {
			case <-g.idleC:
			default:
				close(g.idleC)
			}
		}
		g.mu.Unlock()
	}
}

// Release ends the piece of work and returns how long the worker should
// rest to keep within the duty cycle (Sleep does it for you).
func (t *Ticket) Release() time.Duration {
	if t == nil || t.g == nil {
		return 0
	}
	g := t.g
	t.g = nil
	g.leave()
	p := g.duty.Load()
	if p >= 100 {
		return 0
	}
	return time.Since(t.start) * time.Duration(100-p) / time.Duration(p)
}

// Wait blocks while the gate is paused.
func (g *Gate) Wait(ctx context.Context) error {
	for {
		if !g.paused.Load() {
			return nil
		}
		g.mu.Lock()
		c := g.runningC
		g.mu.Unlock()
		select {
		case <-c:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// Rest sleeps for d (a duty-cycle rest from Release) unless ctx ends or the
// gate pauses first; it returns ctx's error if ctx ended.
func (g *Gate) Rest(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-g.Done():
	case <-ctx.Done():
	}
	return ctx.Err()
}
