package storage

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/internal/atomicfile"
	"github.com/mycroft-network/mycroft/miner/pause"
)

// Sentinel errors.
var (
	// ErrQuota: storing the chunk would exceed the owner's disk quota.
	ErrQuota = errors.New("storage: disk quota reached")
	// ErrDiskFull: the file system has no room (ENOSPC, or less free than
	// the head-room).
	ErrDiskFull = errors.New("storage: disk full")
	// ErrNotFound: the node does not hold it.
	ErrNotFound = errors.New("storage: not found")
	// ErrBadChunk: the chunk does not match its address, or is too large.
	ErrBadChunk = errors.New("storage: bad chunk")
	// ErrBusy: the same chunk is being written by another request; retry.
	ErrBusy = errors.New("storage: chunk being written")
	// ErrCorrupt: a stored chunk no longer matches its address; it has been
	// moved to quarantine.
	ErrCorrupt = errors.New("storage: corrupt chunk quarantined")
)

// MaxChunk is the largest chunk: the Registry's limit for a challenge answer.
const MaxChunk = chain.MaxChunkLength

// Store keeps chunks as files.
type Store struct {
	dir      string
	quota    uint64
	headroom uint64
	log      *slog.Logger
	free     func(dir string) (uint64, error)

	mu      sync.Mutex
	size    map[common.Hash]uint64 // chunks on disk
	writing map[common.Hash]bool   // chunks being written (their bytes are in used)
	payers  map[common.Hash][]common.Address
	used    uint64 // chunks, payer records and committed sets

	payMu sync.Mutex // appends to payers.log
}

// StoreConfig configures a Store.
type StoreConfig struct {
	Dir   string
	Quota uint64 // bytes of chunks and records (payers, sets) the node may hold
	// Headroom is free space the node always leaves on the file system
	// (default 64 MiB); a write that would eat into it is refused.
	Headroom uint64
	Log      *slog.Logger
	// FreeSpace reports free bytes of the file system holding dir;
	// default statfs. Tests inject a small disk.
	FreeSpace func(dir string) (uint64, error)
	// Shared: another process (the running node) owns the directory, as
	// when the verify worker opens it. OpenStore then neither creates the
	// layout nor clears tmp/, where the node's writes in progress are.
	Shared bool
}

// OpenStore creates the layout if needed, clears writes a crash left in
// tmp/ and rebuilds the index (chunk sizes) from the files. It does not
// read chunk contents; Verify does, as mining work.
func OpenStore(cfg StoreConfig) (*Store, error) {
	if cfg.Dir == "" {
		return nil, errors.New("storage: open: no directory")
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Headroom == 0 {
		cfg.Headroom = 64 << 20
	}
	if cfg.FreeSpace == nil {
		cfg.FreeSpace = statfsFree
	}
	s := &Store{dir: cfg.Dir, quota: cfg.Quota, headroom: cfg.Headroom, log: cfg.Log, free: cfg.FreeSpace, size: map[common.Hash]uint64{}, writing: map[common.Hash]bool{},
		payers: map[common.Hash][]common.Address{}}
	if cfg.Shared {
		if _, err := os.Stat(filepath.Join(cfg.Dir, "chunks")); err != nil {
			return nil, fmt.Errorf("storage: open: %w", err)
		}
	} else {
		for _, d := range []string{"chunks", "sets", "manifests", "quarantine", "tmp"} {
			if err := os.MkdirAll(filepath.Join(cfg.Dir, d), 0o700); err != nil {
				return nil, fmt.Errorf("storage: open: %w", err)
			}
		}
		tmp := filepath.Join(cfg.Dir, "tmp")
		ents, err := os.ReadDir(tmp)
		if err != nil {
			return nil, fmt.Errorf("storage: open: %w", err)
		}
		for _, e := range ents {
			os.Remove(filepath.Join(tmp, e.Name()))
		}
	}
	err := filepath.WalkDir(filepath.Join(cfg.Dir, "chunks"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		h, ok := parseHash(d.Name())
		if !ok || p != s.chunkPath(h) {
			s.log.Warn("storage: stray file in chunks", "file", p)
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		s.size[h] = uint64(info.Size())
		s.used += uint64(info.Size())
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("storage: open: index: %w", err)
	}
	if !cfg.Shared { // the verify worker needs no payers, and must not rewrite them
		if err := s.loadPayers(); err != nil {
			return nil, fmt.Errorf("storage: open: payers: %w", err)
		}
	}
	return s, nil
}

// Dir is the node's directory.
func (s *Store) Dir() string { return s.dir }

// Used is the bytes counted against the quota: chunks held, the records
// of who paid for them and the committed sets.
func (s *Store) Used() uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.used
}

// Quota is the disk quota.
func (s *Store) Quota() uint64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.quota
}

// SetQuota changes the disk quota (the owner changed the miner settings).
// Lowering it below what is held deletes nothing: new uploads are refused
// until garbage collection brings use under it.
func (s *Store) SetQuota(q uint64) {
	s.mu.Lock()
	s.quota = q
	s.mu.Unlock()
}

// Len is the number of chunks held.
func (s *Store) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.size)
}

// Has reports whether the chunk is held.
func (s *Store) Has(h common.Hash) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, ok := s.size[h]
	return ok
}

func parseHash(name string) (common.Hash, bool) {
	if len(name) != 64 {
		return common.Hash{}, false
	}
	b, err := hex.DecodeString(name)
	if err != nil {
		return common.Hash{}, false
	}
	return common.BytesToHash(b), true
}

func (s *Store) chunkPath(h common.Hash) string {
	x := hex.EncodeToString(h[:])
	return filepath.Join(s.dir, "chunks", x[:2], x[2:4], x)
}

// Put stores chunk under its address h (which it must match). Storing a
// chunk already held is a no-op. Quota and free space are checked before
// anything is written.
func (s *Store) Put(h common.Hash, chunk []byte) error {
	if len(chunk) > MaxChunk {
		return fmt.Errorf("%w: %d bytes, at most %d", ErrBadChunk, len(chunk), MaxChunk)
	}
	if chain.LeafHash(chunk) != h {
		return fmt.Errorf("%w: content does not match address %s", ErrBadChunk, h.Hex())
	}
	n := uint64(len(chunk))
	s.mu.Lock()
	if _, ok := s.size[h]; ok {
		s.mu.Unlock()
		return nil
	}
	if s.writing[h] {
		s.mu.Unlock()
		return fmt.Errorf("storage: put %s: %w", h.Hex(), ErrBusy)
	}
	if s.used+n > s.quota {
		used := s.used
		s.mu.Unlock()
		return fmt.Errorf("%w: %d of %d bytes used, chunk of %d refused", ErrQuota, used, s.quota, n)
	}
	s.used += n // reserve
	s.writing[h] = true
	s.mu.Unlock()
	undo := func() {
		s.mu.Lock()
		s.used -= n
		delete(s.writing, h)
		s.mu.Unlock()
	}
	if free, err := s.free(s.dir); err == nil && free < n+s.headroom {
		undo()
		return fmt.Errorf("%w: %d bytes free, head-room %d", ErrDiskFull, free, s.headroom)
	}
	p := s.chunkPath(h)
	if err := writeAtomic(filepath.Join(s.dir, "tmp"), p, chunk); err != nil {
		undo()
		if errors.Is(err, syscall.ENOSPC) {
			return fmt.Errorf("%w: %v", ErrDiskFull, err)
		}
		return fmt.Errorf("storage: put %s: %w", h.Hex(), err)
	}
	s.mu.Lock()
	delete(s.writing, h)
	s.size[h] = n
	s.mu.Unlock()
	return nil
}

// Get reads a chunk and checks it against its address; a chunk that no
// longer matches is quarantined and ErrCorrupt returned.
func (s *Store) Get(h common.Hash) ([]byte, error) {
	b, err := os.ReadFile(s.chunkPath(h))
	if errors.Is(err, fs.ErrNotExist) {
		s.forget(h)
		return nil, fmt.Errorf("%w: chunk %s", ErrNotFound, h.Hex())
	}
	if err != nil {
		return nil, fmt.Errorf("storage: get %s: %w", h.Hex(), err)
	}
	if chain.LeafHash(b) != h {
		s.quarantine(h)
		return nil, fmt.Errorf("%w: %s", ErrCorrupt, h.Hex())
	}
	return b, nil
}

// Recheck brings the index up to date for chunks another process (the
// verify worker) may have moved to quarantine: each one is read again, and
// dropped from the index if its file is gone or quarantined if it no longer
// matches. A chunk that is still good stays. It returns how many of hs are
// no longer held.
func (s *Store) Recheck(hs ...common.Hash) int {
	gone := 0
	for _, h := range hs {
		if !s.Has(h) {
			gone++
			continue
		}
		if _, err := s.Get(h); errors.Is(err, ErrNotFound) || errors.Is(err, ErrCorrupt) {
			gone++
		}
	}
	return gone
}

// Delete removes a chunk (garbage collection of expired sets, tests).
func (s *Store) Delete(h common.Hash) error {
	err := os.Remove(s.chunkPath(h))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("storage: delete %s: %w", h.Hex(), err)
	}
	s.forget(h)
	return nil
}

func (s *Store) forget(h common.Hash) {
	s.mu.Lock()
	if n, ok := s.size[h]; ok {
		s.used -= n
		delete(s.size, h)
		delete(s.payers, h) // their records go when the store next opens
	}
	s.mu.Unlock()
}

func (s *Store) quarantine(h common.Hash) {
	x := hex.EncodeToString(h[:])
	if err := os.Rename(s.chunkPath(h), filepath.Join(s.dir, "quarantine", x)); err != nil {
		s.log.Error("storage: quarantine", "chunk", x, "err", err)
	} else {
		s.log.Warn("storage: chunk failed verification; quarantined", "chunk", x)
	}
	s.forget(h)
}

// Verify reads every chunk and quarantines those that do not match their
// address. It is mining work: each chunk is one piece of work under gate
// (nil: no gate). It returns the addresses quarantined.
func (s *Store) Verify(ctx context.Context, gate *pause.Gate) ([]common.Hash, error) {
	s.mu.Lock()
	all := make([]common.Hash, 0, len(s.size))
	for h := range s.size {
		all = append(all, h)
	}
	s.mu.Unlock()
	var bad []common.Hash
	for _, h := range all {
		var tk *pause.Ticket
		if gate != nil {
			var err error
			if tk, err = gate.Acquire(ctx); err != nil {
				return bad, err
			}
		}
		_, err := s.Get(h)
		rest := tk.Release()
		if errors.Is(err, ErrCorrupt) {
			bad = append(bad, h)
		} else if err != nil && !errors.Is(err, ErrNotFound) {
			return bad, fmt.Errorf("storage: verify: %w", err)
		}
		if gate != nil {
			if err := gate.Rest(ctx, rest); err != nil {
				return bad, err
			}
		}
	}
	return bad, nil
}

// writeAtomic writes data to path through a temp file in tmpDir (so
// interrupted writes are found in one place at start), creating path's
// directory first.
func writeAtomic(tmpDir, path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	return atomicfile.WriteFileVia(tmpDir, path, data, 0o600)
}

func statfsFree(dir string) (uint64, error) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return 0, err
	}
	return uint64(st.Bavail) * uint64(st.Bsize), nil
}

// readLimited reads at most max bytes of r, failing beyond.
func readLimited(r io.Reader, max int64) ([]byte, error) {
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%w: body over %d bytes", ErrBadChunk, max)
	}
	return b, nil
}

func isHex(s string) bool {
	s = strings.TrimPrefix(s, "0x")
	_, err := hex.DecodeString(s)
	return err == nil
}
