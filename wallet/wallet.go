package wallet

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
	"go.etcd.io/bbolt"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/keystore"
)

// Signer signs EIP-712 typed data with the owner's wallet key.
type Signer interface {
	Address() common.Address
	SignTypedData(td apitypes.TypedData) ([]byte, error)
}

// Sealer seals records with the owner's data keys (the unlocked keyring).
type Sealer interface {
	Seal(cat keystore.Category, recordID string, plaintext []byte) ([]byte, error)
	Open(cat keystore.Category, recordID string, sealed []byte) ([]byte, error)
}

// HistoryCategory is the data category payment history is sealed under.
const HistoryCategory = keystore.CategoryQueries

// Chain is what the wallet needs from the chain; *chain.Client
// satisfies it. FilterLogs finds the wallet's channels (Opened events)
// when it recovers from a lost database.
type Chain interface {
	Channel(ctx context.Context, id common.Hash) (chain.ChannelState, error)
	OpenChannelWithPermit(ctx context.Context, s chain.TypedSigner, payee common.Address, amount *big.Int, closeDelay time.Duration) (common.Hash, *types.Receipt, error)
	SignOpen(ctx context.Context, s chain.TypedSigner, o chain.OpenRequest) (chain.SignedOpen, error)
	TopUpChannel(ctx context.Context, id common.Hash, amount *big.Int) (*types.Receipt, error)
	StartCloseChannel(ctx context.Context, id common.Hash) (*types.Receipt, error)
	WithdrawChannel(ctx context.Context, id common.Hash) (*types.Receipt, error)
	TokenBalance(ctx context.Context, account common.Address) (*big.Int, error)
	NativeBalance(ctx context.Context, account common.Address) (*big.Int, error)
	FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error)
}

// Other errors.
var (
	ErrNoProvider = errors.New("wallet: no provider available")
	ErrNoChannel  = errors.New("wallet: no channel to that provider")
	ErrClosing    = errors.New("wallet: channel is closing")
)

// Config configures a Wallet.
type Config struct {
	DB       *bbolt.DB // the daemon's database; the wallet uses buckets "wallet/…"
	Signer   Signer
	Sealer   Sealer
	Chain    Chain
	Registry Registry
	// Manifest says which chain and contracts (chain id, Channels,
	// Registry, deploy block).
	Manifest chain.Manifest
	HTTP     *http.Client
	// Peers, when set, reaches nodes whose endpoint is a libp2p multiaddr
	// (the agent's p2p host); nil, such nodes are unreachable and calls
	// fail over to others.
	Peers PeerTransport
	// CallTimeout bounds one attempt at one provider (default 20 s).
	CallTimeout time.Duration
	// RegistryTTL is how long the Registry's node list is reused (default
	// 1 min).
	RegistryTTL time.Duration
	// Attempts is how many providers a call tries (default 3).
	Attempts int
	// FailWindow and FailLimit define an unhealthy provider (default 3
	// failures within 5 min).
	FailWindow time.Duration
	FailLimit  int
	Now        func() time.Time
	// Rand returns a uniform random value in [0, n) (default crypto/rand).
	Rand func(n *big.Int) *big.Int
	Log  *slog.Logger
}

// Wallet pays for calls. It is safe for concurrent use; calls to one
// provider are serialised (a channel's vouchers are strictly ordered).
type Wallet struct {
	cfg     Config
	chainID *big.Int
	st      *store
	health  *health
	log     *slog.Logger

	mu      sync.Mutex
	locks   map[common.Address]*sync.Mutex
	offers  map[common.Address]Offer
	peers   map[common.Address]peerClient
	hooks   *Hooks
	known   []chain.NodeInfo // the Registry's nodes, as last read
	knownAt time.Time
}

// Hooks lets tests abort a call between its steps, as a crash would.
type Hooks struct {
	// AfterPersist runs once the voucher is on disk, before it is sent.
	AfterPersist func() error
	// BeforeReceipt runs once a response arrived, before it is read.
	BeforeReceipt func() error
	// LoseReceipt, when it returns an error, drops the write of a
	// verified receipt (as if the process died before it reached the
	// disk) while the answer is still returned.
	LoseReceipt func() error
}

// SetHooks installs test hooks (nil clears them).
func (w *Wallet) SetHooks(h *Hooks) { w.mu.Lock(); w.hooks = h; w.mu.Unlock() }

// New opens the wallet's buckets and stores DefaultLimits on first use.
func New(cfg Config) (*Wallet, error) {
	if cfg.DB == nil || cfg.Signer == nil || cfg.Manifest.ChainID == 0 {
		return nil, errors.New("wallet: new: DB, Signer and Manifest are required")
	}
	if cfg.HTTP == nil {
		// Keep-alive connections are dropped by the wallet before a node
		// drops them (nodes close idle connections after 30 s by default):
		// a paid POST sent on a connection the node is closing would fail
		// and, not being idempotent, would not be retried by net/http.
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.IdleConnTimeout = 15 * time.Second
		cfg.HTTP = &http.Client{Transport: t}
	}
	if cfg.CallTimeout <= 0 {
		cfg.CallTimeout = 20 * time.Second
	}
	if cfg.RegistryTTL <= 0 {
		cfg.RegistryTTL = time.Minute
	}
	if cfg.Attempts <= 0 {
		cfg.Attempts = 3
	}
	if cfg.FailWindow <= 0 {
		cfg.FailWindow = 5 * time.Minute
	}
	if cfg.FailLimit <= 0 {
		cfg.FailLimit = 3
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Rand == nil {
		cfg.Rand = func(n *big.Int) *big.Int {
			v, err := rand.Int(rand.Reader, n)
			if err != nil {
				return new(big.Int)
			}
			return v
		}
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	st, err := newStore(cfg.DB)
	if err != nil {
		return nil, err
	}
	if _, found, err := st.limits(); err != nil {
		return nil, err
	} else if !found {
		if err := st.setLimits(DefaultLimits()); err != nil {
			return nil, fmt.Errorf("wallet: new: %w", err)
		}
	}
	return &Wallet{cfg: cfg, chainID: new(big.Int).SetUint64(cfg.Manifest.ChainID), st: st, health: newHealth(cfg.FailWindow, cfg.FailLimit), log: cfg.Log,
		locks: map[common.Address]*sync.Mutex{}, offers: map[common.Address]Offer{}, peers: map[common.Address]peerClient{}}, nil
}

// Address is the wallet's address.
func (w *Wallet) Address() common.Address { return w.cfg.Signer.Address() }

// Limits returns the owner's limits.
func (w *Wallet) Limits() (Limits, error) {
	l, _, err := w.st.limits()
	return l, err
}

// Flush waits until the receipts and history entries of the calls that
// already returned are on disk (they are written after the answer). The
// agent calls it before it closes the database.
func (w *Wallet) Flush() error {
	if err := w.st.gc.Flush(); err != nil {
		return fmt.Errorf("wallet: flush: %w", err)
	}
	return nil
}

// SetLimits validates and stores the owner's limits.
func (w *Wallet) SetLimits(l Limits) error {
	if err := l.Validate(); err != nil {
		return err
	}
	return w.st.setLimits(l)
}

func (w *Wallet) lock(a common.Address) func() {
	w.mu.Lock()
	m := w.locks[a]
	if m == nil {
		m = new(sync.Mutex)
		w.locks[a] = m
	}
	w.mu.Unlock()
	m.Lock()
	return m.Unlock
}

// Result is what a paid call returns: the provider's JSON answer and its
// receipt.
type Result struct {
	Provider common.Address
	Body     []byte
	Receipt  Receipt
	Price    *big.Int
}

// Call pays for one call of service with params and body (nil for none),
// choosing a provider from the Registry and failing over to the next on
// error or timeout. It refuses with a *LimitError rather than overspend.
func (w *Wallet) Call(ctx context.Context, service string, params url.Values, body io.Reader) (Result, error) {
	lim, err := w.Limits()
	if err != nil {
		return Result{}, err
	}
	if err := w.anyFunds(ctx, service); err != nil {
		return Result{}, err
	}
	nodes, err := w.nodes(ctx, service)
	if err != nil {
		return Result{}, err
	}
	now := w.cfg.Now()
	cands := Choose(nodes, service, lim.MaxPrice, func(a common.Address) bool { return w.health.healthy(a, now) }, w.cfg.Rand)
	if len(cands) == 0 {
		var cheapest *big.Int
		for _, n := range nodes {
			if p := n.Prices[service]; n.Registered && p != nil && (cheapest == nil || p.Cmp(cheapest) < 0) {
				cheapest = p
			}
		}
		switch {
		case cheapest == nil:
			return Result{}, &NoProviderError{Service: service}
		case lim.MaxPrice != nil && cheapest.Cmp(lim.MaxPrice) > 0:
			return Result{}, &LimitError{Err: ErrOverPrice, Service: service, Price: cheapest, Limit: lim.MaxPrice}
		default:
			// Some sell it within the limit, but none can be reached
			// (no address announced): not the owner's limit.
			return Result{}, &NoProviderError{Service: service, Unreachable: true}
		}
	}
	rb := newReplayBody(body)
	var tried []error
	for i, n := range cands {
		if i >= w.cfg.Attempts {
			break
		}
		res, err := w.CallProvider(ctx, n, service, params, rb.reader())
		if err == nil {
			w.health.ok(n.Address)
			return res, nil
		}
		var le *LimitError
		if errors.As(err, &le) && le.Err != ErrOverExposure {
			return Result{}, err // the owner's limit: no other provider helps
		}
		if ctx.Err() != nil {
			return Result{}, fmt.Errorf("wallet: %s: %w", service, ctx.Err())
		}
		w.health.fail(n.Address, w.cfg.Now())
		w.log.Warn("wallet: provider failed, trying the next", "service", service, "provider", n.Address, "err", err)
		tried = append(tried, fmt.Errorf("%s: %w", n.Address.Hex(), err))
	}
	return Result{}, &NoProviderError{Service: service, Tried: tried}
}

// nodes returns the Registry's nodes, read at most every RegistryTTL.
// When the chain is unreachable it falls back to the last list read, and
// without one to the providers the wallet has channels with (their prices
// are then checked against their signed offers only): existing channels
// keep working off chain.
func (w *Wallet) nodes(ctx context.Context, service string) ([]chain.NodeInfo, error) {
	now := w.cfg.Now()
	w.mu.Lock()
	known, at := w.known, w.knownAt
	w.mu.Unlock()
	if known != nil && now.Sub(at) < w.cfg.RegistryTTL {
		return known, nil
	}
	err := errors.New("no registry")
	if w.cfg.Registry != nil {
		var nodes []chain.NodeInfo
		if nodes, err = w.cfg.Registry.ListNodes(ctx); err == nil {
			w.mu.Lock()
			w.known, w.knownAt = nodes, now
			w.mu.Unlock()
			return nodes, nil
		}
	}
	if known != nil {
		w.log.Warn("wallet: registry unreachable, using the last node list", "err", err)
		return known, nil
	}
	chs, serr := w.st.channels()
	if serr != nil || len(chs) == 0 {
		return nil, fmt.Errorf("%w: registry: %v", ErrNoProvider, err)
	}
	w.log.Warn("wallet: registry unreachable, using the providers of open channels", "err", err)
	var out []chain.NodeInfo
	for _, c := range chs {
		if c.Withdrawn || c.ClosesAt != 0 {
			continue
		}
		w.mu.Lock()
		o, ok := w.offers[c.Provider]
		w.mu.Unlock()
		prices := chain.Prices{service: new(big.Int)} // the signed offer decides
		if ok {
			prices = o.Prices
		}
		out = append(out, chain.NodeInfo{Address: c.Provider, Endpoint: c.Endpoint, Stake: big.NewInt(1), Registered: true, Prices: prices})
	}
	return out, nil
}

// offer returns the provider's verified offer (cached until near expiry).
func (w *Wallet) offer(ctx context.Context, n chain.NodeInfo) (Offer, error) {
	w.mu.Lock()
	o, ok := w.offers[n.Address]
	w.mu.Unlock()
	if ok && w.cfg.Now().Add(30*time.Second).Before(o.Expiry) {
		return o, nil
	}
	hc, base, err := w.client(n.Address, n.Endpoint)
	if err != nil {
		return Offer{}, fmt.Errorf("wallet: offer: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/v1/offer", nil)
	if err != nil {
		return Offer{}, fmt.Errorf("wallet: offer: %w", err)
	}
	resp, err := hc.Do(req)
	if err != nil {
		return Offer{}, fmt.Errorf("wallet: offer: %w", err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxOffer+1))
	if err != nil {
		return Offer{}, fmt.Errorf("wallet: offer: %w", err)
	}
	if resp.StatusCode != http.StatusOK {
		return Offer{}, parseProviderError(resp.StatusCode, b)
	}
	o, err = ParseOffer(b, w.chainID, w.cfg.Manifest.Registry, w.cfg.Now())
	if err != nil {
		return Offer{}, err
	}
	if o.Provider != n.Address {
		return Offer{}, fmt.Errorf("%w: signed by %s, registry says %s", ErrBadOffer, o.Provider.Hex(), n.Address.Hex())
	}
	w.mu.Lock()
	w.offers[n.Address] = o
	w.mu.Unlock()
	return o, nil
}

// channelFor reads n's offer and returns its price for service, within
// the owner's limits, and the channel to n, opened or topped up as the
// limits allow. The caller holds n's lock. CallTimeout bounds the offer's
// exchange; chain transactions (opening, topping up) get the caller's
// context, as blocks take their time.
func (w *Wallet) channelFor(ctx context.Context, n chain.NodeInfo, service string, lim Limits) (*big.Int, *Channel, error) {
	offerCtx, cancel := context.WithTimeout(ctx, w.cfg.CallTimeout)
	o, err := w.offer(offerCtx, n)
	cancel()
	if err != nil {
		return nil, nil, err
	}
	price := o.Prices[service]
	if price == nil {
		return nil, nil, fmt.Errorf("%w: %s does not offer %s", ErrBadOffer, n.Address.Hex(), service)
	}
	if price.Cmp(lim.MaxPrice) > 0 {
		return nil, nil, &LimitError{Err: ErrOverPrice, Service: service, Price: price, Limit: lim.MaxPrice}
	}
	ch, err := w.ensureChannel(ctx, n, o, price, lim)
	if err != nil {
		return nil, nil, err
	}
	return price, ch, nil
}

// CallProvider pays one provider for one call (no failover).
func (w *Wallet) CallProvider(ctx context.Context, n chain.NodeInfo, service string, params url.Values, body io.Reader) (Result, error) {
	unlock := w.lock(n.Address)
	defer unlock()
	lim, err := w.Limits()
	if err != nil {
		return Result{}, err
	}
	price, ch, err := w.channelFor(ctx, n, service, lim)
	if err != nil {
		return Result{}, err
	}
	ctx, cancel := context.WithTimeout(ctx, w.cfg.CallTimeout)
	defer cancel()
	rb, ok := body.(*replayReader)
	if !ok {
		rb, _ = newReplayBody(body).reader().(*replayReader)
	}
	// A refusal that tells us what the provider holds is fixed by one retry.
	for attempt := 0; ; attempt++ {
		var b io.Reader
		if rb != nil {
			b = rb.again()
		}
		res, err := w.pay(ctx, n, ch, service, price, params, b, lim)
		var pe *ProviderError
		if attempt == 0 && errors.As(err, &pe) && pe.Held != nil &&
			(pe.Code == CodeStale || pe.Code == CodeReplayed || pe.Code == CodeWrongPrice) {
			if ch, err = w.storeBase(n.Address, pe.Held); err != nil {
				return Result{}, err
			}
			continue
		}
		return res, err
	}
}

// pay signs, persists and sends one voucher with the call, and checks the
// receipt.
func (w *Wallet) pay(ctx context.Context, n chain.NodeInfo, c *Channel, service string, price *big.Int, params url.Values, body io.Reader, lim Limits) (Result, error) {
	next := new(big.Int).Add(c.Base, price)
	if next.Cmp(c.Deposit) > 0 {
		return Result{}, &LimitError{Err: ErrOverExposure, Service: service, Price: price, Limit: lim.MaxExposure, Spent: c.Deposit}
	}
	sig, err := w.cfg.Signer.SignTypedData(chain.VoucherTypedData(w.chainID, w.cfg.Manifest.Channels, c.ID, next))
	if err != nil {
		return Result{}, fmt.Errorf("wallet: sign voucher: %w", err)
	}
	now := w.cfg.Now()
	// Persist before send: Signed only grows; only new exposure counts
	// against today's budget.
	err = w.st.update(n.Address, func(tx *bbolt.Tx, s *Channel) (*Channel, error) {
		if s == nil || s.ID != c.ID {
			return nil, ErrNoChannel
		}
		fresh := new(big.Int).Sub(next, s.Signed)
		if fresh.Sign() > 0 {
			spent := spentOn(tx, now)
			if new(big.Int).Add(spent, fresh).Cmp(lim.DailyBudget) > 0 {
				return nil, &LimitError{Err: ErrOverBudget, Service: service, Price: price, Limit: lim.DailyBudget, Spent: spent}
			}
			if err := addSpent(tx, now, fresh); err != nil {
				return nil, err
			}
			s.Signed, s.Signature = new(big.Int).Set(next), sig
		}
		s.Pending = true
		s.Sent = &SentCall{Service: service, Price: price.String(), Time: now}
		*c = *s
		return s, nil
	})
	if err != nil {
		return Result{}, err
	}
	w.mu.Lock()
	hooks := w.hooks
	w.mu.Unlock()
	if hooks != nil && hooks.AfterPersist != nil {
		if err := hooks.AfterPersist(); err != nil {
			return Result{}, err
		}
	}
	hash := NewRequestHash(service, params)
	var rd io.Reader = bytes.NewReader(nil)
	if body != nil {
		rd = io.TeeReader(body, hash)
	}
	hc, base, err := w.client(n.Address, n.Endpoint)
	if err != nil {
		return Result{}, fmt.Errorf("wallet: call %s: %w", service, err) // outcome unknown: stays pending
	}
	u := base + "/v1/call/" + url.PathEscape(service)
	if q := params.Encode(); q != "" {
		u += "?" + q
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, rd)
	if err != nil {
		return Result{}, fmt.Errorf("wallet: call: %w", err)
	}
	req.Header.Set(HeaderChannel, c.ID.Hex())
	req.Header.Set(HeaderCumulative, next.String())
	req.Header.Set(HeaderSignature, hexSig(sig))
	req.Header.Set("Content-Type", "application/octet-stream")
	resp, err := hc.Do(req)
	if err != nil {
		return Result{}, fmt.Errorf("wallet: call %s: %w", service, err) // outcome unknown: stays pending
	}
	defer resp.Body.Close()
	if hooks != nil && hooks.BeforeReceipt != nil {
		if err := hooks.BeforeReceipt(); err != nil {
			return Result{}, err
		}
	}
	rbody, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return Result{}, fmt.Errorf("wallet: call %s: read: %w", service, err)
	}
	if resp.StatusCode != http.StatusOK {
		pe := parseProviderError(resp.StatusCode, rbody)
		if pe.Held != nil && pe.Held.Cmp(c.Signed) <= 0 {
			// The provider did not keep this voucher: resume from what it holds.
			if _, err := w.storeBase(n.Address, pe.Held); err != nil {
				w.log.Warn("wallet: store base", "err", err)
			}
		}
		w.record(HistoryEntry{Time: now, Service: service, Provider: n.Address, Channel: c.ID,
			Price: price.String(), Cumulative: next.String(), Status: "refused", Error: pe.Code})
		return Result{}, pe
	}
	rc, err := ParseReceipt(resp.Header, c.ID)
	if err == nil {
		err = VerifyReceipt(rc, w.chainID, w.cfg.Manifest.Channels, n.Address)
	}
	if err == nil && rc.Cumulative.Cmp(next) != 0 {
		err = fmt.Errorf("%w: cumulative %s, sent %s", ErrBadReceipt, rc.Cumulative, next)
	}
	if err == nil && rc.Request != hash.Sum() {
		err = fmt.Errorf("%w: request hash differs", ErrBadReceipt)
	}
	if err != nil {
		// Paid but unproven: keep it pending (resync next time) and
		// count it against the provider.
		return Result{}, err
	}
	// The answer is proven: return it without waiting for the disk. The
	// receipt and the history entry follow in one group commit; reads
	// (the next call, the history) wait for it. If the process dies first,
	// the channel is still Pending and the next call resyncs it from the
	// provider, which also records this call in the history (Sent).
	if hooks == nil || hooks.LoseReceipt == nil || hooks.LoseReceipt() == nil {
		id := c.ID
		w.st.updateLater(n.Address, func(tx *bbolt.Tx, s *Channel) (*Channel, error) {
			if s == nil || s.ID != id {
				return nil, ErrNoChannel
			}
			s.Base = new(big.Int).Set(next)
			s.Pending = false
			s.Sent = nil
			s.LastReceipt = &rc
			return s, w.recordTx(tx, HistoryEntry{Time: now, Service: service, Provider: n.Address, Channel: id,
				Price: price.String(), Cumulative: next.String(), Request: rc.Request, Status: "paid"})
		}, func(err error) {
			if err != nil {
				w.log.Error("wallet: store receipt", "provider", n.Address, "cumulative", next, "err", err)
			}
		})
	}
	return Result{Provider: n.Address, Body: rbody, Receipt: rc, Price: price}, nil
}

// replayBody lets a streamed request body be sent again to the next
// provider: it records what it has read from the source.
type replayBody struct {
	src io.Reader
	buf bytes.Buffer
	eof bool
}

func newReplayBody(src io.Reader) *replayBody { return &replayBody{src: src} }

// reader returns a reader over the whole body from the start.
func (r *replayBody) reader() io.Reader {
	if r.src == nil {
		return nil
	}
	return &replayReader{rb: r}
}

type replayReader struct {
	rb  *replayBody
	off int
}

func (x *replayReader) again() io.Reader { return x.rb.reader() }

func (x *replayReader) Read(p []byte) (int, error) {
	rb := x.rb
	if x.off < rb.buf.Len() {
		n := copy(p, rb.buf.Bytes()[x.off:])
		x.off += n
		return n, nil
	}
	if rb.eof {
		return 0, io.EOF
	}
	n, err := rb.src.Read(p)
	rb.buf.Write(p[:n])
	x.off += n
	if err == io.EOF {
		rb.eof = true
	}
	return n, err
}
