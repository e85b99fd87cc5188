package agent

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/libp2p/go-libp2p/core/peer"
	ma "github.com/multiformats/go-multiaddr"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/miner"
	"github.com/mycroft-network/mycroft/p2p"
)

// P2PNATConfig is the part of [p2p] about crossing home NATs
// (docs/network.md, "Behind NAT"): what the node learns of its
// reachability, the relays it uses, and, on a node with a public address,
// the relay it runs for others under the owner's caps.
type P2PNATConfig struct {
	// Reachability: "auto" (learnt with AutoNAT), "public" (the owner
	// knows the node is reachable: a server, a forwarded port) or
	// "private" (behind NAT: relay reservations at once).
	Reachability string `toml:"reachability"`
	RelayClient  bool   `toml:"relay_client"`
	// Relays are relays the node keeps a reservation on while behind NAT
	// (multiaddrs with /p2p/<id>); needs relay_client.
	Relays       []string `toml:"relays"`
	HolePunching bool     `toml:"hole_punching"`
	PortMapping  bool     `toml:"port_mapping"`
	AutoNATv2    bool     `toml:"autonat_v2"`
	// AutoNATService answers other nodes' reachability checks.
	AutoNATService bool `toml:"autonat_service"`
	// RelayService relays for other nodes once this one is publicly
	// reachable, within the caps below (p2p.RelayPolicy).
	RelayService bool `toml:"relay_service"`
	// RelayFor: "staked" (nodes registered with stake in the Registry,
	// checked on the chain; the default) or "nodes" (any node key).
	RelayFor             string   `toml:"relay_for"`
	RelayMaxReservations int      `toml:"relay_max_reservations"`
	RelayCircuitsPerPeer int      `toml:"relay_circuits_per_peer"`
	RelayCircuitData     string   `toml:"relay_circuit_data"`
	RelayCircuitDuration Duration `toml:"relay_circuit_duration"`
}

func defaultP2PNATConfig() P2PNATConfig {
	d := p2p.DefaultRelayPolicy()
	return P2PNATConfig{Reachability: "auto", Relays: []string{}, RelayFor: "staked",
		RelayMaxReservations: d.MaxReservations, RelayCircuitsPerPeer: d.MaxCircuits,
		RelayCircuitData: miner.FormatSize(uint64(d.CircuitData)), RelayCircuitDuration: Duration(d.CircuitDuration)}
}

func (c P2PNATConfig) validate(bad badFunc) {
	switch c.Reachability {
	case "auto", "public", "private":
	default:
		bad("p2p.reachability", "must be auto, public or private")
	}
	for _, s := range c.Relays {
		if _, err := peer.AddrInfoFromString(s); err != nil {
			bad("p2p.relays", "%q is not a relay's multiaddr with its peer id (\"/ip4/198.51.100.7/tcp/4001/p2p/16Uiu2…\")", s)
		}
	}
	if len(c.Relays) > 0 && !c.RelayClient {
		bad("p2p.relays", "need p2p.relay_client = true")
	}
	if c.HolePunching && !c.RelayClient {
		bad("p2p.hole_punching", "needs p2p.relay_client = true")
	}
	if c.RelayFor != "staked" && c.RelayFor != "nodes" {
		bad("p2p.relay_for", "must be staked or nodes")
	}
	if c.RelayMaxReservations < 1 || c.RelayMaxReservations > 4096 {
		bad("p2p.relay_max_reservations", "must be 1..4096")
	}
	if c.RelayCircuitsPerPeer < 1 || c.RelayCircuitsPerPeer > 64 {
		bad("p2p.relay_circuits_per_peer", "must be 1..64")
	}
	if n, err := miner.ParseSize(c.RelayCircuitData); err != nil || n < 64<<10 || n > 1<<30 {
		bad("p2p.relay_circuit_data", "must be a size from 64KiB to 1GiB, such as \"4MiB\"")
	}
	if d := time.Duration(c.RelayCircuitDuration); d < 10*time.Second || d > time.Hour {
		bad("p2p.relay_circuit_duration", "must be from 10s to 1h")
	}
}

// apply sets cfg's NAT switches from c (validated); staked is the relay
// service's check for relay_for = "staked".
func (c P2PNATConfig) apply(cfg *p2p.Config, staked func(peer.ID) bool) {
	cfg.RelayClient, cfg.HolePunching, cfg.PortMapping = c.RelayClient, c.HolePunching, c.PortMapping
	cfg.AutoNATv2, cfg.AutoNATService, cfg.RelayService = c.AutoNATv2, c.AutoNATService, c.RelayService
	switch c.Reachability {
	case "public":
		cfg.Reachability = p2p.ReachabilityPublic
	case "private":
		cfg.Reachability = p2p.ReachabilityPrivate
	}
	for _, s := range c.Relays {
		if info, err := peer.AddrInfoFromString(s); err == nil {
			cfg.StaticRelays = append(cfg.StaticRelays, *info)
		}
	}
	data, _ := miner.ParseSize(c.RelayCircuitData)
	cfg.RelayPolicy = p2p.RelayPolicy{MaxReservations: c.RelayMaxReservations, MaxCircuits: c.RelayCircuitsPerPeer,
		CircuitData: int64(data), CircuitDuration: time.Duration(c.RelayCircuitDuration)}
	if c.RelayService && c.RelayFor == "staked" {
		cfg.RelayPolicy.AllowReserve = staked
	}
}

// statusView is the node's place in the network for the owner
// (apiclient.P2PStatus): the host's, or why it is not running yet.
func (p *p2pParts) statusView() apiclient.P2PStatus {
	r, err := p.host()
	if err != nil {
		return apiclient.P2PStatus{Listen: []string{}, Reachability: "not started", Path: err.Error(),
			TrafficIn: miner.FormatSize(0), TrafficOut: miner.FormatSize(0)}
	}
	return r.statusView()
}

// statusView is the running host's status.
func (p *p2pRun) statusView() apiclient.P2PStatus {
	h := p.host
	s := h.Status()
	v := apiclient.P2PStatus{Peer: h.ID().String(), Address: h.Address().Hex(), Endpoint: p.endpoint,
		Listen: []string{}, Reachability: s.Reachability, NAT: s.NAT, Relays: s.Relays,
		Peers: s.Peers, Direct: s.Direct, Relayed: s.Relayed,
		TrafficIn: miner.FormatSize(uint64(s.BytesIn)), TrafficOut: miner.FormatSize(uint64(s.BytesOut)),
		HolePunchesOK: s.HolePunchesOK, HolePunchesFailed: s.HolePunchesFailed, RelayService: s.RelayService}
	for _, m := range h.AddrInfo().Addrs {
		v.Listen = append(v.Listen, m.String())
	}
	switch {
	case s.Reachability == "public":
		v.Path = "direct"
	case len(s.Relays) > 0:
		v.Path = "relayed through " + strings.Join(s.Relays, ", ")
		if s.HolePunchesOK > 0 {
			v.Path += " (hole punched to direct with some peers)"
		}
	case s.Reachability == "private":
		v.Path = "unreachable by others (no relay reservation; set p2p.relay_client and p2p.relays)"
	default:
		v.Path = "learning (AutoNAT)"
	}
	if s.Reachability == "private" {
		v.Reachability = "behind NAT"
	}
	return v
}

// nodeDialOptions are how the agent dials nodes (wallet calls, backups):
// over a relayed connection too, since a node behind a symmetric NAT is
// reached only that way. Relays cap such connections (p2p.RelayPolicy);
// a call cut by the cap fails and fails over like any unreachable node.
func nodeDialOptions() []p2p.DialOption {
	return []p2p.DialOption{p2p.AllowLimited("mycroft: node call through a relay")}
}

// relayedEndpoint is id's address through relay (a multiaddr with the
// relay's peer id): the relay's first TCP address (else its first),
// /p2p/<relay>/p2p-circuit, then /p2p/<id>.
func relayedEndpoint(relay string, id peer.ID) (string, error) {
	info, err := peer.AddrInfoFromString(relay)
	if err != nil || len(info.Addrs) == 0 {
		return "", fmt.Errorf("p2p.relays: %q is not a relay address with its peer id", relay)
	}
	addr := info.Addrs[0]
	for _, m := range info.Addrs {
		if _, err := m.ValueForProtocol(ma.P_TCP); err == nil {
			addr = m
			break
		}
	}
	circuit, err := ma.NewMultiaddr("/p2p/" + info.ID.String() + "/p2p-circuit")
	if err != nil {
		return "", err
	}
	return p2p.EndpointOf(addr.Encapsulate(circuit), id)
}

// stakedRelay is the relay service's AllowReserve for relay_for =
// "staked": a peer may reserve when its key's address is a registered
// node with stake. Answers are cached (a reservation is refreshed every
// few minutes; stake changes slowly); a chain that cannot be read refuses
// (the peer retries later), and each lookup is bounded in time.
type stakedRelay struct {
	lookup func(ctx context.Context, a common.Address) (chain.NodeInfo, error)
	now    func() time.Time
	mu     sync.Mutex
	cache  map[common.Address]stakedAnswer
}

type stakedAnswer struct {
	ok bool
	at time.Time
}

const (
	stakedTTL     = 10 * time.Minute
	stakedTimeout = 5 * time.Second
	stakedMax     = 4096 // cached answers; the oldest half goes beyond
)

func (s *stakedRelay) allow(id peer.ID) bool {
	a, err := p2p.AddressOf(id)
	if err != nil {
		return false
	}
	now := s.now()
	s.mu.Lock()
	if c, ok := s.cache[a]; ok && now.Sub(c.at) < stakedTTL {
		s.mu.Unlock()
		return c.ok
	}
	s.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), stakedTimeout)
	defer cancel()
	n, err := s.lookup(ctx, a)
	if err != nil {
		return false // not cached: the next reservation asks again
	}
	ok := n.Registered && n.Stake != nil && n.Stake.Sign() > 0
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cache == nil {
		s.cache = map[common.Address]stakedAnswer{}
	}
	if len(s.cache) >= stakedMax {
		for k, v := range s.cache {
			if now.Sub(v.at) >= stakedTTL/2 {
				delete(s.cache, k)
			}
		}
	}
	s.cache[a] = stakedAnswer{ok: ok, at: now}
	return ok
}

// stakedRelayCheck is the relay service's check that a peer is a staked
// node; with no chain configured no one is (the relay serves no one
// until the owner sets relay_for = "nodes").
func (a *Agent) stakedRelayCheck() func(peer.ID) bool {
	if a.chain == nil {
		return func(peer.ID) bool { return false }
	}
	s := &stakedRelay{lookup: a.chain.Node, now: a.now}
	return s.allow
}
