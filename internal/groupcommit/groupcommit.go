// Package groupcommit coalesces concurrent bbolt write transactions into one
// fsync'd commit without adding delay. The payer (wallet) and the provider
// (miner/provider) persist every voucher through it; it lives here because
// those two packages may not import each other.
package groupcommit

import (
	"errors"
	"sync"

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
}

type commitReq struct {
	fn   func(*bbolt.Tx) error
	done chan error
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
	g.mu.Lock()
	g.queue = append(g.queue, r)
	lead := !g.running
	g.running = true
	g.mu.Unlock()
	if lead {
		g.drain()
	}
	return <-r.done
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
			r.done <- errs[i]
		}
		return
	}
	if len(group) == 1 {
		group[0].done <- err
		return
	}
	// One write failed (or the commit did): retry each alone, so one
	// caller's failure is not the others'.
	for _, r := range group {
		r.done <- g.solo(r.fn)
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
