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
