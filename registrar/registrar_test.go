package registrar_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/chain/devnet"
	"github.com/mycroft-network/mycroft/registrar"
)

var testGasDrop = big.NewInt(5e15) // 0.005: the devnet's dev rules make a claim dear

// clock is real time plus an offset the test moves (the chain's blocks
// carry real timestamps, so expiries must be near real time).
type clock struct{ off atomic.Int64 }

func (c *clock) now() time.Time             { return time.Now().Add(time.Duration(c.off.Load())) }
func (c *clock) advance(d time.Duration)    { c.off.Add(int64(d)) }
func newKey(t *testing.T) *ecdsa.PrivateKey { k, _ := crypto.GenerateKey(); return k }

type env struct {
	t      *testing.T
	ctx    context.Context
	d      *devnet.Devnet
	regKey *ecdsa.PrivateKey
	clock  *clock
}

func startEnv(t *testing.T) *env {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	t.Cleanup(cancel)
	regKey := newKey(t)
	reg := crypto.PubkeyToAddress(regKey.PublicKey)
	d, err := devnet.Start(ctx, devnet.Config{BlockPeriod: -1, Registrar: reg, Accounts: []common.Address{reg}})
	if err != nil {
		t.Fatalf("devnet: %v", err)
	}
	t.Cleanup(func() { d.Close() })
	return &env{t: t, ctx: ctx, d: d, regKey: regKey, clock: &clock{}}
}

// server runs a registrar on 127.0.0.1 with cfg (Chain, Key, Now filled
// in) and returns its URL and a stop function.
func (e *env) server(cfg registrar.Config) (string, func()) {
	e.t.Helper()
	c, err := e.d.Client(e.ctx, chain.NewKeySigner(e.regKey))
	if err != nil {
		e.t.Fatal(err)
	}
	cfg.Chain, cfg.Key, cfg.Now = c, chain.NewKeySigner(e.regKey), e.clock.now
	r, err := registrar.New(cfg)
	if err != nil {
		e.t.Fatalf("registrar.New: %v", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		e.t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(e.ctx)
	done := make(chan error, 1)
	go func() { done <- r.Serve(ctx, ln) }()
	stopped := false
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		cancel()
		if err := <-done; err != nil {
			e.t.Errorf("Serve: %v", err)
		}
		r.Close()
		c.Close()
	}
	e.t.Cleanup(stop)
	return "http://" + ln.Addr().String(), stop
}

// request builds a sign-up request signed by signer for device.
func (e *env) request(signer *ecdsa.PrivateKey, device, owner common.Address, serial string) []byte {
	e.t.Helper()
	r := chain.SignUpRequest{ChainID: e.d.Manifest.ChainID, Grants: e.d.Manifest.Grants, Owner: owner, Device: device,
		Serial: serial, Expiry: e.clock.now().Add(time.Hour).Unix()}
	if err := r.SignWithKey(signer); err != nil {
		e.t.Fatal(err)
	}
	return marshal(e.t, r)
}

func marshal(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

type answer struct {
	status int
	resp   registrar.ClaimResponse
	code   string
	msg    string
}

func post(t *testing.T, url string, body []byte) answer {
	t.Helper()
	res, err := http.Post(url+"/v1/claim", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatalf("POST: %v", err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	a := answer{status: res.StatusCode}
	if res.StatusCode == http.StatusOK {
		if err := json.Unmarshal(b, &a.resp); err != nil {
			t.Fatalf("answer %s: %v", b, err)
		}
		return a
	}
	var eb struct {
		Error struct{ Code, Message string } `json:"error"`
	}
	if err := json.Unmarshal(b, &eb); err != nil {
		t.Fatalf("refusal %d %s: %v", res.StatusCode, b, err)
	}
	a.code, a.msg = eb.Error.Code, eb.Error.Message
	return a
}

func wantRefused(t *testing.T, what string, a answer, status int, code string) {
	t.Helper()
	if a.status != status || a.code != code {
		t.Fatalf("%s: got %d %q (%s), want %d %q", what, a.status, a.code, a.msg, status, code)
	}
}

func TestRegistrarPolicy(t *testing.T) {
	e := startEnv(t)
	dbPath := filepath.Join(t.TempDir(), "registrar.db")
	serials := map[string]bool{"SN-1": true, "SN-2": true, "SN-3": true, "SN-4": true, "SN-5": true}
	cfg := registrar.Config{DBPath: dbPath, AllowSerials: serials, GasDrop: testGasDrop, ClaimsPerHourPerIP: 3, ClaimsPerHour: 100}
	url, stop := e.server(cfg)

	// A device claims: it gets the registrar's signature and the gas drop,
	// then submits the claim itself and is paid the grant.
	dev1 := newKey(t)
	dev1Addr := crypto.PubkeyToAddress(dev1.PublicKey)
	a := post(t, url, e.request(dev1, dev1Addr, dev1Addr, "SN-1"))
	if a.status != http.StatusOK {
		t.Fatalf("first claim: %d %s %s", a.status, a.code, a.msg)
	}
	cl := a.resp.Claim
	if cl.Owner != dev1Addr || cl.Device != chain.DeviceID(dev1Addr) || cl.Registrar != crypto.PubkeyToAddress(e.regKey.PublicKey) {
		t.Fatalf("claim %+v: wrong owner, device or registrar", cl)
	}
	if err := cl.Verify(); err != nil {
		t.Fatalf("claim signature: %v", err)
	}
	if a.resp.GasTx == "" || a.resp.GasDrop != testGasDrop.String() {
		t.Fatalf("gas drop: tx %q amount %q (error %q), want %s wei sent", a.resp.GasTx, a.resp.GasDrop, a.resp.GasError, testGasDrop)
	}
	devC, err := e.d.Client(e.ctx, chain.NewKeySigner(dev1))
	if err != nil {
		t.Fatal(err)
	}
	defer devC.Close()
	if bal, err := devC.NativeBalance(e.ctx, dev1Addr); err != nil || bal.Cmp(testGasDrop) != 0 {
		t.Fatalf("owner's native balance after the drop = %v, %v; want %s", bal, err, testGasDrop)
	}
	if _, err := devC.SubmitSignUpClaim(e.ctx, cl); err != nil {
		t.Fatalf("submit claim: %v", err)
	}
	if myc, err := devC.TokenBalance(e.ctx, dev1Addr); err != nil || myc.Cmp(e.d.Params.GrantAmount) != 0 {
		t.Fatalf("owner's MYC after the claim = %v, %v; want %s", myc, err, e.d.Params.GrantAmount)
	}

	// The same device key again, for itself and for another owner.
	owner2 := crypto.PubkeyToAddress(newKey(t).PublicKey)
	wantRefused(t, "same device again", post(t, url, e.request(dev1, dev1Addr, dev1Addr, "SN-1")), http.StatusConflict, registrar.CodeDeviceClaimed)
	wantRefused(t, "same device, another owner", post(t, url, e.request(dev1, dev1Addr, owner2, "SN-1")), http.StatusConflict, registrar.CodeDeviceClaimed)

	// The same owner with another device key.
	dev2 := newKey(t)
	dev2Addr := crypto.PubkeyToAddress(dev2.PublicKey)
	wantRefused(t, "same owner, another device", post(t, url, e.request(dev2, dev2Addr, dev1Addr, "SN-2")), http.StatusConflict, registrar.CodeOwnerClaimed)

	// A serial not on the allow-list, and none at all.
	wantRefused(t, "serial not allowed", post(t, url, e.request(dev2, dev2Addr, dev2Addr, "SN-999")), http.StatusForbidden, registrar.CodeSerialNotAllowed)
	wantRefused(t, "no serial", post(t, url, e.request(dev2, dev2Addr, dev2Addr, "")), http.StatusForbidden, registrar.CodeSerialNotAllowed)
	// Another device's serial.
	wantRefused(t, "serial of another device", post(t, url, e.request(dev2, dev2Addr, dev2Addr, "SN-1")), http.StatusConflict, registrar.CodeSerialClaimed)

	// A forged device signature: dev2's key signs a request for dev3's key.
	dev3 := newKey(t)
	dev3Addr := crypto.PubkeyToAddress(dev3.PublicKey)
	wantRefused(t, "forged device signature", post(t, url, e.request(dev2, dev3Addr, dev3Addr, "SN-3")), http.StatusBadRequest, registrar.CodeBadRequest)

	// dev2 claims (the second of 3 an hour from 127.0.0.1) but does not
	// submit; dev3 takes the third; a fourth device is rate limited until
	// an hour has passed.
	a2 := post(t, url, e.request(dev2, dev2Addr, dev2Addr, "SN-2"))
	if a2.status != http.StatusOK {
		t.Fatalf("dev2 claim: %d %s %s", a2.status, a2.code, a2.msg)
	}
	// dev3's owner already holds more than the drop: no drop is sent.
	if err := e.d.Fund(e.ctx, dev3Addr, devnet.Units(1, devnet.Ether), nil); err != nil {
		t.Fatal(err)
	}
	if a := post(t, url, e.request(dev3, dev3Addr, dev3Addr, "SN-3")); a.status != http.StatusOK || a.resp.GasTx != "" {
		t.Fatalf("dev3 claim: %d %s %s, gas tx %q (want none: the owner has gas)", a.status, a.code, a.msg, a.resp.GasTx)
	}
	dev4 := newKey(t)
	dev4Addr := crypto.PubkeyToAddress(dev4.PublicKey)
	wantRefused(t, "fourth claim in the hour", post(t, url, e.request(dev4, dev4Addr, dev4Addr, "SN-4")), http.StatusTooManyRequests, registrar.CodeRateLimited)

	// Restart: the records survive. dev2 (signed, not submitted) asking
	// for another owner is refused; asking again for itself gets its claim
	// again without a second gas drop, and without using the rate.
	stop()
	url, _ = e.server(cfg)
	wantRefused(t, "after restart: dev2 for another owner", post(t, url, e.request(dev2, dev2Addr, owner2, "SN-2")), http.StatusConflict, registrar.CodeDeviceClaimed)
	wantRefused(t, "after restart: another device for dev2's owner", post(t, url, e.request(dev4, dev4Addr, dev2Addr, "SN-4")), http.StatusConflict, registrar.CodeOwnerClaimed)
	again := post(t, url, e.request(dev2, dev2Addr, dev2Addr, "SN-2"))
	if again.status != http.StatusOK || !again.resp.Reissued || again.resp.GasTx != "" {
		t.Fatalf("dev2 asking again after restart: %d %s %s, reissued %v, gas tx %q; want its claim again and no gas drop",
			again.status, again.code, again.msg, again.resp.Reissued, again.resp.GasTx)
	}
	if err := again.resp.Claim.Verify(); err != nil {
		t.Fatal(err)
	}
	wantRefused(t, "after restart: still rate limited", post(t, url, e.request(dev4, dev4Addr, dev4Addr, "SN-4")), http.StatusTooManyRequests, registrar.CodeRateLimited)

	e.clock.advance(time.Hour)
	if a := post(t, url, e.request(dev4, dev4Addr, dev4Addr, "SN-4")); a.status != http.StatusOK {
		t.Fatalf("dev4 an hour later: %d %s %s", a.status, a.code, a.msg)
	}
}

func TestRegistrarLimits(t *testing.T) {
	e := startEnv(t)
	// Overall: one new claim an hour, no allow-list, no gas drop.
	url, _ := e.server(registrar.Config{DBPath: filepath.Join(t.TempDir(), "r.db"), GasDrop: new(big.Int), ClaimsPerHour: 1, ClaimsPerHourPerIP: -1})
	k1, k2 := newKey(t), newKey(t)
	a1, a2 := crypto.PubkeyToAddress(k1.PublicKey), crypto.PubkeyToAddress(k2.PublicKey)
	if a := post(t, url, e.request(k1, a1, a1, "")); a.status != http.StatusOK || a.resp.GasTx != "" {
		t.Fatalf("first claim: %d %s %s, gas tx %q (want none: the drop is off)", a.status, a.code, a.msg, a.resp.GasTx)
	}
	wantRefused(t, "second claim in the hour", post(t, url, e.request(k2, a2, a2, "")), http.StatusTooManyRequests, registrar.CodeRateLimited)

	// Expiry and deployment checks.
	r := chain.SignUpRequest{ChainID: e.d.Manifest.ChainID, Grants: e.d.Manifest.Grants, Owner: a2, Device: a2}
	for _, c := range []struct {
		name   string
		mod    func(*chain.SignUpRequest)
		status int
		code   string
	}{
		{"expired", func(r *chain.SignUpRequest) { r.Expiry = e.clock.now().Add(-time.Minute).Unix() }, http.StatusBadRequest, registrar.CodeExpiry},
		{"expiry too far", func(r *chain.SignUpRequest) { r.Expiry = e.clock.now().Add(48 * time.Hour).Unix() }, http.StatusBadRequest, registrar.CodeExpiry},
		{"other chain", func(r *chain.SignUpRequest) { r.ChainID = 1; r.Expiry = e.clock.now().Add(time.Hour).Unix() }, http.StatusBadRequest, registrar.CodeWrongDeployment},
	} {
		q := r
		c.mod(&q)
		if err := q.SignWithKey(k2); err != nil {
			t.Fatal(err)
		}
		b, _ := json.Marshal(q)
		wantRefused(t, c.name, post(t, url, b), c.status, c.code)
	}
	// An oversized body.
	big := []byte(fmt.Sprintf(`{"serial":%q}`, bytes.Repeat([]byte("a"), 2*chain.MaxSignUpRequestBytes)))
	wantRefused(t, "oversized body", post(t, url, big), http.StatusRequestEntityTooLarge, registrar.CodeBadRequest)
}

func TestRegistrarNotApproved(t *testing.T) {
	e := startEnv(t)
	// A registrar key governance never approved signs nothing.
	e.regKey = newKey(t)
	if err := e.d.Fund(e.ctx, crypto.PubkeyToAddress(e.regKey.PublicKey), devnet.Units(1, devnet.Ether), nil); err != nil {
		t.Fatal(err)
	}
	url, _ := e.server(registrar.Config{DBPath: filepath.Join(t.TempDir(), "r.db")})
	k := newKey(t)
	a := crypto.PubkeyToAddress(k.PublicKey)
	wantRefused(t, "unapproved registrar", post(t, url, e.request(k, a, a, "")), http.StatusServiceUnavailable, registrar.CodeNotApproved)
}

// TestRegistrarSameDeviceAtOnce: a device that sends its request several
// times at once (retries over a bad link) gets one claim signed anew, the
// others reissued, and one gas drop.
func TestRegistrarSameDeviceAtOnce(t *testing.T) {
	e := startEnv(t)
	url, _ := e.server(registrar.Config{DBPath: filepath.Join(t.TempDir(), "r.db"), GasDrop: testGasDrop})
	k := newKey(t)
	a := crypto.PubkeyToAddress(k.PublicKey)
	body := e.request(k, a, a, "")
	const n = 4
	answers := make(chan answer, n)
	for range n {
		go func() {
			res, err := http.Post(url+"/v1/claim", "application/json", bytes.NewReader(body))
			if err != nil {
				answers <- answer{status: -1, msg: err.Error()}
				return
			}
			defer res.Body.Close()
			var an answer
			an.status = res.StatusCode
			if err := json.NewDecoder(res.Body).Decode(&an.resp); err != nil {
				an.msg = err.Error()
			}
			answers <- an
		}()
	}
	fresh, drops := 0, 0
	for range n {
		an := <-answers
		if an.status != http.StatusOK {
			t.Fatalf("a request got %d %s", an.status, an.msg)
		}
		if !an.resp.Reissued {
			fresh++
		}
		if an.resp.GasTx != "" {
			drops++
		}
	}
	if fresh != 1 || drops != 1 {
		t.Fatalf("%d requests at once: %d claims signed anew and %d gas drops; want 1 and 1", n, fresh, drops)
	}
	c, err := e.d.Client(e.ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if bal, err := c.NativeBalance(e.ctx, a); err != nil || bal.Cmp(testGasDrop) != 0 {
		t.Fatalf("owner balance %v, %v; want one drop of %s", bal, err, testGasDrop)
	}
}
