package agent

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"go.etcd.io/bbolt"

	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/miner"
	"github.com/mycroft-network/mycroft/wallet"
)

// WalletConfig is the [wallet] table. The amounts are MYC ("0.01") and
// seed the wallet's limits the first time it starts; after that the limits
// stored by the wallet win (`mycroft wallet limits --set ...`).
type WalletConfig struct {
	MaxPricePerCall        string   `toml:"max_price_per_call"`
	DailyBudget            string   `toml:"daily_budget"`
	MaxExposurePerProvider string   `toml:"max_exposure_per_provider"`
	Deposit                string   `toml:"deposit"`
	CallTimeout            Duration `toml:"call_timeout"`
}

func defaultWalletConfig() WalletConfig {
	return WalletConfig{
		MaxPricePerCall:        "0.01",
		DailyBudget:            "1",
		MaxExposurePerProvider: "5",
		Deposit:                "1",
		CallTimeout:            Duration(20 * time.Second),
	}
}

func (c WalletConfig) validate(bad badFunc) {
	for _, f := range []struct{ key, v string }{
		{"wallet.max_price_per_call", c.MaxPricePerCall},
		{"wallet.daily_budget", c.DailyBudget},
		{"wallet.max_exposure_per_provider", c.MaxExposurePerProvider},
		{"wallet.deposit", c.Deposit},
	} {
		if _, err := parseMYC(f.v); err != nil {
			bad(f.key, "%v", err)
		}
	}
	if c.CallTimeout <= 0 || c.CallTimeout.Std() > 5*time.Minute {
		bad("wallet.call_timeout", "must be between 1ms and 5m")
	}
	if l, err := c.limits(); err == nil {
		if err := l.Validate(); err != nil {
			bad("wallet.deposit", "%v", err)
		}
	}
}

// limits builds the wallet limits the configuration seeds.
func (c WalletConfig) limits() (wallet.Limits, error) {
	l := wallet.DefaultLimits()
	var err error
	for _, f := range []struct {
		dst **big.Int
		v   string
	}{{&l.MaxPrice, c.MaxPricePerCall}, {&l.DailyBudget, c.DailyBudget}, {&l.MaxExposure, c.MaxExposurePerProvider}, {&l.Deposit, c.Deposit}} {
		if *f.dst, err = parseMYC(f.v); err != nil {
			return l, err
		}
	}
	return l, nil
}

// parseMYC reads a token amount in MYC ("0.01") into base units.
func parseMYC(s string) (*big.Int, error) {
	v, err := miner.ParseAmount(s)
	if err != nil {
		return nil, fmt.Errorf("must be an amount of MYC such as \"0.01\": %q", s)
	}
	return v, nil
}

// earnParts holds what the wallet, provider and miner wiring keeps beside
// the Agent's subsystem fields.
type earnParts struct {
	walletCache cached[walletSummary]
	prov        *providerParts
	min         *minerParts
}

// cached is a value refreshed in the background, read without blocking.
type cached[T any] struct {
	mu sync.Mutex
	v  T
	ok bool
}

func (c *cached[T]) set(v T) { c.mu.Lock(); c.v, c.ok = v, true; c.mu.Unlock() }
func (c *cached[T]) get() (T, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.v, c.ok
}

// walletSummary is the wallet's line in `mycroft status`.
type walletSummary struct {
	Address    string `json:"address"`
	Balance    string `json:"balance,omitempty"` // MYC
	SpentToday string `json:"spentToday,omitempty"`
	Channels   int    `json:"channels"`
	Error      string `json:"error,omitempty"`
	Updated    string `json:"updated,omitempty"`
}

// wireWallet builds the wallet (a.wallet).
func (a *Agent) wireWallet(ctx context.Context) error {
	if a.earn == nil {
		a.earn = &earnParts{}
	}
	a.walletRoutes()
	switch {
	case len(a.cfg.Chain.URLs()) == 0:
		// Offline by choice: no warning, the status says why.
		a.addStatus("wallet", func() any { return map[string]string{"off": "no chain configured (chain.rpc_url)"} })
		return nil
	case a.keys == nil:
		a.health.Set("wallet", Degraded, "wallet: no keystore; paid services are off")
		return nil
	case a.chain == nil:
		a.health.Set("wallet", Degraded, "wallet: the chain is not available; paid services are off")
		return nil
	}
	seed, err := a.cfg.Wallet.limits()
	if err != nil {
		return fmt.Errorf("wallet: %w", err)
	}
	stored := false
	if err := a.db.View(func(tx *bbolt.Tx) error {
		if b := tx.Bucket([]byte(wallet.BucketLimits)); b != nil && b.Get([]byte("limits")) != nil {
			stored = true
		}
		return nil
	}); err != nil {
		return fmt.Errorf("wallet: %w", err)
	}
	var peers wallet.PeerTransport // nil: libp2p endpoints are unreachable
	if a.p2px != nil {
		// The host once it runs (it may start after the wallet is made).
		peers = nodeTransport{a.p2px}
	}
	w, err := wallet.New(wallet.Config{
		Peers:       peers,
		DB:          a.db,
		Signer:      a.keys,
		Sealer:      a.keys,
		Chain:       a.chain,
		Registry:    a.chain,
		Manifest:    a.manifest,
		CallTimeout: a.cfg.Wallet.CallTimeout.Std(),
		Now:         a.now,
		Log:         a.log.With("component", "wallet"),
	})
	if err != nil {
		a.log.Error("wallet unavailable", "err", err)
		a.health.Set("wallet", Degraded, "wallet: "+err.Error())
		return nil
	}
	if !stored {
		if err := w.SetLimits(seed); err != nil {
			return fmt.Errorf("wallet: seed limits: %w", err)
		}
	}
	a.wallet = w
	a.svcs.list = append(a.svcs.list, &walletService{a: a})
	a.addStatus("wallet", func() any {
		s, ok := a.earn.walletCache.get()
		if !ok {
			return walletSummary{Address: a.keys.Address().Hex(), Error: "not read yet"}
		}
		return s
	})
	return nil
}

// walletService recovers the wallet's channels at start (from the chain
// and the providers' last receipts) and keeps the status summary fresh.
type walletService struct{ a *Agent }

func (s *walletService) Name() string { return "wallet" }

// Close writes the receipts of calls already answered (they are stored
// after the answer) before the database closes.
func (s *walletService) Close() error { return s.a.wallet.Flush() }

// The wallet service retries its recovery every walletRetryInterval and,
// once recovered, refreshes the balances `mycroft status` shows every
// walletRefreshInterval (two RPC calls: an idle device stays under 100
// calls an hour, docs/performance.md; the wallet's own API reads the
// chain when asked).
const (
	walletRetryInterval   = 30 * time.Second
	walletRefreshInterval = 10 * time.Minute
)

func (s *walletService) Run(ctx context.Context) error {
	a := s.a
	recovered := false
	for {
		if !recovered {
			if n, err := a.wallet.Recover(ctx); err != nil {
				a.log.Warn("wallet: recover", "err", err)
				a.health.Set("wallet", Degraded, "wallet: recover: "+err.Error())
			} else {
				recovered = true
				a.health.Clear("wallet")
				if n > 0 {
					a.log.Info("wallet: channels recovered", "channels", n)
				}
			}
		}
		a.refreshWalletSummary(ctx)
		wait := walletRetryInterval
		if recovered {
			wait = walletRefreshInterval
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(wait):
		}
	}
}

func (a *Agent) refreshWalletSummary(ctx context.Context) {
	sum := walletSummary{Address: a.wallet.Address().Hex(), Updated: a.now().UTC().Format(time.RFC3339)}
	if chs, err := a.wallet.Channels(); err == nil {
		sum.Channels = len(chs)
	}
	cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if b, err := a.wallet.Balance(cctx); err != nil {
		sum.Error = err.Error()
	} else {
		sum.Balance = baseToMYC(b.Token)
		sum.SpentToday = baseToMYC(b.SpentToday)
	}
	a.earn.walletCache.set(sum)
}

// baseToMYC writes a decimal base-unit string as MYC.
func baseToMYC(s string) string {
	v, ok := new(big.Int).SetString(s, 10)
	if !ok {
		return s
	}
	return miner.FormatAmount(v)
}

func (a *Agent) needWallet() (*wallet.Wallet, error) {
	if a.wallet == nil {
		return nil, unavailable("the wallet is off (see mycroft status)")
	}
	return a.wallet, nil
}

func limitsView(l wallet.Limits) apiclient.WalletLimits {
	return apiclient.WalletLimits{
		MaxPricePerCall:        miner.FormatAmount(l.MaxPrice),
		DailyBudget:            miner.FormatAmount(l.DailyBudget),
		MaxExposurePerProvider: miner.FormatAmount(l.MaxExposure),
		Deposit:                miner.FormatAmount(l.Deposit),
		TopUpCalls:             l.TopUpCalls,
		CloseDelay:             (time.Duration(l.CloseDelay) * time.Second).String(),
	}
}

// applyLimit changes one limit by its CLI key.
func applyLimit(l *wallet.Limits, key, value string) error {
	amount := func(dst **big.Int) error {
		v, err := parseMYC(value)
		if err != nil {
			return err
		}
		*dst = v
		return nil
	}
	switch strings.ReplaceAll(key, "-", "_") {
	case "max_price_per_call", "max_price":
		return amount(&l.MaxPrice)
	case "daily_budget":
		return amount(&l.DailyBudget)
	case "max_exposure_per_provider", "max_exposure":
		return amount(&l.MaxExposure)
	case "deposit":
		return amount(&l.Deposit)
	case "top_up_calls":
		n, err := strconv.ParseInt(value, 10, 64)
		if err != nil || n < 0 {
			return fmt.Errorf("must be a whole number of calls: %q", value)
		}
		l.TopUpCalls = n
	case "close_delay":
		d, err := time.ParseDuration(value)
		if err != nil || d < time.Second {
			return fmt.Errorf("must be a duration such as \"24h\": %q", value)
		}
		l.CloseDelay = uint64(d / time.Second)
	default:
		return fmt.Errorf("unknown limit %q (max_price_per_call, daily_budget, max_exposure_per_provider, deposit, top_up_calls, close_delay)", key)
	}
	return nil
}

// raisedLimits names the limits that are higher in next than in prev:
// the ones that let the wallet spend or hold more (a close delay is not
// one of them).
func raisedLimits(prev, next wallet.Limits) []string {
	var up []string
	for _, c := range []struct {
		name     string
		old, new *big.Int
	}{
		{"max_price_per_call", prev.MaxPrice, next.MaxPrice},
		{"daily_budget", prev.DailyBudget, next.DailyBudget},
		{"max_exposure_per_provider", prev.MaxExposure, next.MaxExposure},
		{"deposit", prev.Deposit, next.Deposit},
	} {
		if c.new != nil && (c.old == nil || c.new.Cmp(c.old) > 0) {
			up = append(up, c.name)
		}
	}
	if next.TopUpCalls > prev.TopUpCalls {
		up = append(up, "top_up_calls")
	}
	return up
}

func (a *Agent) walletRoutes() {
	a.handle("GET /wallet/balance", func(r *http.Request) (any, error) {
		w, err := a.needWallet()
		if err != nil {
			return nil, err
		}
		b, err := w.Balance(r.Context())
		if err != nil {
			return nil, unavailable("%v", err)
		}
		return apiclient.WalletBalance{Address: b.Address, Token: b.Token, Native: b.Native, InChannels: b.InChannels,
			SpentToday: b.SpentToday, Budget: b.Budget}, nil
	})
	a.handle("GET /wallet/channels", func(r *http.Request) (any, error) {
		w, err := a.needWallet()
		if err != nil {
			return nil, err
		}
		chs, err := w.Channels()
		if err != nil {
			return nil, err
		}
		out := make([]apiclient.WalletChannel, 0, len(chs))
		for _, c := range chs {
			out = append(out, apiclient.WalletChannel(c))
		}
		return out, nil
	})
	a.handle("GET /wallet/history", func(r *http.Request) (any, error) {
		w, err := a.needWallet()
		if err != nil {
			return nil, err
		}
		limit := 50
		if s := r.URL.Query().Get("limit"); s != "" {
			n, err := strconv.Atoi(s)
			if err != nil {
				return nil, badRequest("limit: not a number: %q", s)
			}
			limit = n
		}
		hs, err := w.History(limit)
		if err != nil && len(hs) == 0 {
			return nil, err
		}
		out := make([]apiclient.WalletPayment, 0, len(hs))
		for _, h := range hs {
			p := apiclient.WalletPayment{Seq: h.Seq, Time: h.Time, Service: h.Service, Provider: h.Provider.Hex(),
				Channel: h.Channel.Hex(), Price: h.Price, Cumulative: h.Cumulative, Status: h.Status, Error: h.Error, Note: h.Note}
			if h.Request != (common.Hash{}) {
				p.Request = h.Request.Hex()
			}
			out = append(out, p)
		}
		return out, nil
	})
	a.handle("GET /wallet/limits", func(r *http.Request) (any, error) {
		w, err := a.needWallet()
		if err != nil {
			return nil, err
		}
		l, err := w.Limits()
		if err != nil {
			return nil, err
		}
		return limitsView(l), nil
	})
	a.handle("POST /wallet/limits", func(r *http.Request) (any, error) {
		w, err := a.needWallet()
		if err != nil {
			return nil, err
		}
		var req apiclient.WalletSetLimits
		if err := decodeJSON(r, &req); err != nil {
			return nil, err
		}
		old, err := w.Limits()
		if err != nil {
			return nil, err
		}
		l := old
		for k, v := range req.Set {
			if err := applyLimit(&l, k, v); err != nil {
				return nil, badRequest("%s: %v", k, err)
			}
		}
		if up := raisedLimits(old, l); len(up) > 0 {
			// Anyone in the socket's group may lower a limit; raising one
			// lets the device spend more, which is the owner's call.
			if req.Passphrase == "" {
				return nil, &apiclient.Error{Status: http.StatusForbidden,
					Message: "raising " + strings.Join(up, ", ") + " needs the keyring passphrase"}
			}
			if a.keys == nil {
				return nil, unavailable("the keystore is unavailable: cannot check the passphrase")
			}
			if err := a.keys.VerifyPassphrase(r.Context(), []byte(req.Passphrase)); err != nil {
				return nil, keysError(err)
			}
		}
		if err := w.SetLimits(l); err != nil {
			return nil, badRequest("%v", err)
		}
		return limitsView(l), nil
	})
	a.handle("POST /wallet/topup", func(r *http.Request) (any, error) {
		w, err := a.needWallet()
		if err != nil {
			return nil, err
		}
		var req apiclient.WalletTopUp
		if err := decodeJSON(r, &req); err != nil {
			return nil, err
		}
		if !common.IsHexAddress(req.Provider) {
			return nil, badRequest("provider: not an address: %q", req.Provider)
		}
		amount, err := parseMYC(req.Amount)
		if err != nil {
			return nil, badRequest("amount: %v", err)
		}
		if err := w.TopUp(r.Context(), common.HexToAddress(req.Provider), amount); err != nil {
			return nil, walletError(err)
		}
		return channelOf(w, common.HexToAddress(req.Provider))
	})
	a.handle("POST /wallet/close", func(r *http.Request) (any, error) {
		w, err := a.needWallet()
		if err != nil {
			return nil, err
		}
		var req apiclient.WalletClose
		if err := decodeJSON(r, &req); err != nil {
			return nil, err
		}
		if !common.IsHexAddress(req.Provider) {
			return nil, badRequest("provider: not an address: %q", req.Provider)
		}
		p := common.HexToAddress(req.Provider)
		// A channel whose close delay has passed is withdrawn; otherwise
		// the close is started.
		if st, err := w.Withdraw(r.Context(), p); err == nil {
			return apiclient.WalletChannel(st), nil
		}
		st, err := w.Close(r.Context(), p)
		if err != nil {
			return nil, walletError(err)
		}
		return apiclient.WalletChannel(st), nil
	})
}

func channelOf(w *wallet.Wallet, p common.Address) (any, error) {
	chs, err := w.Channels()
	if err != nil {
		return nil, err
	}
	for _, c := range chs {
		if strings.EqualFold(c.Provider, p.Hex()) {
			return apiclient.WalletChannel(c), nil
		}
	}
	return nil, &apiclient.Error{Status: http.StatusNotFound, Message: "no channel to " + p.Hex()}
}

// walletError gives the owner's refusals (limits, no channel) a 4xx status.
func walletError(err error) error {
	var le *wallet.LimitError
	switch {
	case errors.As(err, &le):
		return &apiclient.Error{Status: http.StatusForbidden, Message: le.Speak()}
	case errors.Is(err, wallet.ErrNoChannel), errors.Is(err, wallet.ErrClosing):
		return &apiclient.Error{Status: http.StatusConflict, Message: err.Error()}
	}
	return err
}
