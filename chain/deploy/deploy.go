package deploy

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/chain/artifacts"
	"github.com/mycroft-network/mycroft/chain/bindings"
)

// Errors of a deployment.
var (
	// ErrPending: a deploy transaction of an earlier run is still in the
	// node's pool; rerun once it is mined or dropped.
	ErrPending = errors.New("deploy: an earlier transaction is still pending")
	// ErrDraft: the draft belongs to another chain, deployer or parameters.
	ErrDraft = errors.New("deploy: draft does not match")
	// ErrFunds: the deployer cannot pay for what is left to do; nothing
	// was sent.
	ErrFunds = errors.New("deploy: deployer balance too low")
)

// Step is the progress of one contract: the deployer's nonce its creation
// was sent with, and its address once mined.
type Step struct {
	Nonce   uint64          `json:"nonce"`
	Address *common.Address `json:"address,omitempty"`
}

// Draft is a deployment's progress, saved before and after every
// transaction. A rerun with the same draft adopts what is on chain.
type Draft struct {
	ChainID     uint64           `json:"chainId"`
	Deployer    common.Address   `json:"deployer"`
	Registrar   common.Address   `json:"registrar"`
	Params      Params           `json:"params"`
	DeployBlock uint64           `json:"deployBlock"`
	Contracts   map[string]*Step `json:"contracts"`
	Done        bool             `json:"done"`
}

// Config configures a deployment.
type Config struct {
	Params Params
	// Registrar may sign sign-up grants; default the deployer.
	Registrar common.Address
	// Draft is the progress of an earlier run (nil: a fresh deployment).
	Draft *Draft
	// Save persists the draft; called before and after each transaction
	// (nil: progress is not kept).
	Save func(*Draft) error
	// Logger; default discard.
	Logger *slog.Logger
}

type run struct {
	ctx context.Context
	c   *chain.Client
	cfg Config
	d   *Draft
	me  common.Address
	log *slog.Logger
}

// Run deploys (or finishes deploying) the contracts with c's signer as the
// deployer, checks every contract's code against the artifacts, sets up the
// governance roles and returns the manifest.
func Run(ctx context.Context, c *chain.Client, cfg Config) (chain.Manifest, error) {
	me := c.Address()
	if me == (common.Address{}) {
		return chain.Manifest{}, fmt.Errorf("deploy: %w", chain.ErrNoSigner)
	}
	if err := cfg.Params.Validate(); err != nil {
		return chain.Manifest{}, err
	}
	if cfg.Registrar == (common.Address{}) {
		cfg.Registrar = me
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	r := &run{ctx: ctx, c: c, cfg: cfg, me: me, log: cfg.Logger}
	if err := r.draft(); err != nil {
		return chain.Manifest{}, err
	}
	if err := r.funds(); err != nil {
		return chain.Manifest{}, err
	}
	m, err := r.contracts()
	if err != nil {
		return chain.Manifest{}, err
	}
	if err := r.roles(m); err != nil {
		return chain.Manifest{}, err
	}
	if err := Verify(ctx, c, m); err != nil {
		return chain.Manifest{}, err
	}
	r.d.Done = true
	if err := r.save(); err != nil {
		return chain.Manifest{}, err
	}
	return m, nil
}

func (r *run) draft() error {
	id := r.c.ChainID().Uint64()
	if r.cfg.Draft == nil {
		head, err := r.c.BlockNumber(r.ctx)
		if err != nil {
			return fmt.Errorf("deploy: %w", err)
		}
		r.d = &Draft{
			ChainID: id, Deployer: r.me, Registrar: r.cfg.Registrar, Params: r.cfg.Params,
			DeployBlock: head + 1, Contracts: map[string]*Step{},
		}
		return r.save()
	}
	d := r.cfg.Draft
	if d.Contracts == nil {
		d.Contracts = map[string]*Step{}
	}
	a, _ := json.Marshal(d.Params)
	b, _ := json.Marshal(r.cfg.Params)
	switch {
	case d.ChainID != id:
		return fmt.Errorf("%w: draft is for chain %d, the endpoint serves %d", ErrDraft, d.ChainID, id)
	case d.Deployer != r.me:
		return fmt.Errorf("%w: draft's deployer is %s, the key is %s", ErrDraft, d.Deployer, r.me)
	case d.Registrar != r.cfg.Registrar:
		return fmt.Errorf("%w: draft's registrar is %s, asked %s", ErrDraft, d.Registrar, r.cfg.Registrar)
	case !bytes.Equal(a, b):
		return fmt.Errorf("%w: the parameters differ from the draft's", ErrDraft)
	}
	r.d = d
	return nil
}

func (r *run) save() error {
	if r.cfg.Save == nil {
		return nil
	}
	if err := r.cfg.Save(r.d); err != nil {
		return fmt.Errorf("deploy: save draft: %w", err)
	}
	return nil
}

func ctorArgs(a abi.ABI, args ...any) ([]byte, error) { return a.Pack("", args...) }

// contracts deploys each contract not yet on chain, in dependency order.
func (r *run) contracts() (chain.Manifest, error) {
	p := r.cfg.Params
	m := chain.Manifest{ChainID: r.d.ChainID, DeployBlock: r.d.DeployBlock}
	steps := []struct {
		name string
		md   *bind.MetaData
		dst  *common.Address
		args func() ([]byte, error)
	}{
		{"Token", &bindings.TokenMetaData, &m.Token, func() ([]byte, error) {
			return ctorArgs(bindings.NewToken().GetABI(), r.me, p.TokenSupply)
		}},
		{"Timelock", &bindings.TimelockMetaData, &m.Timelock, func() ([]byte, error) {
			// No proposer yet (the Governor gets the role below); anyone
			// may execute; the deployer is admin until the roles are set.
			return ctorArgs(bindings.NewTimelock().GetABI(), new(big.Int).SetUint64(secs(p.TimelockDelay)), []common.Address{}, []common.Address{{}}, r.me)
		}},
		{"MycroftGovernor", &bindings.MycroftGovernorMetaData, &m.Governor, func() ([]byte, error) {
			return ctorArgs(bindings.NewMycroftGovernor().GetABI(), m.Token, m.Timelock, new(big.Int).SetUint64(secs(p.VotingDelay)), uint32(secs(p.VotingPeriod)), p.ProposalThreshold, big.NewInt(p.QuorumPercent))
		}},
		{"Channels", &bindings.ChannelsMetaData, &m.Channels, func() ([]byte, error) {
			return ctorArgs(bindings.NewChannels().GetABI(), m.Token, secs(p.ChannelMinCloseDelay))
		}},
		{"Registry", &bindings.RegistryMetaData, &m.Registry, func() ([]byte, error) {
			return ctorArgs(bindings.NewRegistry().GetABI(), m.Token, m.Timelock, p.MinStake, secs(p.UnbondingDelay), secs(p.ChallengeWindow), p.ChallengeBond, p.ChallengeSlash)
		}},
		{"Grants", &bindings.GrantsMetaData, &m.Grants, func() ([]byte, error) {
			return ctorArgs(bindings.NewGrants().GetABI(), m.Token, m.Timelock, r.cfg.Registrar, p.GrantAmount, p.GasGrant, p.GrantRelayFee)
		}},
		{"Releases", &bindings.ReleasesMetaData, &m.Releases, func() ([]byte, error) {
			return ctorArgs(bindings.NewReleases().GetABI(), m.Timelock)
		}},
	}
	for _, s := range steps {
		args, err := s.args()
		if err != nil {
			return m, fmt.Errorf("deploy: %s: constructor arguments: %w", s.name, err)
		}
		addr, err := r.contract(s.name, common.FromHex(s.md.Bin), args)
		if err != nil {
			return m, err
		}
		*s.dst = addr
	}
	return m, nil
}

// contract returns the address of contract name, deploying it unless the
// draft shows it on chain. A creation sent by an earlier run is found at
// the address its nonce gives.
func (r *run) contract(name string, bin, args []byte) (common.Address, error) {
	if st := r.d.Contracts[name]; st != nil {
		if st.Address != nil {
			r.log.Info("deploy: already deployed", "contract", name, "address", *st.Address)
			return *st.Address, nil
		}
		addr := crypto.CreateAddress(r.me, st.Nonce)
		code, err := r.c.Code(r.ctx, addr)
		if err != nil {
			return common.Address{}, fmt.Errorf("deploy: %s: %w", name, err)
		}
		if len(code) > 0 {
			r.log.Info("deploy: found the earlier run's contract", "contract", name, "address", addr)
			st.Address = &addr
			return addr, r.save()
		}
		latest, pending, err := r.c.Nonces(r.ctx, r.me)
		if err != nil {
			return common.Address{}, fmt.Errorf("deploy: %s: %w", name, err)
		}
		if latest <= st.Nonce && pending > st.Nonce {
			return common.Address{}, fmt.Errorf("%w: %s with nonce %d", ErrPending, name, st.Nonce)
		}
		// Never sent, dropped, or mined without creating code: deploy again.
	}
	_, pending, err := r.c.Nonces(r.ctx, r.me)
	if err != nil {
		return common.Address{}, fmt.Errorf("deploy: %s: %w", name, err)
	}
	st := &Step{Nonce: pending}
	r.d.Contracts[name] = st
	if err := r.save(); err != nil {
		return common.Address{}, err
	}
	addr, rec, err := r.c.Deploy(r.ctx, bin, args)
	if err != nil {
		return common.Address{}, fmt.Errorf("deploy: %s: %w", name, err)
	}
	if rec != nil {
		r.log.Info("deploy: deployed", "contract", name, "address", addr, "gas", rec.GasUsed, "tx", rec.TxHash)
	}
	st.Address = &addr
	return addr, r.save()
}

// roles gives the Governor the Timelock's proposer and canceller roles and
// has the deployer renounce admin; each step is skipped when already done.
func (r *run) roles(m chain.Manifest) error {
	tl := bindings.NewTimelock()
	role := func(name string, pack func() ([]byte, error), unpack func([]byte) ([32]byte, error)) ([32]byte, error) {
		data, err := pack()
		if err != nil {
			return [32]byte{}, err
		}
		out, err := r.c.Call(r.ctx, m.Timelock, data)
		if err != nil {
			return [32]byte{}, fmt.Errorf("deploy: %s: %w", name, err)
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
	for _, s := range []struct {
		name    string
		role    [32]byte
		account common.Address
		want    bool
		pack    func() ([]byte, error)
	}{
		{"grant proposer", proposer, m.Governor, true, func() ([]byte, error) { return tl.TryPackGrantRole(proposer, m.Governor) }},
		{"grant canceller", canceller, m.Governor, true, func() ([]byte, error) { return tl.TryPackGrantRole(canceller, m.Governor) }},
		{"renounce admin", admin, r.me, false, func() ([]byte, error) { return tl.TryPackRenounceRole(admin, r.me) }},
	} {
		has, err := hasRole(r.ctx, r.c, m.Timelock, s.role, s.account)
		if err != nil {
			return fmt.Errorf("deploy: %s: %w", s.name, err)
		}
		if has == s.want {
			continue
		}
		data, err := s.pack()
		if err != nil {
			return fmt.Errorf("deploy: %s: %w", s.name, err)
		}
		if _, err := r.c.Transact(r.ctx, m.Timelock, data, nil); err != nil {
			return fmt.Errorf("deploy: %s: %w", s.name, err)
		}
		r.log.Info("deploy: role set", "step", s.name)
	}
	return nil
}

func hasRole(ctx context.Context, c *chain.Client, timelock common.Address, role [32]byte, account common.Address) (bool, error) {
	tl := bindings.NewTimelock()
	data, err := tl.TryPackHasRole(role, account)
	if err != nil {
		return false, err
	}
	out, err := c.Call(ctx, timelock, data)
	if err != nil {
		return false, err
	}
	return tl.UnpackHasRole(out)
}

// Gas bounds of the estimate: a creation pays 53,000 (transaction and
// creation), 16 per byte of init code and arguments, 200 per byte of
// runtime code stored, and its constructor's storage writes (bounded by
// ctorGas, with a margin: 15.6 M gas were used for 16.1 M estimated with
// 600,000); a role transaction takes less than roleGas. On Arbitrum gas
// also pays for L1 data, so the estimate may fall short there.
const (
	ctorGas = 1_000_000
	roleGas = 100_000
)

var bins = map[string]string{
	"Token": bindings.TokenMetaData.Bin, "Timelock": bindings.TimelockMetaData.Bin,
	"MycroftGovernor": bindings.MycroftGovernorMetaData.Bin, "Channels": bindings.ChannelsMetaData.Bin,
	"Registry": bindings.RegistryMetaData.Bin, "Grants": bindings.GrantsMetaData.Bin,
	"Releases": bindings.ReleasesMetaData.Bin,
}

// GasNeeded is an upper estimate of the gas the deployment still needs
// after what d records (nil: all of it): the contracts without an address
// and the three role transactions.
func GasNeeded(d *Draft) (uint64, error) {
	total := uint64(3 * roleGas)
	for _, name := range artifacts.Names {
		if d != nil && d.Contracts[name] != nil && d.Contracts[name].Address != nil {
			continue
		}
		rt, err := artifacts.Load(name)
		if err != nil {
			return 0, err
		}
		init := len(common.FromHex(bins[name])) + 32*8
		total += 53_000 + 16*uint64(init) + 200*uint64(len(rt.Code)) + ctorGas
	}
	return total, nil
}

// funds refuses to start what the deployer cannot finish paying for.
func (r *run) funds() error {
	gas, err := GasNeeded(r.d)
	if err != nil {
		return fmt.Errorf("deploy: %w", err)
	}
	feeCap, err := r.c.FeeCap(r.ctx)
	if err != nil {
		return fmt.Errorf("deploy: %w", err)
	}
	need := new(big.Int).Mul(new(big.Int).SetUint64(gas), feeCap)
	bal, err := r.c.NativeBalance(r.ctx, r.me)
	if err != nil {
		return fmt.Errorf("deploy: %w", err)
	}
	if bal.Cmp(need) < 0 {
		return fmt.Errorf("%w: %s has %s wei, what is left needs up to %s wei (%d gas at %s wei); on an OP stack chain add the L1 data fee", ErrFunds, r.me, bal, need, gas, feeCap)
	}
	r.log.Info("deploy: funds", "balance", bal, "needs_at_most", need, "gas", gas)
	return nil
}
