package storage

import (
	"context"
	"sync"
	"time"
)

// bandwidth is a token bucket over bytes per second, shared by every
// request (one second of burst).
type bandwidth struct {
	rate uint64

	mu     sync.Mutex
	tokens float64
	last   time.Time
}

func newBandwidth(rate uint64) *bandwidth {
	return &bandwidth{rate: rate, tokens: float64(rate), last: time.Now()}
}

// wait blocks until n bytes may pass.
func (b *bandwidth) wait(ctx context.Context, n int) error {
	if b == nil || b.rate == 0 || n <= 0 {
		return nil
	}
	for n > 0 {
		step := min(n, int(b.rate))
		b.mu.Lock()
		now := time.Now()
		b.tokens = min(float64(b.rate), b.tokens+now.Sub(b.last).Seconds()*float64(b.rate))
		b.last = now
		var d time.Duration
		if b.tokens >= float64(step) {
			b.tokens -= float64(step)
		} else {
			d = time.Duration((float64(step) - b.tokens) / float64(b.rate) * float64(time.Second))
		}
		b.mu.Unlock()
		if d > 0 {
			t := time.NewTimer(d)
			select {
			case <-t.C:
			case <-ctx.Done():
				t.Stop()
				return ctx.Err()
			}
			continue
		}
		n -= step
	}
	return nil
}
