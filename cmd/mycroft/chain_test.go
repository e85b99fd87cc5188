//go:build !device

package main

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/chain/deploy"
	"github.com/mycroft-network/mycroft/internal/gethdev"
	"github.com/mycroft-network/mycroft/keystore/web3"
)

// TestChainDeployGeth runs `mycroft chain deploy` and `mycroft chain
// verify` against a separate geth --dev, after the mistakes an operator
// can make.
func TestChainDeployGeth(t *testing.T) {
	n := gethdev.Start(t)
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	n.Fund(t, new(big.Int).Mul(big.NewInt(100), big.NewInt(1e18)), crypto.PubkeyToAddress(key.PublicKey))
	dir := t.TempDir()
	write := func(name string, data []byte, mode os.FileMode) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, mode); err != nil {
			t.Fatal(err)
		}
		return p
	}
	kf, err := web3.Encrypt(key, []byte("deployer pass"), 12, 1, rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	keyFile := write("deployer.json", kf, 0o600)
	pass := write("pass", []byte("deployer pass\n"), 0o600)
	wrongPass := write("wrong", []byte("nope\n"), 0o600)
	openPass := write("open", []byte("deployer pass\n"), 0o644)
	junkKey := write("junk.json", []byte(`{"version":3}`), 0o600)
	badParams := write("params.json", []byte(`{"votingPeriod":"forever"}`), 0o644)
	out := filepath.Join(dir, "manifest.json")
	ctx := context.Background()

	for _, tc := range []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"no flags", []string{}, 2, "required"},
		{"unknown preset", []string{"-preset", "mars", "-rpc", n.URL, "-key", keyFile, "-passphrase-file", pass, "-out", out}, 2, "no preset"},
		{"bad registrar", []string{"-preset", "dev", "-rpc", n.URL, "-key", keyFile, "-passphrase-file", pass, "-out", out, "-registrar", "0x12"}, 2, "not a 0x address"},
		{"not a key file", []string{"-preset", "dev", "-rpc", n.URL, "-key", junkKey, "-passphrase-file", pass, "-out", out}, 1, "not a usable Web3 v3 key file"},
		{"wrong passphrase", []string{"-preset", "dev", "-rpc", n.URL, "-key", keyFile, "-passphrase-file", wrongPass, "-out", out}, 1, "deployer.json"},
		{"readable passphrase file", []string{"-preset", "dev", "-rpc", n.URL, "-key", keyFile, "-passphrase-file", openPass, "-out", out}, 1, "refusing"},
		{"bad params file", []string{"-preset", "dev", "-rpc", n.URL, "-key", keyFile, "-passphrase-file", pass, "-out", out, "-params", badParams}, 1, "votingPeriod"},
		{"other chain", []string{"-preset", "sepolia", "-rpc", n.URL, "-key", keyFile, "-passphrase-file", pass, "-out", out}, 1, "chain id mismatch"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runCLI(ctx, append([]string{"chain", "deploy"}, tc.args...)...)
			if code != tc.wantCode || !strings.Contains(stderr, tc.wantErr) {
				t.Errorf("chain deploy %v: exit %d, stderr %q; want exit %d and %q", tc.args, code, stderr, tc.wantCode, tc.wantErr)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("chain deploy %v wrote a manifest", tc.args)
			}
		})
	}

	// A draft that is not one is refused before anything is sent.
	draft := out + ".draft"
	write("manifest.json.draft", []byte("{not json"), 0o644)
	args := []string{"chain", "deploy", "-preset", "dev", "-rpc", "http://127.0.0.1:1," + n.URL, "-key", keyFile, "-passphrase-file", pass, "-out", out}
	if code, _, stderr := runCLI(ctx, args...); code != 1 || !strings.Contains(stderr, "not a deployment draft") {
		t.Fatalf("deploy with a corrupt draft: exit %d, stderr %q", code, stderr)
	}
	os.Remove(draft)

	// The first endpoint is down: the second is used.
	code, stdout, stderr := runCLI(ctx, args...)
	if code != 0 {
		t.Fatalf("chain deploy: exit %d, stderr %s", code, stderr)
	}
	m, err := chain.LoadManifest(out)
	if err != nil {
		t.Fatalf("manifest written by chain deploy: %v", err)
	}
	if m.ChainID != gethdev.ChainID || !strings.Contains(stdout, m.Governor.Hex()) {
		t.Errorf("manifest %+v, stdout %q", m, stdout)
	}
	b, err := os.ReadFile(draft)
	if err != nil {
		t.Fatal(err)
	}
	var d deploy.Draft
	if err := json.Unmarshal(b, &d); err != nil || !d.Done || *d.Contracts["Grants"].Address != m.Grants {
		t.Errorf("draft after the deploy: %s (%v)", b, err)
	}

	if code, _, stderr := runCLI(ctx, "chain", "verify", "-rpc", n.URL, out); code != 0 {
		t.Fatalf("chain verify: exit %d, stderr %s", code, stderr)
	}
	// A manifest with two addresses swapped fails the code check.
	m.Token, m.Channels = m.Channels, m.Token
	swapped := filepath.Join(dir, "swapped.json")
	if err := chain.WriteManifest(swapped, m); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCLI(ctx, "chain", "verify", "-rpc", n.URL, swapped); code != 1 || !strings.Contains(stderr, "runtime code mismatch") {
		t.Errorf("chain verify of a swapped manifest: exit %d, stderr %q; want exit 1 and a code mismatch", code, stderr)
	}
}
