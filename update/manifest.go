package update

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain"
)

// ErrManifest is wrapped by every release manifest error.
var ErrManifest = errors.New("update: release manifest")

// Limits of a release manifest.
const (
	MaxManifestSize = 64 << 10
	MaxNotes        = 4096
	MaxArtifacts    = 8 // as the contract's MAX_ARCHS
)

// Manifest is release.json, what a maintainer writes to propose a release:
//
//	{"version": "1.2.0", "min_version": "1.0.0", "notes": "what changed",
//	 "artifacts": [{"arch": "arm64", "sha256": "<64 hex>", "size": 31457280,
//	                "storage_root": "0x<64 hex>"}]}
//
// storage_root is optional (the release is then fetched from mirrors only);
// `mycroft update manifest` writes the file from the binaries.
type Manifest struct {
	Version    Version                 `json:"version"`
	MinVersion Version                 `json:"min_version"`
	Notes      string                  `json:"notes"`
	Artifacts  []chain.ReleaseArtifact `json:"artifacts"`
}

type rawArtifact struct {
	Arch        string `json:"arch"`
	SHA256      string `json:"sha256"`
	Size        uint64 `json:"size"`
	StorageRoot string `json:"storage_root"`
}

type rawManifest struct {
	Version    *string       `json:"version"`
	MinVersion *string       `json:"min_version"`
	Notes      string        `json:"notes"`
	Artifacts  []rawArtifact `json:"artifacts"`
}

// ParseManifest reads release.json strictly: one object, no unknown
// fields, a version and a minimum version not above it, notes of at most
// MaxNotes bytes, 1 to MaxArtifacts artifacts with distinct architecture
// names (lower-case letters, digits, '_', 1-16 bytes), a 64-digit hex
// sha256 and a size of 1 byte to MaxBinary.
func ParseManifest(data []byte) (Manifest, error) {
	if len(data) > MaxManifestSize {
		return Manifest{}, fmt.Errorf("%w: %d bytes, at most %d", ErrManifest, len(data), MaxManifestSize)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var raw rawManifest
	if err := dec.Decode(&raw); err != nil {
		return Manifest{}, fmt.Errorf("%w: %v", ErrManifest, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return Manifest{}, fmt.Errorf("%w: trailing data after the object", ErrManifest)
	}
	var m Manifest
	if raw.Version == nil || raw.MinVersion == nil {
		return m, fmt.Errorf("%w: version and min_version are required", ErrManifest)
	}
	var err error
	if m.Version, err = ParseVersion(*raw.Version); err != nil {
		return Manifest{}, fmt.Errorf("%w: version: %w", ErrManifest, err)
	}
	if m.MinVersion, err = ParseVersion(*raw.MinVersion); err != nil {
		return Manifest{}, fmt.Errorf("%w: min_version: %w", ErrManifest, err)
	}
	if m.MinVersion > m.Version {
		return Manifest{}, fmt.Errorf("%w: min_version %s is above version %s", ErrManifest, m.MinVersion, m.Version)
	}
	if len(raw.Notes) > MaxNotes {
		return Manifest{}, fmt.Errorf("%w: notes of %d bytes, at most %d", ErrManifest, len(raw.Notes), MaxNotes)
	}
	m.Notes = raw.Notes
	if len(raw.Artifacts) == 0 || len(raw.Artifacts) > MaxArtifacts {
		return Manifest{}, fmt.Errorf("%w: %d artifacts, want 1 to %d", ErrManifest, len(raw.Artifacts), MaxArtifacts)
	}
	seen := map[string]bool{}
	for i, a := range raw.Artifacts {
		if !validArch(a.Arch) {
			return Manifest{}, fmt.Errorf("%w: artifact %d: architecture %q: want 1-16 of a-z, 0-9, _", ErrManifest, i, clip(a.Arch))
		}
		if seen[a.Arch] {
			return Manifest{}, fmt.Errorf("%w: architecture %s twice", ErrManifest, a.Arch)
		}
		seen[a.Arch] = true
		sum, err := hex.DecodeString(a.SHA256)
		if err != nil || len(sum) != 32 || bytes.Equal(sum, make([]byte, 32)) {
			return Manifest{}, fmt.Errorf("%w: %s: sha256 %q is not 64 hex digits", ErrManifest, a.Arch, clip(a.SHA256))
		}
		if a.Size == 0 || a.Size > MaxBinary {
			return Manifest{}, fmt.Errorf("%w: %s: size %d, want 1 to %d bytes", ErrManifest, a.Arch, a.Size, MaxBinary)
		}
		art := chain.ReleaseArtifact{Arch: a.Arch, SHA256: common.BytesToHash(sum), Size: a.Size}
		if a.StorageRoot != "" {
			r := strings.TrimPrefix(a.StorageRoot, "0x")
			b, err := hex.DecodeString(r)
			if err != nil || len(b) != 32 {
				return Manifest{}, fmt.Errorf("%w: %s: storage_root %q is not 0x and 64 hex digits", ErrManifest, a.Arch, clip(a.StorageRoot))
			}
			art.StorageRoot = common.BytesToHash(b)
		}
		m.Artifacts = append(m.Artifacts, art)
	}
	return m, nil
}

// Marshal writes the manifest as ParseManifest reads it.
func (m Manifest) Marshal() ([]byte, error) {
	raw := rawManifest{Notes: m.Notes}
	v, mv := m.Version.String(), m.MinVersion.String()
	raw.Version, raw.MinVersion = &v, &mv
	for _, a := range m.Artifacts {
		ra := rawArtifact{Arch: a.Arch, SHA256: hex.EncodeToString(a.SHA256[:]), Size: a.Size}
		if a.StorageRoot != (common.Hash{}) {
			ra.StorageRoot = a.StorageRoot.Hex()
		}
		raw.Artifacts = append(raw.Artifacts, ra)
	}
	b, err := json.MarshalIndent(raw, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("update: marshal manifest: %w", err)
	}
	if _, err := ParseManifest(b); err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

func validArch(s string) bool {
	if len(s) == 0 || len(s) > 16 {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

func clip(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}
