package devnet

import (
	"context"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/chain/bindings"
)

func secs(d time.Duration) uint64 { return uint64(d / time.Second) }

// deploy deploys every contract from the artifacts embedded in the
// bindings, wires the governance roles, funds the grants pool, the treasury
// and the accounts.
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
	startBlock, err := c.BlockNumber(ctx)
	if err != nil {
		return fmt.Errorf("devnet: deploy: %w", err)
	}

	deploy := func(name string, md *bind.MetaData, args []byte, err error) (common.Address, error) {
		if err != nil {
			return common.Address{}, fmt.Errorf("devnet: deploy %s: %w", name, err)
		}
		addr, _, err := c.Deploy(ctx, common.FromHex(md.Bin), args)
		if err != nil {
			return common.Address{}, fmt.Errorf("devnet: deploy %s: %w", name, err)
		}
		return addr, nil
	}
	var m chain.Manifest
	m.ChainID = ChainID
	m.DeployBlock = startBlock + 1

	tok := bindings.NewToken()
	args, err := ctorArgs(tok.GetABI(), me, p.TokenSupply)
	if m.Token, err = deploy("Token", &bindings.TokenMetaData, args, err); err != nil {
		return err
	}
	tl := bindings.NewTimelock()
	args, err = ctorArgs(tl.GetABI(), big.NewInt(int64(secs(p.TimelockDelay))), []common.Address{}, []common.Address{{}}, me)
	if m.Timelock, err = deploy("Timelock", &bindings.TimelockMetaData, args, err); err != nil {
		return err
	}
	gov := bindings.NewMycroftGovernor()
	args, err = ctorArgs(gov.GetABI(), m.Token, m.Timelock, new(big.Int).SetUint64(secs(p.VotingDelay)), uint32(secs(p.VotingPeriod)), p.ProposalThreshold, big.NewInt(p.QuorumPercent))
	if m.Governor, err = deploy("MycroftGovernor", &bindings.MycroftGovernorMetaData, args, err); err != nil {
		return err
	}
	ch := bindings.NewChannels()
	args, err = ctorArgs(ch.GetABI(), m.Token, secs(p.ChannelMinCloseDelay))
	if m.Channels, err = deploy("Channels", &bindings.ChannelsMetaData, args, err); err != nil {
		return err
	}
	reg := bindings.NewRegistry()
	args, err = ctorArgs(reg.GetABI(), m.Token, m.Timelock, p.MinStake, secs(p.UnbondingDelay), secs(p.ChallengeWindow), p.ChallengeBond, p.ChallengeSlash)
	if m.Registry, err = deploy("Registry", &bindings.RegistryMetaData, args, err); err != nil {
		return err
	}
	gr := bindings.NewGrants()
	args, err = ctorArgs(gr.GetABI(), m.Token, m.Timelock, cfg.Registrar, p.GrantAmount, p.GasGrant)
	if m.Grants, err = deploy("Grants", &bindings.GrantsMetaData, args, err); err != nil {
		return err
	}

	// Governance: the Governor proposes and cancels; anyone executes; the
	// deployer gives up the admin role.
	role := func(name string, pack func() ([]byte, error), unpack func([]byte) ([32]byte, error)) ([32]byte, error) {
		data, err := pack()
		if err != nil {
			return [32]byte{}, err
		}
		out, err := c.Call(ctx, m.Timelock, data)
		if err != nil {
			return [32]byte{}, fmt.Errorf("devnet: %s: %w", name, err)
		}
		return unpack(out)
	}
	proposer, err := role("proposer role", tl.TryPackPROPOSERROLE, tl.UnpackPROPOSERROLE)
	if err != nil {
		return err
	}
	canceller, err := role("canceller role", tl.TryPackCANCELLERROLE, tl.UnpackCANCELLERROLE)
	if err != nil {
		return err
	}
	admin, err := role("admin role", tl.TryPackDEFAULTADMINROLE, tl.UnpackDEFAULTADMINROLE)
	if err != nil {
		return err
	}
	for _, step := range []struct {
		name string
		pack func() ([]byte, error)
	}{
		{"grant proposer", func() ([]byte, error) { return tl.TryPackGrantRole(proposer, m.Governor) }},
		{"grant canceller", func() ([]byte, error) { return tl.TryPackGrantRole(canceller, m.Governor) }},
		{"renounce admin", func() ([]byte, error) { return tl.TryPackRenounceRole(admin, me) }},
	} {
		data, err := step.pack()
		if err != nil {
			return fmt.Errorf("devnet: %s: %w", step.name, err)
		}
		if _, err := c.Transact(ctx, m.Timelock, data, nil); err != nil {
			return fmt.Errorf("devnet: %s: %w", step.name, err)
		}
	}
	if err := m.Validate(); err != nil {
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

// ctorArgs packs constructor arguments without the panicking
// PackConstructor of the bindings.
func ctorArgs(a abi.ABI, args ...any) ([]byte, error) {
	return a.Pack("", args...)
}
