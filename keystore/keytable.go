package keystore

import (
	"crypto/hkdf"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"

	"github.com/mycroft-network/mycroft/keystore/internal/strictjson"
	"golang.org/x/crypto/chacha20poly1305"
)

const keyTableMagic = "MKT\x01"

func keyTableKey(root []byte) ([]byte, error) {
	return hkdf.Key(sha256.New, root, nil, labelKeyTable, 32)
}

// sealKeyTable seals the epoch table under a key derived from the data
// root (so only the backup words open it).
func (d *DataKeys) sealKeyTable() ([]byte, error) {
	d.mu.RLock()
	defer d.mu.RUnlock()
	if d.wiped {
		return nil, ErrLocked
	}
	pt, err := json.Marshal(d.table)
	if err != nil {
		return nil, fmt.Errorf("keystore: key table: %w", err)
	}
	k, err := keyTableKey(d.root[:])
	if err != nil {
		return nil, err
	}
	defer wipe(k)
	a, _ := chacha20poly1305.NewX(k)
	out := make([]byte, len(keyTableMagic)+a.NonceSize(), len(keyTableMagic)+a.NonceSize()+len(pt)+a.Overhead())
	copy(out, keyTableMagic)
	if _, err := io.ReadFull(d.rand, out[len(keyTableMagic):]); err != nil {
		return nil, fmt.Errorf("keystore: key table: random: %w", err)
	}
	return a.Seal(out, out[len(keyTableMagic):], pt, []byte(keyTableMagic)), nil
}

// openKeyTable opens a blob from sealKeyTable with the data root.
func openKeyTable(root [32]byte, blob []byte) (keyTable, error) {
	const hdr = len(keyTableMagic) + chacha20poly1305.NonceSizeX
	if len(blob) < hdr+chacha20poly1305.Overhead || string(blob[:len(keyTableMagic)]) != keyTableMagic || len(blob) > maxKeyringLen {
		return nil, fmt.Errorf("%w: not a key table", ErrFormat)
	}
	k, err := keyTableKey(root[:])
	if err != nil {
		return nil, err
	}
	defer wipe(k)
	a, _ := chacha20poly1305.NewX(k)
	pt, err := a.Open(nil, blob[len(keyTableMagic):hdr], blob[hdr:], []byte(keyTableMagic))
	if err != nil {
		return nil, fmt.Errorf("%w: key table does not belong to these words", ErrDecrypt)
	}
	var t keyTable
	if err := strictjson.Decode(pt, maxKeyringLen, &t); err != nil {
		return nil, fmt.Errorf("%w: key table: %v", ErrFormat, err)
	}
	if err := t.validate(); err != nil {
		return nil, err
	}
	return t, nil
}
