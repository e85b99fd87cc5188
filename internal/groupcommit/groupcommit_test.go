package groupcommit

import (
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"go.etcd.io/bbolt"
)

// openDB opens a database in a temporary directory with bucket "b".
func openDB(t *testing.T) *bbolt.DB {
	t.Helper()
	db, err := bbolt.Open(filepath.Join(t.TempDir(), "gc.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	if err := db.Update(func(tx *bbolt.Tx) error { _, err := tx.CreateBucket([]byte("b")); return err }); err != nil {
		t.Fatal(err)
	}
	return db
}

// Concurrent writes commit together; a refusal (NoWrite) and a failing
// write are their callers' errors only, and everything else is stored.
func TestGroupCommit(t *testing.T) {
	db := openDB(t)
	gc := New(db)
	refused, broken := errors.New("refused"), errors.New("broken")
	const n = 64
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			errs[i] = gc.Update(func(tx *bbolt.Tx) error {
				b := tx.Bucket([]byte("b"))
				switch i % 16 {
				case 5:
					return NoWrite{refused}
				case 7:
					if err := b.Put([]byte(fmt.Sprint("half", i)), []byte("x")); err != nil {
						return err
					}
					return broken // after a write: the whole group must roll back
				}
				return b.Put([]byte(fmt.Sprint(i)), []byte("v"))
			})
		})
	}
	wg.Wait()
	db.View(func(tx *bbolt.Tx) error {
		b := tx.Bucket([]byte("b"))
		for i := range n {
			got := b.Get([]byte(fmt.Sprint(i)))
			switch i % 16 {
			case 5:
				if !errors.Is(errs[i], refused) || got != nil {
					t.Errorf("write %d: err %v, stored %q; want refused, nothing stored", i, errs[i], got)
				}
			case 7:
				if !errors.Is(errs[i], broken) || b.Get([]byte(fmt.Sprint("half", i))) != nil {
					t.Errorf("write %d: err %v; want broken and its half write rolled back", i, errs[i])
				}
			default:
				if errs[i] != nil || string(got) != "v" {
					t.Errorf("write %d: err %v, stored %q; want stored", i, errs[i], got)
				}
			}
		}
		return nil
	})
}

// Writes queued by Go commit in order with Update's: an Update queued
// after a Go sees its write, and every Go reports its own outcome.
func TestGoOrderedWithUpdate(t *testing.T) {
	db := openDB(t)
	gc := New(db)
	refused := errors.New("refused")
	const n = 200
	outcomes := make(chan error, n)
	for i := range n {
		gc.Go(func(tx *bbolt.Tx) error {
			b := tx.Bucket([]byte("b"))
			if i == 13 {
				return NoWrite{refused}
			}
			// Each write extends the previous one: out of order, it fails.
			if prev := b.Get([]byte("last")); i > 0 && i != 14 && string(prev) != fmt.Sprint(i-1) {
				return fmt.Errorf("write %d after %q", i, prev)
			}
			return b.Put([]byte("last"), []byte(fmt.Sprint(i)))
		}, func(err error) { outcomes <- err })
		if i%50 == 49 {
			var seen string
			err := gc.Update(func(tx *bbolt.Tx) error {
				seen = string(tx.Bucket([]byte("b")).Get([]byte("last")))
				return nil
			})
			if err != nil || seen != fmt.Sprint(i) {
				t.Fatalf("update after Go %d saw %q, %v", i, seen, err)
			}
		}
	}
	var refusals int
	for range n {
		switch err := <-outcomes; {
		case errors.Is(err, refused):
			refusals++
		case err != nil:
			t.Error(err)
		}
	}
	if refusals != 1 {
		t.Errorf("%d refusals reported, want 1", refusals)
	}
}

// Settle makes writes queued by Go visible to a plain read; with nothing
// queued it writes nothing.
func TestSettle(t *testing.T) {
	db := openDB(t)
	gc := New(db)
	txid := func() int {
		tx, err := db.Begin(false)
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		return tx.ID()
	}
	before := txid()
	if err := gc.Settle(); err != nil || txid() != before {
		t.Fatalf("Settle with nothing queued: %v, committed %d transactions", err, txid()-before)
	}
	for i := range 20 {
		gc.Go(func(tx *bbolt.Tx) error { return tx.Bucket([]byte("b")).Put([]byte("k"), []byte(fmt.Sprint(i))) }, nil)
	}
	if err := gc.Settle(); err != nil {
		t.Fatal(err)
	}
	db.View(func(tx *bbolt.Tx) error {
		if got := string(tx.Bucket([]byte("b")).Get([]byte("k"))); got != "19" {
			t.Errorf("after Settle: %q, want the last write, 19", got)
		}
		return nil
	})
}
