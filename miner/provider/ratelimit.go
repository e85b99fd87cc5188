package provider

import (
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// limiter is a token bucket per payer: Rate tokens a second up to Burst.
// The clock is injected; the map is bounded by evicting full buckets.
type limiter struct {
	mu      sync.Mutex
	rate    float64
	burst   float64
	now     func() time.Time
	buckets map[common.Address]*tokenBucket
	max     int
}

type tokenBucket struct {
	tokens float64
	at     time.Time
}

func newLimiter(rate float64, burst int, now func() time.Time) *limiter {
	return &limiter{rate: rate, burst: float64(burst), now: now, buckets: map[common.Address]*tokenBucket{}, max: 4096}
}

// allow takes one token from payer's bucket, or reports false.
func (l *limiter) allow(payer common.Address) bool {
	if l.rate <= 0 {
		return true
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	b := l.buckets[payer]
	if b == nil {
		if len(l.buckets) >= l.max {
			l.evict(now)
		}
		b = &tokenBucket{tokens: l.burst, at: now}
		l.buckets[payer] = b
	}
	if dt := now.Sub(b.at).Seconds(); dt > 0 {
		b.tokens = min(l.burst, b.tokens+dt*l.rate)
	}
	b.at = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// evict drops buckets that have refilled (they carry no state).
func (l *limiter) evict(now time.Time) {
	for a, b := range l.buckets {
		if b.tokens+now.Sub(b.at).Seconds()*l.rate >= l.burst {
			delete(l.buckets, a)
		}
	}
	if len(l.buckets) >= l.max { // all busy: drop arbitrary ones
		for a := range l.buckets {
			delete(l.buckets, a)
			if len(l.buckets) < l.max/2 {
				break
			}
		}
	}
}
