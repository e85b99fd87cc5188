package mark2

import (
	"context"
	"time"
)

// Clock is the time source of everything in this package that waits:
// debouncing, animation, the XMOS and amplifier boot pauses, the fan loop.
// Tests inject a fake one so that no test depends on wall-clock timing.
type Clock interface {
	Now() time.Time
	// Sleep waits for d or until ctx is done, then returns ctx.Err().
	Sleep(ctx context.Context, d time.Duration) error
}

// RealClock is the wall clock.
type RealClock struct{}

// Now implements Clock.
func (RealClock) Now() time.Time { return time.Now() }

// Sleep implements Clock.
func (RealClock) Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

func clockOr(c Clock) Clock {
	if c == nil {
		return RealClock{}
	}
	return c
}
