package p2p

import (
	"errors"
	"fmt"
	"time"

	"github.com/libp2p/go-libp2p/core/peer"
	relay "github.com/libp2p/go-libp2p/p2p/protocol/circuitv2/relay"
	ma "github.com/multiformats/go-multiaddr"
)

// RelayPolicy is what a node that volunteers as a relay (Config.
// RelayService) gives to others: circuit relay v2 with these caps. A
// relayed connection is cut when it reaches CircuitData bytes in either
// direction or lasts CircuitDuration; until hole punching upgrades it, a
// call must fit. libp2p's own defaults (128 KiB, 2 min) cut a paid
// speech-to-text upload of a few seconds of audio (32 KB a second), so
// ours are larger, and capped by the owner.
type RelayPolicy struct {
	// MaxReservations is how many peers may hold a reservation (be
	// reachable through this relay) at once.
	MaxReservations int
	// MaxCircuits is how many relayed connections one peer may have open
	// through this relay at once.
	MaxCircuits int
	// CircuitData caps the bytes relayed in each direction of one
	// relayed connection.
	CircuitData int64
	// CircuitDuration caps how long one relayed connection lasts.
	CircuitDuration time.Duration
	// ReservationTTL is how long a reservation lasts before the peer must
	// refresh it.
	ReservationTTL time.Duration
	// AllowReserve, when set, decides who may hold a reservation: a node's
	// owner can relay only for staked nodes (the agent asks the Registry).
	// Peers whose key is not secp256k1 (not nodes) are refused before it
	// is asked. Nil: every node.
	AllowReserve func(peer.ID) bool
}

// DefaultRelayPolicy is the policy of a relay whose owner set nothing: 32
// reservations, 4 circuits per peer, 4 MiB each way and 5 minutes per
// relayed connection (a spoken question is about 160 KB), reservations
// of one hour. At most 32 × 4 × 4 MiB × 2 = 1 GiB could be in flight over
// 5 minutes in the worst case; the owner lowers the caps when the uplink
// is small.
func DefaultRelayPolicy() RelayPolicy {
	return RelayPolicy{MaxReservations: 32, MaxCircuits: 4, CircuitData: 4 << 20,
		CircuitDuration: 5 * time.Minute, ReservationTTL: time.Hour}
}

func (p *RelayPolicy) defaults() {
	d := DefaultRelayPolicy()
	if p.MaxReservations == 0 {
		p.MaxReservations = d.MaxReservations
	}
	if p.MaxCircuits == 0 {
		p.MaxCircuits = d.MaxCircuits
	}
	if p.CircuitData == 0 {
		p.CircuitData = d.CircuitData
	}
	if p.CircuitDuration == 0 {
		p.CircuitDuration = d.CircuitDuration
	}
	if p.ReservationTTL == 0 {
		p.ReservationTTL = d.ReservationTTL
	}
}

func (p RelayPolicy) validate() error {
	switch {
	case p.MaxReservations < 0, p.MaxCircuits < 0:
		return errors.New("relay policy: negative reservation or circuit count")
	case p.CircuitData < 0:
		return errors.New("relay policy: negative circuit data cap")
	case p.CircuitDuration < 0, p.ReservationTTL < 0:
		return errors.New("relay policy: negative duration")
	case p.ReservationTTL > 0 && p.ReservationTTL < time.Minute:
		return fmt.Errorf("relay policy: reservation TTL %s is under a minute", p.ReservationTTL)
	}
	return nil
}

// options are the relay service's options for p (after defaults).
func (p RelayPolicy) options() []relay.Option {
	r := relay.DefaultResources()
	r.MaxReservations = p.MaxReservations
	r.MaxCircuits = p.MaxCircuits
	r.ReservationTTL = p.ReservationTTL
	r.Limit = &relay.RelayLimit{Duration: p.CircuitDuration, Data: p.CircuitData}
	// Homes share few public addresses; a relay counts reservations per
	// IP (8 by default), which is fine, and per ASN, which a test
	// network does not have: keep libp2p's values.
	return []relay.Option{relay.WithResources(r), relay.WithACL(relayACL{allow: p.AllowReserve})}
}

// relayACL lets only nodes (secp256k1 keys) reserve, and of those the ones
// allow accepts; anyone connected may reach a peer with a reservation
// (that peer then decides whom it serves).
type relayACL struct{ allow func(peer.ID) bool }

func (a relayACL) AllowReserve(p peer.ID, _ ma.Multiaddr) bool {
	if _, err := AddressOf(p); err != nil {
		return false
	}
	return a.allow == nil || a.allow(p)
}

func (relayACL) AllowConnect(src peer.ID, _ ma.Multiaddr, _ peer.ID) bool {
	_, err := AddressOf(src)
	return err == nil
}

// relayOf is the relay's peer id in a circuit address
// (/…/p2p/RELAY/p2p-circuit[/p2p/TARGET]), or "" when m is not one.
func relayOf(m ma.Multiaddr) peer.ID {
	var last peer.ID
	for _, c := range m {
		switch c.Code() {
		case ma.P_P2P:
			id, err := peer.Decode(c.Value())
			if err != nil {
				return ""
			}
			last = id
		case ma.P_CIRCUIT:
			return last
		}
	}
	return ""
}
