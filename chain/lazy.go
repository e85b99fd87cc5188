package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"sync"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"
	"github.com/ethereum/go-ethereum/rpc"
)

// DialLazy returns a Client for the endpoint url that does not need the
// endpoint to be up: the connection is made, and its chain id checked
// against the manifest, on first use, and made again after it fails. A
// device that boots while its RPC endpoint is down keeps one Client and
// works once the endpoint comes back. Calls made while the endpoint serves
// another chain fail with ErrChainID. Use Ping to check the endpoint.
func DialLazy(url string, m Manifest, opts ...Option) (*Client, error) {
	if err := m.Validate(); err != nil {
		return nil, fmt.Errorf("chain: dial: %w", err)
	}
	lb := &lazyBackend{url: url, want: new(big.Int).SetUint64(m.ChainID)}
	c := newClient(lb, m, new(big.Int).SetUint64(m.ChainID), opts...)
	c.closer = lb
	return c, nil
}

// Ping checks that the endpoint answers and serves the manifest's chain,
// and returns its latest block number.
func (c *Client) Ping(ctx context.Context) (uint64, error) {
	id, err := c.backend.ChainID(ctx)
	if err != nil {
		return 0, fmt.Errorf("chain: ping: %w", err)
	}
	if id.Cmp(c.chainID) != 0 {
		return 0, fmt.Errorf("%w: endpoint serves %s, manifest says %s", ErrChainID, id, c.chainID)
	}
	n, err := c.backend.BlockNumber(ctx)
	if err != nil {
		return 0, fmt.Errorf("chain: ping: %w", err)
	}
	return n, nil
}

// lazyBackend dials on first use and again after a connection error.
type lazyBackend struct {
	url  string
	want *big.Int
	// opts are given to rpc.DialOptions (the pool's HTTP client).
	opts []rpc.ClientOption

	mu     sync.Mutex
	ec     *ethclient.Client
	closed bool
}

var errLazyClosed = errors.New("chain: client closed")

func (l *lazyBackend) get(ctx context.Context) (*ethclient.Client, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return nil, errLazyClosed
	}
	if l.ec != nil {
		return l.ec, nil
	}
	rc, err := rpc.DialOptions(ctx, l.url, l.opts...)
	if err != nil {
		return nil, fmt.Errorf("chain: dial: %w", err)
	}
	ec := ethclient.NewClient(rc)
	id, err := ec.ChainID(ctx)
	if err != nil {
		ec.Close()
		return nil, fmt.Errorf("chain: dial: chain id: %w", err)
	}
	if id.Cmp(l.want) != 0 {
		ec.Close()
		return nil, fmt.Errorf("%w: endpoint serves %s, manifest says %s", ErrChainID, id, l.want)
	}
	l.ec = ec
	return ec, nil
}

// done drops the connection after a transport error, so the next call
// dials again (and checks the chain id again).
func (l *lazyBackend) done(ec *ethclient.Client, err error) {
	if err == nil {
		return
	}
	var rpcErr rpc.Error
	var dataErr rpc.DataError
	if errors.As(err, &rpcErr) || errors.As(err, &dataErr) || errors.Is(err, ethereum.NotFound) || errors.Is(err, context.Canceled) {
		return // the endpoint answered
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.ec == ec {
		l.ec = nil
		ec.Close()
	}
}

func (l *lazyBackend) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.closed = true
	if l.ec != nil {
		l.ec.Close()
		l.ec = nil
	}
	return nil
}

func lazy1[T any](ctx context.Context, l *lazyBackend, f func(*ethclient.Client) (T, error)) (T, error) {
	ec, err := l.get(ctx)
	if err != nil {
		var zero T
		return zero, err
	}
	v, err := f(ec)
	l.done(ec, err)
	return v, err
}

func (l *lazyBackend) ChainID(ctx context.Context) (*big.Int, error) {
	return lazy1(ctx, l, func(ec *ethclient.Client) (*big.Int, error) { return ec.ChainID(ctx) })
}

func (l *lazyBackend) CallContract(ctx context.Context, msg ethereum.CallMsg, block *big.Int) ([]byte, error) {
	return lazy1(ctx, l, func(ec *ethclient.Client) ([]byte, error) { return ec.CallContract(ctx, msg, block) })
}

func (l *lazyBackend) EstimateGas(ctx context.Context, msg ethereum.CallMsg) (uint64, error) {
	return lazy1(ctx, l, func(ec *ethclient.Client) (uint64, error) { return ec.EstimateGas(ctx, msg) })
}

func (l *lazyBackend) SuggestGasTipCap(ctx context.Context) (*big.Int, error) {
	return lazy1(ctx, l, func(ec *ethclient.Client) (*big.Int, error) { return ec.SuggestGasTipCap(ctx) })
}

func (l *lazyBackend) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	_, err := lazy1(ctx, l, func(ec *ethclient.Client) (struct{}, error) { return struct{}{}, ec.SendTransaction(ctx, tx) })
	return err
}

func (l *lazyBackend) TransactionByHash(ctx context.Context, h common.Hash) (*types.Transaction, bool, error) {
	var pending bool
	tx, err := lazy1(ctx, l, func(ec *ethclient.Client) (*types.Transaction, error) {
		tx, p, err := ec.TransactionByHash(ctx, h)
		pending = p
		return tx, err
	})
	return tx, pending, err
}

func (l *lazyBackend) TransactionReceipt(ctx context.Context, h common.Hash) (*types.Receipt, error) {
	return lazy1(ctx, l, func(ec *ethclient.Client) (*types.Receipt, error) { return ec.TransactionReceipt(ctx, h) })
}

func (l *lazyBackend) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	return lazy1(ctx, l, func(ec *ethclient.Client) ([]types.Log, error) { return ec.FilterLogs(ctx, q) })
}

func (l *lazyBackend) SubscribeFilterLogs(ctx context.Context, q ethereum.FilterQuery, ch chan<- types.Log) (ethereum.Subscription, error) {
	return lazy1(ctx, l, func(ec *ethclient.Client) (ethereum.Subscription, error) { return ec.SubscribeFilterLogs(ctx, q, ch) })
}

func (l *lazyBackend) BlockNumber(ctx context.Context) (uint64, error) {
	return lazy1(ctx, l, func(ec *ethclient.Client) (uint64, error) { return ec.BlockNumber(ctx) })
}

func (l *lazyBackend) HeaderByNumber(ctx context.Context, n *big.Int) (*types.Header, error) {
	return lazy1(ctx, l, func(ec *ethclient.Client) (*types.Header, error) { return ec.HeaderByNumber(ctx, n) })
}

func (l *lazyBackend) PendingNonceAt(ctx context.Context, a common.Address) (uint64, error) {
	return lazy1(ctx, l, func(ec *ethclient.Client) (uint64, error) { return ec.PendingNonceAt(ctx, a) })
}

func (l *lazyBackend) NonceAt(ctx context.Context, a common.Address, block *big.Int) (uint64, error) {
	return lazy1(ctx, l, func(ec *ethclient.Client) (uint64, error) { return ec.NonceAt(ctx, a, block) })
}

func (l *lazyBackend) CodeAt(ctx context.Context, a common.Address, block *big.Int) ([]byte, error) {
	return lazy1(ctx, l, func(ec *ethclient.Client) ([]byte, error) { return ec.CodeAt(ctx, a, block) })
}

func (l *lazyBackend) BalanceAt(ctx context.Context, a common.Address, block *big.Int) (*big.Int, error) {
	return lazy1(ctx, l, func(ec *ethclient.Client) (*big.Int, error) { return ec.BalanceAt(ctx, a, block) })
}

func (l *lazyBackend) SubscribeTransactionReceipts(ctx context.Context, q *ethereum.TransactionReceiptsQuery, ch chan<- []*types.Receipt) (ethereum.Subscription, error) {
	return lazy1(ctx, l, func(ec *ethclient.Client) (ethereum.Subscription, error) {
		return ec.SubscribeTransactionReceipts(ctx, q, ch)
	})
}
