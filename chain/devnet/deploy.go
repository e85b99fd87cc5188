package devnet

import (
	"context"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/chain/deploy"
)

// deploy deploys the contracts and sets up their roles (chain/deploy, as
// `mycroft chain deploy` does on a real chain), then funds the grants pool,
// the treasury and the accounts.
func (d *Devnet) deploy(ctx context.Context, cfg Config) error {
	p := cfg.Params
	c, err := chain.Dial(ctx, d.URL, chain.Manifest{
		// A placeholder manifest: Dial checks the chain id only.
		ChainID: ChainID, Token: common.Address{1}, Channels: common.Address{2}, Registry: common.Address{3},
		Governor: common.Address{4}, Timelock: common.Address{5}, Grants: common.Address{6},
	}, chain.WithSigner(d.Deployer), chain.WithPollInterval(10*time.Millisecond), chain.WithLogger(d.log))
	if err != nil {
		return fmt.Errorf("devnet: deploy: %w", err)
	}
	defer c.Close()
	me := d.Deployer.Address()
	m, err := deploy.Run(ctx, c, deploy.Config{
		Params: deploy.Params{
			TokenSupply: p.TokenSupply, ChannelMinCloseDelay: p.ChannelMinCloseDelay,
			MinStake: p.MinStake, UnbondingDelay: p.UnbondingDelay, ChallengeWindow: p.ChallengeWindow,
			ChallengeBond: p.ChallengeBond, ChallengeSlash: p.ChallengeSlash,
			VotingDelay: p.VotingDelay, VotingPeriod: p.VotingPeriod, ProposalThreshold: p.ProposalThreshold,
			QuorumPercent: p.QuorumPercent, TimelockDelay: p.TimelockDelay,
			GrantAmount: p.GrantAmount, GasGrant: p.GasGrant, GrantRelayFee: p.GrantRelayFee,
		},
		Registrar: cfg.Registrar,
		Logger:    d.log,
	})
	if err != nil {
		return fmt.Errorf("devnet: %w", err)
	}
	d.Manifest = m

	dc, err := d.Client(ctx, d.Deployer)
	if err != nil {
		return err
	}
	d.deployC = dc
	// Grants pool.
	if err := d.Fund(ctx, m.Grants, p.GrantsFundNative, p.GrantsFundMYC); err != nil {
		return err
	}
	for _, a := range cfg.Accounts {
		if err := d.Fund(ctx, a, cfg.FundNative, cfg.FundMYC); err != nil {
			return err
		}
	}
	// Half of what is left goes to the treasury; the deployer keeps the rest
	// for Fund.
	left, err := dc.TokenBalance(ctx, me)
	if err != nil {
		return fmt.Errorf("devnet: %w", err)
	}
	if err := d.Fund(ctx, m.Timelock, nil, new(big.Int).Div(left, big.NewInt(2))); err != nil {
		return err
	}
	return nil
}
