package agent

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/update"
)

// TestUpdateThroughTheAPI: the agent reads the approved release, refuses a
// version the chain never approved, and on `update apply` fetches the
// binary from the mirror, installs it into slot a on trial and stops so
// the launcher can start it.
func TestUpdateThroughTheAPI(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	d, manifest := testChain(t, ctx)
	bin := []byte(strings.Repeat("the next mycroft ", 5000))
	sum := sha256.Sum256(bin)
	mirror := t.TempDir()
	if err := os.WriteFile(filepath.Join(mirror, hex.EncodeToString(sum[:])), bin, 0o644); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(mirror)))
	defer srv.Close()
	v := update.NewVersion(1, 1, 0)
	c, err := d.Client(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	act, err := c.ReleaseAction(uint64(v), 0, "test release", []chain.ReleaseArtifact{{Arch: update.Arch(), SHA256: sum, Size: uint64(len(bin))}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.Govern(ctx, "Release "+v.String(), act); err != nil {
		t.Fatal(err)
	}

	cfg := testConfig(t)
	onTestChain(t, &cfg, d, manifest)
	cfg.Update.Auto, cfg.Update.Mirrors, cfg.Update.StorageNodes = false, []string{srv.URL}, false
	var closed bool
	a, api, stop := start(t, cfg, Options{OpenBoard: fakeBoard(&closed)})

	// A release proposal is built from release.json (a preview: the
	// device has no votes to propose with here); a bad one is refused.
	m := update.Manifest{Version: update.NewVersion(1, 2, 0), MinVersion: v, Notes: "next",
		Artifacts: []chain.ReleaseArtifact{{Arch: "arm64", SHA256: sum, Size: 10}}}
	rj, err := m.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	pv, err := api.GovernancePropose(ctx, apiclient.GovernanceProposeRequest{Kind: "release", Release: string(rj), Description: "Release 1.2.0", Preview: true})
	if err != nil || len(pv.Actions) != 1 || pv.Actions[0].Target != d.Manifest.Releases.Hex() || !strings.Contains(pv.Actions[0].Summary, "Releases.publish(1.2.0, from 1.1.0)") {
		t.Errorf("propose release preview: %+v, %v", pv, err)
	}
	if _, err := api.GovernancePropose(ctx, apiclient.GovernanceProposeRequest{Kind: "release", Release: `{"version":"1.2.0"}`, Description: "bad", Preview: true}); err == nil || !strings.Contains(err.Error(), "release manifest") {
		t.Errorf("propose a bad release.json: %v, want a release manifest error", err)
	}

	var st update.Status
	if err := api.Post(ctx, "/update/check", nil, &st); err != nil {
		t.Fatalf("check: %v", err)
	}
	if st.Latest != v || !st.Available || st.Auto {
		t.Errorf("after check: %+v; want 1.1.0 available, manual", st)
	}
	err = api.Post(ctx, "/update/apply", map[string]string{"version": "9.9.9"}, &st)
	var ae *apiclient.Error
	if !errors.As(err, &ae) || ae.Status != http.StatusConflict || !strings.Contains(ae.Message, "not a release approved on chain") {
		t.Errorf("apply 9.9.9: %v; want 409 not approved", err)
	}
	if err := api.Post(ctx, "/update/apply", map[string]string{"version": "1.1.0"}, &st); err != nil {
		t.Fatalf("apply 1.1.0: %v", err)
	}
	if st.Trial == nil || st.Trial.Version != v || st.Trial.Slot != "a" {
		t.Errorf("after apply: trial %+v, want 1.1.0 in slot a", st.Trial)
	}
	got, err := os.ReadFile(filepath.Join(SlotsDir(cfg), "a", "mycroft"))
	if err != nil || string(got) != string(bin) {
		t.Errorf("slot a holds %d bytes (%v), want the release's %d", len(got), err, len(bin))
	}
	if err := stop(); err != nil {
		t.Errorf("Run after the switch: %v", err)
	}
	if !a.RestartRequested() {
		t.Error("the agent did not ask to be restarted into the new slot")
	}
}
