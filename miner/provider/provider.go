package provider

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"math/big"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
	"go.etcd.io/bbolt"

	"github.com/mycroft-network/mycroft/chain"
)

// Signer signs EIP-712 typed data with the provider's wallet key (the
// keystore implements it).
type Signer interface {
	Address() common.Address
	SignTypedData(td apitypes.TypedData) ([]byte, error)
}

// Chain is what the provider needs from the chain: the channels opened to
// it (Opened events from block from on: their ids and the block to scan
// from next), channel state and redeeming a voucher. *chain.Client
// satisfies it.
type Chain interface {
	ChannelsOpenedTo(ctx context.Context, payee common.Address, from uint64) ([]common.Hash, uint64, error)
	Channel(ctx context.Context, id common.Hash) (chain.ChannelState, error)
	RedeemChannel(ctx context.Context, id common.Hash, cumulative *big.Int, signature []byte) (*types.Receipt, error)
}

// Service answers one kind of paid call. params are the call's query
// parameters; body is the streamed request body (audio for stt, empty
// otherwise). It returns the JSON result. Errors wrapping ErrBadRequest are
// the caller's fault; any other error is a service failure. Either way the
// payer is not charged.
type Service interface {
	Call(ctx context.Context, params map[string][]string, body io.Reader) ([]byte, error)
}

// Config configures a Provider.
type Config struct {
	DB     *bbolt.DB // the daemon's database; the provider uses bucket "miner/provider"
	Signer Signer
	Chain  Chain
	// Manifest names the chain and the Channels (voucher and receipt
	// domain) and Registry (offer domain) contracts.
	Manifest chain.Manifest
	// RedeemFee is the expected fee of one redeem in MYC base units
	// (see GasFee); required for redeeming.
	RedeemFee func(ctx context.Context) (*big.Int, error)
	Endpoint  string // public base URL announced in the offer
	// EndpointFunc, when set, gives the endpoint at the time of each offer
	// instead of Endpoint (the agent's libp2p endpoint exists once its
	// host starts, which may be after the provider is made).
	EndpointFunc func() string
	Prices       chain.Prices // service → price per call, MYC base units
	Services     map[string]Service
	// Fees are listed with the prices in the signed offer but are not
	// calls: what the provider asks in a transaction it relays (the
	// "relay-open" fee of a channel it opens for a payer with no gas).
	Fees chain.Prices
	// OfferTTL is how long a signed offer is valid (default 10 min).
	OfferTTL time.Duration
	// MinCloseDelay is the shortest close delay accepted on a channel
	// (default 1 h): the time the provider has to redeem after a close.
	MinCloseDelay time.Duration
	// CloseMargin: redeem regardless of fee once a closing channel is
	// this close to its deadline (default MinCloseDelay/2).
	CloseMargin time.Duration
	// MaxStaleness bounds how old cached channel state may be (default 30 s).
	MaxStaleness time.Duration
	// OutageGrace: while the chain cannot be read, vouchers on a channel
	// read within this long are still accepted on that state, so open
	// channels keep working through an RPC outage (default CloseMargin/2).
	// A payer who starts closing meanwhile cannot take the work unpaid:
	// the close delay (at least MinCloseDelay) outlasts the grace, and the
	// redeemer sees the close once the chain is back.
	OutageGrace time.Duration
	// FeePercent is the largest redeem fee, in percent of the amount
	// redeemed, that the redeemer accepts outside a close (default 2).
	FeePercent int64
	// RateLimit and Burst of the per-payer token bucket (default 5/s, 10).
	RateLimit float64
	Burst     int
	// MaxBody caps a request body (default 4 MiB, ~2 min of 16 kHz audio).
	MaxBody int64
	// MaxBuffered caps the bytes of paid bodies held in memory at once,
	// over all calls (default 64 MiB). A body is read whole, after its
	// voucher is verified and before its channel is locked, so a slow
	// sender never holds a channel; a call that would pass the cap is
	// refused as unavailable.
	MaxBuffered int64
	// ScanInterval is how often Run scans the chain for channels opened
	// to the provider (default 10 s); an id no scan found is refused
	// without a chain read for as long.
	ScanInterval time.Duration
	// ScanGap is the least time between two scans started by calls naming
	// an id not known yet (default 500 ms): a payer that has just opened
	// its channel waits at most that long, and a flood of made-up ids
	// costs at most one scan per gap.
	ScanGap time.Duration
	Now     func() time.Time
	Log     *slog.Logger
}

// Provider serves paid calls. Create it with New; serve Handler; run
// Run for redemption.
type Provider struct {
	cfg     Config
	chainID *big.Int
	st      *store
	lim     *limiter
	log     *slog.Logger
	cache   sync.Map // common.Hash → cachedChannel
	locks   sync.Map // common.Hash → *sync.Mutex
	set     *chanSet
	flights map[common.Hash]*flight // channel reads in flight, under mu

	buffered  atomic.Int64  // bytes of paid bodies held now
	sigChecks atomic.Uint64 // voucher signatures verified
	chainRead atomic.Uint64 // channel states read from the chain

	mu            sync.Mutex
	offer         []byte
	offerExp      time.Time
	offerEndpoint string // the endpoint offer names
	stats         Stats
	lastError     string
	hooks         *Hooks
}

type cachedChannel struct {
	st chain.ChannelState
	at time.Time
}

// Stats counts what the provider did since start.
type Stats struct {
	Served   uint64 `json:"served"`
	Refused  uint64 `json:"refused"`
	Failed   uint64 `json:"failed"`
	Redeems  uint64 `json:"redeems"`
	Reverted uint64 `json:"reverted"`
}

// New checks cfg, opens the provider's bucket and reverts any call a
// crash left pending (the payer was not answered, so it is not charged).
func New(cfg Config) (*Provider, error) {
	if cfg.DB == nil || cfg.Signer == nil || cfg.Chain == nil || cfg.Manifest.ChainID == 0 {
		return nil, errors.New("provider: new: DB, Signer, Chain and Manifest are required")
	}
	if err := cfg.Prices.Validate(); err != nil {
		return nil, fmt.Errorf("provider: new: %w", err)
	}
	for name, fee := range cfg.Fees {
		if cfg.Prices[name] != nil || fee == nil || fee.Sign() < 0 {
			return nil, fmt.Errorf("provider: new: fee %q is a price too, or negative", name)
		}
	}
	for name, price := range cfg.Prices {
		if cfg.Services[name] == nil {
			return nil, fmt.Errorf("provider: new: price for %q but no service", name)
		}
		if price.Sign() <= 0 {
			return nil, fmt.Errorf("provider: new: price of %q must be positive", name)
		}
	}
	if cfg.OfferTTL <= 0 {
		cfg.OfferTTL = 10 * time.Minute
	}
	if cfg.MinCloseDelay <= 0 {
		cfg.MinCloseDelay = time.Hour
	}
	if cfg.CloseMargin <= 0 {
		cfg.CloseMargin = cfg.MinCloseDelay / 2
	}
	if cfg.MaxStaleness <= 0 {
		cfg.MaxStaleness = 30 * time.Second
	}
	if cfg.OutageGrace <= 0 {
		cfg.OutageGrace = cfg.CloseMargin / 2
	}
	if cfg.FeePercent <= 0 {
		cfg.FeePercent = 2
	}
	if cfg.RateLimit == 0 {
		cfg.RateLimit, cfg.Burst = 5, 10
	}
	if cfg.Burst <= 0 {
		cfg.Burst = 1
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 4 << 20
	}
	if cfg.MaxBuffered <= 0 {
		cfg.MaxBuffered = 64 << 20
	}
	if cfg.MaxBuffered < cfg.MaxBody {
		cfg.MaxBuffered = cfg.MaxBody
	}
	if cfg.ScanInterval <= 0 {
		cfg.ScanInterval = 10 * time.Second
	}
	if cfg.ScanGap <= 0 {
		cfg.ScanGap = 500 * time.Millisecond
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	st, err := newStore(cfg.DB)
	if err != nil {
		return nil, err
	}
	p := &Provider{cfg: cfg, chainID: new(big.Int).SetUint64(cfg.Manifest.ChainID), st: st, flights: map[common.Hash]*flight{}, lim: newLimiter(cfg.RateLimit, cfg.Burst, cfg.Now), log: cfg.Log}
	payee := cfg.Signer.Address()
	p.set = newChanSet(func(ctx context.Context, from uint64) ([]common.Hash, uint64, error) {
		return cfg.Chain.ChannelsOpenedTo(ctx, payee, from)
	}, cfg.ScanGap, cfg.ScanInterval, cfg.Now)
	n, err := st.recoverPending()
	if err != nil {
		return nil, fmt.Errorf("provider: recover: %w", err)
	}
	recs, err := st.all()
	if err != nil {
		return nil, fmt.Errorf("provider: new: %w", err)
	}
	for _, r := range recs { // a channel with a record was opened to us
		p.set.add(r.Channel)
	}
	opened, next, err := st.opened()
	if err != nil {
		return nil, err
	}
	p.set.add(opened...)
	p.set.next, p.set.saved = next, next
	p.set.save = func(ids []common.Hash, next uint64) error {
		err := st.saveOpened(ids, next)
		if err != nil {
			p.log.Warn("provider: store channel set", "err", err)
		}
		return err
	}
	if n > 0 {
		p.log.Warn("provider: reverted calls left pending by a crash", "count", n)
		p.stats.Reverted += uint64(n)
	}
	return p, nil
}

// Handler returns the HTTP handler of the wire protocol.
func (p *Provider) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/offer", p.handleOffer)
	mux.HandleFunc("POST /v1/call/{service}", p.handleCall)
	mux.HandleFunc("GET /v1/channel/{id}", p.handleChannel)
	return mux
}

// Offer is the JSON of GET /v1/offer. Provider, Endpoint, Services and
// Expiry are signed as the EIP-712 Offer in the "Mycroft Provider" domain
// of ChainID and Registry; Channels and MinCloseDelay are advisory.
type Offer struct {
	Provider      common.Address `json:"provider"`
	Endpoint      string         `json:"endpoint"`
	Services      string         `json:"services"` // canonical JSON of service → price
	Expiry        uint64         `json:"expiry"`   // unix seconds
	ChainID       string         `json:"chainId"`
	Registry      common.Address `json:"registry"`
	Channels      common.Address `json:"channels"`
	MinCloseDelay uint64         `json:"minCloseDelay"` // seconds
	Signature     string         `json:"signature"`
}

// SignedOffer builds and signs the current offer (cached for half its life).
func (p *Provider) SignedOffer() ([]byte, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.cfg.Now()
	endpoint := p.endpoint()
	if p.offer != nil && p.offerEndpoint == endpoint && now.Add(p.cfg.OfferTTL/2).Before(p.offerExp) {
		return p.offer, nil
	}
	listed := maps.Clone(p.cfg.Prices)
	maps.Copy(listed, p.cfg.Fees)
	services, err := chain.CanonicalServices(listed)
	if err != nil {
		return nil, fmt.Errorf("provider: offer: %w", err)
	}
	exp := now.Add(p.cfg.OfferTTL)
	o := Offer{
		Provider: p.cfg.Signer.Address(), Endpoint: endpoint, Services: services,
		Expiry: uint64(exp.Unix()), ChainID: p.chainID.String(), Registry: p.cfg.Manifest.Registry,
		Channels: p.cfg.Manifest.Channels, MinCloseDelay: uint64(p.cfg.MinCloseDelay / time.Second),
	}
	td := chain.OfferTypedData(p.chainID, p.cfg.Manifest.Registry, o.Provider, o.Endpoint, o.Services, new(big.Int).SetUint64(o.Expiry))
	sig, err := p.cfg.Signer.SignTypedData(td)
	if err != nil {
		return nil, fmt.Errorf("provider: sign offer: %w", err)
	}
	o.Signature = "0x" + hex.EncodeToString(sig)
	b, err := json.Marshal(o)
	if err != nil {
		return nil, fmt.Errorf("provider: offer: %w", err)
	}
	p.offer, p.offerExp, p.offerEndpoint = b, exp, endpoint
	return b, nil
}

// endpoint is the endpoint announced now (Config.EndpointFunc, else
// Config.Endpoint).
func (p *Provider) endpoint() string {
	if p.cfg.EndpointFunc != nil {
		return p.cfg.EndpointFunc()
	}
	return p.cfg.Endpoint
}

func (p *Provider) handleOffer(w http.ResponseWriter, r *http.Request) {
	b, err := p.SignedOffer()
	if err != nil {
		p.fail(w, fmt.Errorf("%w: %v", ErrUnavailable, err), nil)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(b) // a client gone away is not ours to report
}

// ChannelInfo is the JSON of GET /v1/channel/{id}: the highest voucher the
// provider holds (answered calls only) and the receipt of its last call.
type ChannelInfo struct {
	Channel           common.Hash    `json:"channel"`
	Payer             common.Address `json:"payer"`
	Cumulative        string         `json:"cumulative"`
	VoucherSignature  string         `json:"voucherSignature,omitempty"`
	Request           common.Hash    `json:"request"`
	ReceiptCumulative string         `json:"receiptCumulative"`
	ReceiptSignature  string         `json:"receiptSignature,omitempty"`
	Redeemed          string         `json:"redeemed"`
	Calls             uint64         `json:"calls"`
}

func (p *Provider) handleChannel(w http.ResponseWriter, r *http.Request) {
	b, err := ParseHex(r.PathValue("id"), 32)
	if err != nil {
		p.fail(w, err, nil)
		return
	}
	ch := common.BytesToHash(b)
	rec, err := p.st.get(ch)
	if err != nil {
		p.fail(w, fmt.Errorf("%w: %v", ErrUnavailable, err), nil)
		return
	}
	if rec == nil {
		p.fail(w, fmt.Errorf("%w: %s", ErrUnknownChannel, ch.Hex()), nil)
		return
	}
	cum, sig := rec.Redeemable()
	info := ChannelInfo{Channel: ch, Payer: rec.Payer, Cumulative: cum.String(), Request: rec.Request,
		ReceiptCumulative: rec.ReceiptCumulative.String(), Redeemed: rec.Redeemed.String(), Calls: rec.Calls}
	if len(sig) > 0 {
		info.VoucherSignature = "0x" + hex.EncodeToString(sig)
	}
	if len(rec.ReceiptSignature) > 0 {
		info.ReceiptSignature = "0x" + hex.EncodeToString(rec.ReceiptSignature)
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(info) // a client gone away is not ours to report
}

// fail writes a refusal.
func (p *Provider) fail(w http.ResponseWriter, err error, held *big.Int) {
	code, status := CodeOf(err)
	info := ErrorInfo{Code: code, Message: err.Error()}
	if rf := asRefusal(err); rf != nil {
		if rf.held != nil {
			held = rf.held
		}
		if rf.price != nil {
			info.Price = rf.price.String()
		}
	}
	if held != nil {
		info.Cumulative = held.String()
	}
	p.mu.Lock()
	if code == CodeServiceFailed {
		p.stats.Failed++
	} else {
		p.stats.Refused++
	}
	p.lastError = string(code)
	p.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(ErrorBody{Error: info}) // as above
}

func (p *Provider) lock(ch common.Hash) func() {
	m, _ := p.locks.LoadOrStore(ch, new(sync.Mutex))
	mu := m.(*sync.Mutex)
	mu.Lock()
	return mu.Unlock
}

// channel returns the channel state, from the cache if it is younger than
// MaxStaleness (or fresh when fresh is set), or younger than OutageGrace
// when the chain cannot be read. An id that is not in the set
// of channels opened to the provider is answered as "no such channel"
// without reading it from the chain.
func (p *Provider) channel(ctx context.Context, id common.Hash, fresh bool) (chain.ChannelState, error) {
	now := p.cfg.Now()
	if !fresh {
		if c, ok := p.cache.Load(id); ok {
			if cc := c.(cachedChannel); now.Sub(cc.at) < p.cfg.MaxStaleness {
				return cc.st, nil
			}
		}
	}
	known, err := p.set.has(ctx, id)
	if err != nil {
		return chain.ChannelState{}, err
	}
	if !known {
		return chain.ChannelState{ID: id, Deposit: new(big.Int), Redeemed: new(big.Int)}, nil
	}
	st, err := p.readChannel(ctx, id, fresh)
	if err != nil {
		if c, ok := p.cache.Load(id); ok && !fresh {
			if cc := c.(cachedChannel); now.Sub(cc.at) < p.cfg.OutageGrace {
				p.log.Warn("provider: chain unreadable; using the channel state read earlier", "channel", id, "read", cc.at, "err", err)
				return cc.st, nil
			}
		}
		return chain.ChannelState{}, fmt.Errorf("%w: channel state: %v", ErrUnavailable, err)
	}
	if st.Deposit == nil {
		st.Deposit = new(big.Int)
	}
	if st.Redeemed == nil {
		st.Redeemed = new(big.Int)
	}
	if st.Exists() {
		p.cache.Store(id, cachedChannel{st: st, at: now})
	}
	return st, nil
}

// Verify checks a voucher for service against the chain (cached state)
// and the signature, without touching the store: the channel exists, is
// to this provider, is not closing, has a long enough close delay, the
// signature recovers to its payer, and the cumulative is within deposit.
// It returns the payer.
func (p *Provider) Verify(ctx context.Context, v Voucher) (common.Address, error) {
	st, err := p.channel(ctx, v.Channel, false)
	if err != nil {
		return common.Address{}, err
	}
	if !st.Exists() || st.Payee != p.cfg.Signer.Address() {
		return common.Address{}, fmt.Errorf("%w: %s", ErrUnknownChannel, v.Channel.Hex())
	}
	td := chain.VoucherTypedData(p.chainID, p.cfg.Manifest.Channels, v.Channel, v.Cumulative)
	p.sigChecks.Add(1)
	if err := chain.VerifyTypedData(td, v.Signature, st.Payer); err != nil {
		return common.Address{}, fmt.Errorf("%w: %v", ErrBadSignature, err)
	}
	if v.Cumulative.Cmp(st.Deposit) > 0 || !st.ClosesAt.IsZero() {
		// Maybe topped up, or the cache is old: look again before refusing.
		if st, err = p.channel(ctx, v.Channel, true); err != nil {
			return common.Address{}, err
		}
	}
	if !st.ClosesAt.IsZero() {
		return common.Address{}, fmt.Errorf("%w: closes at %s", ErrClosingChannel, st.ClosesAt.UTC().Format(time.RFC3339))
	}
	if st.CloseDelay < p.cfg.MinCloseDelay {
		return common.Address{}, fmt.Errorf("%w: close delay %s below %s", ErrClosingChannel, st.CloseDelay, p.cfg.MinCloseDelay)
	}
	if v.Cumulative.Cmp(st.Deposit) > 0 {
		return common.Address{}, &refusal{err: ErrOverDeposit, msg: fmt.Sprintf("cumulative %s above deposit %s", v.Cumulative, st.Deposit)}
	}
	if v.Cumulative.Cmp(st.Redeemed) <= 0 {
		return common.Address{}, &refusal{err: ErrStale, held: st.Redeemed, msg: fmt.Sprintf("cumulative %s not above redeemed %s", v.Cumulative, st.Redeemed)}
	}
	return st.Payer, nil
}

// Hooks lets tests inject a crash or failure between the steps of a call.
// Each hook, when set and returning an error, aborts the call at that step
// as if the process had died there (the response is dropped).
type Hooks struct {
	AfterPersist func() error // voucher stored, service not called yet
	AfterServe   func() error // service answered, receipt not signed yet
	// LoseReceipt, when it returns an error, drops the receipt's write
	// (as if the process died before it reached the disk) while the
	// answer still goes out.
	LoseReceipt func() error
}

// SetHooks installs test hooks (nil to clear).
func (p *Provider) SetHooks(h *Hooks) { p.mu.Lock(); p.hooks = h; p.mu.Unlock() }

func (p *Provider) handleCall(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("service")
	svc := p.cfg.Services[name]
	price := p.cfg.Prices[name]
	if svc == nil || price == nil {
		p.fail(w, fmt.Errorf("%w: %q", ErrUnknownService, clip(name)), nil)
		return
	}
	v, err := ParseVoucher(r.Header)
	if err != nil {
		p.fail(w, err, nil)
		return
	}
	ctx := r.Context()
	payer, err := p.Verify(ctx, v)
	if err != nil {
		p.fail(w, err, nil)
		return
	}
	if !p.lim.allow(payer) {
		p.fail(w, fmt.Errorf("%w: %s", ErrRateLimited, payer.Hex()), nil)
		return
	}
	// The body is read whole before the channel is locked: a slow sender
	// holds its own connection, not the channel's other calls.
	raw, release, err := p.readBody(w, r, p.bodyLimit(svc))
	if err != nil {
		p.fail(w, err, nil)
		return
	}
	defer release()
	unlock := p.lock(v.Channel)
	defer unlock()
	if _, err := p.st.accept(v, payer, price); err != nil {
		if asRefusal(err) == nil {
			err = fmt.Errorf("%w: store: %v", ErrUnavailable, err)
		}
		p.fail(w, err, nil)
		return
	}
	p.mu.Lock()
	hooks := p.hooks
	p.mu.Unlock()
	if hooks != nil && hooks.AfterPersist != nil && hooks.AfterPersist() != nil {
		abort(w)
		return
	}
	params := r.URL.Query()
	hasher := NewRequestHasher(name, params)
	body := io.TeeReader(bytes.NewReader(raw), hasher)
	result, err := svc.Call(WithPayer(ctx, payer), params, body)
	if err == nil {
		_, err = io.Copy(io.Discard, body) // the hash covers the whole body
	}
	if err != nil {
		if rerr := p.st.revert(v.Channel, v.Cumulative); rerr != nil {
			p.log.Error("provider: revert voucher", "channel", v.Channel, "err", rerr)
		}
		prev := new(big.Int).Sub(v.Cumulative, price)
		if !errors.Is(err, ErrBadRequest) {
			p.log.Warn("provider: service failed", "service", name, "err", err)
			err = fmt.Errorf("%w: %v", ErrServiceFailed, err)
		}
		p.fail(w, err, prev)
		return
	}
	if hooks != nil && hooks.AfterServe != nil && hooks.AfterServe() != nil {
		abort(w)
		return
	}
	request := hasher.Sum()
	rsig, err := p.cfg.Signer.SignTypedData(chain.ReceiptTypedData(p.chainID, p.cfg.Manifest.Channels, v.Channel, v.Cumulative, request))
	if err != nil {
		if rerr := p.st.revert(v.Channel, v.Cumulative); rerr != nil {
			p.log.Error("provider: revert voucher", "channel", v.Channel, "err", rerr)
		}
		p.fail(w, fmt.Errorf("%w: receipt: %v", ErrUnavailable, err), nil)
		return
	}
	// The voucher is durable; the receipt's record is not waited for (see
	// store.complete): one fsync on the path of a call, not two.
	if hooks == nil || hooks.LoseReceipt == nil || hooks.LoseReceipt() == nil {
		p.st.complete(v.Channel, v.Cumulative, request, rsig, func(err error) {
			if err != nil {
				p.log.Error("provider: store receipt", "channel", v.Channel, "err", err)
			}
		})
	}
	p.mu.Lock()
	p.stats.Served++
	p.mu.Unlock()
	SetReceipt(w.Header(), v.Cumulative, request, rsig)
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(result) // as above: the call is paid and its receipt sent
}

// abort drops the connection without an answer, as a crashed process would.
func abort(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if c, _, err := hj.Hijack(); err == nil {
			c.Close()
			return
		}
	}
	panic(http.ErrAbortHandler)
}
