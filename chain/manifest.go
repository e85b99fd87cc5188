package chain

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/internal/atomicfile"
)

// Manifest says where the Mycroft contracts of one chain are. Its JSON form
// is {"chainId":N,"token":"0x..","channels":"0x..","registry":"0x..",
// "governor":"0x..","timelock":"0x..","grants":"0x..","releases":"0x..",
// "deployBlock":N}. "releases" (the Releases contract of governance-approved
// updates) is optional: manifests written before it existed load with a
// zero Releases address, and such a chain has no releases.
type Manifest struct {
	ChainID     uint64         `json:"chainId"`
	Token       common.Address `json:"token"`
	Channels    common.Address `json:"channels"`
	Registry    common.Address `json:"registry"`
	Governor    common.Address `json:"governor"`
	Timelock    common.Address `json:"timelock"`
	Grants      common.Address `json:"grants"`
	Releases    common.Address `json:"releases,omitzero"`
	DeployBlock uint64         `json:"deployBlock"`
}

// ErrManifest is wrapped by every manifest parse or validation error.
var ErrManifest = errors.New("chain: manifest")

// MaxManifestSize bounds the manifest file read by LoadManifest.
const MaxManifestSize = 64 << 10

type rawManifest struct {
	ChainID     *uint64 `json:"chainId"`
	Token       *string `json:"token"`
	Channels    *string `json:"channels"`
	Registry    *string `json:"registry"`
	Governor    *string `json:"governor"`
	Timelock    *string `json:"timelock"`
	Grants      *string `json:"grants"`
	Releases    *string `json:"releases"`
	DeployBlock *uint64 `json:"deployBlock"`
}

// ParseManifest parses a manifest strictly: one JSON object, every field
// present (releases may be left out), no unknown fields, chainId > 0, addresses as 0x-prefixed 40-digit
// hex, none zero and none repeated.
func ParseManifest(data []byte) (Manifest, error) {
	var m Manifest
	if len(data) > MaxManifestSize {
		return m, fmt.Errorf("%w: %d bytes, at most %d", ErrManifest, len(data), MaxManifestSize)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var raw rawManifest
	if err := dec.Decode(&raw); err != nil {
		return m, fmt.Errorf("%w: %v", ErrManifest, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return m, fmt.Errorf("%w: trailing data after the object", ErrManifest)
	}
	if raw.ChainID == nil {
		return m, fmt.Errorf("%w: missing chainId", ErrManifest)
	}
	if raw.DeployBlock == nil {
		return m, fmt.Errorf("%w: missing deployBlock", ErrManifest)
	}
	m.ChainID = *raw.ChainID
	m.DeployBlock = *raw.DeployBlock
	addrs := []struct {
		name string
		raw  *string
		dst  *common.Address
	}{
		{"token", raw.Token, &m.Token},
		{"channels", raw.Channels, &m.Channels},
		{"registry", raw.Registry, &m.Registry},
		{"governor", raw.Governor, &m.Governor},
		{"timelock", raw.Timelock, &m.Timelock},
		{"grants", raw.Grants, &m.Grants},
		{"releases", raw.Releases, &m.Releases},
	}
	seen := map[common.Address]string{}
	for _, a := range addrs {
		if a.raw == nil && a.name == "releases" {
			continue // optional: older manifests have none
		}
		if a.raw == nil {
			return m, fmt.Errorf("%w: missing %s", ErrManifest, a.name)
		}
		s := *a.raw
		if len(s) != 42 || !strings.HasPrefix(s, "0x") || !common.IsHexAddress(s) {
			return m, fmt.Errorf("%w: %s: %q is not a 0x-prefixed 20-byte hex address", ErrManifest, a.name, s)
		}
		*a.dst = common.HexToAddress(s)
		if *a.dst == (common.Address{}) {
			return m, fmt.Errorf("%w: %s is the zero address", ErrManifest, a.name)
		}
		if other, dup := seen[*a.dst]; dup {
			return m, fmt.Errorf("%w: %s and %s have the same address", ErrManifest, other, a.name)
		}
		seen[*a.dst] = a.name
	}
	if err := m.Validate(); err != nil {
		return Manifest{}, err
	}
	return m, nil
}

// Validate checks a manifest built in code.
func (m Manifest) Validate() error {
	if m.ChainID == 0 {
		return fmt.Errorf("%w: chainId is 0", ErrManifest)
	}
	for name, a := range map[string]common.Address{
		"token": m.Token, "channels": m.Channels, "registry": m.Registry,
		"governor": m.Governor, "timelock": m.Timelock, "grants": m.Grants,
	} {
		if a == (common.Address{}) {
			return fmt.Errorf("%w: %s is the zero address", ErrManifest, name)
		}
	}
	return nil
}

// LoadManifest reads and parses the manifest file at path.
func LoadManifest(path string) (Manifest, error) {
	f, err := os.Open(path)
	if err != nil {
		return Manifest{}, fmt.Errorf("chain: load manifest: %w", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxManifestSize+1))
	if err != nil {
		return Manifest{}, fmt.Errorf("chain: load manifest: %w", err)
	}
	m, err := ParseManifest(data)
	if err != nil {
		return Manifest{}, fmt.Errorf("chain: load manifest %s: %w", filepath.Base(path), err)
	}
	return m, nil
}

// MarshalManifest returns the manifest's JSON (indented, newline-terminated).
func MarshalManifest(m Manifest) ([]byte, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("chain: marshal manifest: %w", err)
	}
	return append(b, '\n'), nil
}

// WriteManifest writes m to path atomically (temp file, fsync, rename, fsync
// of the directory). An unchanged file is not rewritten.
func WriteManifest(path string, m Manifest) error {
	data, err := MarshalManifest(m)
	if err != nil {
		return err
	}
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, data) {
		return nil
	}
	if err := atomicfile.WriteFile(path, data, 0o644); err != nil {
		return fmt.Errorf("chain: write manifest: %w", err)
	}
	return nil
}
