package p2p

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"time"

	dht "github.com/libp2p/go-libp2p-kad-dht"
	"github.com/libp2p/go-libp2p/core/peer"
	ma "github.com/multiformats/go-multiaddr"
)

// DHTProtocolPrefix is the prefix of the node network's Kademlia DHT: its
// one protocol is DHTProtocol, so a node never queries or answers the IPFS
// DHT (/ipfs/kad/1.0.0) and no IPFS peer enters its routing table.
const DHTProtocolPrefix ProtocolID = "/mycroft"

// DHTProtocol is the DHT's protocol id; a host in server mode handles it.
const DHTProtocol = DHTProtocolPrefix + "/kad/1.0.0"

// The DHT's defaults for a device: a Pi 3 runs the voice pipeline beside
// it. The IPFS DHT uses k = 20 and alpha = 10; peer routing in a network
// of hundreds to thousands of nodes needs neither. k bounds the routing
// table (k peers per bucket, about log2(nodes) buckets) and the peers an
// answer lists; alpha is how many peers a lookup asks at once (each a
// connection dialled, with its buffers).
const (
	DefaultDHTBucketSize  = 10 // k
	DefaultDHTConcurrency = 3  // alpha, as in the Kademlia paper
	// dhtLookupChecks caps the goroutines that check a peer answers
	// before it enters the routing table (the DHT's default is 256).
	dhtLookupChecks = 4
)

// DHTMode is whether the node answers DHT queries (server) or only asks
// (client).
type DHTMode int

const (
	// DHTAuto: server while the host believes it is publicly reachable
	// (AutoNAT, or Config.Reachability), client otherwise, including
	// while reachability is unknown.
	DHTAuto DHTMode = iota
	DHTClient
	DHTServer
)

func (m DHTMode) String() string {
	switch m {
	case DHTAuto:
		return "auto"
	case DHTClient:
		return "client"
	case DHTServer:
		return "server"
	}
	return fmt.Sprintf("DHTMode(%d)", int(m))
}

// ParseDHTMode reads "auto", "client" or "server".
func ParseDHTMode(s string) (DHTMode, error) {
	for _, m := range []DHTMode{DHTAuto, DHTClient, DHTServer} {
		if s == m.String() {
			return m, nil
		}
	}
	return 0, fmt.Errorf("p2p: dht mode %q: want auto, client or server", s)
}

func (m DHTMode) option() (dht.Option, error) {
	switch m {
	case DHTAuto:
		return dht.Mode(dht.ModeAuto), nil
	case DHTClient:
		return dht.Mode(dht.ModeClient), nil
	case DHTServer:
		return dht.Mode(dht.ModeServer), nil
	}
	return nil, fmt.Errorf("p2p: %s is not a DHT mode", m)
}

// ParseBootstrap reads bootstrap peers: multiaddrs that end in
// /p2p/<peer id> of a secp256k1 key (a node's), e.g.
// "/ip4/192.0.2.10/tcp/4001/p2p/16Uiu2HA...". Several addresses of one
// peer become one entry, in the order first seen.
func ParseBootstrap(addrs []string) ([]peer.AddrInfo, error) {
	var out []peer.AddrInfo
	for _, s := range addrs {
		m, err := ma.NewMultiaddr(s)
		if err != nil {
			return nil, fmt.Errorf("p2p: bootstrap peer %q: %w", s, err)
		}
		info, err := peer.AddrInfoFromP2pAddr(m)
		if err != nil {
			return nil, fmt.Errorf("p2p: bootstrap peer %q: want a multiaddr ending in /p2p/<peer id>: %w", s, err)
		}
		if len(info.Addrs) == 0 {
			return nil, fmt.Errorf("p2p: bootstrap peer %q has no address to dial", s)
		}
		if _, err := AddressOf(info.ID); err != nil {
			return nil, fmt.Errorf("p2p: bootstrap peer %q is not a node: %w", s, err)
		}
		i := slices.IndexFunc(out, func(a peer.AddrInfo) bool { return a.ID == info.ID })
		if i < 0 {
			out = append(out, *info)
			continue
		}
		out[i].Addrs = append(out[i].Addrs, info.Addrs...)
	}
	return out, nil
}

// DiscoveryConfig configures a node's DHT. Zero fields take the defaults.
type DiscoveryConfig struct {
	// Bootstrap are the peers the node joins the DHT through (ParseBootstrap);
	// none for a node others bootstrap from. IPFS's bootstrap peers are
	// never used.
	Bootstrap []peer.AddrInfo
	// Mode: DHTAuto by default.
	Mode DHTMode
	// BucketSize (k) and Concurrency (alpha); DefaultDHTBucketSize and
	// DefaultDHTConcurrency when 0.
	BucketSize, Concurrency int
	Log                     *slog.Logger
}

// Discovery is the node network's Kademlia DHT, used for peer routing only:
// where a node is now (FindPeer). It stores no values and no provider
// records. Who is a node, staked, and what it sells is the Registry's to
// say: the DHT only gives addresses for a peer id the caller already has,
// and the connection's handshake proves the peer holds that id's key.
// Only peers with secp256k1 keys (nodes) enter the routing table or are
// asked. Make it with NewDiscovery, stop it with Close before the host.
type Discovery struct {
	d         *dht.IpfsDHT
	h         *Host
	mode      DHTMode
	bootstrap []peer.AddrInfo
	log       *slog.Logger
	closeOnce sync.Once
	closeErr  error
}

// NewDiscovery starts the DHT on h. It does not wait for the bootstrap
// peers: the DHT dials them in the background whenever its routing table
// is empty; Bootstrap joins at once.
func NewDiscovery(h *Host, cfg DiscoveryConfig) (*Discovery, error) {
	if h == nil {
		return nil, errors.New("p2p: discovery: no host")
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.BucketSize == 0 {
		cfg.BucketSize = DefaultDHTBucketSize
	}
	if cfg.Concurrency == 0 {
		cfg.Concurrency = DefaultDHTConcurrency
	}
	if cfg.BucketSize < 1 || cfg.Concurrency < 1 {
		return nil, fmt.Errorf("p2p: discovery: bucket size %d, concurrency %d: want at least 1", cfg.BucketSize, cfg.Concurrency)
	}
	mode, err := cfg.Mode.option()
	if err != nil {
		return nil, err
	}
	var boot []peer.AddrInfo
	for _, b := range cfg.Bootstrap {
		if b.ID != h.ID() { // a bootstrap node may list itself with the others
			boot = append(boot, b)
		}
	}
	isNode := func(id peer.ID) bool { _, err := AddressOf(id); return err == nil }
	d, err := dht.New(h.Libp2p(),
		dht.ProtocolPrefix(DHTProtocolPrefix),
		mode,
		dht.BootstrapPeers(boot...),
		dht.DisableProviders(),
		dht.DisableValues(),
		dht.BucketSize(cfg.BucketSize),
		dht.Concurrency(cfg.Concurrency),
		dht.LookupCheckConcurrency(dhtLookupChecks),
		dht.RoutingTableFilter(func(_ any, id peer.ID) bool { return isNode(id) }),
		dht.QueryFilter(func(_ any, ai peer.AddrInfo) bool { return isNode(ai.ID) }),
	)
	if err != nil {
		return nil, fmt.Errorf("p2p: discovery: %w", err)
	}
	cfg.Log.Info("p2p: dht started", "protocol", string(DHTProtocol), "mode", cfg.Mode.String(), "bootstrap", len(boot))
	return &Discovery{d: d, h: h, mode: cfg.Mode, bootstrap: boot, log: cfg.Log}, nil
}

// ErrNoBootstrap is returned by Bootstrap when no bootstrap peer could be
// reached.
var ErrNoBootstrap = errors.New("p2p: no bootstrap peer reachable")

// Bootstrap connects to every bootstrap peer, then refreshes the routing
// table: a lookup of the node's own id, which connects it to the nodes
// nearest its id, so they learn its current addresses (what a FindPeer
// for it reaches). It returns ErrNoBootstrap (with each dial's error) when
// none of several bootstrap peers answered; with none configured, only the
// refresh runs (an error then just means no peer is known yet). A
// bootstrap peer must serve the DHT (be in server mode).
func (d *Discovery) Bootstrap(ctx context.Context) error {
	if len(d.bootstrap) > 0 {
		errs := make([]error, len(d.bootstrap))
		var wg sync.WaitGroup
		for i, b := range d.bootstrap {
			wg.Go(func() { errs[i] = d.h.Libp2p().Connect(ctx, b) })
		}
		wg.Wait()
		var failed []error
		for i, err := range errs {
			if err != nil {
				failed = append(failed, fmt.Errorf("%s: %w", d.bootstrap[i].ID, err))
			}
		}
		if len(failed) == len(d.bootstrap) {
			return fmt.Errorf("%w: %w", ErrNoBootstrap, errors.Join(failed...))
		}
		for _, err := range failed {
			d.log.Warn("p2p: bootstrap peer unreachable", "err", err)
		}
		if err := d.awaitTable(ctx); err != nil {
			return err
		}
	}
	select {
	case err := <-d.d.RefreshRoutingTable():
		if err != nil {
			return fmt.Errorf("p2p: dht refresh: %w", err)
		}
		return nil
	case <-ctx.Done():
		return fmt.Errorf("p2p: dht refresh: %w", ctx.Err())
	}
}

// awaitTable waits for a bootstrap peer that serves the DHT to enter the
// routing table (the DHT adds peers once identify has told their
// protocols, in the background).
func (d *Discovery) awaitTable(ctx context.Context) error {
	serving := false
	for _, b := range d.bootstrap {
		if ok, _ := d.h.Libp2p().Peerstore().SupportsProtocols(b.ID, DHTProtocol); len(ok) > 0 {
			serving = true
		}
	}
	if !serving {
		return fmt.Errorf("%w: the bootstrap peers reached do not serve the DHT (%s)", ErrNoBootstrap, DHTProtocol)
	}
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for d.d.RoutingTable().Size() == 0 {
		select {
		case <-tick.C:
		case <-ctx.Done():
			return fmt.Errorf("p2p: dht: waiting for the bootstrap peers to enter the routing table: %w", ctx.Err())
		}
	}
	return nil
}

// FindPeer returns where peer id is now: what this host knows if it is
// connected, else what the DHT's nodes nearest id know (a lookup). The
// addresses are not trusted for anything but dialling: the handshake
// checks the peer's key. A peer not found gives an error.
func (d *Discovery) FindPeer(ctx context.Context, id peer.ID) (peer.AddrInfo, error) {
	info, err := d.d.FindPeer(ctx, id)
	if err != nil {
		return peer.AddrInfo{}, fmt.Errorf("p2p: find %s: %w", id, err)
	}
	return info, nil
}

// DiscoveryStatus is what Status reports.
type DiscoveryStatus struct {
	Mode       string `json:"mode"`        // "server" or "client": what the DHT does now
	Configured string `json:"configured"`  // auto, client or server
	Peers      int    `json:"table_peers"` // peers in the routing table
	Bootstrap  int    `json:"bootstrap"`   // bootstrap peers configured
}

// Status is the DHT's current mode and routing table size.
func (d *Discovery) Status() DiscoveryStatus {
	s := DiscoveryStatus{Mode: "client", Configured: d.mode.String(), Peers: d.d.RoutingTable().Size(), Bootstrap: len(d.bootstrap)}
	if d.Serving() {
		s.Mode = "server"
	}
	return s
}

// RoutingTablePeers are the peers in the routing table.
func (d *Discovery) RoutingTablePeers() []peer.ID { return d.d.RoutingTable().ListPeers() }

// Serving reports whether the DHT answers queries now (server mode): the
// host then handles DHTProtocol.
func (d *Discovery) Serving() bool {
	return slices.Contains(d.h.Libp2p().Mux().Protocols(), DHTProtocol)
}

// Close stops the DHT (not the host). It is safe to call more than once.
func (d *Discovery) Close() error {
	d.closeOnce.Do(func() {
		if err := d.d.Close(); err != nil {
			d.closeErr = fmt.Errorf("p2p: discovery: close: %w", err)
		}
	})
	return d.closeErr
}
