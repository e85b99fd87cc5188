package agent

import (
	"context"
	"encoding/json"
	"math/big"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/chain/devnet"
	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/registrar"
)

// fastGrant shortens the claim's retries for the test.
func fastGrant(t testing.TB) {
	old := [3]time.Duration{grantRetryMin, grantRetryMax, grantRefusedWait}
	grantRetryMin, grantRetryMax, grantRefusedWait = 20*time.Millisecond, 200*time.Millisecond, 50*time.Millisecond
	t.Cleanup(func() { grantRetryMin, grantRetryMax, grantRefusedWait = old[0], old[1], old[2] })
}

type grantStatus struct {
	State  string `json:"state"`
	Reason string `json:"reason"`
	Tx     string `json:"tx"`
}

func grantState(t testing.TB, ctx context.Context, c *apiclient.Client) grantStatus {
	t.Helper()
	st, err := c.Status(ctx)
	if err != nil {
		t.Fatalf("Status: %v", err)
	}
	var g grantStatus
	if raw, ok := st.Components["grant"]; ok {
		if err := json.Unmarshal(raw, &g); err != nil {
			t.Fatalf("grant status %s: %v", raw, err)
		}
	}
	return g
}

// serveRegistrar serves r on a loopback port until the test ends, then
// closes it, and returns its URL.
func serveRegistrar(t testing.TB, r *registrar.Registrar) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- r.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		<-served
		r.Close()
	})
	return "http://" + ln.Addr().String()
}

// TestFirstBootGrant: a device with fresh keys asks the registrar, gets
// the gas drop, submits the claim itself and holds the grant; a device
// whose serial the registrar does not allow says it was refused and why.
func TestFirstBootGrant(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	fastGrant(t)
	regKey, _ := crypto.GenerateKey()
	reg := crypto.PubkeyToAddress(regKey.PublicKey)
	manifest := filepath.Join(t.TempDir(), "deployment.json")
	d, err := devnet.Start(ctx, devnet.Config{BlockPeriod: -1, ManifestPath: manifest, Registrar: reg, Accounts: []common.Address{reg}})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()

	rc, err := d.Client(ctx, chain.NewKeySigner(regKey))
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	drop := big.NewInt(5e15)
	r, err := registrar.New(registrar.Config{Chain: rc, Key: chain.NewKeySigner(regKey), DBPath: filepath.Join(t.TempDir(), "registrar.db"),
		AllowSerials: map[string]bool{"SN-1": true}, GasDrop: drop})
	if err != nil {
		t.Fatal(err)
	}
	regURL := serveRegistrar(t, r)

	cfg := testConfig(t)
	cfg.Chain.RPCURL = d.URL
	cfg.Chain.Manifest = manifest
	cfg.Grant.RegistrarURL = regURL
	cfg.Grant.Serial = "SN-1"
	_, c, stop := start(t, cfg, Options{})
	// Boot did not wait for the claim: the agent answers, without keys.
	chainWaitFor(ctx, t, "the claim to wait for keys", func() bool { return grantState(t, ctx, c).State == grantWaitingKeys })

	ini, err := c.KeysInit(ctx, testPass)
	if err != nil {
		t.Fatal(err)
	}
	device := common.HexToAddress(ini.Address)
	var g grantStatus
	chainWaitFor(ctx, t, "the grant to be claimed", func() bool {
		g = grantState(t, ctx, c)
		return g.State == grantClaimed
	})
	if g.Tx == "" {
		t.Errorf("claimed grant status %+v has no transaction", g)
	}
	myc, err := rc.TokenBalance(ctx, device)
	if err != nil || myc.Cmp(d.Params.GrantAmount) != 0 {
		t.Fatalf("device MYC after the claim = %v, %v; want the grant %s", myc, err, d.Params.GrantAmount)
	}
	// The drop paid the claim's gas and the contract's gas grant came on top.
	native, err := rc.NativeBalance(ctx, device)
	if err != nil || native.Cmp(d.Params.GasGrant) <= 0 || native.Cmp(new(big.Int).Add(drop, d.Params.GasGrant)) >= 0 {
		t.Fatalf("device native balance = %v, %v; want between the gas grant %s and it plus the drop %s", native, err, d.Params.GasGrant, drop)
	}
	if paid, err := rc.GrantClaimed(ctx, device); err != nil || !paid {
		t.Fatalf("GrantClaimed(%s) = %v, %v", device, paid, err)
	}
	// The claim stays readable over the local API (for a relayer).
	var got struct {
		Claim   chain.SignUpClaim `json:"claim"`
		Claimed bool              `json:"claimed"`
	}
	if err := c.Do(ctx, http.MethodGet, "/grant/claim", nil, &got); err != nil {
		t.Fatalf("GET /grant/claim: %v", err)
	}
	if !got.Claimed || got.Claim.Owner != device || got.Claim.Verify() != nil {
		t.Fatalf("GET /grant/claim = %+v", got)
	}

	// A restart remembers: claimed, with no new request.
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	a2, c2, _ := start(t, cfg, Options{})
	if g := grantState(t, ctx, c2); g.State != grantClaimed {
		t.Fatalf("after a restart the grant state is %+v, want claimed", g)
	}
	_ = a2

	// Another device, whose serial is not on the registrar's allow-list.
	cfg2 := testConfig(t)
	cfg2.Chain.RPCURL = d.URL
	cfg2.Chain.Manifest = manifest
	cfg2.Grant.RegistrarURL = cfg.Grant.RegistrarURL
	cfg2.Grant.Serial = "SN-2"
	_, c3, _ := start(t, cfg2, Options{})
	if _, err := c3.KeysInit(ctx, testPass); err != nil {
		t.Fatal(err)
	}
	chainWaitFor(ctx, t, "the second device to be refused", func() bool {
		g = grantState(t, ctx, c3)
		return g.State == grantRefused
	})
	if !strings.Contains(g.Reason, "allow-list") || !strings.Contains(g.Reason, registrar.CodeSerialNotAllowed) {
		t.Errorf("refusal reason %q, want the registrar's allow-list refusal", g.Reason)
	}

	// A registrar that sends no gas (same approved key, its own records):
	// the device waits for gas, and claims once someone sends it some.
	r2, err := registrar.New(registrar.Config{Chain: rc, Key: chain.NewKeySigner(regKey), DBPath: filepath.Join(t.TempDir(), "registrar2.db"),
		GasDrop: new(big.Int)})
	if err != nil {
		t.Fatal(err)
	}
	cfg3 := testConfig(t)
	cfg3.Chain.RPCURL = d.URL
	cfg3.Chain.Manifest = manifest
	// The first registrar refuses (no serial on its allow-list); the
	// second signs.
	cfg3.Grant.RegistrarURLs = []string{cfg.Grant.RegistrarURL, serveRegistrar(t, r2)}
	cfg3.Grant.Serial = "SN-3"
	_, c4, _ := start(t, cfg3, Options{})
	ini3, err := c4.KeysInit(ctx, testPass)
	if err != nil {
		t.Fatal(err)
	}
	chainWaitFor(ctx, t, "the third device to wait for gas", func() bool { return grantState(t, ctx, c4).State == grantWaitingGas })
	if err := d.Fund(ctx, common.HexToAddress(ini3.Address), drop, nil); err != nil {
		t.Fatal(err)
	}
	chainWaitFor(ctx, t, "the third device to claim once it has gas", func() bool { return grantState(t, ctx, c4).State == grantClaimed })
	if myc, err := rc.TokenBalance(ctx, common.HexToAddress(ini3.Address)); err != nil || myc.Cmp(d.Params.GrantAmount) != 0 {
		t.Fatalf("third device MYC = %v, %v; want %s", myc, err, d.Params.GrantAmount)
	}
}
