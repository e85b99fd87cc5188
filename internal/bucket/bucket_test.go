package bucket

import (
	"testing"
	"time"
)

func TestTake(t *testing.T) {
	now := time.Unix(1000, 0)
	tb := New[string](2, 3, 0, func() time.Time { return now }) // 2/s, burst 3
	steps := []struct {
		advance time.Duration
		who     string
		want    bool
		wait    time.Duration // when refused
	}{
		{0, "a", true, 0}, {0, "a", true, 0}, {0, "a", true, 0}, {0, "a", false, 500 * time.Millisecond}, // burst spent
		{0, "b", true, 0}, // b has its own bucket
		{250 * time.Millisecond, "a", false, 250 * time.Millisecond},                                                    // half a token
		{250 * time.Millisecond, "a", true, 0},                                                                          // one token
		{10 * time.Second, "a", true, 0}, {0, "a", true, 0}, {0, "a", true, 0}, {0, "a", false, 500 * time.Millisecond}, // refilled only to burst
	}
	for i, s := range steps {
		now = now.Add(s.advance)
		wait, got := tb.Take(s.who)
		if got != s.want || (!got && wait != s.wait) {
			t.Fatalf("step %d (+%s, %s): Take = %v, %v; want %v, %v", i, s.advance, s.who, wait, got, s.wait, s.want)
		}
	}
}

func TestOff(t *testing.T) {
	tb := New[int](0, 1, 1, nil)
	for i := range 10 {
		if _, ok := tb.Take(i); !ok {
			t.Fatalf("rate 0 refused take %d", i)
		}
	}
	if tb.Len() != 0 {
		t.Fatalf("rate 0 kept %d buckets", tb.Len())
	}
}

func TestBounded(t *testing.T) {
	now := time.Unix(1000, 0)
	tb := New[int](1, 1, 8, func() time.Time { return now })
	for i := range 100 {
		tb.Take(i)
		if n := tb.Len(); n > 8 {
			t.Fatalf("after %d keys: %d buckets, cap 8", i+1, n)
		}
	}
}
