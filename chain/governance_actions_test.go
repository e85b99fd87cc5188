package chain_test

import (
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain"
)

// TestGovernanceActions: the common proposals (a treasury payout, a
// parameter change, a registrar approval) build calldata that executes
// through the Timelock and has the effect it says.
func TestGovernanceActions(t *testing.T) {
	e := newEnv(t, 3)
	voter, payee, registrar := e.cs[0], e.addr(1), e.addr(2)
	m := e.d.Manifest
	mustOK(t, "fund voter", e.d.Fund(e.ctx, e.addr(0), nil, myc(10_000_000)))
	_, err := voter.Delegate(e.ctx, e.addr(0))
	mustOK(t, "delegate", err)
	e.advance(time.Second)

	payout, err := voter.TreasuryPayoutAction(payee, myc(25))
	mustOK(t, "payout action", err)
	stake, err := voter.ParamAction(e.ctx, "min-stake", myc(150))
	mustOK(t, "param action", err)
	quorum, err := voter.ParamAction(e.ctx, "quorum", big.NewInt(5))
	mustOK(t, "quorum action", err)
	reg, err := voter.RegistrarAction(registrar)
	mustOK(t, "registrar action", err)
	if payout.Target != m.Token || stake.Target != m.Registry || quorum.Target != m.Governor || reg.Target != m.Grants {
		t.Fatalf("targets %s %s %s %s, want Token Registry Governor Grants", payout.Target, stake.Target, quorum.Target, reg.Target)
	}
	for _, c := range []struct {
		name string
		bad  func() error
		want error
	}{
		{"unknown parameter", func() error { _, err := voter.ParamAction(e.ctx, "block-size", big.NewInt(1)); return err }, chain.ErrUnknownParam},
		{"quorum over 100", func() error { _, err := voter.ParamAction(e.ctx, "quorum", big.NewInt(101)); return err }, nil},
		{"voting period past uint32", func() error {
			_, err := voter.ParamAction(e.ctx, "voting-period", new(big.Int).Lsh(big.NewInt(1), 32))
			return err
		}, nil},
		{"payout of nothing", func() error { _, err := voter.TreasuryPayoutAction(payee, new(big.Int)); return err }, nil},
		{"zero registrar", func() error { _, err := voter.RegistrarAction(common.Address{}); return err }, nil},
	} {
		err := c.bad()
		if err == nil || (c.want != nil && !errors.Is(err, c.want)) {
			t.Errorf("%s: %v, want an error (%v)", c.name, err, c.want)
		}
	}

	acts := []chain.Action{payout, stake, quorum, reg}
	p := chain.Proposal{Description: "# Pay, raise, approve"}
	for _, a := range acts {
		p.Targets, p.Values, p.Calldatas = append(p.Targets, a.Target), append(p.Values, a.Value), append(p.Calldatas, a.Calldata)
	}
	id, _, err := voter.Propose(e.ctx, p.Targets, p.Values, p.Calldatas, p.Description)
	mustOK(t, "propose", err)
	e.advance(2 * time.Second)
	_, err = voter.CastVote(e.ctx, id, chain.VoteFor)
	mustOK(t, "vote", err)
	e.advance(time.Hour)
	_, err = voter.QueueProposal(e.ctx, p)
	mustOK(t, "queue", err)
	e.advance(time.Minute)
	before := e.balance(payee)
	_, err = voter.ExecuteProposal(e.ctx, p)
	mustOK(t, "execute", err)

	if got := new(big.Int).Sub(e.balance(payee), before); got.Cmp(myc(25)) != 0 {
		t.Errorf("payee got %s from the treasury, want 25 MYC", got)
	}
	for _, c := range []struct {
		name string
		want *big.Int
	}{{"min-stake", myc(150)}, {"quorum", big.NewInt(5)}, {"challenge-bond", myc(10)}} {
		got, err := voter.ParamValue(e.ctx, c.name)
		if err != nil || got.Cmp(c.want) != 0 {
			t.Errorf("%s after execute = %v (%v), want %s", c.name, got, err, c.want)
		}
	}
	if got, err := voter.GrantRegistrar(e.ctx); err != nil || got != registrar {
		t.Errorf("registrar after execute = %s (%v), want %s", got.Hex(), err, registrar.Hex())
	}
}
