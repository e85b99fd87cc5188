package netguard

import (
	"net/netip"
	"sync"
	"time"
)

// buckets is a token bucket per client: rate tokens a second up to burst.
// The table holds at most max clients: when full, buckets that have
// refilled (they carry no state) go first, then arbitrary ones, so a
// client may get a fresh bucket early under a flood from more than max
// clients, never a table that grows without bound.
type buckets struct {
	mu    sync.Mutex
	rate  float64
	burst float64
	max   int
	now   func() time.Time
	m     map[netip.Prefix]*bucket
}

type bucket struct {
	tokens float64
	at     time.Time
}

func newBuckets(rate float64, burst, max int, now func() time.Time) *buckets {
	return &buckets{rate: rate, burst: float64(burst), max: max, now: now, m: map[netip.Prefix]*bucket{}}
}

// take takes one token of client k. When none is left it reports false and
// how long until one is.
func (b *buckets) take(k netip.Prefix) (time.Duration, bool) {
	if b.rate < 0 {
		return 0, true
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	now := b.now()
	bk := b.m[k]
	if bk == nil {
		if len(b.m) >= b.max {
			b.evict(now)
		}
		bk = &bucket{tokens: b.burst, at: now}
		b.m[k] = bk
	}
	if dt := now.Sub(bk.at).Seconds(); dt > 0 {
		bk.tokens = min(b.burst, bk.tokens+dt*b.rate)
		bk.at = now
	}
	if bk.tokens < 1 {
		return time.Duration((1 - bk.tokens) / b.rate * float64(time.Second)), false
	}
	bk.tokens--
	return 0, true
}

func (b *buckets) len() int {
	b.mu.Lock()
	defer b.mu.Unlock()
	return len(b.m)
}

func (b *buckets) evict(now time.Time) {
	for k, bk := range b.m {
		if bk.tokens+now.Sub(bk.at).Seconds()*b.rate >= b.burst {
			delete(b.m, k)
		}
	}
	if len(b.m) < b.max {
		return
	}
	for k := range b.m { // all busy: drop arbitrary ones, down to half
		delete(b.m, k)
		if len(b.m) <= b.max/2 {
			break
		}
	}
}
