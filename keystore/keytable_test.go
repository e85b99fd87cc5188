package keystore

import (
	"context"
	"errors"
	"testing"
)

// TestImportKeyTable: a keyring restored from the words alone cannot open
// data sealed after a rotation until it imports the key table carried with
// the backup; the import is kept across a lock/unlock, is idempotent, and
// refuses a table of other words or one that conflicts with an epoch the
// device made itself, changing nothing.
func TestImportKeyTable(t *testing.T) {
	ctx := context.Background()
	s, m, _, _ := initStore(t)
	old, _ := s.Seal(CategoryQueries, "q0", []byte("epoch 0"))
	for _, c := range []Category{CategoryQueries, CategoryBackups, CategoryBackups} {
		if _, err := s.Rotate(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	newer, _ := s.Seal(CategoryQueries, "q1", []byte("epoch 1"))
	backup, _ := s.Seal(CategoryBackups, "b", []byte("backups epoch 2"))
	table, err := s.KeyTable()
	if err != nil {
		t.Fatal(err)
	}

	fresh := newTestStore(t, t.TempDir(), nil, nil)
	if _, err := fresh.Restore(ctx, m, passB, RestoreOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := fresh.Open(CategoryBackups, "b", backup); !errors.Is(err, ErrUnknownEpoch) {
		t.Fatalf("before import: %v, want ErrUnknownEpoch", err)
	}
	// Other words' table: refused.
	stranger, _, _, _ := initStore(t)
	if _, err := stranger.Rotate(ctx, CategoryQueries); err != nil {
		t.Fatal(err)
	}
	foreign, _ := stranger.KeyTable()
	if _, err := fresh.ImportKeyTable(ctx, foreign); !errors.Is(err, ErrDecrypt) {
		t.Fatalf("foreign table: %v, want ErrDecrypt", err)
	}
	if _, err := fresh.ImportKeyTable(ctx, []byte("junk")); !errors.Is(err, ErrFormat) {
		t.Fatalf("junk table: %v, want ErrFormat", err)
	}
	n, err := fresh.ImportKeyTable(ctx, table)
	if err != nil || n != 3 {
		t.Fatalf("import: %d epochs, %v; want 3", n, err)
	}
	if n, err := fresh.ImportKeyTable(ctx, table); err != nil || n != 0 {
		t.Fatalf("second import: %d, %v; want 0", n, err)
	}
	// Kept in the keyring: still there after a lock and unlock.
	fresh.Lock()
	if err := fresh.Unlock(ctx, passB); err != nil {
		t.Fatal(err)
	}
	for _, r := range []struct {
		cat    Category
		id     string
		sealed []byte
		want   string
	}{{CategoryQueries, "q0", old, "epoch 0"}, {CategoryQueries, "q1", newer, "epoch 1"}, {CategoryBackups, "b", backup, "backups epoch 2"}} {
		if p, err := fresh.Open(r.cat, r.id, r.sealed); err != nil || string(p) != r.want {
			t.Errorf("open %s/%s after import: %q, %v", r.cat, r.id, p, err)
		}
	}
	if e := fresh.Status().Epochs; e[CategoryBackups] != 2 || e[CategoryQueries] != 1 {
		t.Errorf("current epochs after import: %v, want backups 2, queries 1", e)
	}

	// A device that rotated on its own before importing: same epoch
	// number, another salt. Refused, nothing changed.
	own := newTestStore(t, t.TempDir(), nil, nil)
	if _, err := own.Restore(ctx, m, passB, RestoreOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := own.Rotate(ctx, CategoryQueries); err != nil {
		t.Fatal(err)
	}
	mine, _ := own.Seal(CategoryQueries, "mine", []byte("own epoch 1"))
	if _, err := own.ImportKeyTable(ctx, table); !errors.Is(err, ErrEpochConflict) {
		t.Fatalf("conflicting import: %v, want ErrEpochConflict", err)
	}
	if _, err := own.Open(CategoryBackups, "b", backup); !errors.Is(err, ErrUnknownEpoch) {
		t.Errorf("a refused import changed the table: %v", err)
	}
	if p, err := own.Open(CategoryQueries, "mine", mine); err != nil || string(p) != "own epoch 1" {
		t.Errorf("own record after a refused import: %q, %v", p, err)
	}
	own.Lock()
	if _, err := own.ImportKeyTable(ctx, table); !errors.Is(err, ErrLocked) {
		t.Errorf("import while locked: %v", err)
	}
}
