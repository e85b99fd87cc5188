package registrar

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math"
	"math/big"
	"net"
	"net/http"
	"net/netip"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/internal/netguard"
)

// Policy defaults and caps.
const (
	DefaultClaimsPerHour      = 60
	DefaultClaimsPerHourPerIP = 3
	DefaultMaxExpiry          = 24 * time.Hour
)

var (
	// DefaultGasDrop is the native coin sent to a new owner: 0.0005 of a
	// coin (5·10^14 wei), a few claim and delegate transactions on an L2.
	DefaultGasDrop = big.NewInt(5e14)
	// MaxGasDrop caps GasDrop: 0.01 of a coin.
	MaxGasDrop = big.NewInt(1e16)
)

// Signer is the registrar key's typed-data signer (chain.KeySigner).
type Signer interface {
	Address() common.Address
	SignTypedData(td apitypes.TypedData) ([]byte, error)
}

// Config configures a Registrar.
type Config struct {
	// Chain is a client of the deployment whose transaction signer is the
	// registrar key (it pays the gas drops); Key signs the claims.
	Chain *chain.Client
	Key   Signer
	// DBPath is the bbolt database of the claims signed.
	DBPath string
	// ClaimsPerHour caps new claims in total and ClaimsPerHourPerIP per
	// client address (an IPv4 address or an IPv6 /64); 0 takes the
	// default, a negative value turns the cap off.
	ClaimsPerHour      int
	ClaimsPerHourPerIP int
	// AllowSerials, when not nil, is the allow-list of device serials: a
	// request must name one of them.
	AllowSerials map[string]bool
	// MaxExpiry is how far ahead a request's expiry may be (default 24 h).
	MaxExpiry time.Duration
	// GasDrop is the native coin (wei) sent to an owner that has less;
	// nil takes DefaultGasDrop, 0 sends none; at most MaxGasDrop.
	GasDrop *big.Int
	// Guard are the HTTP limits (zero fields take netguard's defaults).
	Guard netguard.Config
	// Now is the clock (default time.Now).
	Now func() time.Time
	Log *slog.Logger
}

// Registrar checks sign-up requests and signs the ones its policy allows.
type Registrar struct {
	cfg      Config
	c        *chain.Client
	db       *store
	recent   []issued // claims issued in the last hour, oldest first
	guard    *netguard.Guard
	log      *slog.Logger
	now      func() time.Time
	mu       sync.Mutex // one claim decided at a time
	dropMu   sync.Mutex
	dropping map[common.Address]bool // gas drops in flight
	gasDrop  *big.Int
}

// New opens the database and checks the configuration.
func New(cfg Config) (*Registrar, error) {
	if cfg.Chain == nil || cfg.Key == nil || cfg.Chain.Address() != cfg.Key.Address() {
		return nil, errors.New("registrar: needs the registrar key and a chain client that signs with it")
	}
	if cfg.DBPath == "" {
		return nil, errors.New("registrar: no database path")
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.ClaimsPerHour == 0 {
		cfg.ClaimsPerHour = DefaultClaimsPerHour
	}
	if cfg.ClaimsPerHourPerIP == 0 {
		cfg.ClaimsPerHourPerIP = DefaultClaimsPerHourPerIP
	}
	if cfg.MaxExpiry <= 0 {
		cfg.MaxExpiry = DefaultMaxExpiry
	}
	drop := DefaultGasDrop
	if cfg.GasDrop != nil {
		drop = cfg.GasDrop
	}
	if drop.Sign() < 0 || drop.Cmp(MaxGasDrop) > 0 {
		return nil, fmt.Errorf("registrar: gas drop %s wei is outside 0..%s", drop, MaxGasDrop)
	}
	if cfg.Guard.Now == nil {
		cfg.Guard.Now = cfg.Now
	}
	if cfg.Guard.Log == nil {
		cfg.Guard.Log = cfg.Log
	}
	if cfg.Guard.Rate == 0 { // a claim is one request: keep the bucket small
		cfg.Guard.Rate, cfg.Guard.Burst = 1, 10
	}
	g, err := netguard.New(cfg.Guard)
	if err != nil {
		return nil, fmt.Errorf("registrar: %w", err)
	}
	db, err := openStore(cfg.DBPath)
	if err != nil {
		return nil, err
	}
	r := &Registrar{cfg: cfg, c: cfg.Chain, db: db, guard: g, log: cfg.Log, now: cfg.Now, gasDrop: new(big.Int).Set(drop),
		dropping: map[common.Address]bool{}}
	// The rate limits count the claims of the last hour in the database,
	// so a restart does not reset them.
	since := cfg.Now().Add(-rateWindow)
	err = db.each(func(rec Record) {
		if rec.IssuedAt.After(since) {
			k, _ := netguard.ClientKey(rec.Client)
			r.recent = append(r.recent, issued{at: rec.IssuedAt, client: k})
		}
	})
	if err != nil {
		db.close()
		return nil, err
	}
	slices.SortFunc(r.recent, func(a, b issued) int { return a.at.Compare(b.at) })
	return r, nil
}

// rateWindow is the window of the claims-per-hour limits.
const rateWindow = time.Hour

// issued is one claim counted by the rate limits.
type issued struct {
	at     time.Time
	client netip.Prefix
}

// Address is the registrar key's address.
func (r *Registrar) Address() common.Address { return r.c.Address() }

// Close closes the database (not the chain client).
func (r *Registrar) Close() error { return r.db.close() }

// Handler serves the registrar's API behind its guard:
//
//	POST /v1/claim   a chain.SignUpRequest -> a ClaimResponse
//	GET  /v1/status  a StatusResponse
func (r *Registrar) Handler() http.Handler { return r.guard.Handler(r.mux()) }

func (r *Registrar) mux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/claim", r.serveClaim)
	mux.HandleFunc("GET /v1/status", r.serveStatus)
	return mux
}

// Serve serves Handler on ln with the guard's timeouts and connection caps
// until ctx is done.
func (r *Registrar) Serve(ctx context.Context, ln net.Listener) error {
	srv := r.guard.Server(r.mux())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(r.guard.Listener(ln)) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		return srv.Shutdown(sctx)
	}
}

// ClaimResponse is the answer to a claim: the signed claim and the gas
// drop (GasTx empty when none was sent; GasError when sending failed).
type ClaimResponse struct {
	Claim    chain.SignUpClaim `json:"claim"`
	GasDrop  string            `json:"gasDrop,omitempty"` // wei sent
	GasTx    string            `json:"gasTx,omitempty"`
	GasError string            `json:"gasError,omitempty"`
	Reissued bool              `json:"reissued,omitempty"`
}

// StatusResponse describes the registrar.
type StatusResponse struct {
	Registrar common.Address `json:"registrar"`
	ChainID   uint64         `json:"chainId"`
	Grants    common.Address `json:"grants"`
	Approved  bool           `json:"approved"` // the Grants contract's registrar is this key
	Claims    int            `json:"claims"`
	Serials   bool           `json:"allowList"`
}

// Refusal codes (ErrorBody.Code).
const (
	CodeBadRequest       = "bad_request"
	CodeExpiry           = "bad_expiry"
	CodeWrongDeployment  = "wrong_deployment"
	CodeDeviceClaimed    = "device_claimed"
	CodeOwnerClaimed     = "owner_claimed"
	CodeSerialClaimed    = "serial_claimed"
	CodeSerialNotAllowed = "serial_not_allowed"
	CodeRateLimited      = "rate_limited"
	CodeNotApproved      = "not_approved"
	CodeUnavailable      = "unavailable"
)

// Error is a refusal: an HTTP status, a code and a message.
type Error struct {
	Status  int    `json:"-"`
	Code    string `json:"code"`
	Message string `json:"message"`
	// RetryAfter is set on rate limits.
	RetryAfter time.Duration `json:"-"`
}

func (e *Error) Error() string { return "registrar: " + e.Code + ": " + e.Message }

func refuse(status int, code, format string, args ...any) *Error {
	return &Error{Status: status, Code: code, Message: fmt.Sprintf(format, args...)}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func (r *Registrar) serveClaim(w http.ResponseWriter, req *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, req.Body, chain.MaxSignUpRequestBytes))
	var resp *ClaimResponse
	if err != nil {
		err = refuse(http.StatusRequestEntityTooLarge, CodeBadRequest, "request body over %d bytes", chain.MaxSignUpRequestBytes)
	} else {
		resp, err = r.Claim(req.Context(), body, req.RemoteAddr)
	}
	if err != nil {
		var e *Error
		if !errors.As(err, &e) {
			e = refuse(http.StatusServiceUnavailable, CodeUnavailable, "%v", err)
		}
		if e.RetryAfter > 0 {
			w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(e.RetryAfter.Seconds()))))
		}
		r.log.Info("registrar: claim refused", "client", req.RemoteAddr, "code", e.Code, "reason", e.Message)
		writeJSON(w, e.Status, map[string]any{"error": e})
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

func (r *Registrar) serveStatus(w http.ResponseWriter, req *http.Request) {
	reg, err := r.c.GrantRegistrar(req.Context())
	if err != nil {
		writeJSON(w, http.StatusServiceUnavailable, map[string]any{"error": refuse(0, CodeUnavailable, "%v", err)})
		return
	}
	m := r.c.Manifest()
	writeJSON(w, http.StatusOK, StatusResponse{Registrar: r.Address(), ChainID: m.ChainID, Grants: m.Grants,
		Approved: reg == r.Address(), Claims: r.db.count(), Serials: r.cfg.AllowSerials != nil})
}

// Claim decides one sign-up request (its JSON body) from client (a
// remote address, for the per-client limit) and answers with the signed
// claim, or an *Error saying why not.
func (r *Registrar) Claim(ctx context.Context, body []byte, client string) (*ClaimResponse, error) {
	req, err := chain.ParseSignUpRequest(body)
	if err != nil {
		return nil, refuse(http.StatusBadRequest, CodeBadRequest, "%v", err)
	}
	m := r.c.Manifest()
	if req.ChainID != m.ChainID || req.Grants != m.Grants {
		return nil, refuse(http.StatusBadRequest, CodeWrongDeployment, "request is for chain %d, Grants %s; this registrar serves chain %d, Grants %s",
			req.ChainID, req.Grants.Hex(), m.ChainID, m.Grants.Hex())
	}
	now := r.now()
	exp := time.Unix(req.Expiry, 0)
	if !exp.After(now) || exp.Sub(now) > r.cfg.MaxExpiry {
		return nil, refuse(http.StatusBadRequest, CodeExpiry, "expiry %s must be after now and at most %s ahead", exp.UTC().Format(time.RFC3339), r.cfg.MaxExpiry)
	}
	if r.cfg.AllowSerials != nil && !r.cfg.AllowSerials[req.Serial] {
		if req.Serial == "" {
			return nil, refuse(http.StatusForbidden, CodeSerialNotAllowed, "this registrar needs a device serial from its allow-list")
		}
		return nil, refuse(http.StatusForbidden, CodeSerialNotAllowed, "serial %q is not on this registrar's allow-list", req.Serial)
	}

	rec, reissue, err := r.issue(ctx, req, client, now, exp)
	if err != nil {
		return nil, err
	}
	resp := &ClaimResponse{Claim: rec.Claim, Reissued: reissue}
	r.log.Info("registrar: claim signed", "owner", req.Owner.Hex(), "device", req.Device.Hex(), "serial", req.Serial, "client", client, "reissued", reissue)
	// The drop waits for its transaction to be mined: outside the lock,
	// once per owner at a time.
	if !r.startDrop(req.Owner) {
		return resp, nil
	}
	defer r.endDrop(req.Owner)
	if tx, amount, err := r.dropGas(ctx, req.Owner); err != nil {
		r.log.Warn("registrar: gas drop failed", "owner", req.Owner.Hex(), "err", err)
		resp.GasError = err.Error()
	} else if tx != (common.Hash{}) {
		resp.GasTx, resp.GasDrop = tx.Hex(), amount.String()
		if err := r.db.setGasTx(rec.Claim.Device, tx); err != nil {
			r.log.Warn("registrar: record gas drop", "err", err)
		}
	}
	return resp, nil
}

// startDrop marks a gas drop to owner in flight; false if one already is.
func (r *Registrar) startDrop(owner common.Address) bool {
	r.dropMu.Lock()
	defer r.dropMu.Unlock()
	if r.dropping[owner] {
		return false
	}
	r.dropping[owner] = true
	return true
}

func (r *Registrar) endDrop(owner common.Address) {
	r.dropMu.Lock()
	defer r.dropMu.Unlock()
	delete(r.dropping, owner)
}

// issue decides a request under the registrar's lock: it checks the
// records, the chain and the rate limits, signs the claim and records it.
func (r *Registrar) issue(ctx context.Context, req chain.SignUpRequest, client string, now, exp time.Time) (Record, bool, error) {
	m := r.c.Manifest()
	r.mu.Lock()
	defer r.mu.Unlock()
	device := req.DeviceID()
	byDevice, byOwner, bySerial, err := r.db.lookup(device, req.Owner, req.Serial)
	if err != nil {
		return Record{}, false, err
	}
	// A device asking again for the same owner (its answer was lost, or the
	// claim expired before it was submitted) gets its claim again while
	// the chain has not paid it.
	reissue := byDevice != nil && byDevice.Claim.Owner == req.Owner
	switch {
	case byDevice != nil && !reissue:
		return Record{}, false, refuse(http.StatusConflict, CodeDeviceClaimed, "device key %s already had a grant signed (for another owner)", req.Device.Hex())
	case byOwner != nil && byOwner.Claim.Device != device:
		return Record{}, false, refuse(http.StatusConflict, CodeOwnerClaimed, "owner %s already had a grant signed for another device", req.Owner.Hex())
	case bySerial != nil && bySerial.Claim.Device != device:
		return Record{}, false, refuse(http.StatusConflict, CodeSerialClaimed, "serial %q already had a grant signed for another device key", req.Serial)
	}
	// The chain next: it enforces once per owner and per device too.
	if paid, err := r.c.DeviceGrantClaimed(ctx, device); err != nil {
		return Record{}, false, err
	} else if paid {
		return Record{}, false, refuse(http.StatusConflict, CodeDeviceClaimed, "device key %s was already paid a sign-up grant", req.Device.Hex())
	}
	if paid, err := r.c.GrantClaimed(ctx, req.Owner); err != nil {
		return Record{}, false, err
	} else if paid {
		return Record{}, false, refuse(http.StatusConflict, CodeOwnerClaimed, "owner %s already received its sign-up grant", req.Owner.Hex())
	}
	if reg, err := r.c.GrantRegistrar(ctx); err != nil {
		return Record{}, false, err
	} else if reg != r.Address() {
		return Record{}, false, refuse(http.StatusServiceUnavailable, CodeNotApproved, "this registrar (%s) is not the Grants contract's registrar (%s): governance has not approved it", r.Address().Hex(), reg.Hex())
	}
	if !reissue {
		if err := r.checkRate(client, now); err != nil {
			return Record{}, false, err
		}
	}
	td := r.c.SignUpTypedData(req.Owner, device, exp)
	sig, err := r.cfg.Key.SignTypedData(td)
	if err != nil {
		return Record{}, false, fmt.Errorf("registrar: sign: %w", err)
	}
	rec := Record{
		Claim: chain.SignUpClaim{ChainID: m.ChainID, Grants: m.Grants, Owner: req.Owner, Device: device,
			Expiry: req.Expiry, Registrar: r.Address(), Signature: sig},
		Device: req.Device, Serial: req.Serial, Client: client, IssuedAt: now,
	}
	if reissue {
		rec.GasTx, rec.IssuedAt = byDevice.GasTx, byDevice.IssuedAt
	}
	if err := r.db.put(rec); err != nil {
		return Record{}, false, err
	}
	if !reissue {
		k, _ := netguard.ClientKey(client)
		r.recent = append(r.recent, issued{at: now, client: k})
	}
	return rec, reissue, nil
}

// checkRate refuses a new claim from client when the claims of the last
// hour, from client or in total, reached their limit.
func (r *Registrar) checkRate(client string, now time.Time) error {
	since := now.Add(-rateWindow)
	i := 0
	for i < len(r.recent) && !r.recent[i].at.After(since) {
		i++
	}
	r.recent = r.recent[i:]
	k, _ := netguard.ClientKey(client)
	var fromClient []time.Time
	for _, e := range r.recent {
		if k.IsValid() && e.client == k {
			fromClient = append(fromClient, e.at)
		}
	}
	if n := r.cfg.ClaimsPerHourPerIP; n > 0 && len(fromClient) >= n {
		return &Error{Status: http.StatusTooManyRequests, Code: CodeRateLimited, RetryAfter: fromClient[len(fromClient)-n].Add(rateWindow).Sub(now),
			Message: fmt.Sprintf("at most %d new claims per hour from one address", n)}
	}
	if n := r.cfg.ClaimsPerHour; n > 0 && len(r.recent) >= n {
		return &Error{Status: http.StatusTooManyRequests, Code: CodeRateLimited, RetryAfter: r.recent[len(r.recent)-n].at.Add(rateWindow).Sub(now),
			Message: fmt.Sprintf("at most %d new claims per hour", n)}
	}
	return nil
}

// dropGas sends the gas drop to owner unless it is off or owner already
// holds at least that much.
func (r *Registrar) dropGas(ctx context.Context, owner common.Address) (common.Hash, *big.Int, error) {
	if r.gasDrop.Sign() == 0 {
		return common.Hash{}, nil, nil
	}
	bal, err := r.c.NativeBalance(ctx, owner)
	if err != nil {
		return common.Hash{}, nil, err
	}
	if bal.Cmp(r.gasDrop) >= 0 {
		return common.Hash{}, nil, nil
	}
	rc, err := r.c.SendNative(ctx, owner, r.gasDrop)
	if err != nil {
		return common.Hash{}, nil, err
	}
	return rc.TxHash, new(big.Int).Set(r.gasDrop), nil
}
