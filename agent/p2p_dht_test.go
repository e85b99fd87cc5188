package agent

import (
	"context"
	"io"
	"net/http"
	"slices"
	"testing"
	"time"

	gethcrypto "github.com/ethereum/go-ethereum/crypto"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/mycroft-network/mycroft/p2p"
)

func TestP2PDHTConfigValidate(t *testing.T) {
	boot := "/ip4/198.51.100.7/tcp/4001/p2p/16Uiu2HAkzh4QdxB7ijzVnwd6JFNNe4bcr1JBwYUypXe3pX5BRpqK"
	for _, tc := range []struct {
		name string
		set  func(*P2PDHTConfig)
		bad  string // the key refused; "" for a good config
	}{
		{"defaults", func(*P2PDHTConfig) {}, ""},
		{"bootstrap", func(c *P2PDHTConfig) { c.Bootstrap = []string{boot} }, ""},
		{"server", func(c *P2PDHTConfig) { c.DHT = "server" }, ""},
		{"client", func(c *P2PDHTConfig) { c.DHT = "client" }, ""},
		{"off", func(c *P2PDHTConfig) { c.DHT = "off" }, ""},
		{"unknown mode", func(c *P2PDHTConfig) { c.DHT = "dual" }, "p2p.dht"},
		{"bootstrap without peer id", func(c *P2PDHTConfig) { c.Bootstrap = []string{"/ip4/198.51.100.7/tcp/4001"} }, "p2p.bootstrap"},
		{"bootstrap not a multiaddr", func(c *P2PDHTConfig) { c.Bootstrap = []string{"198.51.100.7:4001"} }, "p2p.bootstrap"},
		{"bootstrap with the dht off", func(c *P2PDHTConfig) { c.Bootstrap, c.DHT = []string{boot}, "off" }, "p2p.bootstrap"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := defaultP2PDHTConfig()
			tc.set(&c)
			var keys []string
			c.validate(func(key, _ string, _ ...any) { keys = append(keys, key) })
			if tc.bad == "" && len(keys) != 0 || tc.bad != "" && (len(keys) != 1 || keys[0] != tc.bad) {
				t.Fatalf("%+v refused %v, want %q", c, keys, tc.bad)
			}
		})
	}
}

// TestP2PDHTWiring: an agent with [p2p] on, p2p.dht = "server" and a
// bootstrap node (a bare host with its DHT) joins the DHT, shows it in
// its status, and reaches a node whose endpoint is a bare /p2p/<peer id>
// (its address known only to the DHT) through the agent's own dialling
// (nodeHTTP, as backups do; the wallet gets the same options).
func TestP2PDHTWiring(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	host := func() *p2p.Host {
		k, err := gethcrypto.GenerateKey()
		if err != nil {
			t.Fatal(err)
		}
		id, _ := p2p.IdentityFromECDSA(k)
		h, err := p2p.New(ctx, p2p.Config{Identity: id, ListenAddrs: []string{"/ip4/127.0.0.1/tcp/0"}, PublishPrivateAddrs: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { h.Close() })
		return h
	}
	boot := host()
	bootD, err := p2p.NewDiscovery(boot, p2p.DiscoveryConfig{Mode: p2p.DHTServer})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { bootD.Close() })
	bootAddr := boot.AddrInfo().Addrs[0].String() + "/p2p/" + boot.ID().String()

	node := host()
	nodeD, err := p2p.NewDiscovery(node, p2p.DiscoveryConfig{Mode: p2p.DHTClient, Bootstrap: []peer.AddrInfo{boot.AddrInfo()}})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { nodeD.Close() })
	if err := nodeD.Bootstrap(ctx); err != nil {
		t.Fatal(err)
	}
	l, err := node.Listen(p2p.ProtocolHTTP, 0)
	if err != nil {
		t.Fatal(err)
	}
	srv := p2p.Server(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, "node") }), p2p.ServerLimits{}, nil)
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })

	cfg, _, _ := speakerConfig(t, ctx, nil)
	cfg.P2P.Enabled = true
	cfg.P2P.Listen = []string{"/ip4/127.0.0.1/tcp/0"}
	cfg.P2P.DHT = "server"
	cfg.P2P.Bootstrap = []string{bootAddr}
	a, _, _ := start(t, cfg, Options{})
	r := a.p2px.running()
	if r == nil || r.dht == nil {
		t.Fatalf("wiring: p2p %v; want a host with its DHT", r)
	}
	deadline := time.Now().Add(20 * time.Second)
	for !slices.Contains(bootD.RoutingTablePeers(), r.host.ID()) || len(boot.Libp2p().Peerstore().Addrs(node.ID())) == 0 {
		if time.Now().After(deadline) {
			t.Fatalf("the agent never entered the bootstrap node's routing table (%v), or the node's address is unknown", bootD.RoutingTablePeers())
		}
		time.Sleep(20 * time.Millisecond)
	}
	if st := r.dht.Status(); st.Mode != "server" || st.Configured != "server" || st.Bootstrap != 1 || st.Peers == 0 {
		t.Fatalf("dht status %+v; want server mode, one bootstrap peer, a routing table", st)
	}
	for _, w := range a.health.Warnings() {
		if w.Component == "p2p.dht" {
			t.Fatalf("warning after joining: %+v", w)
		}
	}

	hc, _, ok := a.nodeHTTP("/p2p/" + node.ID().String())
	if !ok {
		t.Fatal("nodeHTTP refused a /p2p/ endpoint")
	}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://node/v1/offer", nil)
	resp, err := hc.Do(req)
	if err != nil {
		t.Fatalf("call to a node known only to the DHT: %v", err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if string(b) != "node" {
		t.Fatalf("answer %q, want %q", b, "node")
	}
}
