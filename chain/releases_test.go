package chain_test

import (
	"errors"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain"
)

// govern passes one action through the Governor with the deployer's
// votes.
func (e *env) govern(a chain.Action, description string) {
	e.t.Helper()
	_, err := e.d.Govern(e.ctx, description, a)
	mustOK(e.t, "govern "+description, err)
}

func TestReleasesPublishedByGovernance(t *testing.T) {
	e := newEnv(t, 1)
	c := e.cs[0]
	if v, err := c.LatestReleaseVersion(e.ctx); err != nil || v != 0 {
		t.Fatalf("latest before any release = %d, %v; want 0", v, err)
	}
	const v1, v2 = 1<<32 | 2<<16 | 3, 1<<32 | 3<<16
	arts := []chain.ReleaseArtifact{
		{Arch: "arm64", SHA256: common.Hash{1}, Size: 1000, StorageRoot: common.Hash{2}},
		{Arch: "amd64", SHA256: common.Hash{3}, Size: 2000},
	}
	act, err := c.ReleaseAction(v1, 1<<32, "fixes the fan", arts)
	mustOK(t, "release action", err)
	// Only the Timelock may publish.
	_, err = c.Transact(e.ctx, e.d.Manifest.Releases, act.Calldata, nil)
	wantRevert(t, "publish by an account", err, "")
	e.govern(act, "Release 1.2.3")

	latest, err := c.LatestReleaseVersion(e.ctx)
	mustOK(t, "latest", err)
	if latest != v1 {
		t.Fatalf("latest = %x, want %x", latest, v1)
	}
	r, err := c.Release(e.ctx, v1, "amd64")
	mustOK(t, "release", err)
	if r.Artifact.SHA256 != arts[1].SHA256 || r.Artifact.Size != 2000 || r.MinVersion != 1<<32 || r.Revoked {
		t.Errorf("release amd64 = %+v, want sha %s size 2000 min 1.0.0", r, arts[1].SHA256)
	}
	notes, err := c.ReleaseNotes(e.ctx, r)
	mustOK(t, "notes", err)
	if notes != "fixes the fan" {
		t.Errorf("notes = %q", notes)
	}
	if _, err := c.Release(e.ctx, v1, "armv7"); !errors.Is(err, chain.ErrNoRelease) {
		t.Errorf("release for an architecture it has not: %v, want ErrNoRelease", err)
	}
	if _, err := c.Release(e.ctx, v2, "arm64"); !errors.Is(err, chain.ErrNoRelease) {
		t.Errorf("release never published: %v, want ErrNoRelease", err)
	}

	// A second release, then revoked: latest falls back to the first.
	act2, err := c.ReleaseAction(v2, v1, "", arts[:1])
	mustOK(t, "release action 2", err)
	e.govern(act2, "Release 1.3.0")
	if latest, _ := c.LatestReleaseVersion(e.ctx); latest != v2 {
		t.Fatalf("latest after the second = %x, want %x", latest, v2)
	}
	rev, err := c.RevokeReleaseAction(v2, "breaks the Mark I")
	mustOK(t, "revoke action", err)
	e.govern(rev, "Revoke 1.3.0")
	if latest, _ := c.LatestReleaseVersion(e.ctx); latest != v1 {
		t.Errorf("latest after revoking = %x, want %x", latest, v1)
	}
	if r, err := c.Release(e.ctx, v2, "arm64"); err != nil || !r.Revoked {
		t.Errorf("revoked release = %+v, %v; want Revoked", r, err)
	}

	// An older version can never be published again.
	old, err := c.ReleaseAction(v1, v1, "again", arts)
	mustOK(t, "old release action", err)
	_, err = e.d.Govern(e.ctx, "Release 1.2.3 again", old)
	wantRevert(t, "publish an older version", err, "")
}

func TestReleaseActionRefusesBadInput(t *testing.T) {
	e := newEnv(t, 1)
	c := e.cs[0]
	good := chain.ReleaseArtifact{Arch: "arm64", SHA256: common.Hash{1}, Size: 1}
	for _, tc := range []struct {
		name     string
		v, min   uint64
		arts     []chain.ReleaseArtifact
		wantFail bool
	}{
		{"ok", 2, 1, []chain.ReleaseArtifact{good}, false},
		{"version 0", 0, 0, []chain.ReleaseArtifact{good}, true},
		{"min above version", 1, 2, []chain.ReleaseArtifact{good}, true},
		{"no artifacts", 1, 0, nil, true},
		{"no hash", 1, 0, []chain.ReleaseArtifact{{Arch: "arm64", Size: 1}}, true},
		{"no size", 1, 0, []chain.ReleaseArtifact{{Arch: "arm64", SHA256: common.Hash{1}}}, true},
		{"long arch", 1, 0, []chain.ReleaseArtifact{{Arch: "an-architecture-name", SHA256: common.Hash{1}, Size: 1}}, true},
	} {
		_, err := c.ReleaseAction(tc.v, tc.min, "", tc.arts)
		if (err != nil) != tc.wantFail {
			t.Errorf("%s: err = %v, want failure %v", tc.name, err, tc.wantFail)
		}
	}
	// A manifest from before the Releases contract: a clear error.
	m := e.d.Manifest
	m.Releases = common.Address{}
	old, err := chain.Dial(e.ctx, e.d.URL, m)
	mustOK(t, "dial", err)
	defer old.Close()
	if _, err := old.LatestReleaseVersion(e.ctx); !errors.Is(err, chain.ErrNoReleasesContract) {
		t.Errorf("latest without a Releases contract: %v, want ErrNoReleasesContract", err)
	}
}
