package p2p

import (
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/libp2p/go-libp2p/core/event"
	"github.com/libp2p/go-libp2p/core/metrics"
	"github.com/libp2p/go-libp2p/core/network"
	"github.com/libp2p/go-libp2p/core/peer"
	"github.com/libp2p/go-libp2p/core/protocol"
	"github.com/libp2p/go-libp2p/p2p/protocol/holepunch"
)

// Status is what a node's owner and maintainer see of its place in the
// network (`mycroft status`, `mycroft miner status`).
type Status struct {
	// Reachability is "public" (peers can dial the node), "private"
	// (behind NAT or a firewall: reached through relays, or directly
	// after hole punching) or "unknown" (AutoNAT has not decided yet).
	Reachability string `json:"reachability"`
	// NAT is what the node learnt of its router's NAT, per transport
	// ("tcp", "udp"): "endpoint-independent" (hole punching works) or
	// "endpoint-dependent" (symmetric: stays relayed).
	NAT map[string]string `json:"nat,omitempty"`
	// Addrs are the addresses the node tells peers: public ones, and
	// relayed ones (…/p2p-circuit) while it holds reservations.
	Addrs []string `json:"addrs"`
	// Relays are the relays holding a reservation for the node.
	Relays []string `json:"relays,omitempty"`
	// Peers counts connected peers; Direct and Relayed split them by
	// whether a direct connection exists.
	Peers   int `json:"peers"`
	Direct  int `json:"direct"`
	Relayed int `json:"relayed"`
	// BytesIn and BytesOut count stream bytes since the host started.
	BytesIn  int64 `json:"bytes_in"`
	BytesOut int64 `json:"bytes_out"`
	// HolePunches counts DCUtR attempts that ended, by outcome.
	HolePunchesOK     int64 `json:"hole_punches_ok"`
	HolePunchesFailed int64 `json:"hole_punches_failed"`
	// RelayService is true when the node relays for others.
	RelayService bool `json:"relay_service"`
}

// Status reports the host's reachability, relays, peers and traffic.
func (n *Host) Status() Status {
	s := Status{Reachability: n.watch.reachability(), NAT: n.watch.nat(),
		RelayService: n.relayService}
	relays := map[peer.ID]bool{}
	for _, m := range n.h.Addrs() {
		s.Addrs = append(s.Addrs, m.String())
		if r := relayOf(m); r != "" {
			relays[r] = true
		}
	}
	for r := range relays {
		s.Relays = append(s.Relays, r.String())
	}
	sort.Strings(s.Relays)
	for _, p := range n.h.Network().Peers() {
		s.Peers++
		direct := false
		for _, c := range n.h.Network().ConnsToPeer(p) {
			if !c.Stat().Limited {
				direct = true
				break
			}
		}
		if direct {
			s.Direct++
		} else {
			s.Relayed++
		}
	}
	s.BytesIn, s.BytesOut = n.traffic.in.Load(), n.traffic.out.Load()
	s.HolePunchesOK, s.HolePunchesFailed = n.watch.punchOK.Load(), n.watch.punchFailed.Load()
	return s
}

// watcher follows the host's events: reachability, NAT type, hole
// punches. It runs until the host's event bus subscription is closed.
type watcher struct {
	mu          sync.Mutex
	reach       network.Reachability
	natType     map[string]string
	punchOK     atomic.Int64
	punchFailed atomic.Int64
	sub         event.Subscription
	done        chan struct{}
}

func newWatcher(forced Reachability) *watcher {
	w := &watcher{natType: map[string]string{}, done: make(chan struct{})}
	switch forced {
	case ReachabilityPublic:
		w.reach = network.ReachabilityPublic
	case ReachabilityPrivate:
		w.reach = network.ReachabilityPrivate
	}
	return w
}

// start subscribes to bus and follows it in a goroutine.
func (w *watcher) start(bus event.Bus) error {
	sub, err := bus.Subscribe([]any{new(event.EvtLocalReachabilityChanged), new(event.EvtNATDeviceTypeChanged)})
	if err != nil {
		close(w.done)
		return err
	}
	w.sub = sub
	go func() {
		defer close(w.done)
		for e := range sub.Out() {
			w.mu.Lock()
			switch e := e.(type) {
			case event.EvtLocalReachabilityChanged:
				w.reach = e.Reachability
			case event.EvtNATDeviceTypeChanged:
				proto := "udp"
				if e.TransportProtocol == network.NATTransportTCP {
					proto = "tcp"
				}
				w.natType[proto] = natName(e.NatDeviceType)
			}
			w.mu.Unlock()
		}
	}()
	return nil
}

// stop ends the goroutine (the subscription's channel closes).
func (w *watcher) stop() {
	if w.sub != nil {
		_ = w.sub.Close()
	}
	<-w.done
}

func (w *watcher) reachability() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	switch w.reach {
	case network.ReachabilityPublic:
		return "public"
	case network.ReachabilityPrivate:
		return "private"
	}
	return "unknown"
}

func (w *watcher) nat() map[string]string {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.natType) == 0 {
		return nil
	}
	m := make(map[string]string, len(w.natType))
	for k, v := range w.natType {
		m[k] = v
	}
	return m
}

func natName(t network.NATDeviceType) string {
	switch t {
	case network.NATDeviceTypeEndpointIndependent:
		return "endpoint-independent"
	case network.NATDeviceTypeEndpointDependent:
		return "endpoint-dependent"
	}
	return "unknown"
}

// Trace counts the hole punches' outcomes (holepunch.EventTracer).
func (w *watcher) Trace(e *holepunch.Event) {
	if end, ok := e.Evt.(*holepunch.EndHolePunchEvt); ok {
		if end.Success {
			w.punchOK.Add(1)
		} else {
			w.punchFailed.Add(1)
		}
	}
}

// traffic counts stream bytes (metrics.Reporter). libp2p's own
// BandwidthCounter keeps rate meters per peer and per protocol, updated by
// a process-wide goroutine; the owner's status needs two totals.
type traffic struct{ in, out atomic.Int64 }

var _ metrics.Reporter = (*traffic)(nil)

func (t *traffic) LogSentMessage(n int64)                                { t.out.Add(n) }
func (t *traffic) LogRecvMessage(n int64)                                { t.in.Add(n) }
func (t *traffic) LogSentMessageStream(int64, protocol.ID, peer.ID)      {}
func (t *traffic) LogRecvMessageStream(int64, protocol.ID, peer.ID)      {}
func (t *traffic) GetBandwidthForPeer(peer.ID) metrics.Stats             { return metrics.Stats{} }
func (t *traffic) GetBandwidthForProtocol(protocol.ID) metrics.Stats     { return metrics.Stats{} }
func (t *traffic) GetBandwidthByPeer() map[peer.ID]metrics.Stats         { return nil }
func (t *traffic) GetBandwidthByProtocol() map[protocol.ID]metrics.Stats { return nil }
func (t *traffic) GetBandwidthTotals() metrics.Stats {
	return metrics.Stats{TotalIn: t.in.Load(), TotalOut: t.out.Load()}
}

// Reset zeroes both totals.
func (t *traffic) Reset() { t.in.Store(0); t.out.Store(0) }

// TrimIdle does nothing: there are no per-peer meters to trim.
func (t *traffic) TrimIdle(time.Time) {}
