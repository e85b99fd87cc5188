package agent

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"go.etcd.io/bbolt"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/internal/apiclient"
)

// GrantConfig is the [grant] table: where the device asks for its sign-up
// grant.
type GrantConfig struct {
	// RegistrarURL and RegistrarURLs are the registrars asked, in order
	// (docs/registrar.md); none turns the claim off.
	RegistrarURL  string   `toml:"registrar_url"`
	RegistrarURLs []string `toml:"registrar_urls"`
	// Serial is the device serial sent with the request; empty reads the
	// board's serial number from the device tree when there is one.
	Serial string `toml:"serial"`
}

// URLs are the configured registrars, each once.
func (c GrantConfig) URLs() []string {
	var out []string
	seen := map[string]bool{}
	for _, u := range append([]string{c.RegistrarURL}, c.RegistrarURLs...) {
		if u = strings.TrimRight(strings.TrimSpace(u), "/"); u != "" && !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	return out
}

func (c GrantConfig) validate(bad badFunc) {
	check := func(key, u string) {
		if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
			bad(key, "must be an http(s):// URL, got %q", u)
		}
	}
	if c.RegistrarURL != "" {
		check("grant.registrar_url", c.RegistrarURL)
	}
	for _, u := range c.RegistrarURLs {
		check("grant.registrar_urls", u)
	}
	if c.Serial != "" {
		if err := chain.CheckSerial(c.Serial); err != nil {
			bad("grant.serial", "%v", err)
		}
	}
}

// Grant states, as `mycroft status` shows them.
const (
	grantWaitingKeys = "waiting_for_keys" // no keyring yet, or locked
	grantAsking      = "asking"           // asking the registrars
	grantUnreachable = "unreachable"      // no registrar or chain answered
	grantRefused     = "refused"          // every registrar refused
	grantWaitingGas  = "waiting_for_gas"  // signed, but the owner cannot pay the claim yet
	grantClaimed     = "claimed"
	grantOff         = "off" // no registrar configured
)

// Timing of the claim; tests shorten them.
var (
	grantRetryMin    = 30 * time.Second
	grantRetryMax    = time.Hour
	grantRefusedWait = 6 * time.Hour
	// grantExpiry is the expiry asked for; a claim closer than
	// grantExpiryMargin to it is asked for again rather than submitted.
	grantExpiry       = 12 * time.Hour
	grantExpiryMargin = 10 * time.Minute
	grantHTTPTimeout  = 2 * time.Minute // the registrar waits for its gas drop to be mined
)

var (
	bucketGrant  = []byte("grant")
	keyGrantSave = []byte("state")
)

// grantSaved is what the agent keeps in its database: the registrar's
// signed claim (usable by a relayer too) and, once paid, the transaction.
type grantSaved struct {
	Claim   *chain.SignUpClaim `json:"claim,omitempty"`
	Claimed bool               `json:"claimed"`
	Tx      common.Hash        `json:"tx,omitzero"`
}

// grantParts is the sign-up grant claim's state.
type grantParts struct {
	mu        sync.Mutex
	state     string
	reason    string
	registrar string
	saved     grantSaved
	next      time.Time
}

func (g *grantParts) set(state, reason string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.state, g.reason = state, reason
}

// wireGrant starts the sign-up grant claim when registrars are configured
// and the chain is wired. It never blocks boot: the claim runs as a
// service, retrying with backoff until the grant is paid.
func (a *Agent) wireGrant(context.Context) error {
	urls := a.cfg.Grant.URLs()
	if a.chain == nil || a.keys == nil {
		return nil
	}
	if len(urls) == 0 {
		a.addStatus("grant", func() any {
			return map[string]any{"state": grantOff, "reason": "no registrar configured (grant.registrar_url); a relayer or the owner can still claim"}
		})
		return nil
	}
	g := &grantParts{state: grantAsking}
	if err := a.db.View(func(tx *bbolt.Tx) error {
		if b := tx.Bucket(bucketGrant); b != nil {
			if v := b.Get(keyGrantSave); v != nil {
				return json.Unmarshal(v, &g.saved)
			}
		}
		return nil
	}); err != nil {
		a.log.Warn("grant: stored state unreadable; asking again", "err", err)
		g.saved = grantSaved{}
	}
	if g.saved.Claimed {
		g.state = grantClaimed
	}
	s := &grantService{a: a, g: g, urls: urls, serial: a.cfg.Grant.Serial,
		http: &http.Client{Timeout: grantHTTPTimeout}}
	if s.serial == "" {
		s.serial = boardSerial()
	}
	a.svcs.list = append(a.svcs.list, s)
	// The signed claim, for a relayer to submit on the owner's behalf.
	a.handle("GET /grant/claim", func(*http.Request) (any, error) {
		g.mu.Lock()
		defer g.mu.Unlock()
		if g.saved.Claim == nil {
			return nil, &apiclient.Error{Status: http.StatusNotFound, Message: "no signed sign-up claim (grant state: " + g.state + ")"}
		}
		return map[string]any{"claim": g.saved.Claim, "claimed": g.saved.Claimed}, nil
	})
	a.addStatus("grant", func() any {
		g.mu.Lock()
		defer g.mu.Unlock()
		out := map[string]any{"state": g.state}
		if g.reason != "" {
			out["reason"] = g.reason
		}
		if g.registrar != "" {
			out["registrar"] = g.registrar
		}
		if g.saved.Tx != (common.Hash{}) {
			out["tx"] = g.saved.Tx.Hex()
		}
		if !g.next.IsZero() && g.state != grantClaimed {
			out["nextTry"] = g.next.UTC().Format(time.RFC3339)
		}
		return out
	})
	return nil
}

// boardSerial is the board's serial number from the device tree (a
// Raspberry Pi has one), or "" when there is none of a usable form.
func boardSerial() string {
	b, err := os.ReadFile("/sys/firmware/devicetree/base/serial-number")
	if err != nil {
		return ""
	}
	s := strings.TrimSpace(strings.TrimRight(string(b), "\x00"))
	if chain.CheckSerial(s) != nil {
		return ""
	}
	return s
}

// grantService asks the registrars for a signed claim and submits it.
type grantService struct {
	a      *Agent
	g      *grantParts
	urls   []string
	serial string
	http   *http.Client
}

func (*grantService) Name() string { return "grant" }
func (*grantService) Close() error { return nil }

func (s *grantService) Run(ctx context.Context) error {
	backoff := grantRetryMin
	for {
		s.g.mu.Lock()
		done := s.g.saved.Claimed
		s.g.mu.Unlock()
		if done {
			<-ctx.Done()
			return nil
		}
		wait, progressed := s.step(ctx)
		if ctx.Err() != nil {
			return nil
		}
		if progressed {
			backoff = grantRetryMin
		}
		if wait == 0 {
			wait = backoff
			backoff = min(2*backoff, grantRetryMax)
		}
		s.g.mu.Lock()
		s.g.next = s.a.now().Add(wait)
		s.g.mu.Unlock()
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return nil
		case <-t.C:
		}
	}
}

func (s *grantService) save(sv grantSaved) {
	s.g.mu.Lock()
	s.g.saved = sv
	s.g.mu.Unlock()
	v, err := json.Marshal(sv)
	if err == nil {
		err = s.a.db.Update(func(tx *bbolt.Tx) error {
			b, err := tx.CreateBucketIfNotExists(bucketGrant)
			if err != nil {
				return err
			}
			if bytes.Equal(b.Get(keyGrantSave), v) {
				return nil
			}
			return b.Put(keyGrantSave, v)
		})
	}
	if err != nil {
		s.a.log.Warn("grant: save state", "err", err)
	}
}

// step does one round: it returns how long to wait before the next (0:
// the backoff) and whether it got further than the last round.
func (s *grantService) step(ctx context.Context) (time.Duration, bool) {
	st := s.a.keys.Status()
	if !st.Initialized || !st.WalletUnlocked {
		s.g.set(grantWaitingKeys, "the keyring is not created or not unlocked")
		return grantRetryMin, false
	}
	owner := st.Address
	cctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	paid, err := s.a.chain.GrantClaimed(cctx, owner)
	cancel()
	if err != nil {
		s.g.set(grantUnreachable, "chain: "+err.Error())
		return 0, false
	}
	s.g.mu.Lock()
	saved := s.g.saved
	s.g.mu.Unlock()
	if paid {
		saved.Claimed = true
		s.save(saved)
		s.g.set(grantClaimed, "")
		s.a.log.Info("grant: the sign-up grant is paid", "owner", owner.Hex())
		return 0, true
	}
	now := s.a.now()
	cl := saved.Claim
	if cl != nil && (cl.Owner != owner || cl.ChainID != s.a.manifest.ChainID || cl.Grants != s.a.manifest.Grants ||
		now.Add(grantExpiryMargin).After(cl.ExpiryTime())) {
		cl = nil // another keyring or deployment, or about to expire: ask again
	}
	cctx, cancel = context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	bal, err := s.a.chain.NativeBalance(cctx, owner)
	if err != nil {
		s.g.set(grantUnreachable, "chain: "+err.Error())
		return 0, false
	}
	// Ask when there is no claim yet, or when the owner still has no coin
	// for the gas: the registrar then answers the same claim again and
	// retries its gas drop (a drop that failed is not lost).
	asked := false
	if cl == nil || bal.Sign() == 0 {
		fresh, wait := s.ask(ctx, owner)
		if fresh == nil && cl == nil {
			return wait, false
		}
		if fresh != nil {
			cl, asked = fresh, true
			saved = grantSaved{Claim: cl}
			s.save(saved)
			if bal, err = s.a.chain.NativeBalance(cctx, owner); err != nil {
				s.g.set(grantUnreachable, "chain: "+err.Error())
				return 0, true
			}
		}
	}
	// Submit it when the owner has coin for the gas (the registrar's gas
	// drop); otherwise a relaying provider submits it, paid out of the
	// grant.
	if bal.Sign() == 0 {
		tx, err := s.a.relayGrantClaim(cctx, *cl)
		if err != nil {
			s.g.set(grantWaitingGas, "the registrar signed the claim; the owner has no coin for its gas yet ("+err.Error()+")")
			return 0, asked
		}
		s.claimed(saved, owner, tx, "through a relayer")
		return 0, true
	}
	rc, err := s.a.chain.SubmitSignUpClaim(cctx, *cl)
	if err != nil {
		if errors.Is(err, chain.ErrReverted) {
			// Paid meanwhile (AlreadyClaimed) or expired: the next round
			// reads the chain and asks again if needed.
			saved.Claim = nil
			s.save(saved)
		}
		s.g.set(grantWaitingGas, "submitting the claim: "+err.Error())
		return 0, false // back off: a pool that is empty reverts every time
	}
	s.claimed(saved, owner, rc.TxHash, "by the device")
	return 0, true
}

// claimed records the grant paid by tx and tells the self-delegation,
// which waits for tokens, that they are there.
func (s *grantService) claimed(saved grantSaved, owner common.Address, tx common.Hash, how string) {
	saved.Claimed, saved.Tx = true, tx
	s.save(saved)
	s.g.set(grantClaimed, "")
	s.a.log.Info("grant: sign-up grant claimed "+how, "owner", owner.Hex(), "tx", tx.Hex())
	if d := s.a.chainx.delegation; d != nil {
		d.wake()
	}
}

// registrarError is a registrar's refusal.
type registrarError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// ask asks each registrar in turn for a signed claim. With none it returns
// how long to wait: a rate limit's Retry-After, grantRefusedWait when
// every registrar refused, else 0 (the backoff).
func (s *grantService) ask(ctx context.Context, owner common.Address) (*chain.SignUpClaim, time.Duration) {
	s.g.set(grantAsking, "")
	req := chain.SignUpRequest{ChainID: s.a.manifest.ChainID, Grants: s.a.manifest.Grants, Owner: owner, Device: owner,
		Serial: s.serial, Expiry: s.a.now().Add(grantExpiry).Unix()}
	if err := req.Sign(s.a.keys); err != nil {
		s.g.set(grantWaitingKeys, err.Error())
		return nil, grantRetryMin
	}
	body, err := json.Marshal(req)
	if err != nil {
		s.g.set(grantRefused, err.Error())
		return nil, grantRefusedWait
	}
	var refusals, failures []string
	var retryAfter time.Duration
	for _, u := range s.urls {
		cl, status, rerr, ra, err := s.post(ctx, u, body)
		switch {
		case err != nil:
			failures = append(failures, fmt.Sprintf("%s: %v", chain.RedactURL(u), err))
		case cl != nil:
			if verr := cl.Verify(); verr != nil || cl.Owner != owner || cl.Device != req.DeviceID() ||
				cl.ChainID != req.ChainID || cl.Grants != req.Grants || cl.Expiry != req.Expiry {
				failures = append(failures, fmt.Sprintf("%s: answered a claim that does not match the request", chain.RedactURL(u)))
				continue
			}
			s.g.mu.Lock()
			s.g.registrar = chain.RedactURL(u)
			s.g.mu.Unlock()
			s.a.log.Info("grant: registrar signed the claim", "registrar", chain.RedactURL(u), "owner", owner.Hex())
			return cl, 0
		case status == http.StatusTooManyRequests || status >= 500:
			if ra > retryAfter {
				retryAfter = ra
			}
			failures = append(failures, fmt.Sprintf("%s: %s", chain.RedactURL(u), rerr.Message))
		default:
			refusals = append(refusals, fmt.Sprintf("%s: %s (%s)", chain.RedactURL(u), rerr.Message, rerr.Code))
		}
	}
	if len(failures) > 0 {
		s.g.set(grantUnreachable, strings.Join(append(failures, refusals...), "; "))
		s.a.log.Warn("grant: no registrar answered", "why", strings.Join(failures, "; "))
		return nil, retryAfter
	}
	s.g.set(grantRefused, strings.Join(refusals, "; "))
	s.a.log.Warn("grant: refused", "why", strings.Join(refusals, "; "))
	return nil, grantRefusedWait
}

// post sends one request to a registrar.
func (s *grantService) post(ctx context.Context, url string, body []byte) (*chain.SignUpClaim, int, registrarError, time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url+"/v1/claim", bytes.NewReader(body))
	if err != nil {
		return nil, 0, registrarError{}, 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	res, err := s.http.Do(req)
	if err != nil {
		return nil, 0, registrarError{}, 0, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(io.LimitReader(res.Body, 64<<10))
	if err != nil {
		return nil, 0, registrarError{}, 0, err
	}
	if res.StatusCode == http.StatusOK {
		var ok struct {
			Claim chain.SignUpClaim `json:"claim"`
		}
		if err := json.Unmarshal(b, &ok); err != nil {
			return nil, 0, registrarError{}, 0, fmt.Errorf("answer: %w", err)
		}
		return &ok.Claim, res.StatusCode, registrarError{}, 0, nil
	}
	var refusal struct {
		Error registrarError `json:"error"`
	}
	if json.Unmarshal(b, &refusal) != nil || refusal.Error.Code == "" {
		refusal.Error = registrarError{Code: "http_" + strconv.Itoa(res.StatusCode), Message: res.Status}
	}
	var ra time.Duration
	if sec, err := strconv.Atoi(res.Header.Get("Retry-After")); err == nil && sec > 0 {
		ra = min(time.Duration(sec)*time.Second, grantRefusedWait)
	}
	return nil, res.StatusCode, refusal.Error, ra, nil
}
