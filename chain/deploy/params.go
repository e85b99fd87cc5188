package deploy

import (
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
		"grantAmount": p.GrantAmount, "gasGrant": p.GasGrant,
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
