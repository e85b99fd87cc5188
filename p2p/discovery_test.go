package p2p

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	gethcrypto "github.com/ethereum/go-ethereum/crypto"
	"github.com/libp2p/go-libp2p/core/network"
	"github.com/libp2p/go-libp2p/core/peer"
	ma "github.com/multiformats/go-multiaddr"
)

// The discovery tests run real hosts on 127.0.0.1 over TCP: a bootstrap
// node (DHT server) and nodes in client mode, as nodes behind home NATs
// are.

func newIdentity(t testing.TB) Identity {
	t.Helper()
	k, err := gethcrypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	id, err := IdentityFromECDSA(k)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// startHost starts a host with identity id listening on listen (TCP on
// 127.0.0.1, any port, if empty). The caller closes it.
func startHost(t testing.TB, id Identity, listen string) *Host {
	t.Helper()
	if listen == "" {
		listen = "/ip4/127.0.0.1/tcp/0"
	}
	h, err := New(context.Background(), Config{Identity: id, ListenAddrs: []string{listen}, PublishPrivateAddrs: true})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// startDiscovery starts h's DHT with the given bootstrap hosts and
// bootstraps it. The caller closes it.
func startDiscovery(t testing.TB, h *Host, mode DHTMode, boot ...*Host) *Discovery {
	t.Helper()
	var infos []peer.AddrInfo
	for _, b := range boot {
		infos = append(infos, b.AddrInfo())
	}
	return joinDiscovery(t, h, mode, infos)
}

func joinDiscovery(t testing.TB, h *Host, mode DHTMode, infos []peer.AddrInfo) *Discovery {
	t.Helper()
	d, err := NewDiscovery(h, DiscoveryConfig{Bootstrap: infos, Mode: mode})
	if err != nil {
		t.Fatal(err)
	}
	if len(infos) > 0 {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := d.Bootstrap(ctx); err != nil {
			d.Close()
			t.Fatalf("bootstrap: %v", err)
		}
	}
	return d
}

// waitFor polls cond until it holds; readiness only, with a generous
// deadline.
func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("gave up waiting: %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// serveName answers every call with name and counts the calls.
func serveName(t testing.TB, h *Host, name string, calls *atomic.Int32) {
	serve(t, h, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		_, _ = io.WriteString(w, name)
	}), ServerLimits{})
}

func get(rt http.RoundTripper) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://node/v1/offer", nil)
	resp, err := rt.RoundTrip(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return string(b), err
}

func tcpPort(t testing.TB, h *Host) string {
	t.Helper()
	for _, a := range h.AddrInfo().Addrs {
		if p, err := a.ValueForProtocol(ma.P_TCP); err == nil {
			return p
		}
	}
	t.Fatalf("host %s has no TCP address: %v", h.ID(), h.AddrInfo().Addrs)
	return ""
}

type finderFunc func(context.Context, peer.ID) (peer.AddrInfo, error)

func (f finderFunc) FindPeer(ctx context.Context, id peer.ID) (peer.AddrInfo, error) {
	return f(ctx, id)
}

// countFinder counts the lookups it passes on.
type countFinder struct {
	PeerFinder
	n atomic.Int32
}

func (c *countFinder) FindPeer(ctx context.Context, id peer.ID) (peer.AddrInfo, error) {
	c.n.Add(1)
	return c.PeerFinder.FindPeer(ctx, id)
}

// B registers its endpoint at port X, restarts with the same key on port
// Y; another node (C) now listens at X. A, holding B's stale endpoint,
// reaches B at Y through the DHT, without a new registration; C is never
// called. Without the DHT the stale endpoint fails; a node with another
// key is refused before any lookup; a lookup answer that points at
// another node's address fails the handshake.
func TestDiscoveryFindsMovedNode(t *testing.T) {
	boot := startHost(t, newIdentity(t), "")
	t.Cleanup(func() { boot.Close() })
	bootD := startDiscovery(t, boot, DHTServer)
	t.Cleanup(func() { bootD.Close() })

	a := startHost(t, newIdentity(t), "")
	t.Cleanup(func() { a.Close() })
	aD := startDiscovery(t, a, DHTClient, boot)
	t.Cleanup(func() { aD.Close() })

	idB := newIdentity(t)
	b1 := startHost(t, idB, "")
	tb1 := &cleanupTB{TB: t}
	var b1Calls, b2Calls, cCalls atomic.Int32
	serveName(tb1, b1, "B at X", &b1Calls)
	b1D := startDiscovery(t, b1, DHTClient, boot)
	portX := tcpPort(t, b1)
	endpoint, err := EndpointOf(ma.StringCast("/ip4/127.0.0.1/tcp/"+portX), idB.PeerID())
	if err != nil {
		t.Fatal(err)
	}

	finder := &countFinder{PeerFinder: aD}
	rt, err := NodeTransport{Host: a, Finder: finder}.RoundTripper(endpoint, idB.Address())
	if err != nil {
		t.Fatal(err)
	}
	if got, err := get(rt); err != nil || got != "B at X" {
		t.Fatalf("call to B at its registered address = %q, %v; want %q", got, err, "B at X")
	}
	if n := finder.n.Load(); n != 0 {
		t.Fatalf("%d lookups for a node reachable at its endpoint, want 0", n)
	}

	// B goes away; another node takes port X; B comes back elsewhere.
	tb1.run()
	if err := b1D.Close(); err != nil {
		t.Fatal(err)
	}
	if err := b1.Close(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "A and the bootstrap node to see B gone", func() bool {
		return a.Libp2p().Network().Connectedness(idB.PeerID()) != network.Connected &&
			boot.Libp2p().Network().Connectedness(idB.PeerID()) != network.Connected
	})
	c := startHost(t, newIdentity(t), "/ip4/127.0.0.1/tcp/"+portX)
	t.Cleanup(func() { c.Close() })
	serveName(t, c, "C", &cCalls)
	b2 := startHost(t, idB, "")
	t.Cleanup(func() { b2.Close() })
	portY := tcpPort(t, b2)
	if portY == portX {
		t.Fatalf("B restarted on the same port %s; the kernel gave the closed port again", portX)
	}
	serveName(t, b2, "B at Y", &b2Calls)
	b2D := startDiscovery(t, b2, DHTClient, boot)
	t.Cleanup(func() { b2D.Close() })
	waitFor(t, "the bootstrap node to learn B's new address", func() bool {
		return slices.ContainsFunc(boot.Libp2p().Peerstore().Addrs(idB.PeerID()), func(m ma.Multiaddr) bool {
			p, err := m.ValueForProtocol(ma.P_TCP)
			return err == nil && p == portY
		})
	})
	waitFor(t, "the bootstrap node in A's routing table", func() bool { return aD.Status().Peers > 0 })

	// Without the DHT, the stale endpoint leads to C, whose key is not B's.
	plain, err := NodeTransport{Host: a}.RoundTripper(endpoint, idB.Address())
	if err != nil {
		t.Fatal(err)
	}
	if got, err := get(plain); err == nil {
		t.Fatalf("call at the stale endpoint without the DHT = %q; want an error", got)
	}

	// A node with another key than the registered one: refused at once.
	wrong, err := NodeTransport{Host: a, Finder: finder}.RoundTripper(endpoint, c.Address())
	if err != nil {
		t.Fatal(err)
	}
	if got, err := get(wrong); !errors.Is(err, ErrWrongPeer) {
		t.Fatalf("call to B's peer id expecting C's address = %q, %v; want ErrWrongPeer", got, err)
	}
	if n := finder.n.Load(); n != 0 {
		t.Fatalf("%d lookups for a refused peer, want 0", n)
	}

	// A lookup that answers B's id with C's address: the handshake fails.
	liar := finderFunc(func(context.Context, peer.ID) (peer.AddrInfo, error) {
		return peer.AddrInfo{ID: idB.PeerID(), Addrs: c.AddrInfo().Addrs}, nil
	})
	lied, err := NodeTransport{Host: a, Finder: liar}.RoundTripper(endpoint, idB.Address())
	if err != nil {
		t.Fatal(err)
	}
	if got, err := get(lied); err == nil {
		t.Fatalf("call through a lookup that gave C's address = %q; want an error", got)
	}

	// A lookup that answers with another peer: refused.
	other := finderFunc(func(context.Context, peer.ID) (peer.AddrInfo, error) { return c.AddrInfo(), nil })
	rt2, err := NodeTransport{Host: a, Finder: other}.RoundTripper(endpoint, idB.Address())
	if err != nil {
		t.Fatal(err)
	}
	if got, err := get(rt2); !errors.Is(err, ErrWrongPeer) {
		t.Fatalf("call through a lookup that gave C = %q, %v; want ErrWrongPeer", got, err)
	}

	// The same stale endpoint, with the DHT: B at its new address.
	if got, err := get(rt); err != nil || got != "B at Y" {
		t.Fatalf("call at the stale endpoint with the DHT = %q, %v; want %q", got, err, "B at Y")
	}
	if n := finder.n.Load(); n != 1 {
		t.Fatalf("%d lookups, want 1", n)
	}
	for _, conn := range a.Libp2p().Network().ConnsToPeer(idB.PeerID()) {
		if p, _ := conn.RemoteMultiaddr().ValueForProtocol(ma.P_TCP); p != portY {
			t.Errorf("A is connected to B at %s, want port %s", conn.RemoteMultiaddr(), portY)
		}
	}
	if n := cCalls.Load(); n != 0 {
		t.Fatalf("C served %d calls meant for B", n)
	}
	if b1Calls.Load() != 1 || b2Calls.Load() != 1 {
		t.Fatalf("B served %d calls at X and %d at Y, want 1 and 1", b1Calls.Load(), b2Calls.Load())
	}
}

// An endpoint that is only /p2p/<peer id> is reached through the DHT; a
// host that never met the peer cannot reach it without.
func TestDiscoveryBarePeerEndpoint(t *testing.T) {
	boot := startHost(t, newIdentity(t), "")
	t.Cleanup(func() { boot.Close() })
	bootD := startDiscovery(t, boot, DHTServer)
	t.Cleanup(func() { bootD.Close() })
	a := startHost(t, newIdentity(t), "")
	t.Cleanup(func() { a.Close() })
	aD := startDiscovery(t, a, DHTClient, boot)
	t.Cleanup(func() { aD.Close() })
	b := startHost(t, newIdentity(t), "")
	t.Cleanup(func() { b.Close() })
	var calls atomic.Int32
	serveName(t, b, "B", &calls)
	bD := startDiscovery(t, b, DHTClient, boot)
	t.Cleanup(func() { bD.Close() })
	waitFor(t, "the bootstrap node to know B's address", func() bool { return len(boot.Libp2p().Peerstore().Addrs(b.ID())) > 0 })
	waitFor(t, "the bootstrap node in A's routing table", func() bool { return aD.Status().Peers > 0 })

	endpoint := "/p2p/" + b.ID().String()
	plain, err := NodeTransport{Host: a}.RoundTripper(endpoint, b.Address())
	if err != nil {
		t.Fatal(err)
	}
	if got, err := get(plain); err == nil {
		t.Fatalf("call to %s without the DHT = %q; want an error (no address known)", endpoint, got)
	}
	rt, err := NodeTransport{Host: a, Finder: aD}.RoundTripper(endpoint, b.Address())
	if err != nil {
		t.Fatal(err)
	}
	if got, err := get(rt); err != nil || got != "B" {
		t.Fatalf("call to %s with the DHT = %q, %v; want %q", endpoint, got, err, "B")
	}
	// A peer the DHT does not know: not found, and said so.
	ghost := newIdentity(t)
	rt, err = NodeTransport{Host: a, Finder: aD}.RoundTripper("/p2p/"+ghost.PeerID().String(), ghost.Address())
	if err != nil {
		t.Fatal(err)
	}
	if got, err := get(rt); err == nil || !strings.Contains(err.Error(), "not found") {
		t.Fatalf("call to a peer nobody knows = %q, %v; want a not-found error", got, err)
	}
}

// Server mode is the DHT protocol handled; auto follows reachability; no
// mode ever speaks the IPFS DHT's protocol.
func TestDHTMode(t *testing.T) {
	start := func(r Reachability, mode DHTMode) (*Host, *Discovery) {
		h, err := New(context.Background(), Config{Identity: newIdentity(t), ListenAddrs: []string{"/ip4/127.0.0.1/tcp/0"},
			PublishPrivateAddrs: true, Reachability: r})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { h.Close() })
		d := startDiscovery(t, h, mode)
		t.Cleanup(func() { d.Close() })
		return h, d
	}
	ipfs := ProtocolID("/ipfs/kad/1.0.0")
	_, server := start(ReachabilityUnknown, DHTServer)
	if !server.Serving() || server.Status().Mode != "server" || server.Status().Configured != "server" {
		t.Fatalf("server mode: serving %v, status %+v", server.Serving(), server.Status())
	}
	autoPublic, autoPublicD := start(ReachabilityPublic, DHTAuto)
	_, autoPrivateD := start(ReachabilityPrivate, DHTAuto)
	clientPublic, clientPublicD := start(ReachabilityPublic, DHTClient)
	waitFor(t, "auto mode on a public host to serve", autoPublicD.Serving)
	if autoPrivateD.Serving() || clientPublicD.Serving() {
		t.Fatalf("serving: auto on a private host %v, client on a public host %v; want neither", autoPrivateD.Serving(), clientPublicD.Serving())
	}
	for _, h := range []*Host{autoPublic, clientPublic} {
		if slices.Contains(h.Libp2p().Mux().Protocols(), ipfs) {
			t.Fatalf("host handles %s", ipfs)
		}
	}
}

func TestParseBootstrap(t *testing.T) {
	ed25519 := "12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA"
	other := newIdentity(t).PeerID().String()
	for _, tc := range []struct {
		name  string
		in    []string
		peers int   // peers wanted
		addrs []int // addresses of each
		bad   bool
	}{
		{name: "none", in: nil},
		{name: "one", in: []string{"/ip4/192.0.2.10/tcp/4001/p2p/" + vectorPeer}, peers: 1, addrs: []int{1}},
		{name: "two addresses of one peer", in: []string{"/ip4/192.0.2.10/tcp/4001/p2p/" + vectorPeer,
			"/ip4/192.0.2.10/udp/4001/quic-v1/p2p/" + vectorPeer, "/dns4/boot.example/tcp/4001/p2p/" + other}, peers: 2, addrs: []int{2, 1}},
		{name: "no peer id", in: []string{"/ip4/192.0.2.10/tcp/4001"}, bad: true},
		{name: "no address", in: []string{"/p2p/" + vectorPeer}, bad: true},
		{name: "not a multiaddr", in: []string{"192.0.2.10:4001"}, bad: true},
		{name: "ed25519 peer", in: []string{"/ip4/192.0.2.10/tcp/4001/p2p/" + ed25519}, bad: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseBootstrap(tc.in)
			if tc.bad {
				if err == nil {
					t.Fatalf("ParseBootstrap(%q) = %v; want an error", tc.in, got)
				}
				return
			}
			if err != nil || len(got) != tc.peers {
				t.Fatalf("ParseBootstrap(%q) = %v, %v; want %d peers", tc.in, got, err, tc.peers)
			}
			for i, p := range got {
				if len(p.Addrs) != tc.addrs[i] {
					t.Fatalf("ParseBootstrap(%q) peer %d has %v; want %d addresses", tc.in, i, p.Addrs, tc.addrs[i])
				}
			}
		})
	}
}

// ParseBootstrap reads addresses an owner pastes from elsewhere: it never
// panics, and each peer it gives is a node's (secp256k1) with an address
// to dial.
func FuzzParseBootstrap(f *testing.F) {
	for _, s := range []string{"/ip4/192.0.2.10/tcp/4001/p2p/" + vectorPeer, "/p2p/" + vectorPeer,
		"/ip4/192.0.2.10/udp/4001/quic-v1/p2p/" + vectorPeer, "/dns4/boot.example/tcp/4001/p2p/" + vectorPeer,
		"/ip4/192.0.2.10/tcp/4001", "/ip4/192.0.2.10/tcp/4001/p2p/12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA",
		"/p2p-circuit/p2p/" + vectorPeer, "", "/"} {
		f.Add(s, "/ip6/2001:db8::1/tcp/4001/p2p/"+vectorPeer)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		got, err := ParseBootstrap([]string{a, b})
		if err != nil {
			return
		}
		if len(got) < 1 || len(got) > 2 {
			t.Fatalf("ParseBootstrap(%q, %q) = %d peers", a, b, len(got))
		}
		for _, p := range got {
			if _, err := AddressOf(p.ID); err != nil || len(p.Addrs) == 0 {
				t.Fatalf("ParseBootstrap(%q, %q) gave %v: %v", a, b, p, err)
			}
		}
	})
}

func TestParseDHTMode(t *testing.T) {
	for in, want := range map[string]DHTMode{"auto": DHTAuto, "client": DHTClient, "server": DHTServer} {
		if got, err := ParseDHTMode(in); err != nil || got != want {
			t.Errorf("ParseDHTMode(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "Server", "off", "dual"} {
		if got, err := ParseDHTMode(in); err == nil {
			t.Errorf("ParseDHTMode(%q) = %v; want an error", in, got)
		}
	}
}

// Hosts with a DHT that bootstrapped and looked a peer up close without
// leaving goroutines behind (the DHT first, then the host).
func TestDiscoveryCloseLeavesNoGoroutines(t *testing.T) {
	before := runtime.NumGoroutine()
	func() {
		tb := &cleanupTB{TB: t}
		defer tb.run()
		boot, a, b := startHost(tb, newIdentity(t), ""), startHost(tb, newIdentity(t), ""), startHost(tb, newIdentity(t), "")
		for _, h := range []*Host{boot, a, b} {
			tb.Cleanup(func() { h.Close() })
		}
		bootD := startDiscovery(tb, boot, DHTServer)
		tb.Cleanup(func() { bootD.Close() })
		aD := startDiscovery(tb, a, DHTClient, boot)
		tb.Cleanup(func() { aD.Close() })
		bD := startDiscovery(tb, b, DHTClient, boot)
		tb.Cleanup(func() { bD.Close() })
		waitFor(t, "the bootstrap node in A's routing table", func() bool { return aD.Status().Peers > 0 })
		waitFor(t, "the bootstrap node to know B's address", func() bool { return len(boot.Libp2p().Peerstore().Addrs(b.ID())) > 0 })
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if info, err := aD.FindPeer(ctx, b.ID()); err != nil || len(info.Addrs) == 0 {
			t.Fatalf("FindPeer(B) = %v, %v", info, err)
		}
	}()
	waitGoroutines(t, before, "closing the DHTs and hosts")
}

// TestIdleRSSDHT measures an idle host's resident memory with and without
// a DHT, each in its own process:
//
//	P2P_RSS=host go test -run TestIdleRSSDHT -v ./p2p
//	P2P_RSS=dht go test -run TestIdleRSSDHT -v ./p2p
//	P2P_RSS=dht-peers go test -run TestIdleRSSDHT -v ./p2p
//
// A host listens on TCP and QUIC on 127.0.0.1; with "dht" it runs a DHT in
// server mode with no peers; with "dht-peers" it joins a DHT of
// rssSwarm server nodes run by a child process (this test with
// P2P_RSS=swarm). After 10 s idle it logs RSS, heap in use, goroutines and
// connections. Skipped otherwise: a measurement, not a check.
func TestIdleRSSDHT(t *testing.T) {
	mode := os.Getenv("P2P_RSS")
	switch mode {
	case "host", "dht", "dht-peers":
	case "swarm":
		runSwarm(t)
		return
	default:
		t.Skip("set P2P_RSS=host, dht or dht-peers to measure")
	}
	var boot []peer.AddrInfo
	if mode == "dht-peers" {
		boot = startSwarm(t)
	}
	runtime.GC()
	before := rss(t)
	h, err := New(context.Background(), Config{Identity: newIdentity(t),
		ListenAddrs: []string{"/ip4/127.0.0.1/tcp/0", "/ip4/127.0.0.1/udp/0/quic-v1"}, PublishPrivateAddrs: true})
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	table := 0
	if mode != "host" {
		d := joinDiscovery(t, h, DHTServer, boot)
		defer d.Close()
		time.Sleep(10 * time.Second)
		table = d.Status().Peers
	} else {
		time.Sleep(10 * time.Second)
	}
	after := rss(t)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t.Logf("%s: RSS before New %.1f MB, after 10 s idle %.1f MB (+%.1f MB); heap in use %.2f MiB; %d goroutines; %d connections; %d peers in the routing table",
		mode, float64(before)/1e6, float64(after)/1e6, float64(after-before)/1e6, float64(ms.HeapInuse)/(1<<20),
		runtime.NumGoroutine(), len(h.Libp2p().Network().Conns()), table)
}

// rssSwarm is the size of the DHT TestIdleRSSDHT joins with dht-peers.
const rssSwarm = 30

// runSwarm runs rssSwarm DHT server nodes, prints their addresses, and
// runs until its stdin closes.
func runSwarm(t *testing.T) {
	var first *Host
	for i := range rssSwarm {
		h := startHost(t, newIdentity(t), "")
		defer h.Close()
		var d *Discovery
		if i == 0 {
			first, d = h, startDiscovery(t, h, DHTServer)
		} else {
			d = startDiscovery(t, h, DHTServer, first)
		}
		defer d.Close()
		fmt.Printf("SWARM %s/p2p/%s\n", h.AddrInfo().Addrs[0], h.ID())
	}
	fmt.Println("SWARM ready")
	_, _ = io.Copy(io.Discard, os.Stdin)
}

// startSwarm starts runSwarm in a child process and returns two of its
// nodes to bootstrap from.
func startSwarm(t *testing.T) []peer.AddrInfo {
	cmd := exec.Command(os.Args[0], "-test.run", "^TestIdleRSSDHT$")
	cmd.Env = append(os.Environ(), "P2P_RSS=swarm")
	in, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { in.Close(); _ = cmd.Wait() })
	var addrs []string
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		line := sc.Text()
		if line == "SWARM ready" {
			break
		}
		if a, ok := strings.CutPrefix(line, "SWARM "); ok {
			addrs = append(addrs, a)
		}
	}
	go func() { _, _ = io.Copy(io.Discard, out) }()
	infos, err := ParseBootstrap(addrs)
	if err != nil || len(infos) != rssSwarm {
		t.Fatalf("swarm: %d nodes, %v", len(infos), err)
	}
	return infos[:2]
}
