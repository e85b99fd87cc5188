// Package atomicfile writes files so that a crash leaves either the old or
// the new content, never a torn file: write a temporary file, fsync it,
// rename it over the target, fsync the directory. Any package may import it.
package atomicfile

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
)

// WriteFile writes data to path with mode perm through a temporary file in
// the same directory. On failure nothing is left behind and path is
// unchanged.
func WriteFile(path string, data []byte, perm os.FileMode) error {
	return WriteFileVia("", path, data, perm)
}

// WriteFileVia is WriteFile with the temporary file in tmpDir, which must be
// on the same file system as path (a storage node keeps its in-flight
// writes in one directory so leftovers are found and removed at start).
// An empty tmpDir means path's directory.
func WriteFileVia(tmpDir, path string, data []byte, perm os.FileMode) error {
	dir := filepath.Dir(path)
	if tmpDir == "" {
		tmpDir = dir
	}
	f, err := os.CreateTemp(tmpDir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	tmp := f.Name()
	fail := func(err error) error {
		f.Close()
		os.Remove(tmp)
		return err
	}
	if _, err := f.Write(data); err != nil {
		return fail(err)
	}
	if err := f.Chmod(perm); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return SyncDir(dir)
}

// SyncDir fsyncs a directory, so a rename or a new entry in it is durable.
// File systems that cannot sync a directory (EINVAL) are not an error.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) {
		return err
	}
	return nil
}
