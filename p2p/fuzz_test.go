package p2p

import (
	"testing"

	"github.com/libp2p/go-libp2p/core/peer"
)

// AddressOf takes peer ids from outside (the Registry, a peer's stream):
// whatever the bytes, it answers or errs, never panics, and an address it
// gives maps back from a secp256k1 key.
func FuzzAddressOf(f *testing.F) {
	for _, s := range []string{vectorPeer, "12D3KooWD3eckifWpRn9wQpMG9R9hX3sD158z7EqHWmweQAJU5SA",
		"QmYyQSo1c1Ym7orWxLYvCrM2EmxFTANf8wXmmE7DWjhx5N", "", "16Uiu2HA"} {
		if id, err := peer.Decode(s); err == nil {
			f.Add([]byte(id))
		}
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		id := peer.ID(b)
		a, err := AddressOf(id)
		if err != nil {
			return
		}
		pub, err := id.ExtractPublicKey()
		if err != nil {
			t.Fatalf("AddressOf(%x) = %s but the id has no key: %v", b, a.Hex(), err)
		}
		if a2, err := addressOfKey(pub); err != nil || a2 != a {
			t.Fatalf("AddressOf(%x) = %s, key gives %s (%v)", b, a.Hex(), a2.Hex(), err)
		}
	})
}

// ParseEndpoint reads Registry records anyone can write: it never panics,
// and what it accepts is one of the two forms, within the Registry's cap,
// and parses again to the same thing.
func FuzzParseEndpoint(f *testing.F) {
	for _, s := range []string{"http://192.0.2.10:8470", "https://node.example/", "/ip4/127.0.0.1/tcp/4001/p2p/" + vectorPeer,
		"/ip4/192.0.2.10/udp/4001/quic-v1/p2p/" + vectorPeer, "/p2p/" + vectorPeer, "/ip4/127.0.0.1/tcp/4001",
		"/dns4/node.example/tcp/4001/p2p/" + vectorPeer, "http://", "/", "//", "/p2p/16Uiu2HA"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e, err := ParseEndpoint(s)
		if err != nil {
			return
		}
		if len(s) > MaxEndpointLength {
			t.Fatalf("ParseEndpoint accepted %d bytes", len(s))
		}
		if e.IsLibp2p() == (e.URL != "") {
			t.Fatalf("ParseEndpoint(%q) = %+v: want exactly one of URL and peer", s, e)
		}
		if e.IsLibp2p() {
			if a, err := AddressOf(e.Peer.ID); err != nil || a != e.Address {
				t.Fatalf("ParseEndpoint(%q) address %s, peer id gives %s (%v)", s, e.Address.Hex(), a.Hex(), err)
			}
			return
		}
		if e2, err := ParseEndpoint(e.URL); err != nil || e2.URL != e.URL {
			t.Fatalf("ParseEndpoint(%q) = %q, which parses to %+v, %v", s, e.URL, e2, err)
		}
	})
}
