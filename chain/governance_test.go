package chain_test

import (
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain"
)

// TestGovernanceSlashAndReward runs a full proposal → vote by signature →
// queue → execute cycle that slashes a node and pays a developer reward
// from the Grants pool.
func TestGovernanceSlashAndReward(t *testing.T) {
	e := newEnv(t, 4)
	node, voter, relayer, dev := e.cs[0], e.cs[1], e.cs[2], e.addr(3)
	m := e.d.Manifest
	mustOK(t, "fund voter", e.d.Fund(e.ctx, e.addr(1), nil, myc(10_000_000)))
	_, err := voter.Delegate(e.ctx, e.addr(1))
	mustOK(t, "delegate", err)
	_, err = node.Register(e.ctx, "http://127.0.0.1:9000", chain.Prices{chain.ServiceSTT: big.NewInt(1)}, 0, myc(200))
	mustOK(t, "register", err)
	e.advance(time.Second)

	slashTo, slashData, err := relayer.SlashAction(e.addr(0), myc(30), "served wrong answers")
	mustOK(t, "slash action", err)
	rewardTo, rewardData, err := relayer.RewardAction(dev, myc(5), chain.RewardDeveloper, "weather skill")
	mustOK(t, "reward action", err)
	p := chain.Proposal{
		Targets:     []common.Address{slashTo, rewardTo},
		Calldatas:   [][]byte{slashData, rewardData},
		Description: "Slash node 0 and reward the weather skill developer",
	}
	id, _, err := relayer.Propose(e.ctx, p.Targets, nil, p.Calldatas, p.Description)
	mustOK(t, "propose", err)
	if st, _ := relayer.ProposalState(e.ctx, id); st != chain.ProposalPending {
		t.Errorf("state after propose %s, want pending", st)
	}
	listed, err := relayer.Proposals(e.ctx, 0)
	mustOK(t, "proposals", err)
	if len(listed) != 1 || listed[0].ID.Cmp(id) != 0 || listed[0].Description != p.Description || len(listed[0].Targets) != 2 {
		t.Fatalf("Proposals = %+v, want the one proposal %s", listed, id)
	}
	p = listed[0]
	// A resumed scan reads only what came after: nothing new, then the
	// second proposal alone.
	first, _, cur, err := relayer.ScanProposals(e.ctx, chain.ScanCursor{})
	mustOK(t, "scan proposals", err)
	again, removed, cur, err := relayer.ScanProposals(e.ctx, cur)
	mustOK(t, "scan proposals again", err)
	if len(first) != 1 || len(again) != 0 || len(removed) != 0 {
		t.Fatalf("ScanProposals: %d, then %d new and %d removed; want 1, then 0 and 0", len(first), len(again), len(removed))
	}
	id2, _, err := relayer.Propose(e.ctx, p.Targets[:1], nil, p.Calldatas[:1], "Slash node 0 only")
	mustOK(t, "propose again", err)
	again, _, _, err = relayer.ScanProposals(e.ctx, cur)
	mustOK(t, "scan proposals after the second", err)
	if len(again) != 1 || again[0].ID.Cmp(id2) != 0 {
		t.Fatalf("ScanProposals after a second proposal = %+v, want only %s", again, id2)
	}

	e.advance(2 * time.Second)
	if st, _ := relayer.ProposalState(e.ctx, id); st != chain.ProposalActive {
		t.Fatalf("state after voting delay %s, want active", st)
	}
	// The voter signs a ballot; the relayer pays the gas.
	voterGas, _ := voter.NativeBalance(e.ctx, e.addr(1))
	td, err := relayer.BallotTypedData(e.ctx, id, chain.VoteFor, e.addr(1))
	mustOK(t, "ballot", err)
	sig, err := chain.SignTypedDataWithKey(e.keys[1], td)
	mustOK(t, "sign ballot", err)
	_, err = relayer.CastVoteBySig(e.ctx, id, chain.VoteFor, e.addr(1), sig)
	mustOK(t, "cast vote by sig", err)
	_, err = relayer.CastVoteBySig(e.ctx, id, chain.VoteFor, e.addr(1), sig)
	wantRevert(t, "replayed ballot", err, "")
	if after, _ := voter.NativeBalance(e.ctx, e.addr(1)); after.Cmp(voterGas) != 0 {
		t.Errorf("voter spent %s wei on a vote by signature, want 0", new(big.Int).Sub(voterGas, after))
	}
	_, forVotes, _, err := relayer.ProposalVotes(e.ctx, id)
	mustOK(t, "votes", err)
	if forVotes.Cmp(myc(10_010_000)) != 0 {
		t.Errorf("for votes %s, want 10,010,000 MYC (default funding + 10M)", forVotes)
	}

	_, err = relayer.QueueProposal(e.ctx, p)
	wantRevert(t, "queue while active", err, "Governor.GovernorUnexpectedProposalState")
	e.advance(time.Hour)
	if st, _ := relayer.ProposalState(e.ctx, id); st != chain.ProposalSucceeded {
		t.Fatalf("state after voting %s, want succeeded", st)
	}
	_, err = relayer.QueueProposal(e.ctx, p)
	mustOK(t, "queue", err)
	_, err = relayer.ExecuteProposal(e.ctx, p)
	wantRevert(t, "execute before the timelock delay", err, "")
	e.advance(time.Minute)
	treasuryBefore := e.balance(m.Timelock)
	_, err = relayer.ExecuteProposal(e.ctx, p)
	mustOK(t, "execute", err)
	if st, _ := relayer.ProposalState(e.ctx, id); st != chain.ProposalExecuted {
		t.Errorf("state after execute %s, want executed", st)
	}
	n, _ := node.Node(e.ctx, e.addr(0))
	if n.Stake.Cmp(myc(170)) != 0 {
		t.Errorf("stake after slash %s, want 170 MYC", n.Stake)
	}
	if got := new(big.Int).Sub(e.balance(m.Timelock), treasuryBefore); got.Cmp(myc(30)) != 0 {
		t.Errorf("treasury got %s from the slash, want 30 MYC", got)
	}
	if got := e.balance(dev); got.Cmp(myc(10_005)) != 0 {
		t.Errorf("developer balance %s, want 10,005 MYC", got)
	}

	// Governance-only functions refuse anyone else.
	_, err = relayer.Transact(e.ctx, m.Registry, slashData, nil)
	wantRevert(t, "slash by an account", err, "Registry.OwnableUnauthorizedAccount")
}
