//go:build linux

package mark1

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/hal"
)

// manualClock hands the enclosure's waits to the test: each wait sends its
// duration on asked and returns when the test fires it.
type manualClock struct {
	asked chan time.Duration
	fire  chan time.Time
}

func newManualClock() *manualClock {
	return &manualClock{asked: make(chan time.Duration, 4), fire: make(chan time.Time)}
}

func (c *manualClock) after(d time.Duration) <-chan time.Time {
	c.asked <- d
	return c.fire
}

// next waits for the enclosure to ask for a pause, checks its length and
// ends it.
func (c *manualClock) next(t *testing.T, want time.Duration) {
	t.Helper()
	select {
	case d := <-c.asked:
		if d != want {
			t.Fatalf("backoff asked for %v, want %v", d, want)
		}
	case <-time.After(10 * time.Second):
		t.Fatalf("the enclosure did not retry (want a pause of %v)", want)
	}
	c.fire <- time.Now()
}

// An Arduino that answers only its third handshake (still booting) is
// reached in the background: Open succeeds, the enclosure waits and says
// so, backs off, and lights up with the face it was given meanwhile.
func TestLateArduino(t *testing.T) {
	a := newArduino(t)
	a.booting.Store(2)
	clock := newManualClock()
	cfg := quietConfig(a)
	cfg.HandshakeTimeout = 5 * time.Second // fired by the test
	cfg.ReconnectDelay = time.Second
	cfg.MaxReconnectDelay = 8 * time.Second
	cfg.KeepTrying = true
	cfg.After = clock.after
	opened := make(chan error, 1)
	var e *Enclosure
	go func() {
		var err error
		e, err = Open(context.Background(), cfg)
		opened <- err
	}()
	a.expect(t, "system.version")
	clock.next(t, 5*time.Second) // no answer: the handshake times out
	if err := <-opened; err != nil {
		t.Fatalf("Open with a booting Arduino = %v, want the enclosure waiting for it", err)
	}
	defer e.Close()
	if e.Connected() || e.Answered() || !errors.Is(e.LastError(), ErrNoArduino) {
		t.Fatalf("before the Arduino answers: Connected %v Answered %v LastError %v; want false, false, ErrNoArduino",
			e.Connected(), e.Answered(), e.LastError())
	}
	face := hal.Face{State: hal.StateListening, Volume: -1}
	if err := e.Show(context.Background(), face); !errors.Is(err, hal.ErrUnavailable) {
		t.Fatalf("Show while waiting = %v, want hal.ErrUnavailable", err)
	}
	clock.next(t, time.Second)
	a.expect(t, "system.version") // still booting
	clock.next(t, 5*time.Second)
	clock.next(t, 2*time.Second)
	a.expect(t, "system.version", "eyes.reset", "mouth.reset",
		"eyes.color=2271216", "eyes.level=30", "mouth.listen")
	if !e.Connected() || !e.Answered() || e.Version() != "1.4.2" || e.LastError() != nil {
		t.Fatalf("after the answer: Connected %v Answered %v Version %q LastError %v",
			e.Connected(), e.Answered(), e.Version(), e.LastError())
	}
	if errs := a.errors(); len(errs) > 0 {
		t.Fatal(errs)
	}
}

// Close ends the background retries while the enclosure waits.
func TestCloseWhileWaiting(t *testing.T) {
	a := newArduino(t)
	a.silent = true
	clock := newManualClock()
	cfg := quietConfig(a)
	cfg.HandshakeTimeout = 50 * time.Millisecond
	cfg.KeepTrying = true
	cfg.After = clock.after
	go func() { <-clock.asked; clock.fire <- time.Now() }() // the handshake times out
	e, err := Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	<-clock.asked // waiting for the next attempt
	if err := e.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := e.Wait(context.Background()); !errors.Is(err, ErrClosed) {
		t.Fatalf("Wait after Close = %v, want ErrClosed", err)
	}
	if err := e.Show(context.Background(), hal.Face{Volume: -1}); !errors.Is(err, ErrClosed) {
		t.Fatalf("Show after Close = %v, want ErrClosed", err)
	}
}

// Without KeepTrying (auto-detection) an unanswered handshake still fails.
func TestNoRetryWithoutKeepTrying(t *testing.T) {
	a := newArduino(t)
	a.booting.Store(1)
	cfg := quietConfig(a)
	cfg.HandshakeTimeout = 50 * time.Millisecond
	if _, err := Open(context.Background(), cfg); !errors.Is(err, ErrNoArduino) {
		t.Fatalf("Open = %v, want ErrNoArduino", err)
	}
}

func TestBackoff(t *testing.T) {
	for _, tc := range []struct {
		name        string
		base, limit time.Duration
		n           int
		want        time.Duration
	}{
		{"first", 2 * time.Second, time.Minute, 0, 2 * time.Second},
		{"second doubles", 2 * time.Second, time.Minute, 1, 4 * time.Second},
		{"fifth", 2 * time.Second, time.Minute, 4, 32 * time.Second},
		{"capped", 2 * time.Second, time.Minute, 5, time.Minute},
		{"far attempts stay capped", 2 * time.Second, time.Minute, 1 << 20, time.Minute},
		{"limit below base", 2 * time.Second, time.Second, 3, time.Second},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := backoff(tc.base, tc.limit, tc.n); got != tc.want {
				t.Fatalf("backoff(%v, %v, %d) = %v, want %v", tc.base, tc.limit, tc.n, got, tc.want)
			}
		})
	}
}
