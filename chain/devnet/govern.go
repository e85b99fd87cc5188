package devnet

import (
	"context"
	"fmt"
	"math/big"
	"time"

	"github.com/mycroft-network/mycroft/chain"
)

// Govern passes actions through governance with the deployer's votes, as
// token holders would: the deployer delegates its votes to itself, proposes,
// votes for, queues and executes, the chain's clock advanced past the
// voting delay, the voting period and the Timelock's delay. It returns
// when the execution is mined, with the proposal's id.
func (d *Devnet) Govern(ctx context.Context, description string, actions ...chain.Action) (*big.Int, error) {
	c := d.deployC
	me := d.Deployer.Address()
	if _, err := c.Delegate(ctx, me); err != nil {
		return nil, fmt.Errorf("devnet: govern: delegate: %w", err)
	}
	if err := d.AdvanceTime(ctx, time.Second); err != nil {
		return nil, err
	}
	p := chain.Proposal{Description: description}
	for _, a := range actions {
		p.Targets = append(p.Targets, a.Target)
		p.Values = append(p.Values, a.Value)
		p.Calldatas = append(p.Calldatas, a.Calldata)
	}
	id, _, err := c.Propose(ctx, p.Targets, p.Values, p.Calldatas, p.Description)
	if err != nil {
		return nil, fmt.Errorf("devnet: govern: propose: %w", err)
	}
	steps := []struct {
		wait time.Duration
		name string
		do   func() error
	}{
		{d.Params.VotingDelay + time.Second, "vote", func() error { _, err := c.CastVote(ctx, id, chain.VoteFor); return err }},
		{d.Params.VotingPeriod + time.Second, "queue", func() error { _, err := c.QueueProposal(ctx, p); return err }},
		{d.Params.TimelockDelay + time.Second, "execute", func() error { _, err := c.ExecuteProposal(ctx, p); return err }},
	}
	for _, s := range steps {
		if err := d.AdvanceTime(ctx, s.wait); err != nil {
			return nil, err
		}
		if err := s.do(); err != nil {
			return nil, fmt.Errorf("devnet: govern: %s: %w", s.name, err)
		}
	}
	return id, nil
}
