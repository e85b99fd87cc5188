package p2p

import (
	"fmt"

	"github.com/libp2p/go-libp2p/config"
	"github.com/libp2p/go-libp2p/core/connmgr"
	"github.com/libp2p/go-libp2p/core/crypto"
	"github.com/libp2p/go-libp2p/core/host"
	"github.com/libp2p/go-libp2p/core/metrics"
	"github.com/libp2p/go-libp2p/core/network"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/libp2p/go-libp2p/core/protocol"
	"github.com/libp2p/go-libp2p/core/transport"
	"github.com/libp2p/go-libp2p/p2p/host/autonat"
	"github.com/libp2p/go-libp2p/p2p/host/autorelay"
	bhost "github.com/libp2p/go-libp2p/p2p/host/basic"
	"github.com/libp2p/go-libp2p/p2p/host/peerstore/pstoremem"
	rcmgr "github.com/libp2p/go-libp2p/p2p/host/resource-manager"
	"github.com/libp2p/go-libp2p/p2p/muxer/yamux"
	"github.com/libp2p/go-libp2p/p2p/net/swarm"
	tptu "github.com/libp2p/go-libp2p/p2p/net/upgrader"
	circuitproto "github.com/libp2p/go-libp2p/p2p/protocol/circuitv2/proto"
	relayv2 "github.com/libp2p/go-libp2p/p2p/protocol/circuitv2/relay"
	"github.com/libp2p/go-libp2p/p2p/protocol/holepunch"
	"github.com/libp2p/go-libp2p/p2p/protocol/identify"
	"github.com/libp2p/go-libp2p/p2p/protocol/ping"
	"github.com/libp2p/go-libp2p/p2p/security/noise"
	tls "github.com/libp2p/go-libp2p/p2p/security/tls"
	quic "github.com/libp2p/go-libp2p/p2p/transport/quic"
	"github.com/libp2p/go-libp2p/p2p/transport/tcp"
	ma "github.com/multiformats/go-multiaddr"
	"go.uber.org/fx"
)

// The host is built from go-libp2p's config package, not from its root
// package (libp2p.New). The root package declares its default transports
// in package variables that name the WebSocket, WebTransport and WebRTC
// transports, so a program that imports it links all three (with pion,
// webtransport-go and http3) though this host never uses them: about 4 MB
// of the arm64 device binary (docs/performance.md, issue 15). What follows
// sets the config.Config fields the root package's options set, and the
// defaults libp2p.New fills in for what we leave unset (a memory
// peerstore, the UDP and IPv6 black hole counters). config itself still
// imports the WebRTC package for one type (~0.13 MB).

// libp2pConfig is what New asks of go-libp2p.
type libp2pConfig struct {
	key            crypto.PrivKey
	listen         []ma.Multiaddr
	rm             network.ResourceManager
	cm             connmgr.ConnManager
	reporter       metrics.Reporter
	publishPrivate bool
	relayClient    bool
	staticRelays   []peer.AddrInfo
	holePunching   bool
	holePunchOpts  []holepunch.Option
	portMapping    bool
	autoNATv2      bool
	autoNATService bool
	relayService   bool
	relayOpts      []relayv2.Option
	reachability   *network.Reachability
}

// newLibp2pHost starts a go-libp2p host: TCP and QUIC, Noise then TLS,
// yamux, metrics off.
func newLibp2pHost(c libp2pConfig) (host.Host, error) {
	ps, err := pstoremem.NewPeerstore()
	if err != nil {
		return nil, fmt.Errorf("peerstore: %w", err)
	}
	cfg := config.Config{
		PeerKey:     c.key,
		ListenAddrs: c.listen,
		Peerstore:   ps,
		// Only TCP and QUIC.
		Transports: []fx.Option{transportOf(tcp.NewTCPTransport), transportOf(quic.NewTransport)},
		// Noise first: hole punching over TCP is tested with Noise.
		SecurityTransports: []config.Security{
			{ID: noise.ID, Constructor: noise.New},
			{ID: tls.ID, Constructor: tls.New},
		},
		Muxers:                         []tptu.StreamMuxer{{ID: yamux.ID, Muxer: yamux.DefaultTransport}},
		ResourceManager:                c.rm,
		ConnManager:                    c.cm,
		DisableMetrics:                 true,
		Reporter:                       c.reporter,
		UserAgent:                      "mycroft",
		DisableNonPublicAddrPublishing: !c.publishPrivate,
		RelayCustom:                    true,
		Relay:                          c.relayClient,
		EnableHolePunching:             c.holePunching,
		HolePunchingOptions:            c.holePunchOpts,
		EnableAutoNATv2:                c.autoNATv2,
		EnableRelayService:             c.relayService,
		RelayServiceOpts:               c.relayOpts,
		// libp2p.New's defaults: dials to UDP or IPv6 addresses are held
		// back once 95 of the last 100 failed (no UDP, no IPv6 here).
		UDPBlackHoleSuccessCounter:        &swarm.BlackHoleSuccessCounter{N: 100, MinSuccesses: 5, Name: "UDP"},
		CustomUDPBlackHoleSuccessCounter:  true,
		IPv6BlackHoleSuccessCounter:       &swarm.BlackHoleSuccessCounter{N: 100, MinSuccesses: 5, Name: "IPv6"},
		CustomIPv6BlackHoleSuccessCounter: true,
	}
	if len(c.staticRelays) > 0 {
		cfg.EnableAutoRelay = true
		cfg.AutoRelayOpts = []autorelay.Option{autorelay.WithStaticRelays(c.staticRelays)}
	}
	if c.portMapping {
		cfg.NATManager = bhost.NewNATManager
	}
	cfg.AutoNATConfig.EnableService = c.autoNATService
	cfg.AutoNATConfig.ForceReachability = c.reachability
	h, err := cfg.NewNode()
	if err != nil {
		_ = ps.Close()
		return nil, err
	}
	return h, nil
}

// transportOf is libp2p.Transport for a constructor without options.
func transportOf(constructor any) fx.Option {
	return fx.Provide(fx.Annotate(constructor,
		fx.As(new(transport.Transport)),
		fx.ResultTags(`group:"transport"`)))
}

// serviceLimits sets the limits of libp2p's own services (identify, ping,
// AutoNAT, hole punching, relay) to the values of go-libp2p v0.49.0's
// SetDefaultServiceLimits, which lives in the root package;
// TestServiceLimitsMatchLibp2p fails when an upgrade changes them.
func serviceLimits(c *rcmgr.ScalingLimitConfig) {
	both := func(service string, proto protocol.ID, l rcmgr.BaseLimit, inc rcmgr.BaseLimitIncrease) {
		c.AddServiceLimit(service, l, inc)
		c.AddProtocolLimit(proto, l, inc)
	}
	bothPeer := func(service string, proto protocol.ID, l rcmgr.BaseLimit) {
		c.AddServicePeerLimit(service, l, rcmgr.BaseLimitIncrease{})
		c.AddProtocolPeerLimit(proto, l, rcmgr.BaseLimitIncrease{})
	}
	c.AddServiceLimit(identify.ServiceName,
		rcmgr.BaseLimit{StreamsInbound: 64, StreamsOutbound: 64, Streams: 128, Memory: 4 << 20},
		rcmgr.BaseLimitIncrease{StreamsInbound: 64, StreamsOutbound: 64, Streams: 128, Memory: 4 << 20})
	c.AddServicePeerLimit(identify.ServiceName,
		rcmgr.BaseLimit{StreamsInbound: 16, StreamsOutbound: 16, Streams: 32, Memory: 1 << 20},
		rcmgr.BaseLimitIncrease{})
	for _, id := range [...]protocol.ID{identify.ID, identify.IDPush} {
		c.AddProtocolLimit(id,
			rcmgr.BaseLimit{StreamsInbound: 64, StreamsOutbound: 64, Streams: 128, Memory: 4 << 20},
			rcmgr.BaseLimitIncrease{StreamsInbound: 64, StreamsOutbound: 64, Streams: 128, Memory: 4 << 20})
		c.AddProtocolPeerLimit(id,
			rcmgr.BaseLimit{StreamsInbound: 16, StreamsOutbound: 16, Streams: 32, Memory: 32 * (256<<20 + 16<<10)},
			rcmgr.BaseLimitIncrease{})
	}
	both(ping.ServiceName, ping.ID,
		rcmgr.BaseLimit{StreamsInbound: 64, StreamsOutbound: 64, Streams: 64, Memory: 4 << 20},
		rcmgr.BaseLimitIncrease{StreamsInbound: 64, StreamsOutbound: 64, Streams: 64, Memory: 4 << 20})
	bothPeer(ping.ServiceName, ping.ID,
		rcmgr.BaseLimit{StreamsInbound: 2, StreamsOutbound: 3, Streams: 4, Memory: 32 * (256<<20 + 16<<10)})
	both(autonat.ServiceName, autonat.AutoNATProto,
		rcmgr.BaseLimit{StreamsInbound: 64, StreamsOutbound: 64, Streams: 64, Memory: 4 << 20},
		rcmgr.BaseLimitIncrease{StreamsInbound: 4, StreamsOutbound: 4, Streams: 4, Memory: 2 << 20})
	bothPeer(autonat.ServiceName, autonat.AutoNATProto,
		rcmgr.BaseLimit{StreamsInbound: 2, StreamsOutbound: 2, Streams: 2, Memory: 1 << 20})
	both(holepunch.ServiceName, holepunch.Protocol,
		rcmgr.BaseLimit{StreamsInbound: 32, StreamsOutbound: 32, Streams: 64, Memory: 4 << 20},
		rcmgr.BaseLimitIncrease{StreamsInbound: 8, StreamsOutbound: 8, Streams: 16, Memory: 4 << 20})
	bothPeer(holepunch.ServiceName, holepunch.Protocol,
		rcmgr.BaseLimit{StreamsInbound: 2, StreamsOutbound: 2, Streams: 2, Memory: 1 << 20})
	c.AddServiceLimit(relayv2.ServiceName,
		rcmgr.BaseLimit{StreamsInbound: 256, StreamsOutbound: 256, Streams: 256, Memory: 16 << 20},
		rcmgr.BaseLimitIncrease{StreamsInbound: 256, StreamsOutbound: 256, Streams: 256, Memory: 16 << 20})
	c.AddServicePeerLimit(relayv2.ServiceName,
		rcmgr.BaseLimit{StreamsInbound: 64, StreamsOutbound: 64, Streams: 64, Memory: 1 << 20},
		rcmgr.BaseLimitIncrease{})
	for _, proto := range [...]protocol.ID{circuitproto.ProtoIDv2Hop, circuitproto.ProtoIDv2Stop} {
		c.AddProtocolLimit(proto,
			rcmgr.BaseLimit{StreamsInbound: 640, StreamsOutbound: 640, Streams: 640, Memory: 16 << 20},
			rcmgr.BaseLimitIncrease{StreamsInbound: 640, StreamsOutbound: 640, Streams: 640, Memory: 16 << 20})
		c.AddProtocolPeerLimit(proto,
			rcmgr.BaseLimit{StreamsInbound: 128, StreamsOutbound: 128, Streams: 128, Memory: 32 << 20},
			rcmgr.BaseLimitIncrease{})
	}
}
