package p2p

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	gethcrypto "github.com/ethereum/go-ethereum/crypto"
	"github.com/libp2p/go-libp2p/core/crypto"
	"github.com/libp2p/go-libp2p/core/peer"
)

// The public web3.js example key (research §2.3).
const (
	vectorKey  = "4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"
	vectorPeer = "16Uiu2HAkzh4QdxB7ijzVnwd6JFNNe4bcr1JBwYUypXe3pX5BRpqK"
	vectorAddr = "0x2c7536e3605d9c16a7a3d7b1898e529396a65c23"
)

func TestVector(t *testing.T) {
	raw, _ := hex.DecodeString(vectorKey)
	id, err := PeerIDOf(raw)
	if err != nil {
		t.Fatal(err)
	}
	if id.String() != vectorPeer {
		t.Errorf("PeerIDOf(%s) = %s, want %s", vectorKey, id, vectorPeer)
	}
	a, err := AddressOf(id)
	if err != nil {
		t.Fatal(err)
	}
	if a != common.HexToAddress(vectorAddr) {
		t.Errorf("AddressOf(%s) = %s, want %s", id, a.Hex(), vectorAddr)
	}
	ident, _ := IdentityFromRaw(raw)
	if ident.Address() != a || ident.PeerID() != id {
		t.Errorf("Identity: address %s peer %s, want %s %s", ident.Address().Hex(), ident.PeerID(), a.Hex(), id)
	}
}

// Random wallet keys: the peer id maps back to go-ethereum's address of
// the same key.
func TestAddressOfMatchesGoEthereum(t *testing.T) {
	for i := range 50 {
		k, err := gethcrypto.GenerateKey()
		if err != nil {
			t.Fatal(err)
		}
		ident, err := IdentityFromECDSA(k)
		if err != nil {
			t.Fatal(err)
		}
		id := ident.PeerID()
		if !strings.HasPrefix(id.String(), "16Uiu2HA") {
			t.Errorf("key %d: peer id %s does not look like secp256k1", i, id)
		}
		got, err := AddressOf(id)
		if err != nil {
			t.Fatalf("key %d: AddressOf(%s): %v", i, id, err)
		}
		if want := gethcrypto.PubkeyToAddress(k.PublicKey); got != want {
			t.Errorf("key %d: AddressOf(%s) = %s, want %s", i, id, got.Hex(), want.Hex())
		}
	}
}

func TestAddressOfRefusesOtherKeys(t *testing.T) {
	edPriv, _, err := crypto.GenerateEd25519Key(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	edID, _ := peer.IDFromPrivateKey(edPriv)
	rsaPriv, _, err := crypto.GenerateRSAKeyPair(2048, rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	rsaID, _ := peer.IDFromPrivateKey(rsaPriv)
	for _, tc := range []struct {
		name string
		id   peer.ID
	}{{"ed25519", edID}, {"rsa (hashed id, no key inside)", rsaID}, {"empty", ""}} {
		t.Run(tc.name, func(t *testing.T) {
			a, err := AddressOf(tc.id)
			if err == nil {
				t.Fatalf("AddressOf(%s) = %s, want an error", tc.id, a.Hex())
			}
			if tc.name == "ed25519" && !errors.Is(err, ErrNotSecp256k1) {
				t.Errorf("AddressOf(ed25519 id) error = %v, want ErrNotSecp256k1", err)
			}
		})
	}
}

func TestIdentityFromRawRefusesBadKeys(t *testing.T) {
	for _, tc := range []struct {
		name string
		raw  []byte
	}{{"empty", nil}, {"31 bytes", make([]byte, 31)}, {"33 bytes", make([]byte, 33)}} {
		if _, err := IdentityFromRaw(tc.raw); err == nil {
			t.Errorf("%s: IdentityFromRaw succeeded, want an error", tc.name)
		}
	}
	if _, err := IdentityFromECDSA(nil); err == nil {
		t.Error("IdentityFromECDSA(nil) succeeded, want an error")
	}
}

func TestIdentityRedacted(t *testing.T) {
	raw, _ := hex.DecodeString(vectorKey)
	id, _ := IdentityFromRaw(raw)
	j, _ := json.Marshal(struct{ K Identity }{id})
	var sb strings.Builder
	slog.New(slog.NewTextHandler(&sb, nil)).Info("x", "id", id)
	for name, s := range map[string]string{
		"%v": fmt.Sprintf("%v", id), "%+v": fmt.Sprintf("%+v", id), "%#v": fmt.Sprintf("%#v", id),
		"json": string(j), "slog": sb.String(), "config": fmt.Sprintf("%+v", Config{Identity: id}),
	} {
		if strings.Contains(s, vectorKey[:16]) || !strings.Contains(s, "[redacted]") {
			t.Errorf("%s prints %q, want [redacted] and no key", name, s)
		}
	}
}
