package relay

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"net/http"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/mycroft-network/mycroft/chain"
)

// Chain is what the relayer needs from the chain; *chain.Client (with the
// relayer's signer) satisfies it.
type Chain interface {
	Address() common.Address
	SubmitOpen(ctx context.Context, so chain.SignedOpen) (common.Hash, *types.Receipt, error)
	SubmitRelayedClaim(ctx context.Context, rc chain.RelayedClaim) (*types.Receipt, error)
	GrantRelayFee(ctx context.Context) (*big.Int, error)
	CastVoteBySig(ctx context.Context, id *big.Int, support uint8, voter common.Address, signature []byte) (*types.Receipt, error)
	DelegateBySig(ctx context.Context, d chain.SignedDelegation) (*types.Receipt, error)
}

// Config configures a Relayer.
type Config struct {
	Chain Chain
	// OpenFee is the least fee an open must pay the relayer (MYC base
	// units); nil means zero.
	OpenFee *big.Int
	// OpenToOthers lets the relayer open channels to payees other than
	// itself (default: only channels to the relayer).
	OpenToOthers bool
	// ClaimFee is the least Grants relay fee for which the relayer
	// claims grants; nil means zero.
	ClaimFee *big.Int
	// PerHour caps the actions relayed for one account per hour
	// (default 6).
	PerHour int
	Now     func() time.Time
	Log     *slog.Logger
}

// Errors a relay request may get; ErrRefused covers the relayer's policy.
var (
	ErrBadRequest = errors.New("relay: bad request")
	ErrRefused    = errors.New("relay: refused")
	ErrBusy       = errors.New("relay: too many requests for this account")
)

// maxBody bounds a relay request.
const maxBody = 16 << 10

// Relayer submits signed actions and pays their gas.
type Relayer struct {
	cfg Config

	mu   sync.Mutex
	seen map[common.Address][]time.Time
}

// New makes a relayer.
func New(cfg Config) (*Relayer, error) {
	if cfg.Chain == nil {
		return nil, errors.New("relay: no chain")
	}
	if cfg.PerHour <= 0 {
		cfg.PerHour = 6
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	return &Relayer{cfg: cfg, seen: map[common.Address][]time.Time{}}, nil
}

// Open relays a signed channel open.
func (r *Relayer) Open(ctx context.Context, so chain.SignedOpen) (chain.RelayResult, error) {
	o := so.Request
	me := r.cfg.Chain.Address()
	switch {
	case o.Relayer != me:
		return chain.RelayResult{}, fmt.Errorf("%w: the open names relayer %s, this is %s", ErrRefused, o.Relayer.Hex(), me.Hex())
	case o.Payee != me && !r.cfg.OpenToOthers:
		return chain.RelayResult{}, fmt.Errorf("%w: this relayer opens channels to itself only", ErrRefused)
	case o.Fee == nil || (r.cfg.OpenFee != nil && o.Fee.Cmp(r.cfg.OpenFee) < 0):
		return chain.RelayResult{}, fmt.Errorf("%w: fee %v below the relayer's %s", ErrRefused, o.Fee, r.cfg.OpenFee)
	case o.Deadline < r.cfg.Now().Unix():
		return chain.RelayResult{}, fmt.Errorf("%w: the open expired", ErrRefused)
	}
	if err := r.take(o.Payer); err != nil {
		return chain.RelayResult{}, err
	}
	id, rc, err := r.cfg.Chain.SubmitOpen(ctx, so)
	if err != nil {
		return chain.RelayResult{}, fmt.Errorf("relay: open: %w", err)
	}
	r.cfg.Log.Info("relay: opened channel", "payer", o.Payer, "payee", o.Payee, "fee", o.Fee, "tx", rc.TxHash)
	return chain.RelayResult{Tx: rc.TxHash, Channel: &id}, nil
}

// Claim relays a grant claim, when the Grants relay fee is at least the
// relayer's.
func (r *Relayer) Claim(ctx context.Context, c chain.RelayedClaim) (chain.RelayResult, error) {
	if c.Claim.Owner == (common.Address{}) {
		return chain.RelayResult{}, fmt.Errorf("%w: a claim needs an owner", ErrBadRequest)
	}
	if r.cfg.ClaimFee != nil && r.cfg.ClaimFee.Sign() > 0 {
		fee, err := r.cfg.Chain.GrantRelayFee(ctx)
		if err != nil {
			return chain.RelayResult{}, fmt.Errorf("relay: claim: %w", err)
		}
		if fee.Cmp(r.cfg.ClaimFee) < 0 {
			return chain.RelayResult{}, fmt.Errorf("%w: the grant's relay fee %s is below this relayer's %s", ErrRefused, fee, r.cfg.ClaimFee)
		}
	}
	if err := r.take(c.Claim.Owner); err != nil {
		return chain.RelayResult{}, err
	}
	rc, err := r.cfg.Chain.SubmitRelayedClaim(ctx, c)
	if err != nil {
		return chain.RelayResult{}, fmt.Errorf("relay: claim: %w", err)
	}
	r.cfg.Log.Info("relay: claimed grant", "owner", c.Claim.Owner, "tx", rc.TxHash)
	return chain.RelayResult{Tx: rc.TxHash}, nil
}

// take counts one action for account, refusing past PerHour in the last
// hour.
func (r *Relayer) take(account common.Address) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	now := r.cfg.Now()
	recent := r.seen[account][:0]
	for _, t := range r.seen[account] {
		if now.Sub(t) < time.Hour {
			recent = append(recent, t)
		}
	}
	if len(recent) >= r.cfg.PerHour {
		r.seen[account] = recent
		return ErrBusy
	}
	r.seen[account] = append(recent, now)
	if len(r.seen) > 4096 { // forget idle accounts
		for a, ts := range r.seen {
			if len(ts) == 0 || now.Sub(ts[len(ts)-1]) >= time.Hour {
				delete(r.seen, a)
			}
		}
	}
	return nil
}

// Handler serves POST /v1/relay/open and POST /v1/relay/claim.
func (r *Relayer) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/relay/open", func(w http.ResponseWriter, req *http.Request) {
		var so chain.SignedOpen
		if !decode(w, req, &so) {
			return
		}
		res, err := r.Open(req.Context(), so)
		reply(w, res, err)
	})
	mux.HandleFunc("POST /v1/relay/claim", func(w http.ResponseWriter, req *http.Request) {
		var c chain.RelayedClaim
		if !decode(w, req, &c) {
			return
		}
		res, err := r.Claim(req.Context(), c)
		reply(w, res, err)
	})
	return mux
}

func decode(w http.ResponseWriter, req *http.Request, v any) bool {
	dec := json.NewDecoder(http.MaxBytesReader(w, req.Body, maxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		reply(w, nil, fmt.Errorf("%w: %v", ErrBadRequest, err))
		return false
	}
	return true
}

// reply writes res, or err as {"error": ...} with its status: 400 for a
// bad request, 403 for a refusal, 429 when busy, 422 when the chain
// refused the action (it would revert), 502 otherwise.
func reply(w http.ResponseWriter, res any, err error) {
	w.Header().Set("Content-Type", "application/json")
	if err != nil {
		status := http.StatusBadGateway
		switch {
		case errors.Is(err, ErrBadRequest), errors.Is(err, chain.ErrBadRelay), errors.Is(err, chain.ErrBadSignature):
			status = http.StatusBadRequest
		case errors.Is(err, ErrRefused):
			status = http.StatusForbidden
		case errors.Is(err, ErrBusy):
			status = http.StatusTooManyRequests
		case errors.Is(err, chain.ErrReverted):
			status = http.StatusUnprocessableEntity
		}
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(map[string]string{"error": err.Error()})
		return
	}
	_ = json.NewEncoder(w).Encode(res)
}
