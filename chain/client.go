package chain

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"

	"github.com/mycroft-network/mycroft/chain/bindings"
)

// Sentinel errors of the client.
var (
	// ErrChainID: the endpoint serves another chain than the manifest names.
	ErrChainID = errors.New("chain: chain id mismatch")
	// ErrNoSigner: a transaction was asked of a read-only client.
	ErrNoSigner = errors.New("chain: no signer")
	// ErrReverted: a call or transaction was rejected by a contract; the
	// error is a *RevertError naming the contract error.
	ErrReverted = errors.New("chain: reverted")
	// ErrTxFailed: a mined transaction has status 0.
	ErrTxFailed = errors.New("chain: transaction failed")
	// ErrTimeout: no receipt within the wait timeout.
	ErrTimeout = errors.New("chain: timed out waiting for the transaction")
)

// Backend is the part of a JSON-RPC client this package uses. Both
// *ethclient.Client and the go-ethereum simulated backend's client satisfy
// it.
type Backend interface {
	ethereum.ChainIDReader
	ethereum.ContractCaller
	ethereum.GasEstimator
	ethereum.GasPricer1559
	ethereum.TransactionSender
	ethereum.TransactionReader
	ethereum.LogFilterer
	ethereum.BlockNumberReader
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
	PendingNonceAt(ctx context.Context, account common.Address) (uint64, error)
	NonceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (uint64, error)
	CodeAt(ctx context.Context, account common.Address, blockNumber *big.Int) ([]byte, error)
	BalanceAt(ctx context.Context, account common.Address, blockNumber *big.Int) (*big.Int, error)
}

// RevertError is a contract revert decoded against the Mycroft ABIs.
type RevertError struct {
	// Name is "Contract.Error" (e.g. "Channels.BadSignature"),
	// "Error" for require(msg) reverts, or "" when unknown.
	Name string
	// Args are the decoded error arguments.
	Args []any
	// Data is the raw revert data.
	Data []byte
}

func (e *RevertError) Error() string {
	if e.Name == "" {
		return fmt.Sprintf("chain: reverted (data %s)", hexutil.Encode(e.Data))
	}
	if len(e.Args) == 0 {
		return "chain: reverted: " + e.Name
	}
	return fmt.Sprintf("chain: reverted: %s%v", e.Name, e.Args)
}

// Is makes errors.Is(err, ErrReverted) true.
func (e *RevertError) Is(target error) bool { return target == ErrReverted }

// Option configures a Client.
type Option func(*Client)

// WithSigner sets the account that signs and sends transactions.
func WithSigner(s TxSigner) Option { return func(c *Client) { c.signer = s } }

// WithLogger sets the logger (default: discard).
func WithLogger(l *slog.Logger) Option { return func(c *Client) { c.log = l } }

// WithPollInterval sets how often receipts and logs are polled (default 500ms).
func WithPollInterval(d time.Duration) Option { return func(c *Client) { c.poll = d } }

// WithWaitTimeout bounds WaitMined (default 2 minutes).
func WithWaitTimeout(d time.Duration) Option { return func(c *Client) { c.waitTimeout = d } }

// Client is a typed client of the Mycroft contracts over one JSON-RPC
// endpoint. Reads need no signer; writes use the signer given with
// WithSigner. A Client keeps the signer's next nonce under a mutex, so it is
// safe to send from many goroutines; use one Client per signing account.
type Client struct {
	backend       Backend
	closer        io.Closer
	m             Manifest
	chainID       *big.Int
	signer        TxSigner
	log           *slog.Logger
	poll          time.Duration
	waitTimeout   time.Duration
	fees          FeeStrategy
	logRange      uint64
	confirmations uint64

	mu         sync.Mutex // guards nonce, nonceKnown; held across sign+send
	nonce      uint64
	nonceKnown bool

	token    *bindings.Token
	channels *bindings.Channels
	registry *bindings.Registry
	governor *bindings.MycroftGovernor
	timelock *bindings.Timelock
	grants   *bindings.Grants
	abis     []namedABI
}

type namedABI struct {
	name string
	abi  abi.ABI
}

// Dial connects to the JSON-RPC endpoint url (http, https, ws, wss or an IPC
// path) and checks that it serves the manifest's chain.
func Dial(ctx context.Context, url string, m Manifest, opts ...Option) (*Client, error) {
	if err := m.Validate(); err != nil {
		return nil, fmt.Errorf("chain: dial: %w", err)
	}
	rc, err := rpc.DialContext(ctx, url)
	if err != nil {
		return nil, fmt.Errorf("chain: dial: %w", err)
	}
	ec := ethclient.NewClient(rc)
	c, err := NewClient(ctx, ec, m, opts...)
	if err != nil {
		ec.Close()
		return nil, err
	}
	c.closer = closerFunc(func() error { ec.Close(); return nil })
	return c, nil
}

type closerFunc func() error

func (f closerFunc) Close() error { return f() }

// NewClient wraps an existing backend (for instance the simulated backend's
// client) and checks its chain id against the manifest.
func NewClient(ctx context.Context, b Backend, m Manifest, opts ...Option) (*Client, error) {
	if err := m.Validate(); err != nil {
		return nil, fmt.Errorf("chain: new client: %w", err)
	}
	id, err := b.ChainID(ctx)
	if err != nil {
		return nil, fmt.Errorf("chain: new client: chain id: %w", err)
	}
	if !id.IsUint64() || id.Uint64() != m.ChainID {
		return nil, fmt.Errorf("%w: endpoint serves %s, manifest says %d", ErrChainID, id, m.ChainID)
	}
	return newClient(b, m, id, opts...), nil
}

// newClient builds a Client over b for chain id without asking b.
func newClient(b Backend, m Manifest, id *big.Int, opts ...Option) *Client {
	c := &Client{
		backend:     b,
		m:           m,
		chainID:     id,
		log:         slog.New(slog.DiscardHandler),
		poll:        500 * time.Millisecond,
		waitTimeout: 2 * time.Minute,
		logRange:    2000,
		token:       bindings.NewToken(),
		channels:    bindings.NewChannels(),
		registry:    bindings.NewRegistry(),
		governor:    bindings.NewMycroftGovernor(),
		timelock:    bindings.NewTimelock(),
		grants:      bindings.NewGrants(),
	}
	for _, o := range opts {
		o(c)
	}
	c.abis = []namedABI{
		{"Channels", c.channels.GetABI()},
		{"Registry", c.registry.GetABI()},
		{"Token", c.token.GetABI()},
		{"Governor", c.governor.GetABI()},
		{"Grants", c.grants.GetABI()},
		{"Timelock", c.timelock.GetABI()},
	}
	return c
}

// WithSigner returns a client sharing this one's connection that signs with
// s, with its own nonce state. Closing it does not close the connection.
func (c *Client) WithSigner(s TxSigner) *Client {
	n := &Client{
		backend: c.backend, m: c.m, chainID: c.chainID, signer: s, log: c.log,
		poll: c.poll, waitTimeout: c.waitTimeout,
		fees: c.fees, logRange: c.logRange, confirmations: c.confirmations,
		token: c.token, channels: c.channels, registry: c.registry,
		governor: c.governor, timelock: c.timelock, grants: c.grants, abis: c.abis,
	}
	return n
}

// Close closes the connection if Dial opened it.
func (c *Client) Close() error {
	if c.closer != nil {
		return c.closer.Close()
	}
	return nil
}

// Manifest is the deployment this client talks to.
func (c *Client) Manifest() Manifest { return c.m }

// ChainID is the chain's id.
func (c *Client) ChainID() *big.Int { return new(big.Int).Set(c.chainID) }

// Backend is the underlying JSON-RPC client.
func (c *Client) Backend() Backend { return c.backend }

// Address is the signer's account, or the zero address for a read-only client.
func (c *Client) Address() common.Address {
	if c.signer == nil {
		return common.Address{}
	}
	return c.signer.Address()
}

// ---- reverts ----

// DecodeRevert turns revert data into a *RevertError.
func (c *Client) DecodeRevert(data []byte) *RevertError { return c.decodeRevert(data, nil) }

// decodeRevert prefers the ABI of the called contract (errors of the same
// signature exist in several contracts).
func (c *Client) decodeRevert(data []byte, to *common.Address) *RevertError {
	re := &RevertError{Data: data}
	if len(data) < 4 {
		return re
	}
	if msg, err := abi.UnpackRevert(data); err == nil {
		re.Name, re.Args = "Error", []any{msg}
		return re
	}
	abis := c.abis
	if to != nil {
		if name := c.contractName(*to); name != "" {
			abis = make([]namedABI, 0, len(c.abis))
			for _, na := range c.abis {
				if na.name == name {
					abis = append([]namedABI{na}, abis...)
				} else {
					abis = append(abis, na)
				}
			}
		}
	}
	for _, na := range abis {
		for _, e := range na.abi.Errors {
			if string(e.ID[:4]) != string(data[:4]) {
				continue
			}
			args, err := e.Inputs.Unpack(data[4:])
			if err != nil {
				continue
			}
			re.Name, re.Args = na.name+"."+e.Name, args
			return re
		}
	}
	return re
}

func (c *Client) contractName(a common.Address) string {
	switch a {
	case c.m.Channels:
		return "Channels"
	case c.m.Registry:
		return "Registry"
	case c.m.Token:
		return "Token"
	case c.m.Governor:
		return "Governor"
	case c.m.Grants:
		return "Grants"
	case c.m.Timelock:
		return "Timelock"
	}
	return ""
}

func (c *Client) wrapRevert(err error, to *common.Address) error {
	var de rpc.DataError
	if errors.As(err, &de) {
		if s, ok := de.ErrorData().(string); ok {
			if data, derr := hexutil.Decode(s); derr == nil {
				return c.decodeRevert(data, to)
			}
		}
	}
	if strings.Contains(err.Error(), "execution reverted") {
		return fmt.Errorf("%w: %v", ErrReverted, err)
	}
	return err
}

// ---- reads ----

// Call runs a read-only call of data on contract to at the latest block.
func (c *Client) Call(ctx context.Context, to common.Address, data []byte) ([]byte, error) {
	msg := ethereum.CallMsg{To: &to, Data: data}
	if c.signer != nil {
		msg.From = c.signer.Address()
	}
	out, err := c.backend.CallContract(ctx, msg, nil)
	if err != nil {
		return nil, c.wrapRevert(err, &to)
	}
	return out, nil
}

func call[T any](ctx context.Context, c *Client, op string, to common.Address, pack func() ([]byte, error), unpack func([]byte) (T, error)) (T, error) {
	var zero T
	data, err := pack()
	if err != nil {
		return zero, fmt.Errorf("chain: %s: pack: %w", op, err)
	}
	out, err := c.Call(ctx, to, data)
	if err != nil {
		return zero, fmt.Errorf("chain: %s: %w", op, err)
	}
	v, err := unpack(out)
	if err != nil {
		return zero, fmt.Errorf("chain: %s: unpack: %w", op, err)
	}
	return v, nil
}

// BlockNumber is the latest block number.
func (c *Client) BlockNumber(ctx context.Context) (uint64, error) {
	n, err := c.backend.BlockNumber(ctx)
	if err != nil {
		return 0, fmt.Errorf("chain: block number: %w", err)
	}
	return n, nil
}

// Now is the latest block's timestamp (the contracts' clock).
func (c *Client) Now(ctx context.Context) (time.Time, error) {
	h, err := c.backend.HeaderByNumber(ctx, nil)
	if err != nil {
		return time.Time{}, fmt.Errorf("chain: latest header: %w", err)
	}
	return time.Unix(int64(h.Time), 0), nil
}

// Code is the runtime code at account (eth_getCode at the latest block).
func (c *Client) Code(ctx context.Context, account common.Address) ([]byte, error) {
	code, err := c.backend.CodeAt(ctx, account, nil)
	if err != nil {
		return nil, fmt.Errorf("chain: code: %w", err)
	}
	return code, nil
}

// Nonces returns account's nonce at the latest block and its pending nonce
// (the latest plus what the node holds in its pool).
func (c *Client) Nonces(ctx context.Context, account common.Address) (latest, pending uint64, err error) {
	if latest, err = c.backend.NonceAt(ctx, account, nil); err != nil {
		return 0, 0, fmt.Errorf("chain: nonce: %w", err)
	}
	if pending, err = c.backend.PendingNonceAt(ctx, account); err != nil {
		return 0, 0, fmt.Errorf("chain: pending nonce: %w", err)
	}
	return latest, pending, nil
}

// NativeBalance is account's balance of the native coin in wei.
func (c *Client) NativeBalance(ctx context.Context, account common.Address) (*big.Int, error) {
	b, err := c.backend.BalanceAt(ctx, account, nil)
	if err != nil {
		return nil, fmt.Errorf("chain: native balance: %w", err)
	}
	return b, nil
}

// ---- transactions ----

func isNonceError(err error) bool {
	s := strings.ToLower(err.Error())
	for _, m := range []string{"nonce too low", "nonce too high", "replacement transaction underpriced", "invalid nonce"} {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}

// Send signs and sends a transaction calling to with data and value (to ==
// nil creates a contract). Gas is estimated first, so a transaction that
// would revert is refused with a *RevertError and uses no nonce. Nonces
// come from one counter under a mutex and are resynced from the node after
// a nonce error (the send is then retried once).
func (c *Client) Send(ctx context.Context, to *common.Address, data []byte, value *big.Int) (*types.Transaction, error) {
	if c.signer == nil {
		return nil, ErrNoSigner
	}
	if value == nil {
		value = new(big.Int)
	}
	from := c.signer.Address()
	c.mu.Lock()
	defer c.mu.Unlock()
	gas, err := c.backend.EstimateGas(ctx, ethereum.CallMsg{From: from, To: to, Value: value, Data: data})
	if err != nil {
		return nil, fmt.Errorf("chain: estimate gas: %w", c.wrapRevert(err, to))
	}
	// A quarter more, and room for state the estimate did not see: a token
	// transfer estimated before its recipient delegated and mined after
	// writes a vote checkpoint too (~44k gas under Osaka). Unused gas is
	// not paid for; the limit only raises the balance the sender needs.
	gas += gas/4 + 60_000
	tip, feeCap, err := c.currentFees(ctx)
	if err != nil {
		return nil, err
	}
	for attempt := 0; ; attempt++ {
		if !c.nonceKnown {
			n, err := c.backend.PendingNonceAt(ctx, from)
			if err != nil {
				return nil, fmt.Errorf("chain: nonce: %w", err)
			}
			c.nonce, c.nonceKnown = n, true
		}
		tx := types.NewTx(&types.DynamicFeeTx{
			ChainID: c.chainID, Nonce: c.nonce, GasTipCap: tip, GasFeeCap: feeCap,
			Gas: gas, To: to, Value: value, Data: data,
		})
		signed, err := c.signer.SignTx(tx, c.chainID)
		if err != nil {
			return nil, fmt.Errorf("chain: sign: %w", err)
		}
		err = c.backend.SendTransaction(ctx, signed)
		// "already known", or a nonce error for a transaction the node
		// has: an earlier send of this very transaction reached it and
		// the answer was lost. It is sent; a resync would sign the next
		// nonce and send it twice.
		if err != nil && (strings.Contains(strings.ToLower(err.Error()), "already known") || isNonceError(err)) && c.known(ctx, signed.Hash()) {
			err = nil
		}
		if err == nil {
			c.nonce++
			c.log.Debug("chain: sent", "tx", signed.Hash(), "nonce", signed.Nonce(), "from", from)
			return signed, nil
		}
		c.nonceKnown = false
		if attempt == 0 && isNonceError(err) {
			c.log.Info("chain: nonce resync", "from", from, "err", err)
			continue
		}
		return nil, fmt.Errorf("chain: send: %w", c.wrapRevert(err, to))
	}
}

// FeeCap is the maxFeePerGas a transaction sent now would carry (the fee
// strategy over the latest base fee and the suggested tip): gas times it
// bounds what a transaction costs, an OP stack chain's L1 data fee aside.
func (c *Client) FeeCap(ctx context.Context) (*big.Int, error) {
	_, feeCap, err := c.currentFees(ctx)
	return feeCap, err
}

// currentFees are the tip and fee cap a transaction sent now carries: the
// fee strategy over the latest base fee and the suggested tip.
func (c *Client) currentFees(ctx context.Context) (tip, feeCap *big.Int, err error) {
	tip, err = c.backend.SuggestGasTipCap(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("chain: gas tip: %w", err)
	}
	head, err := c.backend.HeaderByNumber(ctx, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("chain: latest header: %w", err)
	}
	tip, feeCap = c.fees.fees(head.BaseFee, tip)
	return tip, feeCap, nil
}

// known reports whether the node has transaction h, pending or mined.
func (c *Client) known(ctx context.Context, h common.Hash) bool {
	tx, _, err := c.backend.TransactionByHash(ctx, h)
	return err == nil && tx != nil
}

// WaitMined polls for tx's receipt until it is mined and its block is the
// node's head or below (a node can serve a receipt just before it moves its
// head to the block, and a read of the state right after must see the
// transaction), ctx ends or the wait timeout passes. A receipt with status
// 0 gives ErrTxFailed.
func (c *Client) WaitMined(ctx context.Context, tx *types.Transaction) (*types.Receipt, error) {
	ctx, cancel := context.WithTimeout(ctx, c.waitTimeout)
	defer cancel()
	t := time.NewTicker(c.poll)
	defer t.Stop()
	for {
		r, err := c.backend.TransactionReceipt(ctx, tx.Hash())
		if err == nil && r != nil && r.BlockNumber != nil {
			var head *types.Header
			if head, err = c.backend.HeaderByNumber(ctx, nil); err == nil && head.Number.Cmp(r.BlockNumber) >= 0 {
				if r.Status != types.ReceiptStatusSuccessful {
					return r, fmt.Errorf("%w: %s", ErrTxFailed, tx.Hash())
				}
				return r, nil
			}
		}
		if err != nil && !errors.Is(err, ethereum.NotFound) && ctx.Err() == nil {
			c.log.Debug("chain: receipt", "tx", tx.Hash(), "err", err)
		}
		select {
		case <-ctx.Done():
			if errors.Is(ctx.Err(), context.DeadlineExceeded) {
				return nil, fmt.Errorf("%w: %s", ErrTimeout, tx.Hash())
			}
			return nil, ctx.Err()
		case <-t.C:
		}
	}
}

// Transact sends a transaction and waits until it is mined.
func (c *Client) Transact(ctx context.Context, to common.Address, data []byte, value *big.Int) (*types.Receipt, error) {
	tx, err := c.Send(ctx, &to, data, value)
	if err != nil {
		return nil, err
	}
	return c.WaitMined(ctx, tx)
}

func (c *Client) transact(ctx context.Context, op string, to common.Address, pack func() ([]byte, error)) (*types.Receipt, error) {
	data, err := pack()
	if err != nil {
		return nil, fmt.Errorf("chain: %s: pack: %w", op, err)
	}
	r, err := c.Transact(ctx, to, data, nil)
	if err != nil {
		return r, fmt.Errorf("chain: %s: %w", op, err)
	}
	return r, nil
}

// Deploy sends a contract creation (bytecode followed by the packed
// constructor arguments) and waits for it; it returns the new address.
func (c *Client) Deploy(ctx context.Context, bytecode, constructorArgs []byte) (common.Address, *types.Receipt, error) {
	data := append(append([]byte(nil), bytecode...), constructorArgs...)
	tx, err := c.Send(ctx, nil, data, nil)
	if err != nil {
		return common.Address{}, nil, fmt.Errorf("chain: deploy: %w", err)
	}
	r, err := c.WaitMined(ctx, tx)
	if err != nil {
		return common.Address{}, r, fmt.Errorf("chain: deploy: %w", err)
	}
	return r.ContractAddress, r, nil
}

// SendNative sends amount wei of the native coin to to and waits.
func (c *Client) SendNative(ctx context.Context, to common.Address, amount *big.Int) (*types.Receipt, error) {
	r, err := c.Transact(ctx, to, nil, amount)
	if err != nil {
		return r, fmt.Errorf("chain: send native: %w", err)
	}
	return r, nil
}
