package agent

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/libp2p/go-libp2p/core/peer"
	ma "github.com/multiformats/go-multiaddr"
	manet "github.com/multiformats/go-multiaddr/net"

	"github.com/mycroft-network/mycroft/internal/bucket"
	"github.com/mycroft-network/mycroft/internal/netguard"
	"github.com/mycroft-network/mycroft/keystore"
	"github.com/mycroft-network/mycroft/p2p"
)

// P2PConfig is the [p2p] table: the node network over libp2p
// (docs/network.md). On by default: the host starts once the wallet key
// is unlocked.
type P2PConfig struct {
	Enabled bool `toml:"enabled"`
	// Port of the default listen addresses (TCP and QUIC, all interfaces).
	Port int `toml:"port"`
	// Listen replaces the default listen addresses (multiaddrs).
	Listen []string `toml:"listen_addrs"`
	// Announce is the transport address put in the Registry endpoint
	// ("/ip4/192.0.2.10/tcp/4001"); empty: derived from the listeners.
	Announce string `toml:"announce"`
	// Crossing home NATs: reachability, relays, hole punching (p2p_nat.go).
	P2PNATConfig
	// Finding nodes: the DHT and its bootstrap peers (p2p_dht.go).
	P2PDHTConfig
}

func defaultP2PConfig() P2PConfig {
	return P2PConfig{Enabled: true, Port: p2p.DefaultPort, Listen: []string{}, P2PNATConfig: defaultP2PNATConfig(),
		P2PDHTConfig: defaultP2PDHTConfig()}
}

// maxAnnounce leaves room in the Registry's 256 bytes for "/p2p/" and a
// secp256k1 peer id (53 characters).
const maxAnnounce = p2p.MaxEndpointLength - len("/p2p/") - 53

func (c P2PConfig) validate(bad badFunc) {
	if c.Port < 1 || c.Port > 65535 {
		bad("p2p.port", "must be 1..65535")
	}
	for _, s := range c.Listen {
		if _, err := ma.NewMultiaddr(s); err != nil {
			bad("p2p.listen_addrs", "%q is not a multiaddr such as \"/ip4/0.0.0.0/tcp/4001\"", s)
		}
	}
	if c.Announce != "" {
		m, err := ma.NewMultiaddr(c.Announce)
		switch {
		case err != nil:
			bad("p2p.announce", "%q is not a multiaddr such as \"/ip4/192.0.2.10/tcp/4001\"", c.Announce)
		case len(c.Announce) > maxAnnounce:
			bad("p2p.announce", "at most %d bytes (the Registry endpoint adds the peer id)", maxAnnounce)
		default:
			if _, id := peer.SplitAddr(m); id != "" {
				bad("p2p.announce", "must not name a peer (/p2p/...): the node's own peer id is added")
			}
		}
	}
	c.P2PNATConfig.validate(bad)
	c.P2PDHTConfig.validate(bad)
}

// p2pParts is the node's libp2p side with [p2p] on (nil with it off).
// The host's identity is the wallet key, so the host starts when that key
// is first available: at boot when keys.passphrase_file unlocks the
// keyring, otherwise when the owner unlocks, creates, restores or imports
// it through the API (startP2P), without a restart. What runs on the host
// (the provider's libp2p listener, the DHT) is wired then through onStart;
// the wallet and the backup ask for the host at each new node client
// (host), so they pick it up whenever it comes.
type p2pParts struct {
	run atomic.Pointer[p2pRun] // nil until the host starts
	up  chan struct{}          // closed when the host starts

	// failed is why the last start failed (not for lack of the key).
	failed atomic.Pointer[error]

	mu     sync.Mutex // start and close
	closed bool
	hooks  []func(*p2pRun)
}

// p2pRun is the running host and what it announces.
type p2pRun struct {
	host     *p2p.Host
	endpoint string // the Registry endpoint: a multiaddr with /p2p/<peer id>
	// dht finds nodes; nil with p2p.dht = "off" (p2p_dht.go).
	dht     *p2p.Discovery
	dhtDone sync.Once
}

// ErrP2PNotStarted is the error of a call to a node's libp2p endpoint
// before this node's host runs: its identity is the wallet key.
var ErrP2PNotStarted = errors.New("p2p: not started: the network starts when the keyring is unlocked (mycroft keys unlock; on a new device, mycroft keys init)")

// errP2POff is the error of a call to a libp2p endpoint with p2p off.
var errP2POff = errors.New("p2p: this node's p2p is off (p2p.enabled = false): it cannot reach nodes at libp2p endpoints")

// running is the host once it runs, else nil (also on a nil p).
func (p *p2pParts) running() *p2pRun {
	if p == nil {
		return nil
	}
	return p.run.Load()
}

// host is the running host, or why there is none: p2p off,
// ErrP2PNotStarted, or the error the host failed to start with.
func (p *p2pParts) host() (*p2pRun, error) {
	if p == nil {
		return nil, errP2POff
	}
	if r := p.run.Load(); r != nil {
		return r, nil
	}
	if err := p.failed.Load(); err != nil {
		return nil, fmt.Errorf("p2p: not running: %w (see mycroft status)", *err)
	}
	return nil, ErrP2PNotStarted
}

// endpoint is the Registry endpoint once the host runs, else "": with p2p
// on the node announces its libp2p endpoint only, never the plain port.
func (p *p2pParts) endpoint() string {
	if r := p.running(); r != nil {
		return r.endpoint
	}
	return ""
}

// onStart calls f with the host when it starts, or at once if it runs;
// never after close. f runs under p.mu: it must not call p's methods.
func (p *p2pParts) onStart(f func(*p2pRun)) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch {
	case p.closed:
	case p.run.Load() != nil:
		f(p.run.Load())
	default:
		p.hooks = append(p.hooks, f)
	}
}

// close stops the DHT and the host, if started; none starts after.
func (p *p2pParts) close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.closed, p.hooks = true, nil
	r := p.run.Load()
	if r == nil {
		return nil
	}
	return errors.Join(r.closeDHT(), r.host.Close())
}

// closeDHT closes the DHT once (its service and the host's close both ask).
func (r *p2pRun) closeDHT() error {
	var err error
	r.dhtDone.Do(func() {
		if r.dht != nil {
			err = r.dht.Close()
		}
	})
	return err
}

// wireP2P sets up the node's libp2p side (a.p2px) when p2p is enabled and
// starts the host if the wallet key is unlocked already; otherwise it
// starts when the owner unlocks (startP2P). The provider and the wallet
// use it.
func (a *Agent) wireP2P(ctx context.Context) error {
	if !a.cfg.P2P.Enabled {
		return nil
	}
	if a.keys == nil {
		a.health.Set("p2p", Degraded, "p2p: no keystore; not started")
		return nil
	}
	p := &p2pParts{up: make(chan struct{})}
	a.p2px = p
	a.svcs.list = append(a.svcs.list, &funcService{name: "p2p",
		run:   func(ctx context.Context) error { <-ctx.Done(); return nil },
		close: p.close})
	a.addStatus("p2p", func() any { return p.statusView() })
	a.wireDHT()
	a.startP2P(ctx)
	return nil
}

// startP2P starts the host if p2p is on, the host is not running and the
// wallet key is unlocked; then what waits for it (onStart). It runs at
// boot and after each keyring operation through the API (keys.go). A host
// that runs already keeps its identity: if the keyring now holds another
// key (restored or imported over it), the status says to restart.
func (a *Agent) startP2P(ctx context.Context) {
	p := a.p2px
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return
	}
	if r := p.run.Load(); r != nil {
		switch cur := a.keys.Address(); {
		case cur == r.host.Address():
		case cur == (common.Address{}):
			a.health.Set("p2p", Degraded, "p2p: the keyring was erased, but the host still runs as "+r.host.Address().Hex()+": restart the agent")
		default:
			a.health.Set("p2p", Degraded, "p2p: the keyring's address is now "+cur.Hex()+", but the host still runs as "+r.host.Address().Hex()+": restart the agent so the network knows the node by its new key")
		}
		return
	}
	r, err := a.newP2PRun(ctx)
	switch {
	case errors.Is(err, keystore.ErrLocked):
		p.failed.Store(nil)
		a.p2pWaiting()
		return
	case err != nil:
		p.failed.Store(&err)
		a.health.Set("p2p", Degraded, "p2p: not started: "+err.Error())
		a.log.Error("p2p: host not started", "err", err)
		return
	}
	p.failed.Store(nil)
	p.run.Store(r)
	for _, f := range p.hooks {
		f(r)
	}
	p.hooks = nil
	close(p.up)
	a.health.Clear("p2p")
	a.log.Info("p2p: host started", "peer", r.host.ID().String(), "endpoint", r.endpoint)
}

// p2pWaiting is the status of a host that waits for the wallet key: a
// notice, not a warning (nothing is wrong: the owner has not unlocked
// yet). An offline speaker (no chain, no keyring) gets none, as for keys.
func (a *Agent) p2pWaiting() {
	st := a.keys.Status()
	switch {
	case !st.Initialized && len(a.cfg.Chain.URLs()) == 0:
		a.health.Clear("p2p")
	case !st.Initialized:
		a.health.Set("p2p", Notice, "p2p: the network starts when the keyring is unlocked; there is no keyring yet (mycroft keys init)")
	default:
		a.health.Set("p2p", Notice, "p2p: the network starts when the keyring is unlocked (mycroft keys unlock)")
	}
}

// newP2PRun makes the host from the wallet key (keystore.ErrLocked while
// it is locked or there is no keyring), its endpoint and its DHT.
func (a *Agent) newP2PRun(ctx context.Context) (*p2pRun, error) {
	c := a.cfg.P2P
	var id p2p.Identity
	err := a.keys.WithWalletKey(func(raw []byte) error {
		var err error
		id, err = p2p.IdentityFromRaw(raw)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("the node's identity is the wallet key: %w", err)
	}
	pc := p2p.Config{Identity: id, ListenAddrs: c.Listen, Port: c.Port, Log: a.log.With("component", "p2p")}
	c.P2PNATConfig.apply(&pc, a.stakedRelayCheck())
	h, err := p2p.New(ctx, pc)
	if err != nil {
		return nil, err
	}
	endpoint, err := p2pEndpoint(h, c.Announce, c.Relays)
	if err != nil {
		_ = h.Close()
		return nil, err
	}
	return &p2pRun{host: h, endpoint: endpoint, dht: a.newDiscovery(h)}, nil
}

// p2pEndpoint is the endpoint the node registers: announce, or the first
// TCP listen address by preference public, then private, then loopback
// (an unspecified listen address stands for each of the machine's
// interfaces), with the host's peer id. A node with no public listen
// address and relays configured is behind NAT: it registers its address
// through the first relay (relayedEndpoint), which peers in other homes
// can dial.
func p2pEndpoint(h *p2p.Host, announce string, relays []string) (string, error) {
	if announce != "" {
		m, err := ma.NewMultiaddr(announce)
		if err != nil {
			return "", fmt.Errorf("p2p.announce: %w", err)
		}
		return p2p.EndpointOf(m, h.ID())
	}
	addrs, err := h.Libp2p().Network().InterfaceListenAddresses()
	if err != nil {
		return "", fmt.Errorf("listen addresses: %w", err)
	}
	best, rank := ma.Multiaddr(nil), math.MaxInt
	for _, m := range addrs {
		if _, err := m.ValueForProtocol(ma.P_TCP); err != nil {
			continue
		}
		r := 2
		switch {
		case manet.IsPublicAddr(m):
			r = 0
		case manet.IsPrivateAddr(m) && !manet.IsIPLoopback(m):
			r = 1
		case !manet.IsIPLoopback(m):
			continue // link-local and the like
		}
		if _, err := m.ValueForProtocol(ma.P_IP6); err == nil {
			r += 3 // IPv4 first, as the http endpoint does
		}
		if r < rank {
			best, rank = m, r
		}
	}
	if rank > 0 && len(relays) > 0 {
		return relayedEndpoint(relays[0], h.ID())
	}
	if best == nil {
		return "", fmt.Errorf("no TCP listen address to announce (set p2p.announce)")
	}
	return p2p.EndpointOf(best, h.ID())
}

// p2pServer serves h on the host's /mycroft/http/1.1 streams with the
// node port's limits: its timeouts and header cap (p2p.Server), its
// per-client token bucket keyed by the caller's peer id (the transport
// authenticated it) rather than an IP, and the stream caps of the host's
// resource manager (p2p.DefaultLimits: 32 streams of the protocol per
// peer, as max_conns_per_client, 256 in all).
func (a *Agent) p2pServer(host *p2p.Host, h http.Handler, g netguard.Config) (*httpService, error) {
	l, err := host.Listen(p2p.ProtocolHTTP, 0)
	if err != nil {
		return nil, err
	}
	lim := p2p.ServerLimits{ReadHeaderTimeout: g.ReadHeaderTimeout, ReadTimeout: g.ReadTimeout, WriteTimeout: g.WriteTimeout,
		CallTimeout: g.CallTimeout, MaxHeaderBytes: g.MaxHeaderBytes}
	srv := p2p.Server(peerRateLimit(h, g, a.now), lim, a.log.With("component", "provider.p2p"))
	return &httpService{name: "provider.p2p", ln: l, srv: srv}, nil
}

// peerRateLimit runs h for callers whose bucket has a token left; others
// get 429 with netguard's body, before any signature check or chain read.
func peerRateLimit(h http.Handler, g netguard.Config, now func() time.Time) http.Handler {
	max := g.MaxClients
	if max <= 0 {
		max = netguard.Defaults().MaxClients
	}
	buckets := bucket.New[peer.ID](g.Rate, g.Burst, max, now)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, ok := p2p.CallerOf(r)
		if !ok { // Server always knows its caller; refuse rather than share a bucket
			http.Error(w, "unknown caller", http.StatusForbidden)
			return
		}
		if wait, allowed := buckets.Take(c.Peer); !allowed {
			w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusTooManyRequests)
			_, _ = w.Write([]byte(`{"error":{"code":"rate_limited","message":"too many requests from this peer"}}` + "\n"))
			return
		}
		h.ServeHTTP(w, r)
	})
}

// nodeHTTP is the HTTP client and base URL of a node whose Registry
// endpoint is a libp2p multiaddr, over this node's host (ok false for an
// http(s) endpoint: it is used as a URL, as before). Before the host runs,
// or with p2p off, the client fails every request with why
// (ErrP2PNotStarted). The peer must hold the key the endpoint's peer id
// names; that it is the registered node's is checked where it matters:
// the backup verifies each storage commitment against the node's
// registered address, and paid uploads go through the wallet, which
// expects it.
func (a *Agent) nodeHTTP(endpoint string) (*http.Client, string, bool) {
	e, err := p2p.ParseEndpoint(endpoint)
	if err != nil || !e.IsLibp2p() {
		return nil, "", false
	}
	base := "http://" + strings.ToLower(e.Address.Hex())
	r, err := a.p2px.host()
	if err != nil {
		return &http.Client{Transport: failTransport{err}}, base, true
	}
	return r.host.Client(e.Peer, append(r.dialOptions(), p2p.Expect(e.Address))...), base, true
}

// failTransport fails every request with err.
type failTransport struct{ err error }

func (t failTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		r.Body.Close()
	}
	return nil, t.err
}

// nodeTransport is the wallet's way to nodes with a libp2p endpoint
// (wallet.PeerTransport): this node's host, asked for at each new node
// client, so a host that starts after the wallet is made is used; before
// it runs, ErrP2PNotStarted.
type nodeTransport struct{ p *p2pParts }

func (t nodeTransport) RoundTripper(endpoint string, node common.Address) (http.RoundTripper, error) {
	r, err := t.p.host()
	if err != nil {
		return nil, err
	}
	return p2p.NodeTransport{Host: r.host, Options: r.dialOptions()}.RoundTripper(endpoint, node)
}
