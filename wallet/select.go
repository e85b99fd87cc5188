package wallet

import (
	"context"
	"fmt"
	"math/big"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain"
)

// Registry lists the registered nodes; *chain.Client satisfies it.
type Registry interface {
	ListNodes(ctx context.Context) ([]chain.NodeInfo, error)
}

// health remembers recent failures per provider. A provider with
// FailLimit failures within FailWindow is unhealthy and tried only when
// no healthy provider is left.
type health struct {
	mu     sync.Mutex
	window time.Duration
	limit  int
	fails  map[common.Address][]time.Time
}

func newHealth(window time.Duration, limit int) *health {
	return &health{window: window, limit: limit, fails: map[common.Address][]time.Time{}}
}

func (h *health) fail(a common.Address, now time.Time) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.fails[a] = append(h.recent(a, now), now)
}

func (h *health) ok(a common.Address) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.fails, a)
}

func (h *health) recent(a common.Address, now time.Time) []time.Time {
	var keep []time.Time
	for _, t := range h.fails[a] {
		if now.Sub(t) < h.window {
			keep = append(keep, t)
		}
	}
	return keep
}

func (h *health) healthy(a common.Address, now time.Time) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	r := h.recent(a, now)
	h.fails[a] = r
	if len(r) == 0 {
		delete(h.fails, a)
	}
	return len(r) < h.limit
}

// Choose orders the candidates for service: registered nodes offering it
// at a price at most maxPrice, healthy ones first, each group in
// stake-weighted random order (draw without replacement; rnd returns a
// uniform value in [0, n)). A node with zero stake is drawn last.
func Choose(nodes []chain.NodeInfo, service string, maxPrice *big.Int, healthy func(common.Address) bool, rnd func(n *big.Int) *big.Int) []chain.NodeInfo {
	var good, bad []chain.NodeInfo
	for _, n := range nodes {
		p := n.Prices[service]
		if !n.Registered || p == nil || p.Cmp(maxPrice) > 0 || n.Endpoint == "" {
			continue
		}
		if healthy(n.Address) {
			good = append(good, n)
		} else {
			bad = append(bad, n)
		}
	}
	return append(weighted(good, rnd), weighted(bad, rnd)...)
}

func weighted(nodes []chain.NodeInfo, rnd func(n *big.Int) *big.Int) []chain.NodeInfo {
	rest := append([]chain.NodeInfo(nil), nodes...)
	out := make([]chain.NodeInfo, 0, len(nodes))
	for len(rest) > 0 {
		total := new(big.Int)
		for _, n := range rest {
			if n.Stake != nil && n.Stake.Sign() > 0 {
				total.Add(total, n.Stake)
			}
		}
		pick := 0
		if total.Sign() > 0 {
			x := rnd(total)
			for i, n := range rest {
				if n.Stake == nil || n.Stake.Sign() <= 0 {
					continue
				}
				if x.Cmp(n.Stake) < 0 {
					pick = i
					break
				}
				x = new(big.Int).Sub(x, n.Stake)
			}
		} else {
			pick = int(rnd(big.NewInt(int64(len(rest)))).Int64())
		}
		out = append(out, rest[pick])
		rest = append(rest[:pick], rest[pick+1:]...)
	}
	return out
}

// NoProviderError says why no provider could serve a call.
type NoProviderError struct {
	Service string
	Tried   []error
	// Unreachable: providers sell it within the price limit, but none
	// announces where to reach it.
	Unreachable bool
}

func (e *NoProviderError) Error() string {
	if e.Unreachable {
		return fmt.Sprintf("wallet: no provider of %s under the price limit can be reached", e.Service)
	}
	if len(e.Tried) == 0 {
		return fmt.Sprintf("wallet: no provider for %s under the price limit", e.Service)
	}
	return fmt.Sprintf("wallet: no provider could serve %s (%d tried, last: %v)", e.Service, len(e.Tried), e.Tried[len(e.Tried)-1])
}

// Unwrap gives ErrNoProvider and every attempt's error.
func (e *NoProviderError) Unwrap() []error { return append([]error{ErrNoProvider}, e.Tried...) }
