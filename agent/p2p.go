package agent

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/libp2p/go-libp2p/core/peer"
	ma "github.com/multiformats/go-multiaddr"
	manet "github.com/multiformats/go-multiaddr/net"

	"github.com/mycroft-network/mycroft/internal/bucket"
	"github.com/mycroft-network/mycroft/internal/netguard"
	"github.com/mycroft-network/mycroft/p2p"
)

// P2PConfig is the [p2p] table: the node network over libp2p
// (docs/network.md). Off by default for now.
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
	return P2PConfig{Port: p2p.DefaultPort, Listen: []string{}, P2PNATConfig: defaultP2PNATConfig(),
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

// p2pParts is the running libp2p host and what it announces.
type p2pParts struct {
	host     *p2p.Host
	endpoint string // the Registry endpoint: a multiaddr with /p2p/<peer id>
	// dht finds nodes; nil with p2p.dht = "off" (p2p_dht.go).
	dht *p2p.Discovery
}

// wireP2P starts the libp2p host (a.p2px) when p2p is enabled and the
// wallet key is unlocked: its identity is the wallet key, so its peer id
// proves the node's address. The provider and the wallet use it.
func (a *Agent) wireP2P(ctx context.Context) error {
	c := a.cfg.P2P
	if !c.Enabled {
		return nil
	}
	if a.keys == nil {
		a.health.Set("p2p", Degraded, "p2p: no keystore; not started")
		return nil
	}
	var id p2p.Identity
	err := a.keys.WithWalletKey(func(raw []byte) error {
		var err error
		id, err = p2p.IdentityFromRaw(raw)
		return err
	})
	if err != nil {
		a.health.Set("p2p", Degraded, "p2p: not started: the node's identity is the wallet key: "+err.Error()+" (unlock, then restart the agent)")
		return nil
	}
	pc := p2p.Config{Identity: id, ListenAddrs: c.Listen, Port: c.Port, Log: a.log.With("component", "p2p")}
	c.P2PNATConfig.apply(&pc, a.stakedRelayCheck())
	h, err := p2p.New(ctx, pc)
	if err != nil {
		a.health.Set("p2p", Degraded, err.Error())
		return nil
	}
	endpoint, err := p2pEndpoint(h, c.Announce, c.Relays)
	if err != nil {
		_ = h.Close()
		a.health.Set("p2p", Degraded, "p2p: "+err.Error())
		return nil
	}
	a.p2px = &p2pParts{host: h, endpoint: endpoint}
	a.svcs.list = append(a.svcs.list, &funcService{name: "p2p",
		run:   func(ctx context.Context) error { <-ctx.Done(); return nil },
		close: h.Close})
	a.addStatus("p2p", func() any { return a.p2px.statusView() })
	a.wireDHT()
	return nil
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
func (a *Agent) p2pServer(h http.Handler, g netguard.Config) (*httpService, error) {
	l, err := a.p2px.host.Listen(p2p.ProtocolHTTP, 0)
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
// http(s) endpoint, or with p2p off: the endpoint is then used as a URL,
// as before). The peer must hold the key the endpoint's peer id names;
// that it is the registered node's is checked where it matters: the
// backup verifies each storage commitment against the node's registered
// address, and paid uploads go through the wallet, which expects it.
func (a *Agent) nodeHTTP(endpoint string) (*http.Client, string, bool) {
	if a.p2px == nil {
		return nil, "", false
	}
	e, err := p2p.ParseEndpoint(endpoint)
	if err != nil || !e.IsLibp2p() {
		return nil, "", false
	}
	hc := a.p2px.host.Client(e.Peer, append(a.p2px.dialOptions(), p2p.Expect(e.Address))...)
	return hc, "http://" + strings.ToLower(e.Address.Hex()), true
}
