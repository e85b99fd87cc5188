package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
)

// ErrNoEndpoint: every endpoint failed or is backing off.
var ErrNoEndpoint = errors.New("chain: no endpoint answered")

// Backoff bounds of an endpoint that fails or rate-limits, and the longest
// a call waits for one to come back.
const (
	minBackoff = time.Second
	maxBackoff = 5 * time.Minute
	maxWait    = 30 * time.Second
)

// EndpointHealth is what a client knows of one of its endpoints.
type EndpointHealth struct {
	// URL without path, query or credentials (they often hold an API key).
	URL string `json:"url"`
	// Requests answered and failed (transport errors, HTTP errors, rate
	// limits; a contract revert is an answer).
	OK       uint64 `json:"ok"`
	Failures uint64 `json:"failures"`
	// RateLimited counts HTTP 429 answers.
	RateLimited uint64 `json:"rateLimited"`
	// BackoffUntil: the endpoint is not asked before then (zero: usable).
	BackoffUntil time.Time `json:"backoffUntil,omitzero"`
	LastError    string    `json:"lastError,omitempty"`
}

// RedactURL keeps scheme and host of an endpoint URL.
func RedactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		if strings.HasSuffix(raw, ".ipc") {
			return raw
		}
		return "[endpoint]"
	}
	if u.Path != "" && u.Path != "/" || u.RawQuery != "" || u.User != nil {
		return u.Scheme + "://" + u.Host + "/…"
	}
	return u.Scheme + "://" + u.Host
}

type endpoint struct {
	lb  *lazyBackend
	url string

	mu          sync.Mutex
	ok, failed  uint64
	limited     uint64
	consecutive int
	until       time.Time
	// last is the error of the last failure: a call that finds every
	// endpoint backing off reports why (a wrong chain stays ErrChainID).
	last error
}

// rateLimit records a 429 or 503 and its Retry-After.
func (e *endpoint) rateLimit(now time.Time, status int, retryAfter string) {
	d := time.Duration(0)
	if secs, err := strconv.Atoi(strings.TrimSpace(retryAfter)); err == nil && secs >= 0 {
		d = time.Duration(secs) * time.Second
	} else if t, err := http.ParseTime(retryAfter); err == nil {
		d = t.Sub(now)
	}
	d = min(max(d, minBackoff), maxBackoff)
	e.mu.Lock()
	defer e.mu.Unlock()
	if status == http.StatusTooManyRequests {
		e.limited++
	}
	if u := now.Add(d); u.After(e.until) {
		e.until = u
	}
}

func (e *endpoint) success() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.ok++
	e.consecutive = 0
}

// redactedError is an endpoint's error with its URL cut to scheme and
// host (Go's HTTP errors quote the whole URL, API key included).
type redactedError struct {
	msg string
	err error
}

func (e redactedError) Error() string { return e.msg }
func (e redactedError) Unwrap() error { return e.err }

func (e *endpoint) redact(err error) error {
	if err == nil || !strings.Contains(err.Error(), e.url) {
		return err
	}
	return redactedError{msg: strings.ReplaceAll(err.Error(), e.url, RedactURL(e.url)), err: err}
}

func (e *endpoint) failure(now time.Time, err error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.failed++
	e.consecutive++
	e.last = err
	d := minBackoff << min(e.consecutive-1, 8)
	if u := now.Add(min(d, maxBackoff)); u.After(e.until) {
		e.until = u
	}
}

func (e *endpoint) health() EndpointHealth {
	e.mu.Lock()
	defer e.mu.Unlock()
	h := EndpointHealth{URL: RedactURL(e.url), OK: e.ok, Failures: e.failed, RateLimited: e.limited}
	if e.last != nil {
		h.LastError = e.last.Error()
	}
	if time.Now().Before(e.until) {
		h.BackoffUntil = e.until
	}
	return h
}

// limitTransport tells its endpoint about 429 and 503 answers and their
// Retry-After before the RPC client turns them into errors.
type limitTransport struct {
	base http.RoundTripper
	ep   *endpoint
}

func (t limitTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.base.RoundTrip(req)
	if err == nil && (resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable) {
		t.ep.rateLimit(time.Now(), resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	return resp, err
}

// poolBackend sends each call to the first usable endpoint, in the order
// given, and to the next one when an endpoint fails to answer.
type poolBackend struct {
	eps []*endpoint
	// wait sleeps until t or ctx ends (tests need not replace it: a
	// backoff is seconds).
	wait func(ctx context.Context, t time.Time) error
}

// DialPool returns a Client over several JSON-RPC endpoints of one chain,
// each dialled on first use like DialLazy. A call goes to the first
// endpoint not backing off; when it fails to answer (connection error,
// HTTP error, HTTP 429 or a rate-limit error, another chain) the endpoint
// backs off (Retry-After when the answer has one, else exponentially from
// 1 s to 5 min) and the call goes to the next. Answers such as reverts and
// refused log ranges are returned as they are. When every endpoint backs
// off, a call waits for the first to come back if that is within 30 s, and
// fails with ErrNoEndpoint otherwise. Endpoints reports each endpoint's
// health.
func DialPool(urls []string, m Manifest, opts ...Option) (*Client, error) {
	if err := m.Validate(); err != nil {
		return nil, fmt.Errorf("chain: dial: %w", err)
	}
	if len(urls) == 0 {
		return nil, fmt.Errorf("chain: dial: no endpoint")
	}
	want := new(big.Int).SetUint64(m.ChainID)
	p := &poolBackend{wait: sleepUntil}
	for _, u := range urls {
		ep := &endpoint{url: u}
		hc := &http.Client{Transport: limitTransport{base: http.DefaultTransport, ep: ep}}
		ep.lb = &lazyBackend{url: u, want: want, opts: []rpc.ClientOption{rpc.WithHTTPClient(hc)}}
		p.eps = append(p.eps, ep)
	}
	c := newClient(p, m, want, opts...)
	c.closer = p
	return c, nil
}

// Endpoints reports the health of each endpoint of a DialPool client (nil
// for other clients).
func (c *Client) Endpoints() []EndpointHealth {
	p, ok := c.backend.(*poolBackend)
	if !ok {
		return nil
	}
	out := make([]EndpointHealth, len(p.eps))
	for i, ep := range p.eps {
		out[i] = ep.health()
	}
	return out
}

func sleepUntil(ctx context.Context, t time.Time) error {
	d := time.Until(t)
	if d <= 0 {
		return nil
	}
	tm := time.NewTimer(d)
	defer tm.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-tm.C:
		return nil
	}
}

func (p *poolBackend) Close() error {
	for _, ep := range p.eps {
		ep.lb.Close()
	}
	return nil
}

// endpointFault reports whether err means the endpoint did not serve the
// call (so another endpoint may), rather than an answer to it.
func endpointFault(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) || errors.Is(err, ethereum.NotFound) {
		return false
	}
	var he rpc.HTTPError
	if errors.As(err, &he) {
		return true
	}
	if errors.Is(err, ErrChainID) || errors.Is(err, errLazyClosed) {
		return true
	}
	var re rpc.Error
	var de rpc.DataError
	if errors.As(err, &re) || errors.As(err, &de) {
		return isRateLimit(err) // any other answer is the call's
	}
	return true // transport: refused, reset, EOF, bad JSON
}

// do runs f on the endpoints in order until one answers.
func pool1[T any](ctx context.Context, p *poolBackend, f func(*lazyBackend) (T, error)) (T, error) {
	var zero T
	var errs []error
	for round := 0; ; round++ {
		now := time.Now()
		earliest := time.Time{}
		tried := false
		var backing []error
		for _, ep := range p.eps {
			ep.mu.Lock()
			until, last := ep.until, ep.last
			ep.mu.Unlock()
			if now.Before(until) {
				if earliest.IsZero() || until.Before(earliest) {
					earliest = until
				}
				if last != nil {
					backing = append(backing, fmt.Errorf("%s: %w", RedactURL(ep.url), last))
				}
				continue
			}
			tried = true
			v, err := f(ep.lb)
			err = ep.redact(err)
			if !endpointFault(err) {
				ep.success()
				return v, err
			}
			ep.failure(time.Now(), err)
			errs = append(errs, fmt.Errorf("%s: %w", RedactURL(ep.url), err))
			if ctx.Err() != nil {
				return zero, ctx.Err()
			}
		}
		// Every endpoint failed once this round, or all back off: wait
		// for the first to come back, for at most a few rounds and never
		// long (a caller without a deadline would hang): past maxWait the
		// call fails and the caller tries again later.
		if round >= 3 || (!tried && earliest.IsZero()) || time.Until(earliest) > maxWait {
			if len(errs) == 0 {
				errs = append(errs, fmt.Errorf("every endpoint backs off until %s at least", earliest.Format(time.RFC3339)))
				errs = append(errs, backing...)
			}
			return zero, fmt.Errorf("%w: %w", ErrNoEndpoint, errors.Join(errs...))
		}
		if !earliest.IsZero() {
			if err := p.wait(ctx, earliest); err != nil {
				return zero, err
			}
		} else if err := p.wait(ctx, time.Now().Add(minBackoff)); err != nil {
			return zero, err
		}
	}
}

func (p *poolBackend) ChainID(ctx context.Context) (*big.Int, error) {
	return pool1(ctx, p, func(l *lazyBackend) (*big.Int, error) { return l.ChainID(ctx) })
}

func (p *poolBackend) CallContract(ctx context.Context, msg ethereum.CallMsg, block *big.Int) ([]byte, error) {
	return pool1(ctx, p, func(l *lazyBackend) ([]byte, error) { return l.CallContract(ctx, msg, block) })
}

func (p *poolBackend) EstimateGas(ctx context.Context, msg ethereum.CallMsg) (uint64, error) {
	return pool1(ctx, p, func(l *lazyBackend) (uint64, error) { return l.EstimateGas(ctx, msg) })
}

func (p *poolBackend) SuggestGasTipCap(ctx context.Context) (*big.Int, error) {
	return pool1(ctx, p, func(l *lazyBackend) (*big.Int, error) { return l.SuggestGasTipCap(ctx) })
}

// SendTransaction: once an endpoint may have taken the transaction before
// failing, an error from the next try ("already known", "nonce too low":
// it was mined meanwhile) means it was sent if the endpoint has it.
func (p *poolBackend) SendTransaction(ctx context.Context, tx *types.Transaction) error {
	attempts := 0
	_, err := pool1(ctx, p, func(l *lazyBackend) (struct{}, error) {
		attempts++
		err := l.SendTransaction(ctx, tx)
		if err != nil && attempts > 1 && !endpointFault(err) {
			if got, _, terr := l.TransactionByHash(ctx, tx.Hash()); terr == nil && got != nil {
				return struct{}{}, nil
			}
		}
		return struct{}{}, err
	})
	return err
}

func (p *poolBackend) TransactionByHash(ctx context.Context, h common.Hash) (*types.Transaction, bool, error) {
	var pending bool
	tx, err := pool1(ctx, p, func(l *lazyBackend) (*types.Transaction, error) {
		tx, pe, err := l.TransactionByHash(ctx, h)
		pending = pe
		return tx, err
	})
	return tx, pending, err
}

func (p *poolBackend) TransactionReceipt(ctx context.Context, h common.Hash) (*types.Receipt, error) {
	return pool1(ctx, p, func(l *lazyBackend) (*types.Receipt, error) { return l.TransactionReceipt(ctx, h) })
}

func (p *poolBackend) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	return pool1(ctx, p, func(l *lazyBackend) ([]types.Log, error) { return l.FilterLogs(ctx, q) })
}

func (p *poolBackend) SubscribeFilterLogs(ctx context.Context, q ethereum.FilterQuery, ch chan<- types.Log) (ethereum.Subscription, error) {
	return pool1(ctx, p, func(l *lazyBackend) (ethereum.Subscription, error) { return l.SubscribeFilterLogs(ctx, q, ch) })
}

func (p *poolBackend) BlockNumber(ctx context.Context) (uint64, error) {
	return pool1(ctx, p, func(l *lazyBackend) (uint64, error) { return l.BlockNumber(ctx) })
}

func (p *poolBackend) HeaderByNumber(ctx context.Context, n *big.Int) (*types.Header, error) {
	return pool1(ctx, p, func(l *lazyBackend) (*types.Header, error) { return l.HeaderByNumber(ctx, n) })
}

func (p *poolBackend) PendingNonceAt(ctx context.Context, a common.Address) (uint64, error) {
	return pool1(ctx, p, func(l *lazyBackend) (uint64, error) { return l.PendingNonceAt(ctx, a) })
}

func (p *poolBackend) NonceAt(ctx context.Context, a common.Address, block *big.Int) (uint64, error) {
	return pool1(ctx, p, func(l *lazyBackend) (uint64, error) { return l.NonceAt(ctx, a, block) })
}

func (p *poolBackend) CodeAt(ctx context.Context, a common.Address, block *big.Int) ([]byte, error) {
	return pool1(ctx, p, func(l *lazyBackend) ([]byte, error) { return l.CodeAt(ctx, a, block) })
}

func (p *poolBackend) BalanceAt(ctx context.Context, a common.Address, block *big.Int) (*big.Int, error) {
	return pool1(ctx, p, func(l *lazyBackend) (*big.Int, error) { return l.BalanceAt(ctx, a, block) })
}

func (p *poolBackend) SubscribeTransactionReceipts(ctx context.Context, q *ethereum.TransactionReceiptsQuery, ch chan<- []*types.Receipt) (ethereum.Subscription, error) {
	return pool1(ctx, p, func(l *lazyBackend) (ethereum.Subscription, error) {
		return l.SubscribeTransactionReceipts(ctx, q, ch)
	})
}
