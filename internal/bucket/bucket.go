// Package bucket is a table of token buckets, one per key: the rate limit
// the node port's guard keeps per client address (internal/netguard) and
// the provider keeps per payer (miner/provider). Standard library only.
package bucket

import (
	"sync"
	"time"
)

// Table is a token bucket per key: Rate tokens a second up to Burst. It
// holds at most Max keys: when full, buckets that have refilled (they carry
// no state) go first, then arbitrary ones down to half, so a key may get a
// fresh bucket early under a flood from more than Max keys, never a table
// that grows without bound. The clock is injected.
type Table[K comparable] struct {
	mu    sync.Mutex
	rate  float64
	burst float64
	max   int
	now   func() time.Time
	m     map[K]*state
}

type state struct {
	tokens float64
	at     time.Time
}

// New returns a table of buckets of rate tokens a second up to burst, for
// at most max keys (max <= 0: 4096); rate <= 0 lets everything through.
func New[K comparable](rate float64, burst, max int, now func() time.Time) *Table[K] {
	if max <= 0 {
		max = 4096
	}
	if now == nil {
		now = time.Now
	}
	return &Table[K]{rate: rate, burst: float64(burst), max: max, now: now, m: map[K]*state{}}
}

// Take takes one token of k's bucket. When none is left it reports false
// and how long until one is.
func (t *Table[K]) Take(k K) (time.Duration, bool) {
	if t.rate <= 0 {
		return 0, true
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	now := t.now()
	b := t.m[k]
	if b == nil {
		if len(t.m) >= t.max {
			t.evict(now)
		}
		b = &state{tokens: t.burst, at: now}
		t.m[k] = b
	}
	if dt := now.Sub(b.at).Seconds(); dt > 0 {
		b.tokens = min(t.burst, b.tokens+dt*t.rate)
		b.at = now
	}
	if b.tokens < 1 {
		return time.Duration((1 - b.tokens) / t.rate * float64(time.Second)), false
	}
	b.tokens--
	return 0, true
}

// Len is the number of keys the table holds.
func (t *Table[K]) Len() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.m)
}

func (t *Table[K]) evict(now time.Time) {
	for k, b := range t.m {
		if b.tokens+now.Sub(b.at).Seconds()*t.rate >= t.burst {
			delete(t.m, k)
		}
	}
	if len(t.m) < t.max {
		return
	}
	for k := range t.m { // all busy: drop arbitrary ones, down to half
		delete(t.m, k)
		if len(t.m) <= t.max/2 {
			break
		}
	}
}
