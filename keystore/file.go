package keystore

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/mycroft-network/mycroft/internal/atomicfile"
)

// File names inside the state directory.
const (
	KeyringFile     = "keyring.json"
	KeyringPrevFile = "keyring.prev"
	tempPrefix      = ".keyring-"
	tempSuffix      = ".tmp"
)

// Write steps, in order. A test hook can fail the write after any step to
// simulate a crash or power cut there.
const (
	stepCreate   = "create"
	stepWrite    = "write"
	stepSync     = "sync"
	stepVerify   = "verify"
	stepKeepPrev = "keep-prev"
	stepRename   = "rename"
	stepSyncDir  = "sync-dir"
)

var writeSteps = []string{stepCreate, stepWrite, stepSync, stepVerify, stepKeepPrev, stepRename, stepSyncDir}

// errCrash is what a test hook returns to stop a write (the process
// "dies": nothing is cleaned up).
var errCrash = errors.New("simulated crash")

// readPrivateFile reads a keyring-like file, refusing symlinks, non-regular
// files, files readable or writable by group/other, files owned by another
// user, and files larger than maxKeyringLen.
func readPrivateFile(path string) ([]byte, error) {
	fi, err := os.Lstat(path)
	if err != nil {
		return nil, err
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		return nil, fmt.Errorf("%w: %s is a symlink", ErrInsecureFile, path)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%w: %s is not a regular file", ErrInsecureFile, path)
	}
	if fi.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("%w: %s has mode %04o (fix: chmod 600 %s)", ErrInsecureFile, path, fi.Mode().Perm(), filepath.Base(path))
	}
	f, err := openNoFollow(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrInsecureFile, path, err)
	}
	defer f.Close()
	fi2, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !os.SameFile(fi, fi2) || !fi2.Mode().IsRegular() || fi2.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("%w: %s changed while opening", ErrInsecureFile, path)
	}
	if err := checkOwner(fi2); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrInsecureFile, path, err)
	}
	if fi2.Size() > maxKeyringLen {
		return nil, fmt.Errorf("%w: %s is %d bytes", ErrFormat, path, fi2.Size())
	}
	data, err := io.ReadAll(io.LimitReader(f, maxKeyringLen+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxKeyringLen {
		return nil, fmt.Errorf("%w: %s too large", ErrFormat, path)
	}
	return data, nil
}

// checkDir creates dir (0700) if missing and refuses a directory that
// others can write to, or a symlink.
func checkDir(dir string) error {
	fi, err := os.Lstat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return err
		}
		fi, err = os.Lstat(dir)
	}
	if err != nil {
		return err
	}
	if fi.Mode()&fs.ModeSymlink != 0 || !fi.IsDir() {
		return fmt.Errorf("%w: state dir %s is not a directory (symlinks refused)", ErrInsecureFile, dir)
	}
	if fi.Mode().Perm()&0o022 != 0 {
		return fmt.Errorf("%w: state dir %s is writable by group/other (mode %04o; fix: chmod 700)", ErrInsecureFile, dir, fi.Mode().Perm())
	}
	return nil
}

// writeAtomic replaces dir/KeyringFile with data: temp file (0600) → write
// → fsync → read back and verify → keep the current file as KeyringPrevFile
// (hard link, or copy; skipped when keepPrev is false, e.g. when the
// current file is damaged) → rename → fsync dir. At every point a crash leaves
// KeyringFile holding either the old or the new generation.
func writeAtomic(dir string, data []byte, verify func([]byte) error, keepPrev bool, hook func(step string) error) (err error) {
	step := func(s string) error {
		if hook != nil {
			return hook(s)
		}
		return nil
	}
	f, err := os.CreateTemp(dir, tempPrefix+"*"+tempSuffix)
	if err != nil {
		return fmt.Errorf("create temp: %w", err)
	}
	tmp := f.Name()
	crashed := false
	defer func() {
		if err != nil {
			f.Close()
			if !crashed {
				os.Remove(tmp)
			}
		}
	}()
	fail := func(s string) error {
		if e := step(s); e != nil {
			crashed = errors.Is(e, errCrash)
			return e
		}
		return nil
	}
	if err := fail(stepCreate); err != nil {
		return err
	}
	if err := f.Chmod(0o600); err != nil {
		return fmt.Errorf("chmod temp: %w", err)
	}
	if _, err := f.Write(data); err != nil {
		return fmt.Errorf("write temp: %w", err)
	}
	if err := fail(stepWrite); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("fsync temp: %w", err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("close temp: %w", err)
	}
	if err := fail(stepSync); err != nil {
		return err
	}
	back, err := readPrivateFile(tmp)
	if err != nil {
		return fmt.Errorf("read back: %w", err)
	}
	if err := verify(back); err != nil {
		return fmt.Errorf("read back does not decrypt: %w", err)
	}
	if err := fail(stepVerify); err != nil {
		return err
	}
	main := filepath.Join(dir, KeyringFile)
	if keepPrev {
		if err := keepPrevious(dir, main); err != nil {
			return fmt.Errorf("keep previous generation: %w", err)
		}
	}
	if err := fail(stepKeepPrev); err != nil {
		return err
	}
	if err := os.Rename(tmp, main); err != nil {
		return fmt.Errorf("rename: %w", err)
	}
	if err := fail(stepRename); err != nil {
		return err
	}
	if err := atomicfile.SyncDir(dir); err != nil {
		return fmt.Errorf("fsync dir: %w", err)
	}
	return fail(stepSyncDir)
}

// keepPrevious makes KeyringPrevFile name the current generation of main
// (if any), atomically.
func keepPrevious(dir, main string) error {
	if _, err := os.Lstat(main); errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	prevTmp := filepath.Join(dir, tempPrefix+"prev"+tempSuffix)
	os.Remove(prevTmp)
	if err := os.Link(main, prevTmp); err != nil {
		// No hard links (odd file systems): copy with fsync.
		data, rerr := readPrivateFile(main)
		if rerr != nil {
			return rerr
		}
		if werr := writeFileSync(prevTmp, data); werr != nil {
			return werr
		}
	}
	if err := os.Rename(prevTmp, filepath.Join(dir, KeyringPrevFile)); err != nil {
		return err
	}
	return atomicfile.SyncDir(dir)
}

func writeFileSync(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// removeTemps deletes leftovers of interrupted writes.
func removeTemps(dir string) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), tempPrefix) && strings.HasSuffix(e.Name(), tempSuffix) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
