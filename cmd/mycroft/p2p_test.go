package main

import (
	"context"
	"crypto/rand"
	"os"
	"path/filepath"
	"testing"

	gethcrypto "github.com/ethereum/go-ethereum/crypto"

	"github.com/mycroft-network/mycroft/keystore/web3"
)

// `mycroft p2p id` prints the peer id and address of a v3 key file: the
// public web3.js example key gives the known peer id.
func TestP2PID(t *testing.T) {
	k, _ := gethcrypto.HexToECDSA("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318")
	file, err := web3.Encrypt(k, []byte("pw"), 12, 1, rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	kf, pf := filepath.Join(dir, "key.json"), filepath.Join(dir, "pass")
	if err := os.WriteFile(kf, file, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pf, []byte("pw\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(context.Background(), "p2p", "id", "--file-passphrase-file", pf, kf)
	want := "peer id 16Uiu2HAkzh4QdxB7ijzVnwd6JFNNe4bcr1JBwYUypXe3pX5BRpqK\naddress 0x2c7536E3605D9C16a7a3D7b1898e529396a65c23\n"
	if code != 0 || out != want {
		t.Errorf("p2p id: exit %d, stdout %q, stderr %q; want 0, %q", code, out, errs, want)
	}
}
