package keystore

import (
	"bytes"
	"context"
	"crypto/hkdf"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"slices"

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

// ImportKeyTable merges a key table from KeyTable (carried with the data
// backup) into the unlocked keyring: epochs it has that the keyring lacks
// are added, so records sealed under them open, and each category's current
// epoch becomes the newest either knows. It is what a device restored from
// the words alone needs before it can open data sealed after a rotation.
// The blob must open with this keyring's words (ErrDecrypt otherwise); an
// epoch both know with different salts is refused (ErrEpochConflict).
// Nothing changes on an error. It returns the number of epochs added.
//
// Importing a table written before a Shred brings the shredded epochs back:
// whoever holds the words and that table could open that data anyway.
func (s *Store) ImportKeyTable(ctx context.Context, blob []byte) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.data == nil {
		return 0, fmt.Errorf("keystore: import key table: %w", ErrLocked)
	}
	s.data.mu.RLock()
	root := s.data.root
	s.data.mu.RUnlock()
	in, err := openKeyTable(root, blob)
	wipe(root[:])
	if err != nil {
		return 0, fmt.Errorf("keystore: import key table: %w", err)
	}
	before := s.data.snapshotTable()
	merged, added, err := mergeKeyTables(before, in)
	if err != nil {
		return 0, fmt.Errorf("keystore: import key table: %w", err)
	}
	if added == 0 {
		return 0, nil
	}
	s.data.setTable(merged)
	if err := s.rewriteLocked(func(pl *payload) error { pl.Table = merged.clone(); return nil }, false); err != nil {
		s.data.setTable(before)
		return 0, fmt.Errorf("keystore: import key table: %w", err)
	}
	s.log.Info("keystore: key table imported", "epochs", added)
	return added, nil
}

// mergeKeyTables returns the union of a and b, epochs sorted; the same
// epoch with two salts is a conflict.
func mergeKeyTables(a, b keyTable) (keyTable, int, error) {
	out := a.clone()
	added := 0
	for cat, es := range b {
		have := out[cat]
		for _, e := range es {
			i := slices.IndexFunc(have, func(x epochInfo) bool { return x.Epoch == e.Epoch })
			if i >= 0 {
				if !bytes.Equal(have[i].Salt, e.Salt) {
					return nil, 0, fmt.Errorf("%w: %s epoch %d", ErrEpochConflict, cat, e.Epoch)
				}
				continue
			}
			have = append(have, epochInfo{Epoch: e.Epoch, Salt: slices.Clone(e.Salt)})
			added++
		}
		slices.SortFunc(have, func(x, y epochInfo) int {
			switch {
			case x.Epoch < y.Epoch:
				return -1
			case x.Epoch > y.Epoch:
				return 1
			}
			return 0
		})
		out[cat] = have
	}
	if err := out.validate(); err != nil {
		return nil, 0, err
	}
	return out, added, nil
}
