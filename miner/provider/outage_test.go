package provider_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/internal/netguard"
	"github.com/mycroft-network/mycroft/miner/provider"
)

// With the chain's RPC unreachable, a channel the provider read within
// OutageGrace keeps working (its vouchers are checked against that
// state); past the grace, or on a channel never read, calls are refused as
// unavailable, not as bad vouchers. A redeem keeps the state cached.
func TestChainOutage(t *testing.T) {
	r := newRig(t, netguard.Defaults(), 0)
	ctx := context.Background()
	p := r.openPayer(t)
	if err := r.pay(t, ctx, p, []byte("hello")); err != nil {
		t.Fatal(err)
	}
	if n, err := r.prov.RedeemOnce(ctx); err != nil || n != 1 {
		t.Fatalf("redeem: %d, %v", n, err)
	}
	fresh := r.openPayer(t) // opened, never read by the provider

	r.cc.down.Store(true)
	r.skew.Store(int64(time.Minute)) // past MaxStaleness (30 s), within the grace (15 min)
	if err := r.pay(t, ctx, p, []byte("still here")); err != nil {
		t.Errorf("within the outage grace: %v", err)
	}
	cum := fresh.cum.Add(fresh.cum, price)
	st, code, err := do(fresh.hc, r.request(ctx, fresh.id, cum, r.voucher(t, fresh.key, fresh.id, cum), nil))
	if err != nil || st != http.StatusServiceUnavailable || code != provider.CodeUnavailable {
		t.Errorf("a channel never read, chain down: status %d code %q %v; want 503 %s", st, code, err, provider.CodeUnavailable)
	}
	r.skew.Store(int64(20 * time.Minute)) // past the grace
	if err := r.pay(t, ctx, p, []byte("too late")); err == nil {
		t.Errorf("past the outage grace: served on state read 20 minutes ago")
	}
	r.cc.down.Store(false)
	if err := r.pay(t, ctx, p, []byte("back")); err != nil {
		t.Errorf("chain back: %v", err)
	}
}
