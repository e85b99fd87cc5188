package provider

import (
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

func TestTokenBucket(t *testing.T) {
	now := time.Unix(1000, 0)
	l := newLimiter(2, 3, func() time.Time { return now }) // 2/s, burst 3
	a, b := common.Address{1}, common.Address{2}
	steps := []struct {
		advance time.Duration
		who     common.Address
		want    bool
	}{
		{0, a, true}, {0, a, true}, {0, a, true}, {0, a, false}, // burst spent
		{0, b, true},                                                           // b has its own bucket
		{250 * time.Millisecond, a, false},                                     // half a token
		{250 * time.Millisecond, a, true},                                      // one token
		{10 * time.Second, a, true}, {0, a, true}, {0, a, true}, {0, a, false}, // refilled only to burst
	}
	for i, s := range steps {
		now = now.Add(s.advance)
		if got := l.allow(s.who); got != s.want {
			t.Fatalf("step %d (+%s, %x): allow = %v, want %v", i, s.advance, s.who[:1], got, s.want)
		}
	}
}
