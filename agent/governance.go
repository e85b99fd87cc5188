package agent

import (
	"context"
	"fmt"
	"math/big"
	"net/http"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/mycroft-network/mycroft/agent/skills"
	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/keystore"
)

// governance is the owner's voice in the Mycroft Governor: it lists
// proposals and votes by signature with the device's wallet key.
//
// Proposal numbers: OpenZeppelin proposal ids are 256-bit hashes, which no
// one can say aloud. Every proposal also gets a short number, its position
// among all proposals by creation (block, then log order) counting from 1:
// "proposal 1" is the first proposal ever made on this deployment. Numbers
// never change, since proposals are never removed from the log.
//
// Votes are cast by signature: the wallet key signs the Governor's Ballot
// (EIP-712) and the device submits castVoteBySig, paying the gas when it has
// some. A device with no gas can instead take the signed ballot
// (POST /v1/governance/ballot) to any relayer, who submits the same
// castVoteBySig(proposalId, support, voter, signature) and pays the gas; the
// vote still counts for the device's address.
type governance struct{ a *Agent }

// governanceSkill is the governance service the voice skills use; nil when
// there is no chain.
func (a *Agent) governanceSkill() skills.Governance {
	if a.chain == nil || a.keys == nil {
		return nil
	}
	return governance{a}
}

// numbered is a proposal with its short number.
type numbered struct {
	chain.Proposal
	Number int
}

func (g governance) client() (*chain.Client, error) {
	if g.a.chain == nil {
		return nil, unavailable("no chain (set chain.rpc_url and chain.manifest)")
	}
	return g.a.chain, nil
}

// all lists every proposal, numbered from 1 in creation order.
func (g governance) all(ctx context.Context) ([]numbered, error) {
	c, err := g.client()
	if err != nil {
		return nil, err
	}
	ps, err := g.a.chainx.proposals(ctx, c)
	if err != nil {
		return nil, fmt.Errorf("governance: %w", err)
	}
	out := make([]numbered, len(ps))
	for i, p := range ps {
		out[i] = numbered{p, i + 1}
	}
	return out, nil
}

// title is the first line of a proposal description, without Markdown
// heading marks.
func title(desc string) string {
	line, _, _ := strings.Cut(strings.TrimSpace(desc), "\n")
	return strings.TrimSpace(strings.TrimLeft(line, "# "))
}

// OpenProposals lists the proposals open for voting (active).
func (g governance) OpenProposals(ctx context.Context) ([]skills.Proposal, error) {
	ps, err := g.all(ctx)
	if err != nil {
		return nil, err
	}
	var out []skills.Proposal
	for _, p := range ps {
		st, err := g.a.chain.ProposalState(ctx, p.ID)
		if err != nil {
			return nil, fmt.Errorf("governance: %w", err)
		}
		if st == chain.ProposalActive {
			out = append(out, skills.Proposal{Number: p.Number, ID: p.ID, Title: title(p.Description)})
		}
	}
	return out, nil
}

// Vote signs the owner's ballot and submits it.
func (g governance) Vote(ctx context.Context, proposal *big.Int, support skills.Support) error {
	_, err := g.vote(ctx, proposal, uint8(support))
	return err
}

// ballot signs the owner's Ballot for proposal id.
func (g governance) ballot(ctx context.Context, id *big.Int, support uint8) (common.Address, *big.Int, []byte, error) {
	c, err := g.client()
	if err != nil {
		return common.Address{}, nil, nil, err
	}
	if g.a.keys == nil {
		return common.Address{}, nil, nil, unavailable("no keystore")
	}
	voter := g.a.keys.Address()
	if voter == (common.Address{}) {
		return common.Address{}, nil, nil, keysError(keystore.ErrNotInitialized)
	}
	td, err := c.BallotTypedData(ctx, id, support, voter)
	if err != nil {
		return common.Address{}, nil, nil, fmt.Errorf("governance: ballot: %w", err)
	}
	sig, err := g.a.keys.SignTypedData(td)
	if err != nil {
		return common.Address{}, nil, nil, keysError(fmt.Errorf("governance: sign ballot: %w", err))
	}
	nonce, _ := new(big.Int).SetString(fmt.Sprint(td.Message["nonce"]), 10)
	return voter, nonce, sig, nil
}

func (g governance) vote(ctx context.Context, id *big.Int, support uint8) (apiclient.GovernanceVote, error) {
	if g.a.keys != nil && g.a.chain != nil && g.a.noGas(ctx) {
		// No gas: a relaying provider submits the ballot, paid by voucher.
		tx, err := g.a.relayBallot(ctx, g, id, support)
		if err != nil {
			return apiclient.GovernanceVote{}, fmt.Errorf("governance: vote: no gas, and %w", err)
		}
		g.a.log.Info("governance: voted through a relayer", "proposal", id.String(), "support", skills.Support(support).String(), "tx", tx.Hex())
		return apiclient.GovernanceVote{Proposal: id.String(), Support: skills.Support(support).String(), Voter: g.a.keys.Address().Hex(), TxHash: tx.Hex()}, nil
	}
	voter, _, sig, err := g.ballot(ctx, id, support)
	if err != nil {
		return apiclient.GovernanceVote{}, err
	}
	r, err := g.a.chain.CastVoteBySig(ctx, id, support, voter, sig)
	if err != nil {
		return apiclient.GovernanceVote{}, fmt.Errorf("governance: vote: %w", err)
	}
	g.a.log.Info("governance: voted", "proposal", id.String(), "support", skills.Support(support).String(), "tx", r.TxHash.Hex())
	return apiclient.GovernanceVote{Proposal: id.String(), Support: skills.Support(support).String(), Voter: voter.Hex(), TxHash: r.TxHash.Hex()}, nil
}

// parseSupport reads "yes", "no" or "abstain" (also "for", "against").
func parseSupport(s string) (uint8, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "for":
		return chain.VoteFor, nil
	case "no", "against":
		return chain.VoteAgainst, nil
	case "abstain":
		return chain.VoteAbstain, nil
	}
	return 0, badRequest("support must be yes, no or abstain, not %q", s)
}

// resolve turns a proposal given as its short number or its full id
// (decimal) into the proposal id. A value no larger than the number of
// proposals is a short number; real ids are 256-bit hashes, far larger.
func (g governance) resolve(ctx context.Context, s string) (*big.Int, error) {
	n, ok := new(big.Int).SetString(strings.TrimSpace(s), 10)
	if !ok || n.Sign() <= 0 || n.BitLen() > 256 {
		return nil, badRequest("proposal must be a proposal number or id in decimal, not %q", s)
	}
	ps, err := g.all(ctx)
	if err != nil {
		return nil, err
	}
	if n.IsInt64() && n.Int64() <= int64(len(ps)) {
		return ps[n.Int64()-1].ID, nil
	}
	for _, p := range ps {
		if p.ID.Cmp(n) == 0 {
			return p.ID, nil
		}
	}
	return nil, &apiclient.Error{Status: http.StatusNotFound, Message: fmt.Sprintf("no proposal %s (there are %d)", s, len(ps))}
}

func (a *Agent) governanceRoutes() {
	g := governance{a}
	a.governanceStatusRoutes()
	a.handle("GET /governance/proposals", func(r *http.Request) (any, error) {
		ctx := r.Context()
		ps, err := g.all(ctx)
		if err != nil {
			return nil, err
		}
		out := make([]apiclient.GovernanceProposal, 0, len(ps))
		for _, p := range ps {
			gp := apiclient.GovernanceProposal{
				Number: p.Number, ID: p.ID.String(), Title: title(p.Description), Description: p.Description,
				Proposer: p.Proposer.Hex(), VoteStart: p.VoteStart.UTC(), VoteEnd: p.VoteEnd.UTC(), Block: p.Block,
			}
			st, err := a.chain.ProposalState(ctx, p.ID)
			if err != nil {
				return nil, fmt.Errorf("governance: %w", err)
			}
			gp.State = st.String()
			against, forV, abstain, err := a.chain.ProposalVotes(ctx, p.ID)
			if err != nil {
				return nil, fmt.Errorf("governance: %w", err)
			}
			gp.Against, gp.For, gp.Abstain = against.String(), forV.String(), abstain.String()
			out = append(out, gp)
		}
		return out, nil
	})
	parse := func(r *http.Request) (*big.Int, uint8, error) {
		var req apiclient.GovernanceVoteRequest
		if err := decodeJSON(r, &req); err != nil {
			return nil, 0, err
		}
		support, err := parseSupport(req.Support)
		if err != nil {
			return nil, 0, err
		}
		id, err := g.resolve(r.Context(), req.Proposal)
		return id, support, err
	}
	a.handle("POST /governance/vote", func(r *http.Request) (any, error) {
		id, support, err := parse(r)
		if err != nil {
			return nil, err
		}
		return g.vote(r.Context(), id, support)
	})
	a.handle("POST /governance/ballot", func(r *http.Request) (any, error) {
		id, support, err := parse(r)
		if err != nil {
			return nil, err
		}
		voter, nonce, sig, err := g.ballot(r.Context(), id, support)
		if err != nil {
			return nil, err
		}
		return apiclient.GovernanceBallot{
			Governor: a.manifest.Governor.Hex(), ChainID: a.manifest.ChainID, ProposalID: id.String(),
			Support: support, Voter: voter.Hex(), Nonce: nonce.String(), Signature: hexutil.Encode(sig),
		}, nil
	})
}
