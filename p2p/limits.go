package p2p

import (
	"github.com/libp2p/go-libp2p/core/network"
	rcmgr "github.com/libp2p/go-libp2p/p2p/host/resource-manager"
)

// Limits are the resource manager's and the connection manager's limits.
// They are fixed, not scaled from the machine's memory: a Mark I (Pi 3,
// 1 GiB) and a Mark II (Pi 4, 2 GiB) run the voice pipeline beside the
// network, so libp2p gets a budget of its own whatever the board. A zero
// field takes its default (DefaultLimits).
type Limits struct {
	// Memory libp2p may reserve in total (default 64 MiB), per peer
	// (16 MiB) and per connection (8 MiB): stream windows, buffers.
	Memory, PeerMemory, ConnMemory int64
	// Connections: inbound, outbound (default 64 each; 128 in total). The
	// connection manager's high water must stay below, or libp2p warns.
	ConnsInbound, ConnsOutbound int
	// ConnsPerPeer caps connections to one peer (default 4: one TCP, one
	// QUIC, one relayed, one spare while hole punching swaps them).
	ConnsPerPeer int
	// Streams: inbound, outbound in total (default 512 each), per peer
	// (default 64 each).
	StreamsInbound, StreamsOutbound    int
	PeerStreamsInbound, PeerStreamsOut int
	// HTTPStreams caps inbound streams of the HTTP protocol in total
	// (default 256) and per peer (default 32, as netguard's per-client
	// connection cap): concurrent calls being served.
	HTTPStreams, HTTPStreamsPerPeer int
	// FD caps file descriptors libp2p holds (default 256).
	FD int
	// LowWater and HighWater are the connection manager's: above HighWater
	// (default 96) connections are trimmed to LowWater (default 64),
	// unprotected and past the grace period first.
	LowWater, HighWater int
}

// DefaultLimits returns the limits of a device node.
func DefaultLimits() Limits {
	return Limits{
		Memory: 64 << 20, PeerMemory: 16 << 20, ConnMemory: 8 << 20,
		ConnsInbound: 64, ConnsOutbound: 64, ConnsPerPeer: 4,
		StreamsInbound: 512, StreamsOutbound: 512,
		PeerStreamsInbound: 64, PeerStreamsOut: 64,
		HTTPStreams: 256, HTTPStreamsPerPeer: 32,
		FD:       256,
		LowWater: 64, HighWater: 96,
	}
}

func (l *Limits) defaults() {
	d := DefaultLimits()
	set := func(v *int, def int) {
		if *v <= 0 {
			*v = def
		}
	}
	set64 := func(v *int64, def int64) {
		if *v <= 0 {
			*v = def
		}
	}
	set64(&l.Memory, d.Memory)
	set64(&l.PeerMemory, d.PeerMemory)
	set64(&l.ConnMemory, d.ConnMemory)
	set(&l.ConnsInbound, d.ConnsInbound)
	set(&l.ConnsOutbound, d.ConnsOutbound)
	set(&l.ConnsPerPeer, d.ConnsPerPeer)
	set(&l.StreamsInbound, d.StreamsInbound)
	set(&l.StreamsOutbound, d.StreamsOutbound)
	set(&l.PeerStreamsInbound, d.PeerStreamsInbound)
	set(&l.PeerStreamsOut, d.PeerStreamsOut)
	set(&l.HTTPStreams, d.HTTPStreams)
	set(&l.HTTPStreamsPerPeer, d.HTTPStreamsPerPeer)
	set(&l.FD, d.FD)
	set(&l.LowWater, d.LowWater)
	set(&l.HighWater, d.HighWater)
}

// resourceManager builds the resource manager: libp2p's base limits (the
// ones for a 128 MiB budget, with its own services' limits), then ours on
// top for the system, transient, peer and connection scopes and the HTTP
// protocol.
func (l Limits) resourceManager() (network.ResourceManager, error) {
	scaling := rcmgr.DefaultLimits
	serviceLimits(&scaling)
	base := scaling.Scale(0, 0) // below 128 MiB: the base values only
	lv := func(n int) rcmgr.LimitVal { return rcmgr.LimitVal(n) }
	partial := rcmgr.PartialLimitConfig{
		System: rcmgr.ResourceLimits{
			Conns: lv(l.ConnsInbound + l.ConnsOutbound), ConnsInbound: lv(l.ConnsInbound), ConnsOutbound: lv(l.ConnsOutbound),
			Streams: lv(l.StreamsInbound + l.StreamsOutbound), StreamsInbound: lv(l.StreamsInbound), StreamsOutbound: lv(l.StreamsOutbound),
			FD: lv(l.FD), Memory: rcmgr.LimitVal64(l.Memory),
		},
		// Transient: connections and streams not yet tied to a peer or a
		// protocol (handshakes, multistream negotiation).
		Transient: rcmgr.ResourceLimits{
			Conns: lv(l.ConnsInbound/2 + l.ConnsOutbound/2), ConnsInbound: lv(l.ConnsInbound / 2), ConnsOutbound: lv(l.ConnsOutbound / 2),
			Streams: lv(l.StreamsInbound/4 + l.StreamsOutbound/4), StreamsInbound: lv(l.StreamsInbound / 4), StreamsOutbound: lv(l.StreamsOutbound / 4),
			FD: lv(l.FD / 4), Memory: rcmgr.LimitVal64(l.Memory / 4),
		},
		PeerDefault: rcmgr.ResourceLimits{
			Conns: lv(l.ConnsPerPeer), ConnsInbound: lv(l.ConnsPerPeer), ConnsOutbound: lv(l.ConnsPerPeer),
			Streams: lv(l.PeerStreamsInbound + l.PeerStreamsOut), StreamsInbound: lv(l.PeerStreamsInbound), StreamsOutbound: lv(l.PeerStreamsOut),
			FD: lv(l.ConnsPerPeer), Memory: rcmgr.LimitVal64(l.PeerMemory),
		},
		Conn: rcmgr.ResourceLimits{Memory: rcmgr.LimitVal64(l.ConnMemory)},
		Protocol: map[ProtocolID]rcmgr.ResourceLimits{
			ProtocolHTTP: {StreamsInbound: lv(l.HTTPStreams), Streams: lv(l.HTTPStreams + l.StreamsOutbound)},
		},
		ProtocolPeer: map[ProtocolID]rcmgr.ResourceLimits{
			ProtocolHTTP: {StreamsInbound: lv(l.HTTPStreamsPerPeer), Streams: lv(l.HTTPStreamsPerPeer + l.PeerStreamsOut)},
		},
	}
	return rcmgr.NewResourceManager(rcmgr.NewFixedLimiter(partial.Build(base)), rcmgr.WithMetricsDisabled())
}
