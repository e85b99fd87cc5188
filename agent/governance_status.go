package agent

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/keystore"
	"github.com/mycroft-network/mycroft/miner"
	"github.com/mycroft-network/mycroft/update"
)

// votingStatus reads the device's delegate, voting power and balance, and
// says why the power is zero when it is.
func (g governance) votingStatus(ctx context.Context) (apiclient.GovernanceStatus, error) {
	c, err := g.client()
	if err != nil {
		return apiclient.GovernanceStatus{}, err
	}
	if g.a.keys == nil {
		return apiclient.GovernanceStatus{}, unavailable("no keystore")
	}
	self := g.a.keys.Address()
	if self == (common.Address{}) {
		return apiclient.GovernanceStatus{}, keysError(keystore.ErrNotInitialized)
	}
	out := apiclient.GovernanceStatus{Address: self.Hex()}
	if d := g.a.chainx.delegation; d != nil {
		s := d.status()
		out.Delegation, out.TxHash, out.Error = s.Delegation, s.TxHash, s.Error
	}
	del, err := c.Delegates(ctx, self)
	if err != nil {
		return out, unavailable("governance: %v", err)
	}
	votes, err := c.Votes(ctx, self)
	if err != nil {
		return out, unavailable("governance: %v", err)
	}
	bal, err := c.TokenBalance(ctx, self)
	if err != nil {
		return out, unavailable("governance: %v", err)
	}
	if del != (common.Address{}) {
		out.Delegate = del.Hex()
	}
	out.Votes, out.Balance = votes.String(), bal.String()
	if votes.Sign() == 0 {
		out.Why = whyNoVotes(self, del, bal, out.Delegation)
	}
	return out, nil
}

// whyNoVotes says why an account with delegate del and balance bal has
// no voting power.
func whyNoVotes(self, del common.Address, bal *big.Int, delegation string) string {
	var why []string
	if bal.Sign() == 0 {
		why = append(why, "no tokens (claim the sign-up grant or receive MYC)")
	}
	switch del {
	case common.Address{}:
		s := "not delegated yet: the device delegates its votes to itself"
		if delegation != "" {
			s += " (" + delegation + ")"
		}
		why = append(why, s)
	case self:
	default:
		why = append(why, "votes delegated to "+del.Hex())
	}
	if len(why) == 0 {
		return "votes count from the next block"
	}
	return strings.Join(why, "; ")
}

// parseParamValue reads a parameter value by its kind: MYC ("100",
// "0.5"), a duration ("48h", "90s", or whole seconds), or a percent ("4",
// "4%").
func parseParamValue(p chain.GovernanceParam, s string) (*big.Int, error) {
	s = strings.TrimSpace(s)
	switch p.Kind {
	case chain.ParamDuration:
		if n, err := strconv.ParseUint(s, 10, 63); err == nil {
			return new(big.Int).SetUint64(n), nil
		}
		d, err := time.ParseDuration(s)
		if err != nil || d < 0 || d%time.Second != 0 {
			return nil, fmt.Errorf("%s must be whole seconds or a duration such as \"48h\", not %q", p.Name, s)
		}
		return big.NewInt(int64(d / time.Second)), nil
	case chain.ParamPercent:
		n, err := strconv.ParseUint(strings.TrimSuffix(s, "%"), 10, 8)
		if err != nil {
			return nil, fmt.Errorf("%s must be a whole percent such as \"4\", not %q", p.Name, s)
		}
		return new(big.Int).SetUint64(n), nil
	}
	v, err := parseMYC(s)
	if err != nil {
		return nil, fmt.Errorf("%s %v", p.Name, err)
	}
	return v, nil
}

// actions builds the calls of a proposal request.
func (g governance) actions(ctx context.Context, c *chain.Client, req apiclient.GovernanceProposeRequest) ([]chain.Action, error) {
	addr := func(field, s string) (common.Address, error) {
		if !common.IsHexAddress(s) {
			return common.Address{}, badRequest("%s: not an address: %q", field, s)
		}
		return common.HexToAddress(s), nil
	}
	var a chain.Action
	switch req.Kind {
	case "payout":
		to, err := addr("to", req.To)
		if err != nil {
			return nil, err
		}
		amount, err := parseMYC(req.Amount)
		if err != nil {
			return nil, badRequest("amount: %v", err)
		}
		if a, err = c.TreasuryPayoutAction(to, amount); err != nil {
			return nil, badRequest("%v", err)
		}
		a.Summary = fmt.Sprintf("the treasury pays %s MYC to %s (Token.transfer from the Timelock)", miner.FormatAmount(amount), to.Hex())
	case "registrar":
		r, err := addr("registrar", req.Registrar)
		if err != nil {
			return nil, err
		}
		if a, err = c.RegistrarAction(r); err != nil {
			return nil, badRequest("%v", err)
		}
	case "param":
		p, err := chain.GovernanceParamByName(req.Param)
		if err != nil {
			return nil, badRequest("%v", err)
		}
		v, err := parseParamValue(p, req.Value)
		if err != nil {
			return nil, badRequest("%v", err)
		}
		if a, err = c.ParamAction(ctx, p.Name, v); err != nil {
			if errors.Is(err, chain.ErrUnknownParam) || strings.Contains(err.Error(), "param action") {
				return nil, badRequest("%v", err)
			}
			return nil, unavailable("governance: %v", err)
		}
		if old, err := c.ParamValue(ctx, p.Name); err == nil {
			a.Summary += fmt.Sprintf(" (now %s)", old)
		}
	case "release":
		m, err := update.ParseManifest([]byte(req.Release))
		if err != nil {
			return nil, badRequest("%v", err)
		}
		if a, err = c.ReleaseAction(uint64(m.Version), uint64(m.MinVersion), m.Notes, m.Artifacts); err != nil {
			if errors.Is(err, chain.ErrNoReleasesContract) {
				return nil, unavailable("governance: %v", err)
			}
			return nil, badRequest("%v", err)
		}
	default:
		return nil, badRequest("kind must be payout, param, registrar or release, not %q", req.Kind)
	}
	return []chain.Action{a}, nil
}

// propose builds the proposal's calls and, unless it is a preview, makes
// the proposal from the device's account (which needs the Governor's
// proposal threshold in votes, and gas).
func (g governance) propose(ctx context.Context, req apiclient.GovernanceProposeRequest) (apiclient.GovernanceProposed, error) {
	c, err := g.client()
	if err != nil {
		return apiclient.GovernanceProposed{}, err
	}
	req.Description = strings.TrimSpace(req.Description)
	if req.Description == "" {
		return apiclient.GovernanceProposed{}, badRequest("description: a proposal needs a description (its first line is its title)")
	}
	acts, err := g.actions(ctx, c, req)
	if err != nil {
		return apiclient.GovernanceProposed{}, err
	}
	out := apiclient.GovernanceProposed{Description: req.Description, Preview: req.Preview}
	var targets []common.Address
	var values []*big.Int
	var datas [][]byte
	for _, a := range acts {
		out.Actions = append(out.Actions, apiclient.GovernanceAction{Target: a.Target.Hex(), Value: a.Value.String(),
			Calldata: hexutil.Encode(a.Calldata), Summary: a.Summary})
		targets, values, datas = append(targets, a.Target), append(values, a.Value), append(datas, a.Calldata)
	}
	if req.Preview {
		return out, nil
	}
	if g.a.keys == nil || g.a.keys.Address() == (common.Address{}) {
		return out, keysError(keystore.ErrNotInitialized)
	}
	self := g.a.keys.Address()
	if need, err := c.ParamValue(ctx, "proposal-threshold"); err == nil && need.Sign() > 0 {
		if have, err := c.Votes(ctx, self); err == nil && have.Cmp(need) < 0 {
			return out, &apiclient.Error{Status: http.StatusConflict, Message: fmt.Sprintf(
				"proposing needs %s MYC of votes and this device has %s (see mycroft governance status); someone with enough votes can propose the same calls",
				miner.FormatAmount(need), miner.FormatAmount(have))}
		}
	}
	id, r, err := c.Propose(ctx, targets, values, datas, req.Description)
	if err != nil {
		return out, fmt.Errorf("governance: propose: %w", err)
	}
	out.ID, out.TxHash = id.String(), r.TxHash.Hex()
	if ps, err := g.all(ctx); err == nil {
		for _, p := range ps {
			if p.ID.Cmp(id) == 0 {
				out.Number = p.Number
			}
		}
	}
	g.a.log.Info("governance: proposed", "proposal", id.String(), "kind", req.Kind, "tx", r.TxHash.Hex())
	return out, nil
}

func (a *Agent) governanceStatusRoutes() {
	g := governance{a}
	a.handle("GET /governance/status", func(r *http.Request) (any, error) {
		return g.votingStatus(r.Context())
	})
	a.handle("GET /governance/delegation", func(r *http.Request) (any, error) {
		if _, err := g.client(); err != nil {
			return nil, err
		}
		sd, err := a.signSelfDelegation(r.Context())
		if err != nil {
			var ae *apiclient.Error
			if errors.As(err, &ae) {
				return nil, ae
			}
			if errors.Is(err, keystore.ErrLocked) || errors.Is(err, keystore.ErrNotInitialized) {
				return nil, keysError(err)
			}
			return nil, unavailable("%v", err)
		}
		return apiclient.GovernanceDelegation{Token: sd.Token.Hex(), ChainID: a.manifest.ChainID, Delegatee: sd.Delegatee.Hex(),
			Nonce: sd.Nonce.String(), Expiry: sd.Expiry.String(), Signature: hexutil.Encode(sd.Signature)}, nil
	})
	a.handle("POST /governance/propose", func(r *http.Request) (any, error) {
		var req apiclient.GovernanceProposeRequest
		if err := decodeJSON(r, &req); err != nil {
			return nil, err
		}
		return g.propose(r.Context(), req)
	})
}

// VotingPower is the device's voting power and, when it is zero, why, in
// words for the voice.
func (g governance) VotingPower(ctx context.Context) (*big.Int, string, error) {
	st, err := g.votingStatus(ctx)
	if err != nil {
		return nil, "", err
	}
	votes, _ := new(big.Int).SetString(st.Votes, 10)
	if votes != nil && votes.Sign() > 0 {
		return votes, "", nil
	}
	var why []string
	if st.Balance == "0" {
		why = append(why, "your wallet has no tokens")
	}
	switch {
	case st.Delegate == "" && st.Delegation == delegationNoGas:
		why = append(why, "I need a little gas to make your votes count")
	case st.Delegate == "":
		why = append(why, "I have not made your votes count yet")
	case !strings.EqualFold(st.Delegate, st.Address):
		why = append(why, "you delegated your votes to another address")
	}
	return new(big.Int), strings.Join(why, " and "), nil
}
