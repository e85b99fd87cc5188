package netlab_test

import (
	"errors"
	"fmt"
	"net"
	"net/netip"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/internal/netlab"
)

var natKinds = []netlab.NATKind{netlab.EndpointIndependent, netlab.Symmetric}

// A LAN host reaches an internet host over TCP and UDP, and the internet
// host sees the router's public address (the NAT rewrote the source).
func TestOutboundIsNATed(t *testing.T) {
	for _, kind := range natKinds {
		t.Run(kind.String(), func(t *testing.T) {
			lab := netlab.New(t)
			server := lab.Host("server")
			home := lab.Home("home", kind)
			client := home.Host("client")
			startHelper(t, server, "tcpecho", "-port", "7000")
			startHelper(t, server, "udppeer", "-port", "7001", "-echo")

			line, err := dialFrom(client, addrPort(t, server, 7000), 10*time.Second)
			if err != nil {
				t.Fatalf("TCP from %s (%s) to %s: %v", client, client.Addr(), server.Addr(), err)
			}
			if got, want := seenAddr(t, line), home.Router().Addr(); got != want {
				t.Errorf("TCP: server saw source %s, want the router's public %s (client is %s)", got, want, client.Addr())
			}

			// The socket is made in the namespace and used outside Do:
			// it stays in the namespace it was created in.
			var conn *net.UDPConn
			if err := client.Do(func() (err error) {
				conn, err = net.ListenUDP("udp4", nil)
				return err
			}); err != nil {
				t.Fatal(err)
			}
			defer conn.Close()
			to := net.UDPAddrFromAddrPort(addrPort(t, server, 7001))
			buf := make([]byte, 1500)
			var reply string
			for range 20 {
				if _, err := conn.WriteToUDP([]byte("ping"), to); err != nil {
					t.Fatalf("UDP send: %v", err)
				}
				_ = conn.SetReadDeadline(time.Now().Add(500 * time.Millisecond))
				n, err := conn.Read(buf)
				if err == nil {
					reply = string(buf[:n])
					break
				}
			}
			if reply == "" {
				t.Fatalf("UDP: no answer from %s in 20 tries of 500ms", to)
			}
			if got, want := seenAddr(t, reply), home.Router().Addr(); got != want {
				t.Errorf("UDP: server saw source %s, want the router's public %s", got, want)
			}
		})
	}
}

// Nothing from the internet opens a connection into a home: not to a LAN
// host (even for an attacker that routes the LAN's range to the router),
// not to the public port a LAN connection is mapped to.
func TestInboundIsFiltered(t *testing.T) {
	for _, kind := range natKinds {
		t.Run(kind.String(), func(t *testing.T) {
			lab := netlab.New(t)
			server := lab.Host("server")
			attacker := lab.Host("attacker")
			home := lab.Home("home", kind)
			inside := home.Host("inside")
			neighbour := home.Host("neighbour")
			startHelper(t, inside, "tcpecho", "-port", "7000")
			startHelper(t, server, "tcpecho", "-port", "7000")
			target := addrPort(t, inside, 7000)

			// Control: the listener answers from the LAN.
			if _, err := dialFrom(neighbour, target, 10*time.Second); err != nil {
				t.Fatalf("control: from the LAN to %s: %v", target, err)
			}
			// The attacker sends the LAN's range to the home's router,
			// as its ISP could: the packets reach the router.
			if out, err := attacker.Command(t.Context(), "ip", "route", "add", home.LAN().String(), "via", home.Router().Addr().String()).CombinedOutput(); err != nil {
				t.Fatalf("route to the LAN: %v: %s", err, out)
			}
			_, err := dialFrom(attacker, target, 2*time.Second)
			if err == nil {
				t.Fatalf("internet host opened a TCP connection to the LAN host %s", target)
			}
			if !isTimeout(err) {
				t.Errorf("dial %s from the internet: %v, want no answer at all (dropped)", target, err)
			}

			// A LAN host's connection out holds a public port on the
			// router; a new connection from elsewhere to that port fails.
			var local *net.TCPConn
			serverAddr := addrPort(t, server, 7000)
			if err := inside.Do(func() error {
				c, err := net.DialTimeout("tcp4", serverAddr.String(), 10*time.Second)
				if err == nil {
					local = c.(*net.TCPConn)
				}
				return err
			}); err != nil {
				t.Fatalf("from the LAN to %s: %v", server.Addr(), err)
			}
			defer local.Close()
			localPort := netip.MustParseAddrPort(local.LocalAddr().String()).Port()
			// With either kind the port is the local one or another;
			// try both the local port and, via the server, the mapped one.
			mappedLine := make([]byte, 64)
			_ = local.SetReadDeadline(time.Now().Add(10 * time.Second))
			n, err := local.Read(mappedLine)
			if err != nil {
				t.Fatalf("read from %s: %v", server.Addr(), err)
			}
			mapped := seenAddrPort(t, strings.TrimSpace(string(mappedLine[:n])))
			for _, port := range []uint16{mapped.Port(), localPort} {
				to := netip.AddrPortFrom(home.Router().Addr(), port)
				_, err := dialFrom(attacker, to, 2*time.Second)
				if err == nil {
					t.Errorf("internet host opened a TCP connection to the router's port %s (the LAN connection's mapping is %s)", to, mapped)
				} else if !isTimeout(err) {
					t.Errorf("dial %s: %v, want no answer at all (dropped)", to, err)
				}
			}
		})
	}
}

// The mapping from one LAN socket to several servers: the same public port
// for all with endpoint-independent NAT, not with symmetric NAT. Either
// way only the server the socket sent to gets through to it (address- and
// port-dependent filtering).
func TestMappingAndFiltering(t *testing.T) {
	for _, kind := range natKinds {
		t.Run(kind.String(), func(t *testing.T) {
			lab := netlab.New(t)
			s1, s2 := lab.Host("stun1"), lab.Host("stun2")
			servers := map[netip.AddrPort]*proc{}
			for _, s := range []*netlab.Namespace{s1, s2} {
				for _, port := range []uint16{3478, 3479} {
					servers[addrPort(t, s, port)] = startHelper(t, s, "udppeer", "-port", fmt.Sprint(port), "-echo")
				}
			}
			home := lab.Home("home", kind)
			host := home.Host("host")

			client := startHelper(t, host, "udppeer")
			var seen []netip.AddrPort
			for to := range servers {
				m := client.ask(to)
				if m.Addr() != home.Router().Addr() {
					t.Errorf("%s saw %s, want the router's %s", to, m, home.Router().Addr())
				}
				seen = append(seen, m)
			}
			same := true
			for _, m := range seen[1:] {
				same = same && m == seen[0]
			}
			switch kind {
			case netlab.EndpointIndependent:
				if !same {
					t.Errorf("one socket to 4 destinations was mapped to %v, want one mapping", seen)
				}
			case netlab.Symmetric:
				if same {
					t.Errorf("one socket to 4 destinations was mapped to %v every time, want a new mapping per destination", seen)
				}
			}

			// A fresh socket talks to s1:3478 only.
			fresh := startHelper(t, host, "udppeer")
			talked := addrPort(t, s1, 3478)
			mapped := fresh.ask(talked)
			// The others send first; the one it talked to last, and its
			// packet is the control that the mapping is open.
			others := []netip.AddrPort{addrPort(t, s2, 3478), addrPort(t, s2, 3479), addrPort(t, s1, 3479)}
			for _, o := range others {
				servers[o].send(mapped, "unsolicited")
			}
			servers[talked].send(mapped, "reply")
			if _, ok := fresh.wait(func(f []string) bool { return recvFrom(talked)(f) && f[2] == "reply" }, 10*time.Second); !ok {
				t.Fatalf("the server the socket talked to (%s) did not get through to %s within 10s", talked, mapped)
			}
			// Sent before the control on the same path: had it passed, it
			// would be here; wait a little more anyway.
			if f, ok := fresh.wait(func(f []string) bool { return len(f) >= 3 && f[2] == "unsolicited" }, time.Second); ok {
				t.Errorf("a packet from %s, which the socket never sent to, got through the mapping %s", f[1], mapped)
			}
		})
	}
}

// Two LAN hosts learn each other's mapped address from a rendezvous server
// and send to each other at the same time. Between two endpoint-
// independent NATs the packets get through (the hole punching DCUtR relies
// on); with a symmetric NAT on one side they do not.
func TestHolePunching(t *testing.T) {
	tests := []struct {
		a, b netlab.NATKind
		want bool
	}{
		{netlab.EndpointIndependent, netlab.EndpointIndependent, true},
		{netlab.EndpointIndependent, netlab.Symmetric, false},
	}
	for _, tt := range tests {
		t.Run(tt.a.String()+"-"+tt.b.String(), func(t *testing.T) {
			lab := netlab.New(t)
			rv := lab.Host("rendezvous")
			startHelper(t, rv, "udppeer", "-port", "3478", "-echo")
			rendezvous := addrPort(t, rv, 3478)
			a := startHelper(t, lab.Home("a", tt.a).Host("peer"), "udppeer")
			b := startHelper(t, lab.Home("b", tt.b).Host("peer"), "udppeer")
			ma, mb := a.ask(rendezvous), b.ask(rendezvous)

			rounds := 30 // 3 s of punching
			if tt.want {
				rounds = 100 // a bound, not an expectation: success ends it early
			}
			var aGot, bGot bool
			for i := 0; i < rounds && !(aGot && bGot); i++ {
				a.send(mb, "punch")
				b.send(ma, "punch")
				if !aGot {
					_, aGot = a.wait(recvFrom(mb), 50*time.Millisecond)
				}
				if !bGot {
					_, bGot = b.wait(recvFrom(ma), 50*time.Millisecond)
				}
			}
			if tt.want && !(aGot && bGot) {
				t.Errorf("%s (%s) and %s (%s) punched: a got b's packets %v, b got a's %v; want both within %d rounds", tt.a, ma, tt.b, mb, aGot, bGot, rounds)
			}
			if !tt.want && (aGot || bGot) {
				t.Errorf("%s (%s) and %s (%s) punched through: a got b's packets %v, b got a's %v; want neither", tt.a, ma, tt.b, mb, aGot, bGot)
			}
		})
	}
}

// No namespace has a way out: a connection to an address outside the lab
// fails at once with a routing error, from every namespace; the machine's
// own namespace has no link into the lab; and Close leaves nothing.
func TestNoRouteOutAndCleanup(t *testing.T) {
	lab := netlab.New(t)
	lab.Host("server")
	for _, kind := range natKinds {
		lab.Home("home-"+kind.String(), kind).Host("host")
	}
	// Documentation addresses: the same routing decision as any address
	// outside the lab, and nothing real to reach if the test were wrong.
	outside := []string{"192.0.2.1:80", "[2001:db8::1]:80"}
	for _, ns := range lab.Namespaces() {
		for _, to := range outside {
			err := ns.Do(func() error {
				c, err := net.DialTimeout("tcp", to, 10*time.Second)
				if err == nil {
					c.Close()
				}
				return err
			})
			if !errors.Is(err, syscall.ENETUNREACH) && !errors.Is(err, syscall.EHOSTUNREACH) {
				t.Errorf("dial %s from %s: %v, want network or host unreachable", to, ns, err)
			}
		}
	}
	names := lab.Namespaces()
	prefix := strings.TrimSuffix(names[0].Name(), "internet")
	if links := rootLinksInto(t, prefix); links != "" {
		t.Errorf("the machine's namespace has links into the lab:\n%s", links)
	}
	// Something still running in the lab is killed by Close.
	sleeper := names[len(names)-1].Command(t.Context(), "sleep", "600")
	if err := sleeper.Start(); err != nil {
		t.Fatal(err)
	}
	waited := make(chan error, 1)
	go func() { waited <- sleeper.Wait() }()
	// Close kills what runs in the lab: wait until the sleeper is in its
	// namespace (`ip netns exec` enters it, then execs sleep), or Close
	// may list the namespace's processes before it gets there.
	in := strconv.Itoa(sleeper.Process.Pid)
	for !slices.Contains(strings.Fields(run(t, "ip", "netns", "pids", names[len(names)-1].Name())), in) {
		select {
		case err := <-waited:
			t.Fatalf("the sleeper ended before Close: %v", err)
		case <-time.After(10 * time.Millisecond):
		}
	}

	if err := lab.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	select {
	case <-waited:
	case <-time.After(10 * time.Second):
		t.Errorf("a process in %s still runs 10s after Close", names[len(names)-1])
	}
	list := run(t, "ip", "netns", "list")
	for _, ns := range names {
		if strings.Contains(list, ns.Name()) {
			t.Errorf("after Close, namespace %s is still there", ns)
		}
	}
	if links := rootLinksInto(t, prefix); links != "" {
		t.Errorf("after Close, the machine's namespace has links into the lab:\n%s", links)
	}
	if tables := run(t, "nft", "list", "tables"); strings.Contains(tables, "netlab") {
		t.Errorf("after Close, the machine's namespace has a netlab nft table:\n%s", tables)
	}
}

// New removes the namespaces of a test process that no longer exists.
func TestNewRemovesLeftovers(t *testing.T) {
	// A process id that is free: a child that has ended.
	done := exec.Command("true")
	if err := done.Run(); err != nil {
		t.Fatal(err)
	}
	netlab.New(t) // skips when not root, before anything is created
	left := fmt.Sprintf("%s%d-1-crashed", netlab.NamePrefix, done.Process.Pid)
	run(t, "ip", "netns", "add", left)
	t.Cleanup(func() { _ = exec.Command("ip", "netns", "del", left).Run() })
	netlab.New(t)
	if list := run(t, "ip", "netns", "list"); strings.Contains(list, left) {
		t.Errorf("New left %s (its process %d has ended) in place:\n%s", left, done.Process.Pid, list)
	}
}

// rootLinksInto lists the machine's links whose other end is in a
// namespace of the lab.
func rootLinksInto(t *testing.T, prefix string) string {
	t.Helper()
	var into []string
	for _, l := range strings.Split(run(t, "ip", "-o", "link", "show"), "\n") {
		if strings.Contains(l, "link-netns "+prefix) {
			into = append(into, l)
		}
	}
	return strings.Join(into, "\n")
}

func run(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v: %s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// seenAddr is the address in an echo's "seen <addr:port>".
func seenAddr(t *testing.T, line string) netip.Addr {
	t.Helper()
	return seenAddrPort(t, line).Addr()
}

func seenAddrPort(t *testing.T, line string) netip.AddrPort {
	t.Helper()
	f := strings.Fields(line)
	if len(f) != 2 || f[0] != "seen" {
		t.Fatalf("echo said %q, want \"seen <addr:port>\"", line)
	}
	ap, err := netip.ParseAddrPort(f[1])
	if err != nil {
		t.Fatalf("echo said %q: %v", line, err)
	}
	return ap
}

// The internet's addresses are public to libp2p: outside every range
// go-multiaddr's net/private.go treats as private or unroutable, so AutoNAT
// and hole punching act on them; and every public address handed out is
// inside it.
func TestInternetLooksPublic(t *testing.T) {
	lab := netlab.New(t)
	nonPublic := []string{
		"0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
		"172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15",
		"198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
	}
	for _, p := range nonPublic {
		if np := netip.MustParsePrefix(p); np.Overlaps(lab.Internet()) {
			t.Errorf("the internet %s overlaps the non-public %s", lab.Internet(), np)
		}
	}
	for _, ns := range []*netlab.Namespace{lab.Host("server"), lab.Home("home", netlab.Symmetric).Router()} {
		if !lab.Internet().Contains(ns.Addr()) {
			t.Errorf("%s has %s, outside the internet %s", ns, ns.Addr(), lab.Internet())
		}
	}
}
