package apiclient

import (
	"context"
	"time"
)

// GovernanceProposal is one proposal of GET /v1/governance/proposals.
// Number is the short index used in speech and on the command line
// ("proposal 1" is the first proposal by creation block); ID is
// OpenZeppelin's proposal id (a 256-bit hash) in decimal. Vote totals are
// decimal strings in MYC base units.
type GovernanceProposal struct {
	Number      int       `json:"number"`
	ID          string    `json:"id"`
	Title       string    `json:"title"`
	Description string    `json:"description"`
	Proposer    string    `json:"proposer"`
	State       string    `json:"state"`
	VoteStart   time.Time `json:"vote_start"`
	VoteEnd     time.Time `json:"vote_end"`
	Block       uint64    `json:"block"`
	Against     string    `json:"against"`
	For         string    `json:"for"`
	Abstain     string    `json:"abstain"`
}

// GovernanceVoteRequest is the body of POST /v1/governance/vote and
// /v1/governance/ballot. Proposal is the short number or the full id, in
// decimal; Support is "yes", "no" or "abstain".
type GovernanceVoteRequest struct {
	Proposal string `json:"proposal"`
	Support  string `json:"support"`
}

// GovernanceVote is the answer of POST /v1/governance/vote.
type GovernanceVote struct {
	Proposal string `json:"proposal"`
	Support  string `json:"support"`
	Voter    string `json:"voter"`
	TxHash   string `json:"tx_hash"`
}

// GovernanceBallot is the answer of POST /v1/governance/ballot: the
// device's signed Ballot, which anyone (a relayer with gas) can submit with
// the Governor's castVoteBySig(proposalId, support, voter, signature).
type GovernanceBallot struct {
	Governor   string `json:"governor"`
	ChainID    uint64 `json:"chain_id"`
	ProposalID string `json:"proposal_id"`
	Support    uint8  `json:"support"`
	Voter      string `json:"voter"`
	Nonce      string `json:"nonce"`
	Signature  string `json:"signature"`
}

// GovernanceProposals lists every proposal.
func (c *Client) GovernanceProposals(ctx context.Context) ([]GovernanceProposal, error) {
	var out []GovernanceProposal
	err := c.Get(ctx, "/governance/proposals", &out)
	return out, err
}

// GovernanceVote signs and sends the owner's vote.
func (c *Client) GovernanceVote(ctx context.Context, proposal, support string) (GovernanceVote, error) {
	var out GovernanceVote
	err := c.Post(ctx, "/governance/vote", GovernanceVoteRequest{Proposal: proposal, Support: support}, &out)
	return out, err
}

// GovernanceBallot signs the owner's vote without sending it.
func (c *Client) GovernanceBallot(ctx context.Context, proposal, support string) (GovernanceBallot, error) {
	var out GovernanceBallot
	err := c.Post(ctx, "/governance/ballot", GovernanceVoteRequest{Proposal: proposal, Support: support}, &out)
	return out, err
}
