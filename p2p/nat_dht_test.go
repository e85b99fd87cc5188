package p2p

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/internal/netlab"
)

// helperDHT starts the DHT on h in mode, joining through bootstrap (none
// when empty: others join through this node).
func helperDHT(ctx context.Context, h *Host, mode, bootstrap string) (*Discovery, error) {
	m, err := ParseDHTMode(mode)
	if err != nil {
		return nil, err
	}
	cfg := DiscoveryConfig{Mode: m}
	if bootstrap != "" {
		if cfg.Bootstrap, err = ParseBootstrap([]string{bootstrap}); err != nil {
			return nil, err
		}
	}
	d, err := NewDiscovery(h, cfg)
	if err != nil {
		return nil, err
	}
	if bootstrap != "" {
		bctx, cancel := context.WithTimeout(ctx, time.Minute)
		defer cancel()
		if err := d.Bootstrap(bctx); err != nil {
			d.Close()
			return nil, err
		}
	}
	return d, nil
}

// helperCallNode POSTs n bytes to the node at a Registry endpoint through
// NodeTransport, as the wallet does: the endpoint's address first, then
// the DHT. It answers as helperCall.
func helperCallNode(ctx context.Context, h *Host, finder PeerFinder, endpoint, n string) (string, error) {
	e, err := ParseEndpoint(endpoint)
	if err != nil {
		return "", err
	}
	rt, err := NodeTransport{Host: h, Finder: finder, Options: []DialOption{AllowLimited("test")}}.RoundTripper(endpoint, e.Address)
	if err != nil {
		return "", err
	}
	size, err := strconv.Atoi(n)
	if err != nil {
		return "", err
	}
	cctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	req, err := http.NewRequestWithContext(cctx, http.MethodPost, "http://node/v1/call/stt",
		io.NopCloser(io.LimitReader(zeros{}, int64(size))))
	if err != nil {
		return "", err
	}
	resp, err := (&http.Client{Transport: rt}).Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("status %d: %s", resp.StatusCode, b)
	}
	return string(b), nil
}

// A node behind a symmetric NAT, reachable only through its relay, is
// found through the DHT by its peer id alone (a Registry endpoint
// "/p2p/<id>", or one whose address went stale) and called through the
// relay; the DHT servers are public nodes, the homes DHT clients.
func TestNATDiscovery(t *testing.T) {
	lab := netlab.New(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	relay := startNode(t, ctx, lab.Host("relay"), "relay", "-public", "-relay-service", "-autonat-service", "-dht", "server")
	for i := range 2 {
		name := fmt.Sprint("peer", i)
		startNode(t, ctx, lab.Host(name), name, "-public", "-autonat-service", "-dht", "server", "-bootstrap", relay.addr())
	}
	b := startNode(t, ctx, lab.Home("b", netlab.Symmetric).Host("pi"), "b", "-relay-client",
		"-static-relay", relay.addr(), "-dht", "client", "-bootstrap", relay.addr())
	b.waitStatus(90*time.Second, "private with a relay", func(s Status) bool {
		return s.Reachability == "private" && len(s.Relays) == 1
	})
	a := startNode(t, ctx, lab.Home("a", netlab.EndpointIndependent).Host("pi"), "a", "-relay-client",
		"-dht", "client", "-bootstrap", relay.addr())

	// Without the DHT, the bare endpoint has nowhere to dial; with it, A
	// finds B's relayed address and calls through it.
	for _, endpoint := range []string{
		"/p2p/" + b.id.String(),
		// B registered at an address where nothing listens any more.
		fmt.Sprintf("/ip4/%s/tcp/4002/p2p/%s", relay.ns.Addr(), b.id),
	} {
		out, err := a.do("callnode " + endpoint + " 65536")
		if err != nil {
			t.Fatalf("A → B at %s: %v", endpoint, err)
		}
		if f := strings.Fields(out); len(f) != 2 || f[0] != "true" {
			t.Errorf("A → B at %s: %q, want B to see a relayed call", endpoint, out)
		}
	}
	// A peer id no one has: not found, no call.
	other := startNode(t, ctx, lab.Home("c", netlab.Symmetric).Host("pi"), "c")
	if _, err := a.do("callnode /p2p/" + other.id.String() + " 16"); err == nil {
		t.Errorf("A reached C, which is behind a symmetric NAT with no relay and not in the DHT")
	}
}
