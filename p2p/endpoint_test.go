package p2p

import (
	"errors"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	ma "github.com/multiformats/go-multiaddr"
)

func TestParseEndpoint(t *testing.T) {
	ed25519 := "12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA"
	for _, tc := range []struct {
		name, in string
		url      string // want an http endpoint with this URL
		dial     string // want a libp2p endpoint dialling this
		bad      bool
	}{
		{name: "http", in: "http://192.0.2.10:8470", url: "http://192.0.2.10:8470"},
		{name: "https with slash", in: "https://node.example/", url: "https://node.example"},
		{name: "tcp multiaddr", in: "/ip4/127.0.0.1/tcp/4001/p2p/" + vectorPeer, dial: "/ip4/127.0.0.1/tcp/4001"},
		{name: "quic multiaddr", in: "/ip4/192.0.2.10/udp/4001/quic-v1/p2p/" + vectorPeer, dial: "/ip4/192.0.2.10/udp/4001/quic-v1"},
		{name: "ip6", in: "/ip6/2001:db8::1/tcp/4001/p2p/" + vectorPeer, dial: "/ip6/2001:db8::1/tcp/4001"},
		{name: "peer id only", in: "/p2p/" + vectorPeer, dial: ""},
		{name: "empty", in: "", bad: true},
		{name: "no peer id", in: "/ip4/127.0.0.1/tcp/4001", bad: true},
		{name: "ed25519 peer", in: "/ip4/127.0.0.1/tcp/4001/p2p/" + ed25519, bad: true},
		{name: "bad multiaddr", in: "/ip4/300.1.1.1/tcp/4001/p2p/" + vectorPeer, bad: true},
		{name: "ftp", in: "ftp://192.0.2.10", bad: true},
		{name: "no host", in: "http://", bad: true},
		{name: "user", in: "http://u:p@192.0.2.10", bad: true},
		{name: "query", in: "http://192.0.2.10/?a=b", bad: true},
		{name: "bare host", in: "192.0.2.10:8470", bad: true},
		{name: "too long", in: "http://" + strings.Repeat("a", 250) + ".example", bad: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e, err := ParseEndpoint(tc.in)
			if tc.bad {
				if !errors.Is(err, ErrBadEndpoint) {
					t.Fatalf("ParseEndpoint(%q) = %+v, %v; want ErrBadEndpoint", tc.in, e, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseEndpoint(%q): %v", tc.in, err)
			}
			if tc.url != "" {
				if e.IsLibp2p() || e.URL != tc.url {
					t.Fatalf("ParseEndpoint(%q) = %+v, want URL %q", tc.in, e, tc.url)
				}
				return
			}
			if !e.IsLibp2p() || e.Peer.ID.String() != vectorPeer || e.Address != common.HexToAddress(vectorAddr) || e.URL != "" {
				t.Fatalf("ParseEndpoint(%q) = %+v, want peer %s address %s", tc.in, e, vectorPeer, vectorAddr)
			}
			var got string
			if len(e.Peer.Addrs) == 1 {
				got = e.Peer.Addrs[0].String()
			}
			if got != tc.dial || len(e.Peer.Addrs) > 1 {
				t.Fatalf("ParseEndpoint(%q) dials %v, want %q", tc.in, e.Peer.Addrs, tc.dial)
			}
		})
	}
}

func TestEndpointOf(t *testing.T) {
	e, err := ParseEndpoint("/p2p/" + vectorPeer)
	if err != nil {
		t.Fatal(err)
	}
	a := ma.StringCast("/ip4/127.0.0.1/tcp/4001")
	s, err := EndpointOf(a, e.Peer.ID)
	if want := "/ip4/127.0.0.1/tcp/4001/p2p/" + vectorPeer; err != nil || s != want {
		t.Fatalf("EndpointOf = %q, %v; want %q", s, err, want)
	}
	if len(s) > MaxEndpointLength {
		t.Fatalf("endpoint %d bytes, over the Registry's %d", len(s), MaxEndpointLength)
	}
	if s, err := EndpointOf(ma.StringCast(s), e.Peer.ID); !errors.Is(err, ErrBadEndpoint) {
		t.Fatalf("EndpointOf an address that names a peer = %q, %v; want ErrBadEndpoint", s, err)
	}
}
