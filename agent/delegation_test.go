package agent

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/chain/devnet"
)

// TestSelfDelegationChainDownAtBoot: with the chain down at boot the agent
// starts anyway and the self-delegation retries (its status says so, with
// the error); once the chain is up and the device has gas it delegates to
// itself, and its tokens count.
func TestSelfDelegationChainDownAtBoot(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	fastDelegation(t)
	port, manifest := chainDownAtBoot(t, ctx)

	cfg, device, _ := speakerConfig(t, ctx, nil)
	cfg.Chain.RPCURL = fmt.Sprintf("http://127.0.0.1:%d", port)
	cfg.Chain.Manifest = manifest
	a, c, _ := start(t, cfg, Options{})
	chainWaitFor(ctx, t, "a failed attempt", func() bool {
		s := a.chainx.delegation.status()
		return s.Delegation == delegationRetrying && s.Error != "" && s.Attempts > 0
	})
	if st, err := c.Status(ctx); err != nil || !strings.Contains(string(st.Components["governance"]), delegationRetrying) {
		t.Errorf("status with the chain down = %s, %v; want the delegation %q", st.Components["governance"], err, delegationRetrying)
	}

	d, err := devnet.Start(ctx, devnet.Config{Port: port, BlockPeriod: -1})
	if err != nil {
		t.Fatalf("devnet: %v", err)
	}
	defer d.Close()
	own := devnet.Units(7, devnet.MYC)
	if err := d.Fund(ctx, device, nil, own); err != nil {
		t.Fatal(err)
	}
	if err := d.Fund(ctx, device, devnet.Units(1, devnet.Ether), nil); err != nil {
		t.Fatal(err)
	}
	chainWaitFor(ctx, t, "the self-delegation", func() bool { return a.chainx.delegation.status().Delegation == delegationSelf })
	if err := d.AdvanceTime(ctx, time.Second); err != nil {
		t.Fatal(err)
	}
	gs, err := c.GovernanceStatus(ctx)
	if err != nil || gs.Delegate != device.Hex() || gs.Votes != own.String() || gs.TxHash == "" {
		t.Fatalf("governance status = %+v, %v; want delegated to itself with %s votes", gs, err, own)
	}
}
