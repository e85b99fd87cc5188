package devnet

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"math/big"
	"net"
	"strconv"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/eth"
	"github.com/ethereum/go-ethereum/eth/catalyst"
	"github.com/ethereum/go-ethereum/eth/ethconfig"
	"github.com/ethereum/go-ethereum/eth/filters"
	"github.com/ethereum/go-ethereum/node"
	"github.com/ethereum/go-ethereum/p2p"
	"github.com/ethereum/go-ethereum/params"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/mycroft-network/mycroft/chain"
)

// ChainID is the devnet's chain id (go-ethereum's developer chain).
const ChainID = 1337

// Ether and MYC are 10^18 base units.
var (
	Ether = big.NewInt(1e18)
	MYC   = big.NewInt(1e18)
)

// Units returns n * unit as a new big.Int.
func Units(n int64, unit *big.Int) *big.Int { return new(big.Int).Mul(big.NewInt(n), unit) }

// ErrClosed is returned by a closed devnet.
var ErrClosed = errors.New("devnet: closed")

// Params are the contract parameters the devnet deploys with. The defaults
// are short so tests and demos need not wait; AdvanceTime skips the rest.
type Params struct {
	TokenSupply          *big.Int      // default 100,000,000 MYC
	ChannelMinCloseDelay time.Duration // default 0
	MinStake             *big.Int      // default 100 MYC
	UnbondingDelay       time.Duration // default 1 hour
	ChallengeWindow      time.Duration // default 10 minutes
	ChallengeBond        *big.Int      // default 10 MYC
	ChallengeSlash       *big.Int      // default 50 MYC
	VotingDelay          time.Duration // default 1 second
	VotingPeriod         time.Duration // default 1 hour
	ProposalThreshold    *big.Int      // default 0
	QuorumPercent        int64         // default 4
	TimelockDelay        time.Duration // default 1 minute
	GrantAmount          *big.Int      // default 100 MYC
	GasGrant             *big.Int      // default 0.01 ether
	GrantRelayFee        *big.Int      // default 1 MYC, out of a relayed grant
	GrantsFundMYC        *big.Int      // default 1,000,000 MYC
	GrantsFundNative     *big.Int      // default 10 ether
}

func (p *Params) defaults() {
	set := func(v **big.Int, d *big.Int) {
		if *v == nil {
			*v = d
		}
	}
	set(&p.TokenSupply, Units(100_000_000, MYC))
	set(&p.MinStake, Units(100, MYC))
	set(&p.ChallengeBond, Units(10, MYC))
	set(&p.ChallengeSlash, Units(50, MYC))
	set(&p.ProposalThreshold, new(big.Int))
	set(&p.GrantAmount, Units(100, MYC))
	set(&p.GasGrant, new(big.Int).Div(Ether, big.NewInt(100)))
	set(&p.GrantRelayFee, Units(1, MYC))
	set(&p.GrantsFundMYC, Units(1_000_000, MYC))
	set(&p.GrantsFundNative, Units(10, Ether))
	if p.UnbondingDelay == 0 {
		p.UnbondingDelay = time.Hour
	}
	if p.ChallengeWindow == 0 {
		p.ChallengeWindow = 10 * time.Minute
	}
	if p.VotingDelay == 0 {
		p.VotingDelay = time.Second
	}
	if p.VotingPeriod == 0 {
		p.VotingPeriod = time.Hour
	}
	if p.QuorumPercent == 0 {
		p.QuorumPercent = 4
	}
	if p.TimelockDelay == 0 {
		p.TimelockDelay = time.Minute
	}
}

// Config configures a devnet.
type Config struct {
	// Host to listen on; default 127.0.0.1. Keep it on loopback.
	Host string
	// Port for HTTP and WebSocket JSON-RPC; 0 picks a free port.
	Port int
	// BlockPeriod: a block is also sealed this often when no transaction
	// arrives; default 1s, negative = only when transactions arrive.
	BlockPeriod time.Duration
	// Accounts to fund with FundNative and FundMYC.
	Accounts []common.Address
	// FundNative per account, default 100 ether; FundMYC per account,
	// default 10,000 MYC.
	FundNative *big.Int
	FundMYC    *big.Int
	// DeployerKey deploys the contracts and holds the undistributed MYC; by
	// default a fixed, public development key (so addresses are stable).
	DeployerKey *ecdsa.PrivateKey
	// Registrar signs sign-up grants; default the deployer.
	Registrar common.Address
	// ManifestPath, if set, is where the manifest is written (atomically).
	ManifestPath string
	// Params of the deployed contracts.
	Params Params
	// Logger; default discard.
	Logger *slog.Logger
}

// DevKey returns the fixed development deployer key. It is public: never
// use it on a real chain.
func DevKey() *ecdsa.PrivateKey {
	k, err := crypto.ToECDSA(crypto.Keccak256([]byte("mycroft devnet deployer")))
	if err != nil {
		panic("devnet: dev key: " + err.Error()) // constant input; cannot happen
	}
	return k
}

// Devnet is a running development chain.
type Devnet struct {
	// URL is the HTTP JSON-RPC endpoint, WSURL the WebSocket one.
	URL   string
	WSURL string
	// Manifest of the deployed contracts.
	Manifest chain.Manifest
	// Deployer signs as the deployer account (holds spare MYC and ether).
	Deployer *chain.KeySigner
	// Accounts are the funded accounts from the config.
	Accounts []common.Address
	// Params the contracts were deployed with.
	Params Params

	log     *slog.Logger
	stack   *node.Node
	eth     *eth.Ethereum
	beacon  *catalyst.SimulatedBeacon
	period  time.Duration
	adjust  chan adjustReq
	quit    chan struct{}
	done    chan struct{}
	deployC *chain.Client

	closeOnce sync.Once
	closeErr  error
}

type adjustReq struct {
	d   time.Duration
	err chan error
}

// Start boots the chain, deploys the contracts, funds the accounts and
// writes the manifest. Close it when done.
func Start(ctx context.Context, cfg Config) (*Devnet, error) {
	if cfg.Host == "" {
		cfg.Host = "127.0.0.1"
	}
	if cfg.BlockPeriod == 0 {
		cfg.BlockPeriod = time.Second
	}
	if cfg.FundNative == nil {
		cfg.FundNative = Units(100, Ether)
	}
	if cfg.FundMYC == nil {
		cfg.FundMYC = Units(10_000, MYC)
	}
	if cfg.DeployerKey == nil {
		cfg.DeployerKey = DevKey()
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	cfg.Params.defaults()
	deployer := chain.NewKeySigner(cfg.DeployerKey)
	if cfg.Registrar == (common.Address{}) {
		cfg.Registrar = deployer.Address()
	}

	d, err := startNode(cfg, deployer)
	if err != nil {
		return nil, err
	}
	if err := d.deploy(ctx, cfg); err != nil {
		d.Close()
		return nil, err
	}
	if cfg.ManifestPath != "" {
		if err := chain.WriteManifest(cfg.ManifestPath, d.Manifest); err != nil {
			d.Close()
			return nil, fmt.Errorf("devnet: %w", err)
		}
	}
	d.log.Info("devnet: started", "url", d.URL, "ws", d.WSURL, "token", d.Manifest.Token, "channels", d.Manifest.Channels)
	return d, nil
}

func startNode(cfg Config, deployer *chain.KeySigner) (*Devnet, error) {
	port := cfg.Port
	if port == 0 {
		p, err := freePort(cfg.Host)
		if err != nil {
			return nil, fmt.Errorf("devnet: free port: %w", err)
		}
		port = p
	}
	nodeConf := node.DefaultConfig
	nodeConf.Name = "mycroft-devnet"
	nodeConf.DataDir = ""
	nodeConf.P2P = p2p.Config{NoDiscovery: true, MaxPeers: 0}
	nodeConf.HTTPHost = cfg.Host
	nodeConf.HTTPPort = port
	nodeConf.HTTPModules = []string{"eth", "net", "web3"}
	nodeConf.HTTPVirtualHosts = []string{"localhost", cfg.Host}
	nodeConf.WSHost = cfg.Host
	nodeConf.WSPort = port
	nodeConf.WSModules = []string{"eth", "net", "web3"}
	nodeConf.WSOrigins = []string{"*"}
	nodeConf.AuthPort = 0
	nodeConf.Logger = nil

	alloc := core.SystemContractAllocs()
	maps.Copy(alloc, types.GenesisAlloc{
		deployer.Address(): {Balance: new(big.Int).Mul(big.NewInt(1_000_000_000), Ether)},
	})
	ethConf := ethconfig.Defaults
	ethConf.Genesis = &core.Genesis{
		Config:   params.AllDevChainProtocolChanges,
		GasLimit: ethconfig.Defaults.Miner.GasCeil,
		BaseFee:  big.NewInt(params.InitialBaseFee),
		Alloc:    alloc,
	}
	ethConf.SyncMode = ethconfig.FullSync
	ethConf.TxPool.NoLocals = true
	ethConf.LogNoHistory = true

	stack, err := node.New(&nodeConf)
	if err != nil {
		return nil, fmt.Errorf("devnet: node: %w", err)
	}
	backend, err := eth.New(stack, &ethConf)
	if err != nil {
		stack.Close()
		return nil, fmt.Errorf("devnet: eth: %w", err)
	}
	fs := filters.NewFilterSystem(backend.APIBackend, filters.Config{})
	stack.RegisterAPIs([]rpc.API{{Namespace: "eth", Service: filters.NewFilterAPI(fs)}})
	if err := stack.Start(); err != nil {
		stack.Close()
		return nil, fmt.Errorf("devnet: start node: %w", err)
	}
	beacon, err := catalyst.NewSimulatedBeacon(0, common.Address{}, backend)
	if err != nil {
		stack.Close()
		return nil, fmt.Errorf("devnet: beacon: %w", err)
	}
	d := &Devnet{
		URL:      stack.HTTPEndpoint(),
		WSURL:    stack.WSEndpoint(),
		Deployer: deployer,
		Accounts: append([]common.Address(nil), cfg.Accounts...),
		Params:   cfg.Params,
		log:      cfg.Logger,
		stack:    stack,
		eth:      backend,
		beacon:   beacon,
		period:   cfg.BlockPeriod,
		adjust:   make(chan adjustReq),
		quit:     make(chan struct{}),
		done:     make(chan struct{}),
	}
	go d.loop()
	return d, nil
}

func freePort(host string) (int, error) {
	l, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
	if err != nil {
		return 0, err
	}
	defer l.Close()
	_, p, err := net.SplitHostPort(l.Addr().String())
	if err != nil {
		return 0, err
	}
	return strconv.Atoi(p)
}

// pendingPoll is how often the sealer looks for pending transactions it was
// not told about.
const pendingPoll = 100 * time.Millisecond

// loop is the only goroutine that seals blocks.
func (d *Devnet) loop() {
	defer close(d.done)
	wake, stop := d.watchPool()
	defer stop()
	var tick <-chan time.Time
	if d.period > 0 {
		t := time.NewTicker(d.period)
		defer t.Stop()
		tick = t.C
	}
	// The pool's event can come before the transaction is executable (a
	// promotion without a later event); a short poll seals whatever is
	// pending so a sender never waits forever.
	poll := time.NewTicker(pendingPoll)
	defer poll.Stop()
	for {
		select {
		case <-d.quit:
			return
		case <-wake:
			d.sealPending(false)
		case <-poll.C:
			if pending, _ := d.eth.TxPool().Stats(); pending > 0 {
				d.sealPending(false)
			}
		case <-tick:
			d.sealPending(true)
		case req := <-d.adjust:
			d.sealPending(true)
			req.err <- d.beacon.AdjustTime(req.d)
		}
	}
}

// watchPool subscribes to the pool's new transactions and turns them into
// wake-ups on a channel of one: however many events arrive while a block is
// being sealed, the sealer wakes once more, and the pool is never kept
// waiting. It must not be: the pool hands out its event from inside its
// reorg, and sealing a block (beacon Commit, TxPool.Sync) waits for that
// reorg to finish, so a sealer that read the events itself deadlocked as soon
// as their buffer filled up during a seal (many concurrent senders). stop
// ends the subscription and waits for the reader.
func (d *Devnet) watchPool() (wake <-chan struct{}, stop func()) {
	txs := make(chan core.NewTxsEvent, 64)
	sub := d.eth.TxPool().SubscribeTransactions(txs, true)
	w := make(chan struct{}, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-txs:
				select {
				case w <- struct{}{}:
				default: // a wake-up is already due
				}
			case <-sub.Err(): //nolint:errcheck // closed once Unsubscribe has returned
				return
			}
		}
	}()
	return w, func() { sub.Unsubscribe(); <-done }
}

// sealPending seals blocks until no executable transaction is left; with
// force at least one block (the block period, AdvanceTime). A wake-up for
// transactions an earlier seal already took seals nothing: every block moves
// the chain clock at least a second, so empty ones would only push it further
// ahead of the wall clock.
func (d *Devnet) sealPending(force bool) {
	for i := range 16 {
		if !force || i > 0 {
			if err := d.eth.TxPool().Sync(); err != nil {
				return
			}
			if pending, _ := d.eth.TxPool().Stats(); pending == 0 {
				return
			}
		}
		d.beacon.Commit()
	}
}

// AdvanceTime seals a block dur later than the latest one, so time-locked
// steps (close delays, unbonding, voting periods, timelock) can proceed.
// Later blocks keep counting from there.
func (d *Devnet) AdvanceTime(ctx context.Context, dur time.Duration) error {
	if dur < time.Second {
		dur = time.Second
	}
	req := adjustReq{d: dur, err: make(chan error, 1)}
	select {
	case d.adjust <- req:
	case <-d.done:
		return ErrClosed
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case err := <-req.err:
		if err != nil {
			return fmt.Errorf("devnet: advance time: %w", err)
		}
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Client dials the devnet over HTTP as signer (nil for read-only) with a
// short poll interval.
func (d *Devnet) Client(ctx context.Context, signer chain.TxSigner) (*chain.Client, error) {
	opts := []chain.Option{chain.WithPollInterval(20 * time.Millisecond), chain.WithLogger(d.log)}
	if signer != nil {
		opts = append(opts, chain.WithSigner(signer))
	}
	c, err := chain.Dial(ctx, d.URL, d.Manifest, opts...)
	if err != nil {
		return nil, fmt.Errorf("devnet: client: %w", err)
	}
	return c, nil
}

// Fund sends native wei and MYC base units from the deployer to account.
func (d *Devnet) Fund(ctx context.Context, account common.Address, native, myc *big.Int) error {
	if native != nil && native.Sign() > 0 {
		if _, err := d.deployC.SendNative(ctx, account, native); err != nil {
			return fmt.Errorf("devnet: fund %s: %w", account, err)
		}
	}
	if myc != nil && myc.Sign() > 0 {
		if _, err := d.deployC.TransferToken(ctx, account, myc); err != nil {
			return fmt.Errorf("devnet: fund %s: %w", account, err)
		}
	}
	return nil
}

// Close stops the chain and the RPC servers.
func (d *Devnet) Close() error {
	d.closeOnce.Do(func() {
		close(d.quit)
		<-d.done
		if d.deployC != nil {
			d.deployC.Close()
		}
		d.closeErr = errors.Join(d.beacon.Stop(), d.stack.Close())
	})
	return d.closeErr
}
