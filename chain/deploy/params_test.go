package deploy

import (
	"errors"
	"math/big"
	"testing"
	"time"
)

func TestParamsValidate(t *testing.T) {
	if err := DefaultParams().Validate(); err != nil {
		t.Fatalf("DefaultParams().Validate() = %v", err)
	}
	for _, tc := range []struct {
		name string
		edit func(*Params)
	}{
		{"no supply", func(p *Params) { p.TokenSupply = nil }},
		{"zero supply", func(p *Params) { p.TokenSupply = new(big.Int) }},
		{"negative stake", func(p *Params) { p.MinStake = big.NewInt(-1) }},
		{"no gas grant", func(p *Params) { p.GasGrant = nil }},
		{"negative delay", func(p *Params) { p.TimelockDelay = -time.Second }},
		{"voting period under a second", func(p *Params) { p.VotingPeriod = time.Millisecond }},
		{"voting period past uint32", func(p *Params) { p.VotingPeriod = time.Duration(1<<32) * time.Second }},
		{"quorum 0", func(p *Params) { p.QuorumPercent = 0 }},
		{"quorum 101", func(p *Params) { p.QuorumPercent = 101 }},
	} {
		p := DefaultParams()
		tc.edit(&p)
		if err := p.Validate(); !errors.Is(err, ErrParams) {
			t.Errorf("%s: Validate() = %v, want ErrParams", tc.name, err)
		}
	}
}
