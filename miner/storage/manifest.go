package storage

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/mycroft-network/mycroft/chain"
)

// Manifest errors.
var (
	// ErrManifestSignature: a manifest is unsigned, or its signature does
	// not recover to the address it is stored under. HTTP 403.
	ErrManifestSignature = errors.New("storage: manifest not signed by its owner")
	// ErrStaleManifest: the node already keeps a manifest of this owner
	// with the same or a higher sequence (a replay, or an older one). HTTP
	// 409.
	ErrStaleManifest = errors.New("storage: manifest older than one kept")
	// ErrNoData: the node holds no committed set of this owner, so it keeps
	// no manifest for it (anyone can make addresses and sign for them; this
	// bounds manifests to owners the node has accepted data from). HTTP 403.
	ErrNoData = errors.New("storage: no data held for this owner")
)

// ManifestVersion is the version of SignedManifest.
const ManifestVersion = 2

// SignedManifest is what an owner leaves on a node under its address: its
// backup manifest sealed with its backups key (opaque to the node), its
// key table sealed under a key derived from its backup words (opaque too;
// a fresh device needs it to open data sealed after a key rotation), a
// sequence that grows with every manifest the owner publishes, and the
// owner's EIP-712 BackupManifest signature over all of it
// (chain.BackupManifestTypedData, domain "Mycroft Registry").
//
// JSON: {"v":2,"seq":N,"sealed":base64,"keyTable":base64,"sig":base64}.
type SignedManifest struct {
	Version   int    `json:"v"`
	Sequence  uint64 `json:"seq"`
	Sealed    []byte `json:"sealed"`
	KeyTable  []byte `json:"keyTable,omitempty"`
	Signature []byte `json:"sig"`
}

const digestLabel = "mycroft/backup-manifest/v2"

// Digest is keccak256(label || keccak256(Sealed) || keccak256(KeyTable)),
// the digest the owner signs: it covers both opaque parts (hashed
// separately, so their boundary cannot move) and the format.
func (m *SignedManifest) Digest() common.Hash {
	return crypto.Keccak256Hash([]byte(digestLabel), crypto.Keccak256(m.Sealed), crypto.Keccak256(m.KeyTable))
}

// TypedData is the BackupManifest typed data the owner signs for m.
func (m *SignedManifest) TypedData(chainID *big.Int, registry, owner common.Address) apitypes.TypedData {
	return chain.BackupManifestTypedData(chainID, registry, owner, m.Digest(), m.Sequence)
}

// Verify checks that owner signed m for this chain and Registry.
func (m *SignedManifest) Verify(chainID *big.Int, registry, owner common.Address) error {
	if len(m.Signature) == 0 {
		return fmt.Errorf("%w: no signature", ErrManifestSignature)
	}
	if err := chain.VerifyTypedData(m.TypedData(chainID, registry, owner), m.Signature, owner); err != nil {
		return fmt.Errorf("%w: %v", ErrManifestSignature, err)
	}
	return nil
}

// Marshal encodes m for the wire and the node's disk.
func (m *SignedManifest) Marshal() ([]byte, error) {
	return json.Marshal(m)
}

// ParseManifest reads a stored or uploaded manifest (outside input on both
// sides): strict JSON of version 2, every field present and in bounds. It
// does not check the signature (Verify does).
func ParseManifest(b []byte) (*SignedManifest, error) {
	if len(b) == 0 || len(b) > MaxManifest {
		return nil, fmt.Errorf("%w: manifest of %d bytes", ErrBadRequest, len(b))
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var m SignedManifest
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("%w: manifest: %v", ErrBadRequest, err)
	}
	if dec.More() {
		return nil, fmt.Errorf("%w: manifest: trailing data", ErrBadRequest)
	}
	switch {
	case m.Version != ManifestVersion:
		return nil, fmt.Errorf("%w: manifest version %d, want %d", ErrBadRequest, m.Version, ManifestVersion)
	case m.Sequence == 0:
		return nil, fmt.Errorf("%w: manifest sequence 0", ErrBadRequest)
	case len(m.Sealed) == 0:
		return nil, fmt.Errorf("%w: manifest without content", ErrBadRequest)
	case len(m.Signature) == 0:
		return nil, fmt.Errorf("%w: no signature", ErrManifestSignature)
	case len(m.Signature) != 65:
		return nil, fmt.Errorf("%w: signature of %d bytes", ErrManifestSignature, len(m.Signature))
	}
	return &m, nil
}
