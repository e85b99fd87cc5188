// Package groupcommit coalesces concurrent bbolt write transactions into one
// fsync'd commit without adding delay. The payer (wallet) and the provider
// (miner/provider) persist every voucher through it; it lives here because
// those two packages may not import each other.
package groupcommit

import (
	"errors"
	"sync"
	"sync/atomic"

	"go.etcd.io/bbolt"
)

// Committer coalesces concurrent write transactions into one bbolt
// commit, so one fsync covers every call that was waiting for it. Unlike
// bbolt's DB.Batch it adds no delay: a lone write commits at once, and the
// writes that arrive while a commit is on its way to disk form the next
// commit, started as soon as that one returns. Each update returns only
// once its own changes are durable (or failed), exactly as DB.Update does.
type Committer struct {
	db      *bbolt.DB
	mu      sync.Mutex
	queue   []*commitReq
	running bool
	// unsettled counts writes queued by Go and not committed yet.
	unsettled atomic.Int64
}

type commitReq struct {
	fn   func(*bbolt.Tx) error
	done chan error  // Update: the caller waits here
	then func(error) // Go: called by the committer instead
}

func (r *commitReq) finish(err error) {
	if r.then != nil {
		r.then(err)
		return
	}
	r.done <- err
}

// NoWrite marks an error a function returned before writing anything: it is
// that caller's answer, and the rest of the group commits without it.
type NoWrite struct{ Err error }

func (k NoWrite) Error() string { return k.Err.Error() }
func (k NoWrite) Unwrap() error { return k.Err }

// Update runs fn in a write transaction shared with concurrent callers and
// waits for it to be committed. fn may run twice (once in a group that
// failed, then alone), so it must derive everything from tx.
func (g *Committer) Update(fn func(*bbolt.Tx) error) error {
	r := &commitReq{fn: fn, done: make(chan error, 1)}
	if g.enqueue(r) {
		g.drain()
	}
	return <-r.done
}

// Go queues fn like Update but does not wait: then (which must not block)
// is called with the outcome once the commit is durable or failed. Writes
// queued by Go and Update commit in the order they were queued, so a later
// Update sees what an earlier Go wrote, durable or not yet. A process that
// dies before the commit loses the write: use it only for what may be lost.
func (g *Committer) Go(fn func(*bbolt.Tx) error, then func(error)) {
	g.unsettled.Add(1)
	done := func(err error) {
		g.unsettled.Add(-1)
		if then != nil {
			then(err)
		}
	}
	if g.enqueue(&commitReq{fn: fn, then: done}) {
		go g.drain()
	}
}

// Flush waits until every write queued before it is on disk.
func (g *Committer) Flush() error {
	return g.Update(func(*bbolt.Tx) error { return nil })
}

// Settle is Flush when writes queued by Go are still on their way, so that
// a read after it sees them; otherwise it returns at once.
func (g *Committer) Settle() error {
	if g.unsettled.Load() == 0 {
		return nil
	}
	return g.Flush()
}

// enqueue adds r to the next group and reports whether the caller must
// start draining (no commit was running).
func (g *Committer) enqueue(r *commitReq) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.queue = append(g.queue, r)
	lead := !g.running
	g.running = true
	return lead
}

// drain commits what is queued, then hands the next group to a new
// goroutine so the leader returns as soon as its own write is durable.
func (g *Committer) drain() {
	g.mu.Lock()
	group := g.queue
	g.queue = nil
	g.mu.Unlock()
	g.commit(group)
	g.mu.Lock()
	more := len(g.queue) > 0
	g.running = more
	g.mu.Unlock()
	if more {
		go g.drain()
	}
}

func (g *Committer) commit(group []*commitReq) {
	errs := make([]error, len(group))
	err := g.db.Update(func(tx *bbolt.Tx) error {
		for i, r := range group {
			err := r.fn(tx)
			var k NoWrite
			if errors.As(err, &k) {
				errs[i] = k.Err
				continue
			}
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		for i, r := range group {
			r.finish(errs[i])
		}
		return
	}
	if len(group) == 1 {
		group[0].finish(err)
		return
	}
	// One write failed (or the commit did): retry each alone, in order, so
	// one caller's failure is not the others'.
	for _, r := range group {
		r.finish(g.solo(r.fn))
	}
}

func (g *Committer) solo(fn func(*bbolt.Tx) error) error {
	var kept error
	err := g.db.Update(func(tx *bbolt.Tx) error {
		err := fn(tx)
		var k NoWrite
		if errors.As(err, &k) {
			kept = k.Err
			return nil
		}
		return err
	})
	if err != nil {
		return err
	}
	return kept
}

// New returns a Committer over db.
func New(db *bbolt.DB) *Committer { return &Committer{db: db} }
