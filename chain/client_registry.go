package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/mycroft-network/mycroft/chain/bindings"
)

// NodeInfo is a node's record in the Registry.
type NodeInfo struct {
	Address      common.Address
	Endpoint     string
	Stake        *big.Int
	Unbonding    *big.Int
	UnbondableAt time.Time // zero if never unbonded
	Capacity     uint64    // storage capacity in bytes
	Registered   bool
	Prices       Prices
}

func nodeFromBinding(n bindings.RegistryNodeInfo) NodeInfo {
	info := NodeInfo{
		Address: n.Node, Endpoint: n.Endpoint, Stake: n.Stake, Unbonding: n.Unbonding,
		Capacity: n.Capacity, Registered: n.Registered, Prices: make(Prices, len(n.Services)),
	}
	if n.UnbondableAt != 0 {
		info.UnbondableAt = time.Unix(int64(n.UnbondableAt), 0)
	}
	for _, s := range n.Services {
		info.Prices[s.Name] = s.Price
	}
	return info
}

// servicesToBinding encodes prices as the Registry's Service[] in byte
// order of the names.
func servicesToBinding(p Prices) ([]bindings.RegistryService, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	out := make([]bindings.RegistryService, 0, len(p))
	for _, n := range p.Names() {
		out = append(out, bindings.RegistryService{Name: n, Price: new(big.Int).Set(p[n])})
	}
	return out, nil
}

func checkEndpoint(endpoint string) error {
	if len(endpoint) == 0 || len(endpoint) > MaxEndpointLength {
		return fmt.Errorf("%w: endpoint length %d", ErrBadService, len(endpoint))
	}
	return nil
}

// RegistryParams are the Registry's governance-set parameters.
type RegistryParams struct {
	MinStake        *big.Int
	UnbondingDelay  time.Duration
	ChallengeWindow time.Duration
	ChallengeBond   *big.Int
	ChallengeSlash  *big.Int
}

// RegistryParams reads the current parameters.
func (c *Client) RegistryParams(ctx context.Context) (RegistryParams, error) {
	var p RegistryParams
	var err error
	if p.MinStake, err = call(ctx, c, "min stake", c.m.Registry, c.registry.TryPackMinStake, c.registry.UnpackMinStake); err != nil {
		return p, err
	}
	d, err := call(ctx, c, "unbonding delay", c.m.Registry, c.registry.TryPackUnbondingDelay, c.registry.UnpackUnbondingDelay)
	if err != nil {
		return p, err
	}
	p.UnbondingDelay = time.Duration(d) * time.Second
	w, err := call(ctx, c, "challenge window", c.m.Registry, c.registry.TryPackChallengeWindow, c.registry.UnpackChallengeWindow)
	if err != nil {
		return p, err
	}
	p.ChallengeWindow = time.Duration(w) * time.Second
	if p.ChallengeBond, err = call(ctx, c, "challenge bond", c.m.Registry, c.registry.TryPackChallengeBond, c.registry.UnpackChallengeBond); err != nil {
		return p, err
	}
	if p.ChallengeSlash, err = call(ctx, c, "challenge slash", c.m.Registry, c.registry.TryPackChallengeSlash, c.registry.UnpackChallengeSlash); err != nil {
		return p, err
	}
	return p, nil
}

// Register approves (when needed) stake MYC and registers the signer with
// endpoint, prices and a storage capacity in bytes.
func (c *Client) Register(ctx context.Context, endpoint string, prices Prices, capacity uint64, stake *big.Int) (*types.Receipt, error) {
	svc, err := servicesToBinding(prices)
	if err != nil {
		return nil, fmt.Errorf("chain: register: %w", err)
	}
	if err := checkEndpoint(endpoint); err != nil {
		return nil, fmt.Errorf("chain: register: %w", err)
	}
	if stake.Sign() > 0 {
		if err := c.ensureAllowance(ctx, c.m.Registry, stake); err != nil {
			return nil, fmt.Errorf("chain: register: %w", err)
		}
	}
	return c.transact(ctx, "register", c.m.Registry, func() ([]byte, error) {
		return c.registry.TryPackRegister(endpoint, svc, capacity, stake)
	})
}

// UpdateNode replaces the signer's endpoint, prices and capacity.
func (c *Client) UpdateNode(ctx context.Context, endpoint string, prices Prices, capacity uint64) (*types.Receipt, error) {
	svc, err := servicesToBinding(prices)
	if err != nil {
		return nil, fmt.Errorf("chain: update node: %w", err)
	}
	if err := checkEndpoint(endpoint); err != nil {
		return nil, fmt.Errorf("chain: update node: %w", err)
	}
	return c.transact(ctx, "update node", c.m.Registry, func() ([]byte, error) {
		return c.registry.TryPackUpdate(endpoint, svc, capacity)
	})
}

// AddStake approves (when needed) and adds amount MYC to the signer's stake.
func (c *Client) AddStake(ctx context.Context, amount *big.Int) (*types.Receipt, error) {
	if err := c.ensureAllowance(ctx, c.m.Registry, amount); err != nil {
		return nil, fmt.Errorf("chain: add stake: %w", err)
	}
	return c.transact(ctx, "add stake", c.m.Registry, func() ([]byte, error) { return c.registry.TryPackAddStake(amount) })
}

// Unbond moves amount of the signer's stake to unbonding.
func (c *Client) Unbond(ctx context.Context, amount *big.Int) (*types.Receipt, error) {
	return c.transact(ctx, "unbond", c.m.Registry, func() ([]byte, error) { return c.registry.TryPackUnbond(amount) })
}

// WithdrawStake pays out the signer's unbonded stake after the delay.
func (c *Client) WithdrawStake(ctx context.Context) (*types.Receipt, error) {
	return c.transact(ctx, "withdraw stake", c.m.Registry, c.registry.TryPackWithdraw)
}

// Node reads one node's record.
func (c *Client) Node(ctx context.Context, node common.Address) (NodeInfo, error) {
	n, err := call(ctx, c, "node", c.m.Registry,
		func() ([]byte, error) { return c.registry.TryPackGetNode(node) }, c.registry.UnpackGetNode)
	if err != nil {
		return NodeInfo{}, err
	}
	return nodeFromBinding(n), nil
}

// ListNodes returns every registered node (read in pages of 50).
func (c *Client) ListNodes(ctx context.Context) ([]NodeInfo, error) {
	count, err := call(ctx, c, "node count", c.m.Registry, c.registry.TryPackNodeCount, c.registry.UnpackNodeCount)
	if err != nil {
		return nil, err
	}
	const page = 50
	var out []NodeInfo
	for start := int64(0); start < count.Int64(); start += page {
		ns, err := call(ctx, c, "list nodes", c.m.Registry, func() ([]byte, error) {
			return c.registry.TryPackListNodes(big.NewInt(start), big.NewInt(page))
		}, c.registry.UnpackListNodes)
		if err != nil {
			return nil, err
		}
		for _, n := range ns {
			out = append(out, nodeFromBinding(n))
		}
	}
	return out, nil
}

// SlashAction packs Registry.slash(node, amount, reason) as a governance action
// (target, calldata) for a proposal.
func (c *Client) SlashAction(node common.Address, amount *big.Int, reason string) (common.Address, []byte, error) {
	data, err := c.registry.TryPackSlash(node, amount, reason)
	if err != nil {
		return common.Address{}, nil, fmt.Errorf("chain: slash action: %w", err)
	}
	return c.m.Registry, data, nil
}

// ---- storage challenges ----

// StorageCommitment is a storage node's signed promise to keep the data
// with Merkle root Root (LeafCount chunks) for Owner until Expiry.
type StorageCommitment struct {
	Node      common.Address
	Owner     common.Address
	Root      common.Hash
	LeafCount uint64
	Expiry    time.Time
	Signature []byte
}

// StorageTypedData is the Storage typed data a node signs on this deployment.
func (c *Client) StorageTypedData(owner common.Address, root common.Hash, leafCount uint64, expiry time.Time) apitypes.TypedData {
	return StorageTypedData(c.chainID, c.m.Registry, owner, root, leafCount, uint64(expiry.Unix()))
}

// VerifyStorageCommitment checks the commitment's signature on this deployment.
func (c *Client) VerifyStorageCommitment(sc StorageCommitment) error {
	return VerifyTypedData(c.StorageTypedData(sc.Owner, sc.Root, sc.LeafCount, sc.Expiry), sc.Signature, sc.Node)
}

// ChallengeStatus is the state of a storage challenge.
type ChallengeStatus uint8

// Challenge states, as in Registry.ChallengeStatus.
const (
	ChallengeNone ChallengeStatus = iota
	ChallengeOpen
	ChallengeAnswered
	ChallengeSlashed
)

func (s ChallengeStatus) String() string {
	switch s {
	case ChallengeNone:
		return "none"
	case ChallengeOpen:
		return "open"
	case ChallengeAnswered:
		return "answered"
	case ChallengeSlashed:
		return "slashed"
	}
	return fmt.Sprintf("ChallengeStatus(%d)", uint8(s))
}

// ChallengeState is a storage challenge as stored in the Registry.
type ChallengeState struct {
	ID         *big.Int
	Challenger common.Address
	Node       common.Address
	Root       common.Hash
	LeafCount  uint64
	Index      uint64
	Deadline   time.Time
	Bond       *big.Int
	Status     ChallengeStatus
}

// Challenge challenges sc.Node to prove chunk index of sc's data. When the
// signer is not sc.Owner the challenge bond is approved and posted. It
// returns the challenge id.
func (c *Client) Challenge(ctx context.Context, sc StorageCommitment, index uint64) (*big.Int, *types.Receipt, error) {
	if c.signer == nil {
		return nil, nil, ErrNoSigner
	}
	if c.signer.Address() != sc.Owner {
		bond, err := call(ctx, c, "challenge bond", c.m.Registry, c.registry.TryPackChallengeBond, c.registry.UnpackChallengeBond)
		if err != nil {
			return nil, nil, err
		}
		if bond.Sign() > 0 {
			if err := c.ensureAllowance(ctx, c.m.Registry, bond); err != nil {
				return nil, nil, fmt.Errorf("chain: challenge: %w", err)
			}
		}
	}
	r, err := c.transact(ctx, "challenge", c.m.Registry, func() ([]byte, error) {
		return c.registry.TryPackChallenge(sc.Node, sc.Root, sc.LeafCount, index, sc.Owner, uint64(sc.Expiry.Unix()), sc.Signature)
	})
	if err != nil {
		return nil, r, err
	}
	for _, l := range r.Logs {
		if l.Address != c.m.Registry {
			continue
		}
		if ev, err := c.registry.UnpackChallengedEvent(l); err == nil {
			return ev.Id, r, nil
		}
	}
	return nil, r, fmt.Errorf("chain: challenge: no Challenged event in %s", r.TxHash)
}

// RespondChallenge answers challenge id with chunk and its Merkle proof.
func (c *Client) RespondChallenge(ctx context.Context, id *big.Int, chunk []byte, proof []common.Hash) (*types.Receipt, error) {
	p := make([][32]byte, len(proof))
	for i, h := range proof {
		p[i] = h
	}
	return c.transact(ctx, "respond", c.m.Registry, func() ([]byte, error) { return c.registry.TryPackRespond(id, chunk, p) })
}

// SlashUnanswered slashes the node of challenge id after its window passed.
func (c *Client) SlashUnanswered(ctx context.Context, id *big.Int) (*types.Receipt, error) {
	return c.transact(ctx, "slash unanswered", c.m.Registry, func() ([]byte, error) { return c.registry.TryPackSlashUnanswered(id) })
}

// ChallengeState reads challenge id.
func (c *Client) ChallengeState(ctx context.Context, id *big.Int) (ChallengeState, error) {
	o, err := call(ctx, c, "challenge", c.m.Registry,
		func() ([]byte, error) { return c.registry.TryPackChallenges(id) }, c.registry.UnpackChallenges)
	if err != nil {
		return ChallengeState{}, err
	}
	return ChallengeState{
		ID: id, Challenger: o.Challenger, Node: o.Node, Root: o.Root, LeafCount: o.LeafCount,
		Index: o.Index, Deadline: time.Unix(int64(o.Deadline), 0), Bond: o.Bond, Status: ChallengeStatus(o.Status),
	}, nil
}

// WatchChallenges polls for challenges against node from block from on and
// calls fn with each (a storage node answers them with RespondChallenge).
// It returns when ctx ends or fn fails.
func (c *Client) WatchChallenges(ctx context.Context, node common.Address, from uint64, fn func(ChallengeState) error) error {
	ev := c.registry.GetABI().Events["Challenged"]
	q := ethereum.FilterQuery{
		FromBlock: c.fromBlock(from),
		Addresses: []common.Address{c.m.Registry},
		Topics:    [][]common.Hash{{ev.ID}, nil, {common.BytesToHash(node[:])}},
	}
	return c.WatchLogs(ctx, q, func(l types.Log) error {
		if l.Removed {
			return nil // a challenge a reorg took back needs no answer
		}
		e, err := c.registry.UnpackChallengedEvent(&l)
		if err != nil {
			return fmt.Errorf("chain: watch challenges: %w", err)
		}
		st, err := c.ChallengeState(ctx, e.Id)
		if err != nil {
			if errors.Is(err, context.Canceled) {
				return err
			}
			return fmt.Errorf("chain: watch challenges: %w", err)
		}
		return fn(st)
	})
}
