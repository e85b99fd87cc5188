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

func TestParseParams(t *testing.T) {
	p, err := ParseParams([]byte(`{"votingDelay":"90s","votingPeriod":"2h","quorumPercent":10,"grantAmount":"5000000000000000000"}`))
	if err != nil {
		t.Fatal(err)
	}
	def := DefaultParams()
	if p.VotingDelay != 90*time.Second || p.VotingPeriod != 2*time.Hour || p.QuorumPercent != 10 ||
		p.GrantAmount.Cmp(big.NewInt(5e18)) != 0 || p.TimelockDelay != def.TimelockDelay || p.TokenSupply.Cmp(def.TokenSupply) != 0 {
		t.Errorf("ParseParams = %+v", p)
	}
	for _, doc := range []string{
		`[]`,
		`{"votingDelay":90}`,
		`{"votingDelay":"soon"}`,
		`{"grantAmount":"1e18"}`,
		`{"quorumPercent":"4"}`,
		`{"quorumPercent":0}`,
		`{"votingDelai":"1h"}`,
		`{"tokenSupply":"-1"}`,
	} {
		if _, err := ParseParams([]byte(doc)); !errors.Is(err, ErrParams) {
			t.Errorf("ParseParams(%s) = %v, want ErrParams", doc, err)
		}
	}
}
