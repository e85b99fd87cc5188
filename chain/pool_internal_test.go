package chain

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/rpc"
)

func TestEndpointFault(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  error
		want bool
	}{
		{"429", rpc.HTTPError{StatusCode: 429, Status: "429 Too Many Requests"}, true},
		{"502", rpc.HTTPError{StatusCode: 502}, true},
		{"connection refused", errors.New("dial tcp 127.0.0.1:1: connect: connection refused"), true},
		{"other chain", fmt.Errorf("%w: endpoint serves 1", ErrChainID), true},
		{"rate limit answer", codeErr{-32005, "daily request count exceeded, request rate limited"}, true},
		{"too many requests answer", codeErr{-32029, "Too Many Requests"}, true},
		{"revert", codeErr{3, "execution reverted"}, false},
		{"revert naming a rate limit", codeErr{3, "execution reverted: rate limited by the contract"}, false},
		{"nonce too low", codeErr{-32000, "nonce too low"}, false},
		{"log range refused", codeErr{-32005, "query returned more than 10000 results"}, false},
		{"not found", ethereum.NotFound, false},
		{"cancelled", context.Canceled, false},
		{"nil", nil, false},
	} {
		if got := endpointFault(tc.err); got != tc.want {
			t.Errorf("%s: endpointFault(%v) = %v, want %v", tc.name, tc.err, got, tc.want)
		}
	}
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, tc := range []struct {
		header string
		want   time.Duration
	}{
		{"7", 7 * time.Second},
		{"0", minBackoff},
		{"", minBackoff},
		{"soon", minBackoff},
		{now.Add(30 * time.Second).Format(http.TimeFormat), 30 * time.Second},
		{"86400", maxBackoff},
	} {
		ep := &endpoint{}
		ep.rateLimit(now, http.StatusTooManyRequests, tc.header)
		if got := ep.until.Sub(now); got != tc.want {
			t.Errorf("Retry-After %q: backs off %s, want %s", tc.header, got, tc.want)
		}
		if ep.limited != 1 {
			t.Errorf("Retry-After %q: %d rate limits counted, want 1", tc.header, ep.limited)
		}
	}
}

// FuzzRetryAfter: whatever a server puts in Retry-After, the backoff stays
// within 1 s and 5 min.
func FuzzRetryAfter(f *testing.F) {
	for _, s := range []string{"", "1", "0", "-5", "120", "99999999999999999999", "Wed, 21 Oct 2015 07:28:00 GMT", "Fri, 31 Dec 9999 23:59:59 GMT", "soon"} {
		f.Add(s)
	}
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	f.Fuzz(func(t *testing.T, header string) {
		ep := &endpoint{}
		ep.rateLimit(now, http.StatusTooManyRequests, header)
		if d := ep.until.Sub(now); d < minBackoff || d > maxBackoff {
			t.Fatalf("Retry-After %q: backoff %s, want 1s..5m", header, d)
		}
	})
}

// TestPoolBackingOffKeepsCause: a call that finds every endpoint backing
// off says why they back off, so a wrong chain stays ErrChainID on the
// second call as on the first.
func TestPoolBackingOffKeepsCause(t *testing.T) {
	ep := &endpoint{url: "http://rpc.invalid", lb: &lazyBackend{}}
	p := &poolBackend{eps: []*endpoint{ep}, wait: func(context.Context, time.Time) error { return nil }}
	ep.failure(time.Now(), fmt.Errorf("%w: endpoint serves 1", ErrChainID))
	ep.until = time.Now().Add(time.Hour) // past maxWait: no waiting
	calls := 0
	_, err := pool1(context.Background(), p, func(*lazyBackend) (int, error) { calls++; return 0, nil })
	if calls != 0 {
		t.Fatalf("a backing-off endpoint was asked %d times", calls)
	}
	if !errors.Is(err, ErrNoEndpoint) || !errors.Is(err, ErrChainID) {
		t.Errorf("err = %v, want ErrNoEndpoint and ErrChainID", err)
	}
}
