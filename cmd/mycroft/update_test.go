package main

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"math/big"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/keystore/web3"
	"github.com/mycroft-network/mycroft/miner/storage"
	"github.com/mycroft-network/mycroft/update"
)

// TestUpdateManifest: `mycroft update manifest` writes a release.json the
// parser accepts, with the binary's sha256, size and storage root.
func TestUpdateManifest(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "mycroft-arm64")
	data := []byte(strings.Repeat("arm64 binary ", 20_000))
	if err := os.WriteFile(bin, data, 0o755); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "release.json")
	code, _, stderr := runCLI(context.Background(), "update", "manifest", "--version", "1.4.2", "--min", "1.2.0",
		"--notes", "fan curve", "--out", out, "arm64="+bin)
	if code != 0 {
		t.Fatalf("update manifest: exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	m, err := update.ParseManifest(b)
	if err != nil {
		t.Fatalf("written manifest does not parse: %v\n%s", err, b)
	}
	sum := sha256.Sum256(data)
	_, root, _ := update.SplitRelease(data)
	a := m.Artifacts[0]
	if m.Version != update.NewVersion(1, 4, 2) || a.Arch != "arm64" || a.SHA256 != sum || a.Size != uint64(len(data)) || a.StorageRoot != root {
		t.Errorf("manifest %+v, want 1.4.2 arm64 sha %s size %d root %s", m, hex.EncodeToString(sum[:]), len(data), root)
	}
	if code, _, stderr := runCLI(context.Background(), "update", "manifest", "--version", "1.4", "--min", "1.2.0", "arm64="+bin); code == 0 || !strings.Contains(stderr, "major.minor.patch") {
		t.Errorf("a bad version: exit %d, %q; want a usage error", code, stderr)
	}
}

func TestUpdateLine(t *testing.T) {
	st := update.Status{Running: update.NewVersion(1, 1, 0), Auto: true, Latest: update.NewVersion(1, 2, 0),
		LastRollback: &update.Rollback{Version: update.NewVersion(1, 2, 0), To: update.NewVersion(1, 1, 0), At: time.Now(), Reason: "1.2.0 was started 3 times and never became healthy"}}
	raw, _ := json.Marshal(st)
	got := updateLine(raw)
	for _, want := range []string{"running 1.1.0", "latest approved 1.2.0", "rolled back 1.2.0: 1.2.0 was started 3 times"} {
		if !strings.Contains(got, want) {
			t.Errorf("updateLine = %q, want it to contain %q", got, want)
		}
	}
	if updateLine(nil) != "" {
		t.Errorf("no update component: want no line")
	}
}

// TestUpdatePublish: `mycroft update publish` puts the release set on a
// storage node, which then answers the audit a device starts its fetch
// with.
func TestUpdatePublish(t *testing.T) {
	dir := t.TempDir()
	st, err := storage.OpenStore(storage.StoreConfig{Dir: filepath.Join(dir, "node"), Quota: 1 << 26})
	if err != nil {
		t.Fatal(err)
	}
	nodeKey, _ := crypto.GenerateKey()
	node, err := storage.NewNode(storage.NodeConfig{Store: st, Signer: chain.NewKeySigner(nodeKey), ChainID: big.NewInt(1337), Registry: common.Address{3}})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(node.Handler(nil))
	defer srv.Close()
	deployment := filepath.Join(dir, "deployment.json")
	if err := chain.WriteManifest(deployment, chain.Manifest{ChainID: 1337, Token: common.Address{1}, Channels: common.Address{2},
		Registry: common.Address{3}, Governor: common.Address{4}, Timelock: common.Address{5}, Grants: common.Address{6}}); err != nil {
		t.Fatal(err)
	}
	pubKey, _ := crypto.GenerateKey()
	kf, err := web3.Encrypt(pubKey, []byte("publisher pass"), 12, 1, rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	keyFile, passFile := filepath.Join(dir, "key.json"), filepath.Join(dir, "pass")
	os.WriteFile(keyFile, kf, 0o600)
	os.WriteFile(passFile, []byte("publisher pass\n"), 0o600)
	bin := filepath.Join(dir, "mycroft-arm64")
	data := []byte(strings.Repeat("release binary ", 12_000))
	os.WriteFile(bin, data, 0o755)

	code, out, stderr := runCLI(context.Background(), "update", "publish", "--node", srv.URL,
		"--node-address", crypto.PubkeyToAddress(nodeKey.PublicKey).Hex(), "--deployment", deployment,
		"--key", keyFile, "--passphrase-file", passFile, "--days", "30", bin)
	if code != 0 {
		t.Fatalf("update publish: exit %d: %s", code, stderr)
	}
	_, root, _ := update.SplitRelease(data)
	if !strings.Contains(out, root.Hex()) {
		t.Fatalf("output %q does not name the storage root %s", out, root.Hex())
	}
	p, err := (&storage.Client{Base: srv.URL}).Audit(context.Background(), root, 0)
	if err != nil || p.Verify(root, update.LeafCount(uint64(len(data))), 0) != nil {
		t.Errorf("the node does not answer for the release set: %v", err)
	}
}
