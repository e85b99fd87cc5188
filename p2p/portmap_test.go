package p2p

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/internal/netlab"
)

// Port mapping (Config.PortMapping, libp2p's NATPortMap) against a router
// that offers it (netlab's NAT-PMP and UPnP IGD servers, which install
// real DNAT rules), over real libp2p connections and no relay at all:
//   - a node in home A, whose router offers port mapping, gets a TCP and a
//     UDP mapping of its port 4001, and tells the router's public address
//     with the mapped ports among its addresses;
//   - a node in home B (port mapping on, but its router offers none) calls
//     it over TCP at that address, and a host on the internet over QUIC:
//     A serves both on direct connections;
//   - B has no public address and a dial to its router's address fails.
func TestPortMapping(t *testing.T) {
	lab := netlab.New(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	homeA := lab.Home("a", netlab.EndpointIndependent)
	pm := homeA.PortMapping(netlab.PortMapLimits{})
	homeB := lab.Home("b", netlab.EndpointIndependent)
	a := startNode(t, ctx, homeA.Host("pi"), "a", "-port-mapping")
	b := startNode(t, ctx, homeB.Host("pi"), "b", "-port-mapping")
	peer := startNode(t, ctx, lab.Host("peer"), "peer", "-public")

	// libp2p's NAT discovery takes up to 10s, mappings are made after it.
	// (It tries NAT-PMP and UPnP; with go-libp2p v0.49.0 and go-netroute
	// v0.4.0 its NAT-PMP never starts on Linux, see docs/network.md, so
	// the router's UPnP server makes them.)
	mapped := map[string]uint16{}
	deadline := time.Now().Add(60 * time.Second)
	for len(mapped) < 2 {
		for _, m := range pm.Mappings() {
			if m.Internal.Addr() == a.ns.Addr() && m.Internal.Port() == 4001 && mapped[m.Protocol] == 0 {
				mapped[m.Protocol] = m.External
				t.Logf("router A mapped %s %d → %s over %s", m.Protocol, m.External, m.Internal, m.Via)
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("router A mapped %v for A's port 4001 within 60s, want tcp and udp; mappings %+v", mapped, pm.Mappings())
		}
		time.Sleep(500 * time.Millisecond)
	}
	public := homeA.Router().Addr()
	tcpAddr := fmt.Sprintf("/ip4/%s/tcp/%d", public, mapped["tcp"])
	quicAddr := fmt.Sprintf("/ip4/%s/udp/%d/quic-v1", public, mapped["udp"])
	a.waitStatus(60*time.Second, "telling its mapped addresses", func(s Status) bool {
		return slices.Contains(s.Addrs, tcpAddr) && slices.Contains(s.Addrs, quicAddr)
	})

	// B first, while nobody has a connection to it: its router maps
	// nothing, so B has no address on the router's public address, and a
	// dial there (the port its own connections go out from) fails.
	for _, s := range b.status().Addrs {
		if strings.HasPrefix(s, "/ip4/"+homeB.Router().Addr().String()+"/") {
			t.Errorf("B tells %s, on its router's public address, which offers no port mapping", s)
		}
	}
	toB := fmt.Sprintf("/ip4/%s/tcp/4001/p2p/%s", homeB.Router().Addr(), b.id)
	if _, err := peer.call(toB, 1024); err == nil {
		t.Errorf("a call from the internet to %s reached B, behind a router without port mapping", toB)
	}

	const size = 256 << 10
	for _, c := range []struct {
		from *labNode
		addr string
	}{{b, tcpAddr}, {peer, quicAddr}} {
		relayed, err := c.from.call(c.addr+"/p2p/"+a.id.String(), size)
		if err != nil {
			t.Fatalf("%s → A at its mapped %s: %v", c.from.name, c.addr, err)
		}
		if relayed {
			t.Errorf("%s → A at its mapped %s: A saw a relayed connection, want direct", c.from.name, c.addr)
		}
	}
	if s := a.status(); s.Direct != 2 || s.Relayed != 0 {
		t.Errorf("A after both calls: %d peers direct, %d relayed; want 2 direct (B and the internet host)", s.Direct, s.Relayed)
	}
}
