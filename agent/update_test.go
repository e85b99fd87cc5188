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

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/chain/devnet"
	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/update"
)

// governRelease passes a release through the devnet's governance with the
// deployer's votes.
func governRelease(t *testing.T, ctx context.Context, d *devnet.Devnet, v update.Version, arts ...chain.ReleaseArtifact) {
	t.Helper()
	c, err := d.Client(ctx, d.Deployer)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	must := func(what string, err error) {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	_, err = c.Delegate(ctx, d.Deployer.Address())
	must("delegate", err)
	must("advance", d.AdvanceTime(ctx, time.Second))
	act, err := c.ReleaseAction(uint64(v), 0, "test release", arts)
	must("release action", err)
	p := chain.Proposal{Targets: []common.Address{act.Target}, Calldatas: [][]byte{act.Calldata}, Description: "Release " + v.String()}
	id, _, err := c.Propose(ctx, p.Targets, nil, p.Calldatas, p.Description)
	must("propose", err)
	must("advance", d.AdvanceTime(ctx, 2*time.Second))
	_, err = c.CastVote(ctx, id, chain.VoteFor)
	must("vote", err)
	must("advance", d.AdvanceTime(ctx, time.Hour))
	_, err = c.QueueProposal(ctx, p)
	must("queue", err)
	must("advance", d.AdvanceTime(ctx, time.Minute))
	_, err = c.ExecuteProposal(ctx, p)
	must("execute", err)
}

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
	governRelease(t, ctx, d, v, chain.ReleaseArtifact{Arch: update.Arch(), SHA256: sum, Size: uint64(len(bin))})

	cfg := testConfig(t)
	onTestChain(t, &cfg, d, manifest)
	cfg.Update.Auto, cfg.Update.Mirrors, cfg.Update.StorageNodes = false, []string{srv.URL}, false
	var closed bool
	a, c, stop := start(t, cfg, Options{OpenBoard: fakeBoard(&closed)})

	var st update.Status
	if err := c.Post(ctx, "/update/check", nil, &st); err != nil {
		t.Fatalf("check: %v", err)
	}
	if st.Latest != v || !st.Available || st.Auto {
		t.Errorf("after check: %+v; want 1.1.0 available, manual", st)
	}
	err := c.Post(ctx, "/update/apply", map[string]string{"version": "9.9.9"}, &st)
	var ae *apiclient.Error
	if !errors.As(err, &ae) || ae.Status != http.StatusConflict || !strings.Contains(ae.Message, "not a release approved on chain") {
		t.Errorf("apply 9.9.9: %v; want 409 not approved", err)
	}
	if err := c.Post(ctx, "/update/apply", map[string]string{"version": "1.1.0"}, &st); err != nil {
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
