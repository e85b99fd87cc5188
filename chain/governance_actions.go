package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// Action is one call a proposal makes once executed by the Timelock:
// Target is called with Value wei and Calldata. Summary says it in words
// for a preview.
type Action struct {
	Target   common.Address
	Value    *big.Int
	Calldata []byte
	Summary  string
}

// ErrUnknownParam is returned for a parameter name ParamAction does not
// know.
var ErrUnknownParam = errors.New("chain: unknown governance parameter")

// ParamKind says how a governance parameter's value reads.
type ParamKind uint8

// Parameter kinds.
const (
	ParamAmount   ParamKind = iota // MYC base units (native wei for grant-gas)
	ParamDuration                  // seconds
	ParamPercent                   // whole percent of the supply
)

// GovernanceParam is a parameter a proposal can change, and the setter
// the Timelock calls to change it.
type GovernanceParam struct {
	Name     string
	Kind     ParamKind
	Contract string // "MycroftGovernor", "Timelock", "Registry", "Grants"
	Setter   string
}

// GovernanceParams are the parameters governance can set, by the setters
// the contracts expose to their owner (the Timelock): the Governor's
// GovernorSettings and quorum fraction, the Timelock's delay, the
// Registry's setParams and the Grants' setAmounts (the values the setter
// also takes are read from the chain and passed unchanged).
var GovernanceParams = []GovernanceParam{
	{"voting-delay", ParamDuration, "MycroftGovernor", "setVotingDelay"},
	{"voting-period", ParamDuration, "MycroftGovernor", "setVotingPeriod"},
	{"proposal-threshold", ParamAmount, "MycroftGovernor", "setProposalThreshold"},
	{"quorum", ParamPercent, "MycroftGovernor", "updateQuorumNumerator"},
	{"timelock-delay", ParamDuration, "Timelock", "updateDelay"},
	{"min-stake", ParamAmount, "Registry", "setParams"},
	{"unbonding-delay", ParamDuration, "Registry", "setParams"},
	{"challenge-window", ParamDuration, "Registry", "setParams"},
	{"challenge-bond", ParamAmount, "Registry", "setParams"},
	{"challenge-slash", ParamAmount, "Registry", "setParams"},
	{"grant-amount", ParamAmount, "Grants", "setAmounts"},
	{"grant-gas", ParamAmount, "Grants", "setAmounts"},
	{"grant-relay-fee", ParamAmount, "Grants", "setRelayFee"},
}

// GovernanceParamByName finds a parameter of GovernanceParams.
func GovernanceParamByName(name string) (GovernanceParam, error) {
	i := slices.IndexFunc(GovernanceParams, func(p GovernanceParam) bool { return p.Name == name })
	if i < 0 {
		names := make([]string, len(GovernanceParams))
		for j, p := range GovernanceParams {
			names[j] = p.Name
		}
		return GovernanceParam{}, fmt.Errorf("%w %q (one of %v)", ErrUnknownParam, name, names)
	}
	return GovernanceParams[i], nil
}

// TreasuryPayoutAction pays amount MYC from the treasury (the Timelock's
// balance) to to: the Token's transfer, called by the Timelock.
func (c *Client) TreasuryPayoutAction(to common.Address, amount *big.Int) (Action, error) {
	if to == (common.Address{}) || amount == nil || amount.Sign() <= 0 {
		return Action{}, fmt.Errorf("chain: payout action: need a recipient and an amount above 0")
	}
	data, err := c.token.TryPackTransfer(to, amount)
	if err != nil {
		return Action{}, fmt.Errorf("chain: payout action: %w", err)
	}
	return Action{Target: c.m.Token, Value: new(big.Int), Calldata: data,
		Summary: fmt.Sprintf("Token.transfer(%s, %s): the treasury pays %s base units of MYC", to.Hex(), amount, amount)}, nil
}

// RegistrarAction makes registrar the address whose sign-up signatures
// the Grants contract accepts (Grants.setRegistrar).
func (c *Client) RegistrarAction(registrar common.Address) (Action, error) {
	if registrar == (common.Address{}) {
		return Action{}, fmt.Errorf("chain: registrar action: need a registrar address")
	}
	data, err := c.grants.TryPackSetRegistrar(registrar)
	if err != nil {
		return Action{}, fmt.Errorf("chain: registrar action: %w", err)
	}
	return Action{Target: c.m.Grants, Value: new(big.Int), Calldata: data,
		Summary: fmt.Sprintf("Grants.setRegistrar(%s): sign-up grants need this registrar's signature", registrar.Hex())}, nil
}

// ParamValue reads a governance parameter's current value (base units,
// seconds or percent, by its kind).
func (c *Client) ParamValue(ctx context.Context, name string) (*big.Int, error) {
	p, err := GovernanceParamByName(name)
	if err != nil {
		return nil, err
	}
	g := c.governor
	switch p.Name {
	case "voting-delay":
		return call(ctx, c, "voting delay", c.m.Governor, g.TryPackVotingDelay, g.UnpackVotingDelay)
	case "voting-period":
		return call(ctx, c, "voting period", c.m.Governor, g.TryPackVotingPeriod, g.UnpackVotingPeriod)
	case "proposal-threshold":
		return call(ctx, c, "proposal threshold", c.m.Governor, g.TryPackProposalThreshold, g.UnpackProposalThreshold)
	case "quorum":
		return call(ctx, c, "quorum numerator", c.m.Governor, g.TryPackQuorumNumerator0, g.UnpackQuorumNumerator0)
	case "timelock-delay":
		return call(ctx, c, "timelock delay", c.m.Timelock, c.timelock.TryPackGetMinDelay, c.timelock.UnpackGetMinDelay)
	case "grant-relay-fee":
		return call(ctx, c, "grant relay fee", c.m.Grants, c.grants.TryPackRelayFee, c.grants.UnpackRelayFee)
	case "grant-amount", "grant-gas":
		grant, gas, err := c.GrantAmounts(ctx)
		if err != nil {
			return nil, err
		}
		if p.Name == "grant-gas" {
			return gas, nil
		}
		return grant, nil
	}
	rp, err := c.RegistryParams(ctx)
	if err != nil {
		return nil, err
	}
	secs := func(d time.Duration) *big.Int { return big.NewInt(int64(d / time.Second)) }
	return map[string]*big.Int{
		"min-stake": rp.MinStake, "unbonding-delay": secs(rp.UnbondingDelay), "challenge-window": secs(rp.ChallengeWindow),
		"challenge-bond": rp.ChallengeBond, "challenge-slash": rp.ChallengeSlash,
	}[p.Name], nil
}

// ParamAction sets governance parameter name to value (base units,
// seconds or percent, by its kind). For setters that take several values
// (Registry.setParams, Grants.setAmounts) the others are read from the
// chain now and passed unchanged; another proposal executed in between
// would be undone for them, which the summary says.
func (c *Client) ParamAction(ctx context.Context, name string, value *big.Int) (Action, error) {
	p, err := GovernanceParamByName(name)
	if err != nil {
		return Action{}, err
	}
	if value == nil || value.Sign() < 0 {
		return Action{}, fmt.Errorf("chain: param action: %s needs a value of 0 or more", name)
	}
	fits := func(bits int) error {
		if value.BitLen() > bits {
			return fmt.Errorf("chain: param action: %s %s does not fit in %d bits", name, value, bits)
		}
		return nil
	}
	g := c.governor
	var (
		target = c.m.Governor
		data   []byte
		sum    = fmt.Sprintf("%s.%s: %s = %s", p.Contract, p.Setter, p.Name, value)
	)
	switch p.Name {
	case "voting-delay":
		if err = fits(48); err == nil {
			data, err = g.TryPackSetVotingDelay(value)
		}
	case "voting-period":
		if err = fits(32); err == nil {
			data, err = g.TryPackSetVotingPeriod(uint32(value.Uint64()))
		}
	case "proposal-threshold":
		data, err = g.TryPackSetProposalThreshold(value)
	case "quorum":
		if value.Sign() == 0 || value.Cmp(big.NewInt(100)) > 0 {
			return Action{}, fmt.Errorf("chain: param action: quorum must be 1 to 100 percent, not %s", value)
		}
		data, err = g.TryPackUpdateQuorumNumerator(value)
	case "timelock-delay":
		target = c.m.Timelock
		data, err = c.timelock.TryPackUpdateDelay(value)
	case "grant-relay-fee":
		target = c.m.Grants
		data, err = c.grants.TryPackSetRelayFee(value)
	case "grant-amount", "grant-gas":
		target = c.m.Grants
		grant, gas, rerr := c.GrantAmounts(ctx)
		if rerr != nil {
			return Action{}, rerr
		}
		if p.Name == "grant-gas" {
			gas = value
		} else {
			grant = value
		}
		data, err = c.grants.TryPackSetAmounts(grant, gas)
		sum = fmt.Sprintf("Grants.setAmounts(%s, %s): grant-amount %s, grant-gas %s (base units)", grant, gas, grant, gas)
	default:
		target = c.m.Registry
		rp, rerr := c.RegistryParams(ctx)
		if rerr != nil {
			return Action{}, rerr
		}
		unb, win := uint64(rp.UnbondingDelay/time.Second), uint64(rp.ChallengeWindow/time.Second)
		switch p.Name {
		case "min-stake":
			rp.MinStake = value
		case "unbonding-delay":
			err, unb = fits(64), value.Uint64()
		case "challenge-window":
			err, win = fits(64), value.Uint64()
		case "challenge-bond":
			rp.ChallengeBond = value
		case "challenge-slash":
			rp.ChallengeSlash = value
		}
		if err == nil {
			data, err = c.registry.TryPackSetParams(rp.MinStake, unb, win, rp.ChallengeBond, rp.ChallengeSlash)
		}
		sum = fmt.Sprintf("Registry.setParams(minStake %s, unbondingDelay %ds, challengeWindow %ds, challengeBond %s, challengeSlash %s)",
			rp.MinStake, unb, win, rp.ChallengeBond, rp.ChallengeSlash)
	}
	if err != nil {
		return Action{}, fmt.Errorf("chain: param action: %w", err)
	}
	return Action{Target: target, Value: new(big.Int), Calldata: data, Summary: sum}, nil
}
