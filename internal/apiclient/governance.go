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

// GovernanceStatus is the answer of GET /v1/governance/status: the
// device's voting power and, when it is zero, why. Amounts are decimal
// strings in MYC base units; Delegate is "" when the votes were never
// delegated.
type GovernanceStatus struct {
	Address    string `json:"address"`
	Delegate   string `json:"delegate"`
	Votes      string `json:"votes"`
	Balance    string `json:"balance"`
	Why        string `json:"why,omitempty"`
	Delegation string `json:"delegation,omitempty"` // the self-delegation's state
	TxHash     string `json:"tx_hash,omitempty"`    // the self-delegation's transaction
	Error      string `json:"error,omitempty"`      // the self-delegation's last error
}

// GovernanceDelegation is the answer of GET /v1/governance/delegation:
// the device's signed delegation of its votes to itself, which anyone (a
// relayer with gas) can submit with the Token's delegateBySig(delegatee,
// nonce, expiry, v, r, s); the signature is r || s || v.
type GovernanceDelegation struct {
	Token     string `json:"token"`
	ChainID   uint64 `json:"chain_id"`
	Delegatee string `json:"delegatee"`
	Nonce     string `json:"nonce"`
	Expiry    string `json:"expiry"`
	Signature string `json:"signature"`
}

// GovernanceProposeRequest is the body of POST /v1/governance/propose.
// Kind is "payout" (To, Amount in MYC: the treasury pays), "param" (Param,
// Value: an amount in MYC, a duration such as "48h", or a percent) or
// "registrar" (Registrar: the address Grants accepts sign-ups from) or
// "release" (Release: the release.json of docs/updates.md, published in
// the Releases contract). Preview builds the calldata and proposes nothing.
type GovernanceProposeRequest struct {
	Kind        string `json:"kind"`
	To          string `json:"to,omitempty"`
	Amount      string `json:"amount,omitempty"`
	Param       string `json:"param,omitempty"`
	Value       string `json:"value,omitempty"`
	Registrar   string `json:"registrar,omitempty"`
	Release     string `json:"release,omitempty"`
	Description string `json:"description"`
	Preview     bool   `json:"preview,omitempty"`
}

// GovernanceAction is one call of a proposal: Target is called with
// Value wei and Calldata (hex) by the Timelock.
type GovernanceAction struct {
	Target   string `json:"target"`
	Value    string `json:"value"`
	Calldata string `json:"calldata"`
	Summary  string `json:"summary"`
}

// GovernanceProposed is the answer of POST /v1/governance/propose: what
// the proposal does and, unless it was a preview, its id, short number
// (0 until the proposal is listed) and transaction.
type GovernanceProposed struct {
	Actions     []GovernanceAction `json:"actions"`
	Description string             `json:"description"`
	Preview     bool               `json:"preview,omitempty"`
	ID          string             `json:"id,omitempty"`
	Number      int                `json:"number,omitempty"`
	TxHash      string             `json:"tx_hash,omitempty"`
}

// GovernanceStatus reads the device's voting power.
func (c *Client) GovernanceStatus(ctx context.Context) (GovernanceStatus, error) {
	var out GovernanceStatus
	err := c.Get(ctx, "/governance/status", &out)
	return out, err
}

// GovernanceDelegation signs the device's self-delegation for a relayer.
func (c *Client) GovernanceDelegation(ctx context.Context) (GovernanceDelegation, error) {
	var out GovernanceDelegation
	err := c.Get(ctx, "/governance/delegation", &out)
	return out, err
}

// GovernancePropose builds (and unless req.Preview, submits) a proposal.
func (c *Client) GovernancePropose(ctx context.Context, req GovernanceProposeRequest) (GovernanceProposed, error) {
	var out GovernanceProposed
	err := c.Post(ctx, "/governance/propose", req, &out)
	return out, err
}
