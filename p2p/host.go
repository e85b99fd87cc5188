package p2p

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/libp2p/go-libp2p/core/host"
	"github.com/libp2p/go-libp2p/core/network"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/libp2p/go-libp2p/core/protocol"
	"github.com/libp2p/go-libp2p/p2p/net/connmgr"
	"github.com/libp2p/go-libp2p/p2p/protocol/holepunch"
	ma "github.com/multiformats/go-multiaddr"
)

// ProtocolID names a libp2p protocol (a stream's first line).
type ProtocolID = protocol.ID

// DefaultPort is the port a node listens on, TCP and UDP (QUIC) alike.
const DefaultPort = 4001

// Reachability forces what the host believes of its own reachability,
// skipping AutoNAT's wait (tests, and nodes whose owner knows).
type Reachability int

const (
	ReachabilityUnknown Reachability = iota // learn it (AutoNAT)
	ReachabilityPublic                      // act as publicly reachable
	ReachabilityPrivate                     // act as behind NAT (relay reservations at once)
)

// Config is a host's configuration. Only Identity is required; every
// switch is off unless set.
type Config struct {
	// Identity is the node's wallet key (IdentityFromRaw,
	// IdentityFromECDSA).
	Identity Identity
	// ListenAddrs are multiaddrs to listen on. Empty: all interfaces, IPv4
	// and IPv6, TCP and QUIC on Port.
	ListenAddrs []string
	// Port is the port of the default listen addresses (default 4001).
	Port int
	// Limits of the resource and connection managers (zero fields take
	// DefaultLimits).
	Limits Limits

	// RelayClient lets the host dial and accept relayed (circuit v2)
	// connections; StaticRelays, when set, are relays it keeps a
	// reservation on (AutoRelay) while it is not publicly reachable.
	RelayClient  bool
	StaticRelays []peer.AddrInfo
	// HolePunching runs DCUtR to turn relayed connections into direct ones
	// (needs RelayClient).
	HolePunching bool
	// PortMapping asks the router for a port mapping (UPnP, NAT-PMP).
	PortMapping bool
	// AutoNATv2 checks, through other peers, which of the host's addresses
	// are reachable; AutoNATService answers such checks for others.
	AutoNATv2      bool
	AutoNATService bool
	// RelayService makes the host a relay for others once it is publicly
	// reachable, under RelayPolicy (zero fields take DefaultRelayPolicy).
	RelayService bool
	RelayPolicy  RelayPolicy
	// Reachability, when not Unknown, is forced.
	Reachability Reachability
	// PublishPrivateAddrs keeps LAN and loopback addresses in what the
	// host tells peers (identify). Off, only public addresses are told;
	// tests on loopback and LAN-only networks turn it on.
	PublishPrivateAddrs bool

	Log *slog.Logger
}

// Host is a running libp2p node. Make it with New, stop it with Close.
type Host struct {
	h            host.Host
	id           Identity
	addr         common.Address
	limits       Limits
	log          *slog.Logger
	relayService bool
	watch        *watcher
	traffic      *traffic
	closeMu      sync.Mutex
	closed       bool
}

// New starts a host: it listens at once on the configured addresses.
func New(ctx context.Context, cfg Config) (*Host, error) {
	if cfg.Identity.IsZero() {
		return nil, errors.New("p2p: new host: no identity (the wallet key)")
	}
	if cfg.HolePunching && !cfg.RelayClient {
		return nil, errors.New("p2p: new host: hole punching needs the relay client")
	}
	if len(cfg.StaticRelays) > 0 && !cfg.RelayClient {
		return nil, errors.New("p2p: new host: static relays need the relay client")
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Port == 0 {
		cfg.Port = DefaultPort
	}
	if cfg.Port < 0 || cfg.Port > 65535 {
		return nil, fmt.Errorf("p2p: new host: port %d out of range", cfg.Port)
	}
	cfg.Limits.defaults()
	cfg.RelayPolicy.defaults()
	if err := cfg.RelayPolicy.validate(); err != nil {
		return nil, fmt.Errorf("p2p: new host: %w", err)
	}
	if cfg.Limits.HighWater < cfg.Limits.LowWater {
		return nil, fmt.Errorf("p2p: new host: connection high water %d below low water %d", cfg.Limits.HighWater, cfg.Limits.LowWater)
	}
	listen := cfg.ListenAddrs
	if len(listen) == 0 {
		p := strconv.Itoa(cfg.Port)
		listen = []string{"/ip4/0.0.0.0/tcp/" + p, "/ip4/0.0.0.0/udp/" + p + "/quic-v1",
			"/ip6/::/tcp/" + p, "/ip6/::/udp/" + p + "/quic-v1"}
	}
	addrs := make([]ma.Multiaddr, 0, len(listen))
	for _, s := range listen {
		a, err := ma.NewMultiaddr(s)
		if err != nil {
			return nil, fmt.Errorf("p2p: new host: listen address %q: %w", s, err)
		}
		addrs = append(addrs, a)
	}
	rm, err := cfg.Limits.resourceManager()
	if err != nil {
		return nil, fmt.Errorf("p2p: new host: resource manager: %w", err)
	}
	cm, err := connmgr.NewConnManager(cfg.Limits.LowWater, cfg.Limits.HighWater)
	if err != nil {
		rm.Close()
		return nil, fmt.Errorf("p2p: new host: connection manager: %w", err)
	}
	watch, tr := newWatcher(cfg.Reachability), &traffic{}
	lc := libp2pConfig{key: cfg.Identity.key, listen: addrs, rm: rm, cm: cm, reporter: tr,
		publishPrivate: cfg.PublishPrivateAddrs, relayClient: cfg.RelayClient, staticRelays: cfg.StaticRelays,
		holePunching: cfg.HolePunching, portMapping: cfg.PortMapping, autoNATv2: cfg.AutoNATv2,
		autoNATService: cfg.AutoNATService, relayService: cfg.RelayService}
	if cfg.HolePunching {
		lc.holePunchOpts = []holepunch.Option{holepunch.WithTracer(watch)}
	}
	if cfg.RelayService {
		lc.relayOpts = cfg.RelayPolicy.options()
	}
	switch cfg.Reachability {
	case ReachabilityPublic:
		r := network.ReachabilityPublic
		lc.reachability = &r
	case ReachabilityPrivate:
		r := network.ReachabilityPrivate
		lc.reachability = &r
	}
	if err := ctx.Err(); err != nil {
		cm.Close()
		rm.Close()
		return nil, fmt.Errorf("p2p: new host: %w", err)
	}
	h, err := newLibp2pHost(lc)
	if err != nil {
		cm.Close()
		rm.Close()
		return nil, fmt.Errorf("p2p: new host: %w", err)
	}
	if err := watch.start(h.EventBus()); err != nil {
		_ = h.Close()
		return nil, fmt.Errorf("p2p: new host: events: %w", err)
	}
	n := &Host{h: h, id: cfg.Identity, addr: cfg.Identity.Address(), limits: cfg.Limits, log: cfg.Log,
		relayService: cfg.RelayService, watch: watch, traffic: tr}
	cfg.Log.Info("p2p: host started", "peer", h.ID().String(), "address", n.addr.Hex(), "listen", fmt.Sprint(h.Addrs()))
	return n, nil
}

// ID is the host's peer id.
func (n *Host) ID() peer.ID { return n.h.ID() }

// Address is the Ethereum address of the host's key.
func (n *Host) Address() common.Address { return n.addr }

// AddrInfo is the host's peer id and the addresses it listens on (what a
// peer on the same network dials).
func (n *Host) AddrInfo() peer.AddrInfo { return peer.AddrInfo{ID: n.h.ID(), Addrs: n.h.Addrs()} }

// Libp2p is the underlying libp2p host, for the parts built on it (the
// DHT, relays, status).
func (n *Host) Libp2p() host.Host { return n.h }

// Close stops the host: every connection and stream is closed, the
// listeners too. It is safe to call more than once.
func (n *Host) Close() error {
	n.closeMu.Lock()
	defer n.closeMu.Unlock()
	if n.closed {
		return nil
	}
	n.closed = true
	n.watch.stop()
	if err := n.h.Close(); err != nil {
		return fmt.Errorf("p2p: close: %w", err)
	}
	return nil
}
