package netlab_test

import (
	"bytes"
	"encoding/binary"
	"net"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/internal/netlab"
)

// A router with port mapping, driven by a NAT-PMP client written here
// from RFC 6886 and run on a LAN host: it tells its public address; a
// mapping it grants is a real DNAT through which a TCP connection and UDP
// packets from the internet reach the LAN host (the home is otherwise
// closed, as TestInboundIsFiltered shows); it honours a free suggested
// port, gives another when taken, keeps the port on renewal, caps the
// lifetime and the number of mappings, refuses what is not from the LAN,
// answers a wrong version or opcode with their result codes, drops
// malformed requests, and closes a mapping on delete and on expiry.
func TestPortMappingNATPMP(t *testing.T) {
	lab := netlab.New(t)
	peer := lab.Host("peer")
	home := lab.Home("home", netlab.EndpointIndependent)
	inside, other := home.Host("inside"), home.Host("other")
	pm := home.PortMapping(netlab.PortMapLimits{Mappings: 3, Lifetime: 10 * time.Minute})
	startHelper(t, inside, "tcpecho", "-port", "7000")
	insideUDP := startHelper(t, inside, "udppeer", "-port", "7001")
	peerUDP := startHelper(t, peer, "udppeer", "-port", "7001")
	c := newPMPClient(t, inside, pm.NATPMPAddr())
	public := func(port uint16) netip.AddrPort { return netip.AddrPortFrom(home.Router().Addr(), port) }

	ext := c.ask(0, nil)
	if got := netip.AddrFrom4([4]byte(ext[8:12])); result(ext) != 0 || got != home.Router().Addr() {
		t.Fatalf("external address: result %d, address %s; want 0, the router's %s", result(ext), got, home.Router().Addr())
	}
	if _, err := dialFrom(peer, public(20000), 2*time.Second); !isTimeout(err) {
		t.Fatalf("control: dial %s before any mapping: %v, want no answer", public(20000), err)
	}

	// TCP: the suggested port, the lifetime capped at 10 minutes.
	if code, port, life := c.mapPort(2, 7000, 20000, 7200); code != 0 || port != 20000 || life != 600 {
		t.Fatalf("map tcp 7000 → 20000 for 7200s: result %d, port %d, lifetime %d; want 0, 20000, 600", code, port, life)
	}
	line, err := dialFrom(peer, public(20000), 10*time.Second)
	if err != nil {
		t.Fatalf("dial %s from the internet through the mapping: %v", public(20000), err)
	}
	if got := seenAddr(t, line); got != peer.Addr() {
		t.Errorf("through the mapping, the LAN host saw %s, want the internet host %s", got, peer.Addr())
	}
	rules := run(t, "ip", "netns", "exec", home.Router().Name(), "nft", "list", "chain", "ip", "netlab", "portmap")
	if want := "tcp dport 20000 dnat to " + inside.Addr().String() + ":7000"; !strings.Contains(rules, want) {
		t.Errorf("router's portmap chain has no %q:\n%s", want, rules)
	}
	if code, port, _ := c.mapPort(2, 7000, 30000, 60); code != 0 || port != 20000 {
		t.Errorf("renew tcp 7000 suggesting 30000: result %d, port %d; want 0 and the same 20000", code, port)
	}

	// UDP: its own port space, so 20000 again.
	if code, port, _ := c.mapPort(1, 7001, 20000, 60); code != 0 || port != 20000 {
		t.Fatalf("map udp 7001 → 20000: result %d, port %d; want 0, 20000", code, port)
	}
	peerUDP.send(public(20000), "mapped")
	from := netip.AddrPortFrom(peer.Addr(), 7001)
	if _, ok := insideUDP.wait(func(f []string) bool { return recvFrom(from)(f) && f[2] == "mapped" }, 10*time.Second); !ok {
		t.Errorf("a UDP packet from %s to %s did not reach the LAN host within 10s", from, public(20000))
	}

	// Another LAN host suggesting a taken port gets another one.
	o := newPMPClient(t, other, pm.NATPMPAddr())
	if code, port, _ := o.mapPort(2, 7000, 20000, 60); code != 0 || port == 20000 || port == 0 {
		t.Errorf("second host, tcp suggesting the taken 20000: result %d, port %d; want 0 and another port", code, port)
	}
	if code, _, _ := c.mapPort(2, 7002, 0, 60); code != 4 {
		t.Errorf("a 4th mapping with a limit of 3: result %d, want 4 (out of resources)", code)
	}
	if n := len(pm.Mappings()); n != 3 {
		t.Errorf("%d mappings in place, want 3: %+v", n, pm.Mappings())
	}

	// The router itself is not a LAN client.
	if code := result(newPMPClient(t, home.Router(), pm.NATPMPAddr()).ask(0, nil)); code != 2 {
		t.Errorf("request from the router's own address: result %d, want 2 (refused)", code)
	}
	if code := result(c.ask(1, []byte{1, 1, 0, 0, 0x1b, 0x59, 0, 0, 0, 0, 0, 60})); code != 1 {
		t.Errorf("version 1 request: result %d, want 1 (unsupported version)", code)
	}
	if code := result(c.ask(3, []byte{0, 3})); code != 5 {
		t.Errorf("opcode 3: result %d, want 5 (unsupported opcode)", code)
	}
	// A malformed request (a mapping with a byte too many) gets nothing:
	// on a fresh socket, the answer that comes is the next request's.
	fresh := newPMPClient(t, inside, pm.NATPMPAddr())
	fresh.send([]byte{0, 2, 0, 0, 0x1b, 0x5a, 0, 0, 0, 0, 0, 60, 0})
	fresh.ask(0, nil)
	if len(fresh.skipped) != 0 {
		t.Errorf("a malformed request was answered: %x", fresh.skipped)
	}

	// Delete: the port closes.
	if code, port, life := c.mapPort(2, 7000, 0, 0); code != 0 || port != 0 || life != 0 {
		t.Errorf("delete tcp 7000: result %d, port %d, lifetime %d; want 0, 0, 0", code, port, life)
	}
	if _, err := dialFrom(peer, public(20000), 2*time.Second); !isTimeout(err) {
		t.Errorf("dial %s after the mapping was deleted: %v, want no answer", public(20000), err)
	}
	// Expiry: a 2-second mapping goes by itself.
	if code, port, _ := c.mapPort(2, 7000, 20000, 2); code != 0 || port != 20000 {
		t.Fatalf("map tcp 7000 → 20000 for 2s: result %d, port %d", code, port)
	}
	deadline := time.Now().Add(30 * time.Second)
	for hasMapping(pm, "tcp", 20000) {
		if time.Now().After(deadline) {
			t.Fatalf("a 2s mapping still there after 30s: %+v", pm.Mappings())
		}
		time.Sleep(200 * time.Millisecond)
	}
	if _, err := dialFrom(peer, public(20000), 2*time.Second); !isTimeout(err) {
		t.Errorf("dial %s after the mapping expired: %v, want no answer", public(20000), err)
	}
}

func hasMapping(pm *netlab.PortMapper, proto string, port uint16) bool {
	for _, m := range pm.Mappings() {
		if m.Protocol == proto && m.External == port {
			return true
		}
	}
	return false
}

// pmpClient is a NAT-PMP client on a UDP socket of a namespace.
type pmpClient struct {
	t       *testing.T
	conn    *net.UDPConn
	server  netip.AddrPort
	skipped [][]byte // answers ask read that were not to its opcode
}

func newPMPClient(t *testing.T, ns *netlab.Namespace, server netip.AddrPort) *pmpClient {
	t.Helper()
	c := &pmpClient{t: t, server: server}
	if err := ns.Do(func() (err error) {
		c.conn, err = net.ListenUDP("udp4", nil)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.conn.Close() })
	return c
}

func (c *pmpClient) send(b []byte) {
	c.t.Helper()
	if _, err := c.conn.WriteToUDPAddrPort(b, c.server); err != nil {
		c.t.Fatalf("NAT-PMP send: %v", err)
	}
}

// ask sends req (nil: the external address request) until an answer to
// opcode op comes, and returns it.
func (c *pmpClient) ask(op byte, req []byte) []byte {
	c.t.Helper()
	if req == nil {
		req = []byte{0, 0}
	}
	buf := make([]byte, 1500)
	for range 20 {
		c.send(req)
		_ = c.conn.SetReadDeadline(time.Now().Add(500 * time.Millisecond))
		for {
			n, from, err := c.conn.ReadFromUDPAddrPort(buf)
			if err != nil {
				break
			}
			if from == c.server && n >= 8 && buf[0] == 0 && buf[1] == op|0x80 {
				return bytes.Clone(buf[:n])
			}
			c.skipped = append(c.skipped, bytes.Clone(buf[:n]))
		}
	}
	c.t.Fatalf("no NAT-PMP answer from %s to %x in 20 tries of 500ms", c.server, req)
	return nil
}

// mapPort asks for a mapping (op 1 UDP, 2 TCP) and returns the result
// code, the external port and lifetime granted.
func (c *pmpClient) mapPort(op byte, internal, suggest uint16, lifetime uint32) (code, port uint16, life uint32) {
	c.t.Helper()
	req := make([]byte, 12)
	req[1] = op
	binary.BigEndian.PutUint16(req[4:], internal)
	binary.BigEndian.PutUint16(req[6:], suggest)
	binary.BigEndian.PutUint32(req[8:], lifetime)
	r := c.ask(op, req)
	if result(r) != 0 {
		return result(r), 0, 0
	}
	if len(r) != 16 || binary.BigEndian.Uint16(r[8:]) != internal {
		c.t.Fatalf("mapping answer %x: want 16 bytes for internal port %d", r, internal)
	}
	return 0, binary.BigEndian.Uint16(r[10:]), binary.BigEndian.Uint32(r[12:])
}

func result(r []byte) uint16 { return binary.BigEndian.Uint16(r[2:4]) }
