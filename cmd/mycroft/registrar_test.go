//go:build !device

package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/chain/devnet"
	"github.com/mycroft-network/mycroft/keystore/web3"
	"github.com/mycroft-network/mycroft/registrar"
)

// TestRegistrarCommand runs `mycroft registrar` from a config file against
// the devnet: it refuses a passphrase file others can read, then serves a
// claim.
func TestRegistrarCommand(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	dir := t.TempDir()
	regKey, _ := crypto.GenerateKey()
	reg := crypto.PubkeyToAddress(regKey.PublicKey)
	manifest := filepath.Join(dir, "deployment.json")
	d, err := devnet.Start(ctx, devnet.Config{BlockPeriod: -1, ManifestPath: manifest, Registrar: reg, Accounts: []common.Address{reg}})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	keyJSON, err := web3.Encrypt(regKey, []byte("registrar pass"), 12, 1, rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	keyFile := filepath.Join(dir, "registrar.json")
	passFile := filepath.Join(dir, "registrar.pass")
	if err := os.WriteFile(keyFile, keyJSON, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(passFile, []byte("registrar pass\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	conf := filepath.Join(dir, "registrar.toml")
	body := fmt.Sprintf("listen = %q\nrpc_urls = [%q]\nmanifest = %q\nkey = %q\npassphrase_file = %q\ndb = %q\ngas_drop = \"0\"\n",
		addr, d.URL, manifest, keyFile, passFile, filepath.Join(dir, "registrar.db"))
	if err := os.WriteFile(conf, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}

	code, _, errs := runCLI(ctx, "registrar", "-config", conf)
	if code == 0 || !strings.Contains(errs, "refusing a secret") {
		t.Fatalf("registrar with a passphrase file of mode 0644: exit %d, stderr %q; want a refusal", code, errs)
	}
	if err := os.Chmod(passFile, 0o600); err != nil {
		t.Fatal(err)
	}
	rctx, rcancel := context.WithCancel(ctx)
	done := make(chan int, 1)
	var stderr string
	go func() {
		code, _, e := runCLI(rctx, "registrar", "-config", conf)
		stderr = e
		done <- code
	}()
	var st registrar.StatusResponse
	for {
		res, err := http.Get("http://" + addr + "/v1/status")
		if err == nil {
			err = json.NewDecoder(res.Body).Decode(&st)
			res.Body.Close()
			if err == nil {
				break
			}
		}
		select {
		case code := <-done:
			t.Fatalf("registrar exited with %d: %s", code, stderr)
		case <-time.After(20 * time.Millisecond):
		}
	}
	if st.Registrar != reg || !st.Approved || st.ChainID != devnet.ChainID {
		t.Fatalf("status %+v, want registrar %s approved on chain %d", st, reg, devnet.ChainID)
	}
	dev, _ := crypto.GenerateKey()
	devAddr := crypto.PubkeyToAddress(dev.PublicKey)
	req := chain.SignUpRequest{ChainID: devnet.ChainID, Grants: d.Manifest.Grants, Owner: devAddr, Device: devAddr, Expiry: time.Now().Add(time.Hour).Unix()}
	if err := req.SignWithKey(dev); err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(req)
	res, err := http.Post("http://"+addr+"/v1/claim", "application/json", bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	var cr registrar.ClaimResponse
	err = json.NewDecoder(res.Body).Decode(&cr)
	res.Body.Close()
	if err != nil || res.StatusCode != http.StatusOK || cr.Claim.Verify() != nil || cr.Claim.Owner != devAddr {
		t.Fatalf("claim: %d %+v %v", res.StatusCode, cr, err)
	}
	rcancel()
	if code := <-done; code != 0 {
		t.Fatalf("registrar exit %d after cancel: %s", code, stderr)
	}
}
