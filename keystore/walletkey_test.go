package keystore_test

import (
	"bytes"
	"context"
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/mycroft-network/mycroft/keystore"
)

// WithWalletKey hands the unlocked wallet key to fn only for the call:
// the bytes are the key of the Store's address and are zeroed after; a
// locked Store refuses.
func TestWithWalletKey(t *testing.T) {
	ctx := context.Background()
	ks, err := keystore.New(keystore.Options{Dir: t.TempDir(), ChainID: big.NewInt(1337), ScryptLogN: keystore.MinScryptLogN})
	if err != nil {
		t.Fatal(err)
	}
	defer ks.Close()
	if err := ks.WithWalletKey(func([]byte) error { t.Fatal("fn ran on a store with no keyring"); return nil }); !errors.Is(err, keystore.ErrLocked) {
		t.Fatalf("no keyring: %v, want ErrLocked", err)
	}
	if _, err := ks.Init(ctx, []byte("a long owner passphrase")); err != nil {
		t.Fatal(err)
	}
	addr := ks.Address() // fn must not call the Store: it runs under its lock
	var kept []byte
	err = ks.WithWalletKey(func(raw []byte) error {
		k, err := crypto.ToECDSA(raw)
		if err != nil {
			return err
		}
		if got := crypto.PubkeyToAddress(k.PublicKey); got != addr {
			t.Errorf("key of %s, store is %s", got.Hex(), addr.Hex())
		}
		kept = raw
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(kept) != 32 || !bytes.Equal(kept, make([]byte, 32)) {
		t.Errorf("raw key after fn returned = %x, want 32 zero bytes", kept)
	}
	want := errors.New("fn's own error")
	if err := ks.WithWalletKey(func([]byte) error { return want }); !errors.Is(err, want) {
		t.Errorf("fn's error came back as %v", err)
	}
	ks.Lock()
	if err := ks.WithWalletKey(func([]byte) error { t.Fatal("fn ran on a locked store"); return nil }); !errors.Is(err, keystore.ErrLocked) {
		t.Fatalf("locked: %v, want ErrLocked", err)
	}
}
