package p2p

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/libp2p/go-libp2p/core/network"
	"github.com/libp2p/go-libp2p/core/peer"

	"github.com/mycroft-network/mycroft/internal/netlab"
)

// helperDial closes any connection to the peer at addr, dials it again and
// returns how long until a connection was up and, with waitDirect, how
// long until a direct one was (hole punching a relayed connection; 0 when
// none came within 30 s): "SETUP DIRECT" in nanoseconds.
func helperDial(ctx context.Context, h *Host, addr string, waitDirect bool) (string, error) {
	info, err := peer.AddrInfoFromString(addr)
	if err != nil {
		return "", err
	}
	net := h.Libp2p().Network()
	_ = net.ClosePeer(info.ID)
	h.Libp2p().Peerstore().ClearAddrs(info.ID)
	start := time.Now()
	dctx, cancel := context.WithTimeout(network.WithAllowLimitedConn(ctx, "bench"), 30*time.Second)
	defer cancel()
	if err := h.Libp2p().Connect(dctx, *info); err != nil {
		return "", err
	}
	setup := time.Since(start)
	direct := time.Duration(0)
	for waitDirect && time.Since(start) < 30*time.Second {
		if hasDirect(h, info.ID) {
			direct = time.Since(start)
			break
		}
		time.Sleep(2 * time.Millisecond)
	}
	return fmt.Sprintf("%d %d", setup.Nanoseconds(), direct.Nanoseconds()), nil
}

func hasDirect(h *Host, id peer.ID) bool {
	for _, c := range h.Libp2p().Network().ConnsToPeer(id) {
		if !c.Stat().Limited {
			return true
		}
	}
	return false
}

// helperRTT makes n calls of 1 KiB to the peer at addr on the connection
// there is, and returns "AVERAGE_NS RELAYED" (RELAYED as the serving side
// saw the last call).
func helperRTT(ctx context.Context, h *Host, addr, n string) (string, error) {
	k, err := strconv.Atoi(n)
	if err != nil || k < 1 {
		return "", fmt.Errorf("bad count %q", n)
	}
	var last string
	start := time.Now()
	for range k {
		if last, err = helperCall(ctx, h, addr, "1024"); err != nil {
			return "", err
		}
	}
	return fmt.Sprintf("%d %s", time.Since(start).Nanoseconds()/int64(k), strings.Fields(last)[0]), nil
}

// BenchmarkNATPaths measures, in the lab (internal/netlab; needs root),
// from a home behind an endpoint-independent NAT: connection setup to a
// public node (direct), to a home behind a symmetric NAT (relayed), and to
// another endpoint-independent home (relayed, then hole punched: the time
// until the direct connection is up); a small paid call's round trip on
// each path; and the bytes a relay carries for a spoken question's call
// (160 KB up). The lab's links have no delay: the times are the
// protocols' own cost on this machine, with round trips at ~0 ms.
func BenchmarkNATPaths(b *testing.B) {
	lab := netlab.New(b)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w := newNATWorld(b, ctx, lab)
	relay, servers := w.relay, w.servers
	home := func(name string, nat netlab.NATKind) *labNode {
		n := w.home(name, nat)
		n.waitStatus(90*time.Second, "private with a relay reservation", func(s Status) bool { return s.Reachability == "private" && len(s.Relays) == 1 })
		return n
	}
	a, sym, eim := home("a", netlab.EndpointIndependent), home("b", netlab.Symmetric), home("c", netlab.EndpointIndependent)
	dial := func(b *testing.B, addr string) {
		var total time.Duration
		for b.Loop() {
			out, err := a.do("dial " + addr)
			if err != nil {
				b.Fatal(err)
			}
			setup, _ := strconv.ParseInt(strings.Fields(out)[0], 10, 64)
			total += time.Duration(setup)
		}
		b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "ms/setup")
	}
	rtt := func(b *testing.B, addr string, wantRelayed bool) {
		out, err := a.do(fmt.Sprintf("rtt %s %d", addr, 50))
		if err != nil {
			b.Fatal(err)
		}
		f := strings.Fields(out)
		if relayed := f[1] == "true"; relayed != wantRelayed {
			b.Fatalf("call to %s: relayed %v, want %v", addr, relayed, wantRelayed)
		}
		ns, _ := strconv.ParseInt(f[0], 10, 64)
		for b.Loop() {
		}
		b.ReportMetric(float64(ns)/1e6, "ms/call")
	}
	// The calls first, on the connections the first dial makes (the call
	// after hole punching on the connection the punch made): the setup
	// loops at the end close and redial each path ten times in a row, and
	// a relay can still be releasing the previous circuits.
	b.Run("call/direct", func(b *testing.B) { rtt(b, servers[0].addr(), false) })
	b.Run("call/relayed", func(b *testing.B) { rtt(b, circuit(relay, sym), true) })
	b.Run("relay-bytes/question", func(b *testing.B) {
		const question = 160_000 // 5 s of 16 kHz 16-bit audio
		before := relay.status()
		if _, err := a.call(circuit(relay, sym), question); err != nil {
			b.Fatal(err)
		}
		after := relay.status()
		for b.Loop() {
		}
		b.ReportMetric(float64(after.BytesIn-before.BytesIn+after.BytesOut-before.BytesOut), "relay-bytes/call")
	})
	// One hole punch per run: punching again at once to the same peer
	// (after closing the direct connection) often fails in the lab, as
	// the NAT and the kernel still hold the previous connection's state.
	b.Run("setup/hole-punched", func(b *testing.B) {
		out, err := a.do("dial " + circuit(relay, eim) + " direct")
		if err != nil {
			b.Fatal(err)
		}
		punched, _ := strconv.ParseInt(strings.Fields(out)[1], 10, 64)
		if punched == 0 {
			b.Fatalf("no direct connection within 30 s; a: %+v; c: %+v", a.status(), eim.status())
		}
		for b.Loop() {
		}
		b.ReportMetric(float64(punched)/1e6, "ms/setup")
	})
	b.Run("call/hole-punched", func(b *testing.B) { rtt(b, circuit(relay, eim), false) })
	b.Run("setup/direct", func(b *testing.B) { dial(b, servers[0].addr()) })
	b.Run("setup/relayed", func(b *testing.B) { dial(b, circuit(relay, sym)) })
}
