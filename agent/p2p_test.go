package agent

import (
	"context"
	"encoding/json"
	"math/big"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/mycroft-network/mycroft/internal/netguard"
	"github.com/mycroft-network/mycroft/p2p"
)

func TestP2PConfigValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		set  func(*P2PConfig)
		bad  string // the key refused; "" for a good config
	}{
		{"defaults", func(*P2PConfig) {}, ""},
		{"loopback listener", func(c *P2PConfig) { c.Listen = []string{"/ip4/127.0.0.1/tcp/0"} }, ""},
		{"announce", func(c *P2PConfig) { c.Announce = "/ip4/192.0.2.10/tcp/4001" }, ""},
		{"port 0", func(c *P2PConfig) { c.Port = 0 }, "p2p.port"},
		{"port too high", func(c *P2PConfig) { c.Port = 70000 }, "p2p.port"},
		{"listener not a multiaddr", func(c *P2PConfig) { c.Listen = []string{"0.0.0.0:4001"} }, "p2p.listen_addrs"},
		{"announce not a multiaddr", func(c *P2PConfig) { c.Announce = "192.0.2.10:4001" }, "p2p.announce"},
		{"announce names a peer", func(c *P2PConfig) {
			c.Announce = "/ip4/192.0.2.10/tcp/4001/p2p/16Uiu2HAkzh4QdxB7ijzVnwd6JFNNe4bcr1JBwYUypXe3pX5BRpqK"
		}, "p2p.announce"},
		{"announce too long", func(c *P2PConfig) { c.Announce = "/dns4/" + strings.Repeat("a", 190) + ".example/tcp/4001" }, "p2p.announce"},
		{"hole punching without relay", func(c *P2PConfig) { c.HolePunching = true }, "p2p.hole_punching"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := defaultP2PConfig()
			tc.set(&c)
			var keys []string
			c.validate(func(key, _ string, _ ...any) { keys = append(keys, key) })
			if tc.bad == "" && len(keys) != 0 || tc.bad != "" && (len(keys) != 1 || keys[0] != tc.bad) {
				t.Fatalf("%+v refused %v, want %q", c, keys, tc.bad)
			}
		})
	}
}

// TestP2PNetwork: a provider agent and an owner's agent with [p2p] on,
// on loopback with the devnet. The provider registers a /p2p/ multiaddr
// endpoint whose peer id is its wallet key; the owner's weather call is
// paid over libp2p at exactly the price; the owner's backup is stored on
// the provider's storage node over libp2p, paid per chunk, and audited;
// the provider's status shows the host.
func TestP2PNetwork(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	ocfg, owner, _ := speakerConfig(t, ctx, nil)
	pcfg, prov, _ := speakerConfig(t, ctx, nil)
	dn, manifest := testChain(t, ctx, owner, prov)
	reader, err := dn.Client(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	for _, c := range []*Config{&ocfg, &pcfg} {
		onTestChain(t, c, dn, manifest)
		c.P2P.Enabled = true
		c.P2P.Listen = []string{"/ip4/127.0.0.1/tcp/0"}
	}
	pcfg.Provider.Enabled = true
	pcfg.Provider.Listen = freeAddr(t)
	pcfg.Provider.PriceWeather = "0.003"
	pcfg.Provider.WeatherUpstream = upstreamServer(t)
	pa, pc, _ := start(t, pcfg, Options{})
	ocfg.Agent.Latitude, ocfg.Agent.Longitude = 52.52, 13.42
	ocfg.Miner.BackupInterval = 0
	ocfg.Miner.BackupCopies = 1
	oa, oc, _ := start(t, ocfg, Options{})
	pr, or := pa.p2px.running(), oa.p2px.running()
	if pr == nil || or == nil || pa.provider == nil || oa.wallet == nil {
		t.Fatalf("wiring: provider p2p %v, owner p2p %v, provider %v, wallet %v", pr, or, pa.provider, oa.wallet)
	}
	if pr.host.Address() != prov || or.host.Address() != owner {
		t.Fatalf("hosts are %s and %s, want the wallet keys' %s and %s", pr.host.Address().Hex(), or.host.Address().Hex(), prov.Hex(), owner.Hex())
	}

	if st, err := pc.MinerEnable(ctx, []string{"--stake", "100", "--disk", "16MiB", "--cpu", "50"}); err != nil || !st.Enabled {
		t.Fatalf("miner enable: %+v, %v", st, err)
	}
	list, err := reader.ListNodes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var endpoint string
	for _, n := range list {
		if n.Address == prov {
			endpoint = n.Endpoint
		}
	}
	e, err := p2p.ParseEndpoint(endpoint)
	if err != nil || !e.IsLibp2p() || e.Address != prov || !strings.HasPrefix(endpoint, "/ip4/127.0.0.1/tcp/") {
		t.Fatalf("registered endpoint %q (%+v, %v), want a loopback multiaddr with the provider's peer id", endpoint, e, err)
	}

	cond, err := oa.weatherSkill().Current(ctx)
	if err != nil || cond.TempC != 4.3 {
		t.Fatalf("weather over libp2p: %+v, %v; want 4.3 °C", cond, err)
	}
	price := myc(t, "0.003")
	ps, err := pc.ProviderStatus(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if ps.Held != price.String() || ps.Channels != 1 || ps.Stats.Served != 1 || ps.Endpoint != endpoint {
		t.Fatalf("provider status = %+v, want %s held after one call, endpoint %s", ps, price, endpoint)
	}
	chs, err := oc.WalletChannels(ctx)
	if err != nil || len(chs) != 1 || chs[0].Endpoint != endpoint || chs[0].Confirmed != price.String() {
		t.Fatalf("owner channels = %+v, %v; want one at %s with %s confirmed", chs, err, endpoint, price)
	}
	bal, err := oc.WalletBalance(ctx)
	if want := new(big.Int).Sub(myc(t, "10000"), myc(t, "1")); err != nil || bal.Token != want.String() || bal.SpentToday != price.String() {
		t.Fatalf("balance = %+v, %v; want token %s and %s spent", bal, err, want, price)
	}

	// The owner's backup goes to the provider's storage node over libp2p:
	// chunks paid through the wallet, the commitment, the manifest and the
	// audit through the storage client.
	bs, err := oc.BackupRun(ctx)
	if err != nil {
		t.Fatalf("backup over libp2p: %v", err)
	}
	if len(bs.Replicas) != 1 || bs.Chunks == 0 {
		t.Fatalf("backup = %+v, want one copy", bs)
	}
	if bs, err = oc.BackupStatus(ctx); err != nil || len(bs.Audits) != 1 || bs.Audits[0].Error != "" {
		t.Fatalf("backup status = %+v, %v; want one clean audit", bs, err)
	}
	rent := new(big.Int).Mul(myc(t, "0.0001"), big.NewInt(int64(bs.Chunks)))
	if ps, err = pc.ProviderStatus(ctx); err != nil || ps.Held != new(big.Int).Add(price, rent).String() {
		t.Fatalf("provider status after the backup = %+v, %v; want %s + %d chunks of rent held", ps, err, price, bs.Chunks)
	}

	// The provider's status shows the host, connected to the owner.
	st, err := pc.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var ps2p struct {
		Peer, Address, Endpoint string
		Listen                  []string
		Peers                   int
	}
	if err := json.Unmarshal(st.Components["p2p"], &ps2p); err != nil {
		t.Fatalf("status p2p %s: %v", st.Components["p2p"], err)
	}
	if ps2p.Peer != e.Peer.ID.String() || !strings.EqualFold(ps2p.Address, prov.Hex()) || ps2p.Endpoint != endpoint || len(ps2p.Listen) == 0 || ps2p.Peers < 1 {
		t.Errorf("provider's p2p status = %+v, want peer %s, address %s, a listener and the owner connected", ps2p, e.Peer.ID, prov.Hex())
	}
}

// The node port's per-client token bucket holds over libp2p, keyed by
// the caller's peer id: a peer past its burst gets 429 before the handler
// runs; another peer still gets through.
func TestP2PRateLimitPerPeer(t *testing.T) {
	newHost := func() *p2p.Host {
		k, err := crypto.GenerateKey()
		if err != nil {
			t.Fatal(err)
		}
		id, err := p2p.IdentityFromECDSA(k)
		if err != nil {
			t.Fatal(err)
		}
		h, err := p2p.New(context.Background(), p2p.Config{Identity: id, ListenAddrs: []string{"/ip4/127.0.0.1/tcp/0"}})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { h.Close() })
		return h
	}
	server, a, b := newHost(), newHost(), newHost()
	g := netguard.Defaults()
	g.Rate, g.Burst = 1, 2
	frozen := time.Unix(1_800_000_000, 0)
	var served atomic.Int64
	h := peerRateLimit(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { served.Add(1) }), g, func() time.Time { return frozen })
	l, err := server.Listen(p2p.ProtocolHTTP, 0)
	if err != nil {
		t.Fatal(err)
	}
	srv := p2p.Server(h, p2p.DefaultServerLimits(), nil)
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })

	get := func(from *p2p.Host) int {
		t.Helper()
		c := from.Client(server.AddrInfo(), p2p.Expect(server.Address()))
		resp, err := c.Get("http://node/v1/offer")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	for i, want := range []int{200, 200, 429} {
		if got := get(a); got != want {
			t.Fatalf("peer a, call %d: status %d, want %d", i+1, got, want)
		}
	}
	if got := get(b); got != 200 {
		t.Fatalf("peer b after a was limited: status %d, want 200", got)
	}
	if n := served.Load(); n != 3 {
		t.Fatalf("handler ran %d times, want 3 (the limited call never reaches it)", n)
	}
}
