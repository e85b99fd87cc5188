package p2p

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/crypto"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/mycroft-network/mycroft/internal/netlab"
)

// labNode is a nodeHelper process in a lab namespace.
type labNode struct {
	t      testing.TB
	name   string
	id     peer.ID
	ns     *netlab.Namespace
	in     io.WriteCloser
	lines  chan string
	stderr *strings.Builder
	mu     sync.Mutex
}

// startNode runs a node in ns with flags; its key is made here.
func startNode(t testing.TB, ctx context.Context, ns *netlab.Namespace, name string, flags ...string) *labNode {
	t.Helper()
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	raw := crypto.FromECDSA(k)
	cmd := ns.Helper(ctx, "node", append([]string{"-key", hex.EncodeToString(raw)}, flags...)...)
	n := &labNode{t: t, name: name, ns: ns, lines: make(chan string, 16), stderr: &strings.Builder{}}
	cmd.Stderr = &lockedWriter{w: n.stderr, mu: &n.mu}
	n.in, err = cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		sc := bufio.NewScanner(out)
		sc.Buffer(make([]byte, 1<<16), 1<<20)
		for sc.Scan() {
			n.lines <- sc.Text()
		}
		close(n.lines)
	}()
	t.Cleanup(func() {
		n.in.Close()
		_ = cmd.Wait()
		if t.Failed() {
			n.mu.Lock()
			t.Logf("%s stderr:\n%s", name, n.stderr.String())
			n.mu.Unlock()
		}
	})
	line := n.next(30 * time.Second)
	id, ok := strings.CutPrefix(line, "ready ")
	if !ok {
		t.Fatalf("%s: %q, want ready", name, line)
	}
	if n.id, err = peer.Decode(id); err != nil {
		t.Fatal(err)
	}
	return n
}

type lockedWriter struct {
	w  io.Writer
	mu *sync.Mutex
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func (n *labNode) next(wait time.Duration) string {
	n.t.Helper()
	select {
	case l, ok := <-n.lines:
		if !ok {
			n.mu.Lock()
			defer n.mu.Unlock()
			n.t.Fatalf("%s exited: %s", n.name, n.stderr.String())
		}
		return l
	case <-time.After(wait):
		n.t.Fatalf("%s: no answer within %s", n.name, wait)
	}
	return ""
}

// do sends one command and returns its answer after "ok ", or the error.
func (n *labNode) do(cmd string) (string, error) {
	n.t.Helper()
	if _, err := fmt.Fprintln(n.in, cmd); err != nil {
		n.t.Fatal(err)
	}
	l := n.next(90 * time.Second)
	if rest, ok := strings.CutPrefix(l, "err "); ok {
		return "", fmt.Errorf("%s: %s: %s", n.name, cmd, rest)
	}
	if l == "ok" {
		return "", nil
	}
	rest, ok := strings.CutPrefix(l, "ok ")
	if !ok {
		n.t.Fatalf("%s: %s: %q", n.name, cmd, l)
	}
	return rest, nil
}

func (n *labNode) status() Status {
	n.t.Helper()
	out, err := n.do("status")
	if err != nil {
		n.t.Fatal(err)
	}
	var s Status
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		n.t.Fatal(err)
	}
	return s
}

// waitStatus polls n's status until ok holds (or fails after wait,
// showing the last status).
func (n *labNode) waitStatus(wait time.Duration, what string, ok func(Status) bool) Status {
	n.t.Helper()
	deadline := time.Now().Add(wait)
	for {
		s := n.status()
		if ok(s) {
			return s
		}
		if time.Now().After(deadline) {
			n.t.Fatalf("%s: not %s within %s; status %+v", n.name, what, wait, s)
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// addr is the node's TCP address on its namespace's (public) address.
func (n *labNode) addr() string {
	return fmt.Sprintf("/ip4/%s/tcp/4001/p2p/%s", n.ns.Addr(), n.id)
}

// call POSTs size bytes to the peer at addr; it returns whether the
// serving side saw a relayed connection.
func (n *labNode) call(addr string, size int) (relayed bool, err error) {
	n.t.Helper()
	out, err := n.do(fmt.Sprintf("call %s %d", addr, size))
	if err != nil {
		return false, err
	}
	f := strings.Fields(out)
	sum := sha256.Sum256(make([]byte, size))
	if len(f) != 2 || f[1] != hex.EncodeToString(sum[:]) {
		n.t.Fatalf("%s: call %s: answer %q, want the sha256 of %d zero bytes", n.name, addr, out, size)
	}
	return f[0] == "true", nil
}

func circuit(relay, target *labNode) string {
	return fmt.Sprintf("/ip4/%s/tcp/4001/p2p/%s/p2p-circuit/p2p/%s", relay.ns.Addr(), relay.id, target.id)
}

// Three homes and a relay on the simulated internet, over real libp2p
// connections:
//   - each home learns with AutoNAT that it is behind NAT, and holds a
//     reservation on the relay;
//   - home A (endpoint-independent NAT) calls home B (symmetric NAT)
//     through the relay with a body larger than libp2p's default relay
//     cap (the relay's policy allows it); hole punching fails, so B stays
//     relayed, and the relay's data cap cuts a call larger than it;
//   - home A calls home C (endpoint-independent too): hole punching turns
//     the relayed connection into a direct one.
func TestNATTraversal(t *testing.T) {
	lab := netlab.New(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()

	const circuitData = 1 << 20
	w := newNATWorld(t, ctx, lab, fmt.Sprint("-circuit-data=", circuitData))
	relay, homeNode := w.relay, w.home
	a := homeNode("a", netlab.EndpointIndependent)
	b := homeNode("b", netlab.Symmetric)
	c := homeNode("c", netlab.EndpointIndependent)

	for _, n := range []*labNode{a, b, c} {
		s := n.waitStatus(90*time.Second, "private with a relay", func(s Status) bool {
			return s.Reachability == "private" && len(s.Relays) == 1
		})
		if s.Relays[0] != relay.id.String() {
			t.Errorf("%s: relays %v, want %s", n.name, s.Relays, relay.id)
		}
	}
	if s := relay.status(); !s.RelayService || s.Reachability != "public" {
		t.Errorf("relay: status %+v, want public with the relay service", s)
	}

	// A → B: relayed, and stays so.
	const size = 256 << 10 // twice libp2p's default relay data cap
	relayed, err := a.call(circuit(relay, b), size)
	if err != nil {
		t.Fatalf("A → B through the relay: %v", err)
	}
	if !relayed {
		t.Errorf("A → B: B saw a direct connection; its NAT is symmetric")
	}
	sb := b.waitStatus(60*time.Second, "done hole punching A", func(s Status) bool {
		return s.HolePunchesOK+s.HolePunchesFailed > 0
	})
	if sb.HolePunchesOK != 0 || sb.Direct != 4 || sb.Relayed != 1 {
		t.Errorf("B after hole punching: %+v, want a failed punch and A reached only through the relay", sb)
	}
	if relayed, err := a.call(circuit(relay, b), size); err != nil || !relayed {
		t.Errorf("A → B again: relayed %v, err %v; want relayed", relayed, err)
	}
	// Beyond the relay's data cap the relay cuts the circuit.
	if _, err := a.call(circuit(relay, b), 2*circuitData); err == nil {
		t.Errorf("A → B with %d bytes through a relay capped at %d: no error", 2*circuitData, circuitData)
	}

	// A → C: hole punched.
	if _, err := a.call(circuit(relay, c), 1024); err != nil {
		t.Fatalf("A → C through the relay: %v", err)
	}
	sc := c.waitStatus(60*time.Second, "hole punched to A", func(s Status) bool {
		return s.HolePunchesOK > 0
	})
	if sc.Relayed != 0 {
		t.Errorf("C after hole punching: %+v, want every peer direct", sc)
	}
	if relayed, err := a.call(circuit(relay, c), size); err != nil || relayed {
		t.Errorf("A → C after hole punching: relayed %v, err %v; want direct", relayed, err)
	}
	for _, n := range []*labNode{a, b, c} {
		s := n.status()
		t.Logf("%s: reachability %s, nat %v, peers %d (direct %d, relayed %d), in %d out %d, punches ok %d failed %d",
			n.name, s.Reachability, s.NAT, s.Peers, s.Direct, s.Relayed, s.BytesIn, s.BytesOut, s.HolePunchesOK, s.HolePunchesFailed)
	}
	if s := a.status(); s.BytesOut < 2*size {
		t.Errorf("A sent %d bytes, want at least %d", s.BytesOut, 2*size)
	}
}

// natWorld is the lab most NAT tests need: a relay and three other public
// peers (AutoNAT servers; a home's observed address counts once four
// distinct addresses saw it); home adds a home node connected to all four.
type natWorld struct {
	relay   *labNode
	servers []*labNode
	home    func(name string, nat netlab.NATKind) *labNode
}

func newNATWorld(t testing.TB, ctx context.Context, lab *netlab.Lab, relayFlags ...string) *natWorld {
	t.Helper()
	w := &natWorld{relay: startNode(t, ctx, lab.Host("relay"), "relay",
		append([]string{"-public", "-relay-service", "-autonat-service"}, relayFlags...)...)}
	for i := range 3 {
		name := fmt.Sprint("peer", i)
		w.servers = append(w.servers, startNode(t, ctx, lab.Host(name), name, "-public", "-autonat-service"))
	}
	w.home = func(name string, nat netlab.NATKind) *labNode {
		t.Helper()
		n := startNode(t, ctx, lab.Home(name, nat).Host("pi"), name, "-relay-client", "-hole-punching",
			"-static-relay", w.relay.addr())
		for _, s := range append([]*labNode{w.relay}, w.servers...) {
			if _, err := n.do("connect " + s.addr()); err != nil {
				t.Fatal(err)
			}
		}
		return n
	}
	return w
}
