package deploy

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"time"
)

// Params are the constructor parameters of the contracts.
type Params struct {
	TokenSupply          *big.Int      `json:"tokenSupply"`          // MYC base units minted to the deployer
	ChannelMinCloseDelay time.Duration `json:"channelMinCloseDelay"` // Channels
	MinStake             *big.Int      `json:"minStake"`             // Registry
	UnbondingDelay       time.Duration `json:"unbondingDelay"`
	ChallengeWindow      time.Duration `json:"challengeWindow"`
	ChallengeBond        *big.Int      `json:"challengeBond"`
	ChallengeSlash       *big.Int      `json:"challengeSlash"`
	VotingDelay          time.Duration `json:"votingDelay"` // MycroftGovernor
	VotingPeriod         time.Duration `json:"votingPeriod"`
	ProposalThreshold    *big.Int      `json:"proposalThreshold"`
	QuorumPercent        int64         `json:"quorumPercent"`
	TimelockDelay        time.Duration `json:"timelockDelay"` // Timelock
	GrantAmount          *big.Int      `json:"grantAmount"`   // Grants: MYC per sign-up
	GasGrant             *big.Int      `json:"gasGrant"`      // Grants: wei per sign-up
	GrantRelayFee        *big.Int      `json:"grantRelayFee"` // Grants: MYC out of a grant to the relayer of its claim
}

var unit = big.NewInt(1e18)

func units(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), unit) }

// DefaultParams are the parameters of a public deployment, as
// docs/contracts.md suggests them: a day before a vote opens, a week of
// voting, two days in the timelock, 0.1 % of the supply to propose, a
// 12-hour minimum close delay for channels (the wallet asks 24 h), a week
// of unbonding and 6 hours to answer a storage challenge.
func DefaultParams() Params {
	return Params{
		TokenSupply:          units(100_000_000),
		ChannelMinCloseDelay: 12 * time.Hour,
		MinStake:             units(100),
		UnbondingDelay:       7 * 24 * time.Hour,
		ChallengeWindow:      6 * time.Hour,
		ChallengeBond:        units(10),
		ChallengeSlash:       units(50),
		VotingDelay:          24 * time.Hour,
		VotingPeriod:         7 * 24 * time.Hour,
		ProposalThreshold:    units(100_000),
		QuorumPercent:        4,
		TimelockDelay:        48 * time.Hour,
		GrantAmount:          units(100),
		GasGrant:             new(big.Int).Div(unit, big.NewInt(1000)),
		GrantRelayFee:        units(1),
	}
}

// ErrParams is wrapped by every parameter error.
var ErrParams = errors.New("deploy: params")

// Validate checks that every amount is set and not negative and that the
// durations fit the contracts' types.
func (p Params) Validate() error {
	for name, v := range map[string]*big.Int{
		"tokenSupply": p.TokenSupply, "minStake": p.MinStake, "challengeBond": p.ChallengeBond,
		"challengeSlash": p.ChallengeSlash, "proposalThreshold": p.ProposalThreshold,
		"grantAmount": p.GrantAmount, "gasGrant": p.GasGrant, "grantRelayFee": p.GrantRelayFee,
	} {
		if v == nil || v.Sign() < 0 {
			return fmt.Errorf("%w: %s must be set and not negative", ErrParams, name)
		}
	}
	if p.TokenSupply.Sign() == 0 {
		return fmt.Errorf("%w: tokenSupply is 0", ErrParams)
	}
	for name, d := range map[string]time.Duration{
		"channelMinCloseDelay": p.ChannelMinCloseDelay, "unbondingDelay": p.UnbondingDelay,
		"challengeWindow": p.ChallengeWindow, "votingDelay": p.VotingDelay,
		"votingPeriod": p.VotingPeriod, "timelockDelay": p.TimelockDelay,
	} {
		if d < 0 {
			return fmt.Errorf("%w: %s is negative", ErrParams, name)
		}
	}
	if p.VotingPeriod < time.Second || p.VotingPeriod/time.Second > 1<<32-1 {
		return fmt.Errorf("%w: votingPeriod must be 1s to 2^32-1 s", ErrParams)
	}
	if p.QuorumPercent < 1 || p.QuorumPercent > 100 {
		return fmt.Errorf("%w: quorumPercent must be 1 to 100, got %d", ErrParams, p.QuorumPercent)
	}
	return nil
}

func secs(d time.Duration) uint64 { return uint64(d / time.Second) }

// ParseParams reads a parameters file: a JSON object whose keys are those
// of Params (tokenSupply, votingDelay, ...), each optional (the default
// stays), amounts as decimal strings of base units ("100000000000000000000"
// is 100 MYC), durations as Go durations ("36h", "90s"). Unknown keys and
// bad values are errors.
func ParseParams(data []byte) (Params, error) {
	p := DefaultParams()
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return p, fmt.Errorf("%w: %v", ErrParams, err)
	}
	amounts := map[string]**big.Int{
		"tokenSupply": &p.TokenSupply, "minStake": &p.MinStake, "challengeBond": &p.ChallengeBond,
		"challengeSlash": &p.ChallengeSlash, "proposalThreshold": &p.ProposalThreshold,
		"grantAmount": &p.GrantAmount, "gasGrant": &p.GasGrant, "grantRelayFee": &p.GrantRelayFee,
	}
	durations := map[string]*time.Duration{
		"channelMinCloseDelay": &p.ChannelMinCloseDelay, "unbondingDelay": &p.UnbondingDelay,
		"challengeWindow": &p.ChallengeWindow, "votingDelay": &p.VotingDelay,
		"votingPeriod": &p.VotingPeriod, "timelockDelay": &p.TimelockDelay,
	}
	for key, v := range raw {
		var s string
		if key == "quorumPercent" {
			if err := json.Unmarshal(v, &p.QuorumPercent); err != nil {
				return p, fmt.Errorf("%w: quorumPercent: want a number: %v", ErrParams, err)
			}
			continue
		}
		if err := json.Unmarshal(v, &s); err != nil {
			return p, fmt.Errorf("%w: %s: want a string", ErrParams, key)
		}
		switch {
		case amounts[key] != nil:
			n, ok := new(big.Int).SetString(s, 10)
			if !ok {
				return p, fmt.Errorf("%w: %s: %q is not a decimal amount in base units", ErrParams, key, s)
			}
			*amounts[key] = n
		case durations[key] != nil:
			d, err := time.ParseDuration(s)
			if err != nil {
				return p, fmt.Errorf("%w: %s: %v", ErrParams, key, err)
			}
			*durations[key] = d
		default:
			return p, fmt.Errorf("%w: unknown key %q", ErrParams, key)
		}
	}
	return p, p.Validate()
}
