package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

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
