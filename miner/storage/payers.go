package storage

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"github.com/ethereum/go-ethereum/common"
)

// Who paid for each chunk. A node commits a set for an owner only if that
// owner paid for every leaf (Commit), so nobody can have chunks another
// owner paid for pinned in their name.
//
// The record is payers.log in the node's directory: fixed records of 52
// bytes (chunk address, payer address), appended and fsynced after the
// chunk itself is on disk. A torn last record (a crash mid-append) and
// records of chunks no longer held are dropped when the store opens, which
// rewrites the file atomically. Records count against the quota.

const (
	payersFile   = "payers.log"
	payerRecSize = 32 + 20
	// MaxPayers is how many owners a node records as having paid for one
	// chunk; a further payer's upload is refused (and so not charged). In
	// practice one owner pays for its own sealed chunks; the bound keeps
	// the record from growing with paid duplicates.
	MaxPayers = 16
)

// Free is the payer recorded for a chunk uploaded to a node that charges
// nothing (Handler with a nil Rent: tests and private nodes; the agent's
// node always charges). Nobody paid, so any owner who signs may commit it.
var Free = common.Address{}

// loadPayers reads payers.log, keeps the records of held chunks (once
// each, at most MaxPayers per chunk), rewrites it if it dropped any and
// counts what it keeps against the quota. Called from OpenStore only.
func (s *Store) loadPayers() error {
	path := filepath.Join(s.dir, payersFile)
	b, err := os.ReadFile(path)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	var kept []byte
	for i := 0; i+payerRecSize <= len(b); i += payerRecSize {
		h := common.BytesToHash(b[i : i+32])
		p := common.BytesToAddress(b[i+32 : i+payerRecSize])
		if _, held := s.size[h]; !held || slices.Contains(s.payers[h], p) || len(s.payers[h]) >= MaxPayers {
			continue
		}
		s.payers[h] = append(s.payers[h], p)
		kept = append(kept, b[i:i+payerRecSize]...)
	}
	if err != nil || len(kept) != len(b) {
		if len(kept) != len(b) {
			s.log.Info("storage: payer records compacted", "kept", len(kept)/payerRecSize, "dropped", (len(b)-len(kept))/payerRecSize)
		}
		if err := writeAtomic(filepath.Join(s.dir, "tmp"), path, kept); err != nil {
			return err
		}
	}
	s.used += uint64(len(kept))
	return nil
}

// RecordPayer records that payer paid for the held chunk h (Free for a
// node that charges nothing). Recording a payer already recorded writes
// nothing. A chunk not held is ErrNotFound; a record over the quota is
// ErrQuota; a chunk already paid for by MaxPayers owners is ErrBadRequest.
func (s *Store) RecordPayer(h common.Hash, payer common.Address) error {
	s.payMu.Lock() // one append at a time, in the order of the map
	defer s.payMu.Unlock()
	s.mu.Lock()
	_, held := s.size[h]
	ps := s.payers[h]
	switch {
	case !held:
		s.mu.Unlock()
		return fmt.Errorf("storage: record payer: %w: chunk %s", ErrNotFound, h.Hex())
	case slices.Contains(ps, payer):
		s.mu.Unlock()
		return nil
	case len(ps) >= MaxPayers:
		s.mu.Unlock()
		return fmt.Errorf("storage: record payer: %w: chunk %s already paid for by %d owners", ErrBadRequest, h.Hex(), len(ps))
	case s.used+payerRecSize > s.quota:
		used := s.used
		s.mu.Unlock()
		return fmt.Errorf("storage: record payer: %w: %d of %d bytes used", ErrQuota, used, s.quota)
	}
	s.used += payerRecSize
	s.mu.Unlock()
	if err := s.appendPayer(h, payer); err != nil {
		s.mu.Lock()
		s.used -= payerRecSize
		s.mu.Unlock()
		return fmt.Errorf("storage: record payer: %w", err)
	}
	s.mu.Lock()
	if _, held := s.size[h]; held { // not deleted meanwhile
		s.payers[h] = append(s.payers[h], payer)
	}
	s.mu.Unlock()
	return nil
}

func (s *Store) appendPayer(h common.Hash, payer common.Address) error {
	f, err := os.OpenFile(filepath.Join(s.dir, payersFile), os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	rec := make([]byte, 0, payerRecSize)
	rec = append(append(rec, h[:]...), payer[:]...)
	if _, err := f.Write(rec); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// PaidBy reports whether owner paid for chunk h, or nobody had to (Free).
func (s *Store) PaidBy(h common.Hash, owner common.Address) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	ps := s.payers[h]
	return slices.Contains(ps, owner) || slices.Contains(ps, Free)
}

// Payers returns who paid for chunk h, in the order recorded.
func (s *Store) Payers(h common.Hash) []common.Address {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.payers[h])
}

// PutPaid stores chunk (as Put) and records payer as having paid for it;
// a chunk already held is not written again, only the payer recorded.
func (s *Store) PutPaid(h common.Hash, chunk []byte, payer common.Address) error {
	if err := s.Put(h, chunk); err != nil {
		return err
	}
	return s.RecordPayer(h, payer)
}

// reserve counts n bytes of the node's records (committed sets) against
// the quota; ErrQuota if they do not fit.
func (s *Store) reserve(n uint64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.used+n > s.quota {
		return fmt.Errorf("%w: %d of %d bytes used, record of %d refused", ErrQuota, s.used, s.quota, n)
	}
	s.used += n
	return nil
}

// account counts n bytes already on disk (sets loaded at start), quota or
// not; release gives back n bytes counted by reserve or account.
func (s *Store) account(n uint64) {
	s.mu.Lock()
	s.used += n
	s.mu.Unlock()
}

func (s *Store) release(n uint64) {
	s.mu.Lock()
	s.used -= min(n, s.used)
	s.mu.Unlock()
}
