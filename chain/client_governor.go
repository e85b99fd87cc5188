package chain

import (
	"context"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
)

// ProposalState is OpenZeppelin's IGovernor.ProposalState.
type ProposalState uint8

// Proposal states.
const (
	ProposalPending ProposalState = iota
	ProposalActive
	ProposalCanceled
	ProposalDefeated
	ProposalSucceeded
	ProposalQueued
	ProposalExpired
	ProposalExecuted
)

func (s ProposalState) String() string {
	names := []string{"pending", "active", "canceled", "defeated", "succeeded", "queued", "expired", "executed"}
	if int(s) < len(names) {
		return names[s]
	}
	return fmt.Sprintf("ProposalState(%d)", uint8(s))
}

// Proposal is a governance proposal as announced by ProposalCreated.
type Proposal struct {
	ID          *big.Int
	Proposer    common.Address
	Targets     []common.Address
	Values      []*big.Int
	Calldatas   [][]byte
	Description string
	VoteStart   time.Time
	VoteEnd     time.Time
	Block       uint64
}

// DescriptionHash is keccak256 of the description, as queue and execute want.
func DescriptionHash(description string) common.Hash {
	return crypto.Keccak256Hash([]byte(description))
}

func zeroValues(values []*big.Int, n int) []*big.Int {
	if values != nil {
		return values
	}
	out := make([]*big.Int, n)
	for i := range out {
		out[i] = new(big.Int)
	}
	return out
}

// Propose submits a proposal (values may be nil for all zero) and returns
// its id.
func (c *Client) Propose(ctx context.Context, targets []common.Address, values []*big.Int, calldatas [][]byte, description string) (*big.Int, *types.Receipt, error) {
	values = zeroValues(values, len(targets))
	r, err := c.transact(ctx, "propose", c.m.Governor, func() ([]byte, error) {
		return c.governor.TryPackPropose(targets, values, calldatas, description)
	})
	if err != nil {
		return nil, r, err
	}
	for _, l := range r.Logs {
		if l.Address != c.m.Governor {
			continue
		}
		if ev, err := c.governor.UnpackProposalCreatedEvent(l); err == nil {
			return ev.ProposalId, r, nil
		}
	}
	return nil, r, fmt.Errorf("chain: propose: no ProposalCreated event in %s", r.TxHash)
}

// ProposalState reads the state of proposal id.
func (c *Client) ProposalState(ctx context.Context, id *big.Int) (ProposalState, error) {
	s, err := call(ctx, c, "proposal state", c.m.Governor,
		func() ([]byte, error) { return c.governor.TryPackState(id) }, c.governor.UnpackState)
	return ProposalState(s), err
}

// ProposalVotes reads the against, for and abstain totals of proposal id.
func (c *Client) ProposalVotes(ctx context.Context, id *big.Int) (against, forVotes, abstain *big.Int, err error) {
	o, err := call(ctx, c, "proposal votes", c.m.Governor,
		func() ([]byte, error) { return c.governor.TryPackProposalVotes(id) }, c.governor.UnpackProposalVotes)
	if err != nil {
		return nil, nil, nil, err
	}
	return o.AgainstVotes, o.ForVotes, o.AbstainVotes, nil
}

// CastVote votes on proposal id with support (VoteAgainst, VoteFor,
// VoteAbstain) from the signer's account.
func (c *Client) CastVote(ctx context.Context, id *big.Int, support uint8) (*types.Receipt, error) {
	return c.transact(ctx, "cast vote", c.m.Governor, func() ([]byte, error) { return c.governor.TryPackCastVote(id, support) })
}

// BallotTypedData builds the Ballot voter signs to vote on proposal id by
// signature, reading the voter's current Governor nonce.
func (c *Client) BallotTypedData(ctx context.Context, id *big.Int, support uint8, voter common.Address) (apitypes.TypedData, error) {
	nonce, err := call(ctx, c, "governor nonce", c.m.Governor,
		func() ([]byte, error) { return c.governor.TryPackNonces(voter) }, c.governor.UnpackNonces)
	if err != nil {
		return apitypes.TypedData{}, err
	}
	return BallotTypedData(c.chainID, c.m.Governor, id, support, voter, nonce), nil
}

// CastVoteBySig submits voter's signed Ballot; the signer pays the gas.
func (c *Client) CastVoteBySig(ctx context.Context, id *big.Int, support uint8, voter common.Address, signature []byte) (*types.Receipt, error) {
	return c.transact(ctx, "cast vote by sig", c.m.Governor, func() ([]byte, error) {
		return c.governor.TryPackCastVoteBySig(id, support, voter, signature)
	})
}

// QueueProposal queues a succeeded proposal in the timelock.
func (c *Client) QueueProposal(ctx context.Context, p Proposal) (*types.Receipt, error) {
	return c.transact(ctx, "queue", c.m.Governor, func() ([]byte, error) {
		return c.governor.TryPackQueue(p.Targets, zeroValues(p.Values, len(p.Targets)), p.Calldatas, DescriptionHash(p.Description))
	})
}

// ExecuteProposal executes a queued proposal once the timelock delay passed.
func (c *Client) ExecuteProposal(ctx context.Context, p Proposal) (*types.Receipt, error) {
	return c.transact(ctx, "execute", c.m.Governor, func() ([]byte, error) {
		return c.governor.TryPackExecute(p.Targets, zeroValues(p.Values, len(p.Targets)), p.Calldatas, DescriptionHash(p.Description))
	})
}

// ProposalEta is when a queued proposal can be executed.
func (c *Client) ProposalEta(ctx context.Context, id *big.Int) (time.Time, error) {
	eta, err := call(ctx, c, "proposal eta", c.m.Governor,
		func() ([]byte, error) { return c.governor.TryPackProposalEta(id) }, c.governor.UnpackProposalEta)
	if err != nil {
		return time.Time{}, err
	}
	return time.Unix(eta.Int64(), 0), nil
}

// Proposals lists the proposals created from block from on (never before
// the deployment block) up to the latest block with the client's
// confirmations on top, read in bounded ranges (LogScanner).
func (c *Client) Proposals(ctx context.Context, from uint64) ([]Proposal, error) {
	ps, _, _, err := c.ScanProposals(ctx, ScanCursor{Next: c.fromBlock(from).Uint64()})
	return ps, err
}

// ScanProposals reads the proposals created since cur (a zero cursor starts
// at the deployment block): the new ones, those a reorg took back, and the
// cursor to resume from. Keep the cursor to read only new blocks next time.
func (c *Client) ScanProposals(ctx context.Context, cur ScanCursor) (added, removed []Proposal, next ScanCursor, err error) {
	if cur.Next < c.m.DeployBlock {
		cur.Next = c.m.DeployBlock
	}
	ev := c.governor.GetABI().Events["ProposalCreated"]
	res, err := c.Scanner().Scan(ctx, ethereum.FilterQuery{
		Addresses: []common.Address{c.m.Governor},
		Topics:    [][]common.Hash{{ev.ID}},
	}, cur, 0)
	if err != nil {
		return nil, nil, cur, fmt.Errorf("chain: proposals: %w", err)
	}
	if added, err = c.proposals(res.Logs); err != nil {
		return nil, nil, cur, err
	}
	if removed, err = c.proposals(res.Removed); err != nil {
		return nil, nil, cur, err
	}
	return added, removed, res.Cursor, nil
}

func (c *Client) proposals(logs []types.Log) ([]Proposal, error) {
	out := make([]Proposal, 0, len(logs))
	for i := range logs {
		e, err := c.governor.UnpackProposalCreatedEvent(&logs[i])
		if err != nil {
			return nil, fmt.Errorf("chain: proposals: %w", err)
		}
		out = append(out, Proposal{
			ID: e.ProposalId, Proposer: e.Proposer, Targets: e.Targets, Values: e.Values,
			Calldatas: e.Calldatas, Description: e.Description,
			VoteStart: time.Unix(e.VoteStart.Int64(), 0), VoteEnd: time.Unix(e.VoteEnd.Int64(), 0),
			Block: logs[i].BlockNumber,
		})
	}
	return out, nil
}
