package chain

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/mycroft-network/mycroft/chain/bindings"
)

// Errors of the Releases client.
var (
	// ErrNoReleasesContract: the manifest names no Releases contract (a
	// deployment made before it existed).
	ErrNoReleasesContract = errors.New("chain: the manifest has no Releases contract")
	// ErrNoRelease: no release of that version, or none for that
	// architecture.
	ErrNoRelease = errors.New("chain: no such release")
)

// ReleaseArtifact is one architecture's binary of a release: its sha256,
// size in bytes, and the Merkle root of the set storage nodes keep it in
// (zero: not on storage nodes).
type ReleaseArtifact struct {
	Arch        string      `json:"arch"`
	SHA256      common.Hash `json:"sha256"`
	Size        uint64      `json:"size"`
	StorageRoot common.Hash `json:"storage_root,omitzero"`
}

// Release is a release governance approved, with the artifact of the
// architecture it was read for. Versions are semver packed as
// major<<32 | minor<<16 | patch.
type Release struct {
	Version        uint64          `json:"version"`
	MinVersion     uint64          `json:"min_version"`
	PublishedAt    time.Time       `json:"published_at"`
	PublishedBlock uint64          `json:"published_block"`
	Revoked        bool            `json:"revoked,omitempty"`
	NotesHash      common.Hash     `json:"notes_hash"`
	Artifact       ReleaseArtifact `json:"artifact"`
}

func (c *Client) releases() (*bindings.Releases, error) {
	if c.m.Releases == (common.Address{}) {
		return nil, ErrNoReleasesContract
	}
	return bindings.NewReleases(), nil
}

// LatestReleaseVersion is the newest release not revoked (0: none).
func (c *Client) LatestReleaseVersion(ctx context.Context) (uint64, error) {
	r, err := c.releases()
	if err != nil {
		return 0, err
	}
	return call(ctx, c, "latest release", c.m.Releases, r.TryPackLatestVersion, r.UnpackLatestVersion)
}

// Release reads release version with its artifact for arch. A version
// never published, or one without arch, is ErrNoRelease; a revoked one is
// returned with Revoked set.
func (c *Client) Release(ctx context.Context, version uint64, arch string) (Release, error) {
	r, err := c.releases()
	if err != nil {
		return Release{}, err
	}
	out, err := call(ctx, c, "release", c.m.Releases,
		func() ([]byte, error) { return r.TryPackRelease(version, arch) }, r.UnpackRelease)
	if err != nil {
		return Release{}, err
	}
	if out.PublishedAt == 0 {
		return Release{}, fmt.Errorf("%w: version %d was never published", ErrNoRelease, version)
	}
	if out.Size == 0 {
		return Release{}, fmt.Errorf("%w: version %d has no %s binary", ErrNoRelease, version, arch)
	}
	return Release{
		Version: version, MinVersion: out.MinVersion, PublishedAt: time.Unix(int64(out.PublishedAt), 0),
		PublishedBlock: out.PublishedBlock, Revoked: out.Revoked, NotesHash: out.NotesHash,
		Artifact: ReleaseArtifact{Arch: arch, SHA256: out.Digest, Size: out.Size, StorageRoot: out.StorageRoot},
	}, nil
}

// ReleaseNotes reads the notes of a release from its ReleasePublished
// event (one block's logs) and checks them against the notes hash on
// chain.
func (c *Client) ReleaseNotes(ctx context.Context, rel Release) (string, error) {
	r, err := c.releases()
	if err != nil {
		return "", err
	}
	ev := r.GetABI().Events["ReleasePublished"]
	b := new(big.Int).SetUint64(rel.PublishedBlock)
	logs, err := c.FilterLogs(ctx, ethereum.FilterQuery{
		FromBlock: b, ToBlock: b, Addresses: []common.Address{c.m.Releases},
		Topics: [][]common.Hash{{ev.ID}, {common.BigToHash(new(big.Int).SetUint64(rel.Version))}},
	})
	if err != nil {
		return "", fmt.Errorf("chain: release notes: %w", err)
	}
	for i := range logs {
		e, err := r.UnpackReleasePublishedEvent(&logs[i])
		if err != nil || e.Version != rel.Version {
			continue
		}
		if crypto.Keccak256Hash([]byte(e.Notes)) != rel.NotesHash {
			return "", fmt.Errorf("chain: release notes of %d do not match the hash on chain", rel.Version)
		}
		return e.Notes, nil
	}
	return "", fmt.Errorf("%w: no ReleasePublished event for %d in block %d", ErrNoRelease, rel.Version, rel.PublishedBlock)
}

// ReleaseAction publishes a release (Releases.publish, called by the
// Timelock once governance approved it): version and minVersion packed
// semver, the notes (their keccak256 is kept on chain, the text in the
// event), and one artifact per architecture.
func (c *Client) ReleaseAction(version, minVersion uint64, notes string, arts []ReleaseArtifact) (Action, error) {
	r, err := c.releases()
	if err != nil {
		return Action{}, fmt.Errorf("chain: release action: %w", err)
	}
	if version == 0 || minVersion > version || len(arts) == 0 {
		return Action{}, fmt.Errorf("chain: release action: need a version above 0, a minimum version not above it and at least one artifact")
	}
	in := make([]bindings.ReleasesArtifactInput, len(arts))
	archs := ""
	for i, a := range arts {
		if a.Arch == "" || len(a.Arch) > 16 || a.Size == 0 || a.SHA256 == (common.Hash{}) {
			return Action{}, fmt.Errorf("chain: release action: artifact %d: need an architecture (1-16 bytes), a size and a sha256", i)
		}
		in[i] = bindings.ReleasesArtifactInput{Arch: a.Arch, Digest: a.SHA256, Size: a.Size, StorageRoot: a.StorageRoot}
		archs += fmt.Sprintf(" %s(%d bytes, sha256 %x…)", a.Arch, a.Size, a.SHA256[:6])
	}
	data, err := r.TryPackPublish(version, minVersion, notes, in)
	if err != nil {
		return Action{}, fmt.Errorf("chain: release action: %w", err)
	}
	return Action{Target: c.m.Releases, Value: new(big.Int), Calldata: data,
		Summary: fmt.Sprintf("Releases.publish(%s, from %s):%s", semver(version), semver(minVersion), archs)}, nil
}

// RevokeReleaseAction withdraws a release (Releases.revoke): devices stop
// installing it and the latest version falls back to the newest one left.
func (c *Client) RevokeReleaseAction(version uint64, reason string) (Action, error) {
	r, err := c.releases()
	if err != nil {
		return Action{}, fmt.Errorf("chain: revoke release action: %w", err)
	}
	data, err := r.TryPackRevoke(version, reason)
	if err != nil {
		return Action{}, fmt.Errorf("chain: revoke release action: %w", err)
	}
	return Action{Target: c.m.Releases, Value: new(big.Int), Calldata: data,
		Summary: fmt.Sprintf("Releases.revoke(%s): %s", semver(version), reason)}, nil
}

// semver writes a packed version as major.minor.patch.
func semver(v uint64) string { return fmt.Sprintf("%d.%d.%d", v>>32, v>>16&0xffff, v&0xffff) }
