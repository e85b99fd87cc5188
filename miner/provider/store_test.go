package provider

import (
	"errors"
	"math/big"
	"path/filepath"
	"sync"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"go.etcd.io/bbolt"
)

func openTestStore(t *testing.T, path string) (*bbolt.DB, *store) {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	st, err := newStore(db)
	if err != nil {
		t.Fatal(err)
	}
	return db, st
}

func TestStoreAcceptIsMonotonicAndExact(t *testing.T) {
	_, st := openTestStore(t, filepath.Join(t.TempDir(), "p.db"))
	ch := common.HexToHash("0x01")
	payer := common.Address{1}
	price := big.NewInt(10)
	v := func(c int64) Voucher {
		return Voucher{Channel: ch, Cumulative: big.NewInt(c), Signature: []byte{byte(c)}}
	}
	steps := []struct {
		name     string
		cum      int64
		complete bool
		revert   bool
		want     error
	}{
		{"first", 10, true, false, nil},
		{"skips a price", 30, false, false, ErrWrongPrice},
		{"replayed", 10, false, false, ErrReplayed},
		{"stale", 0, false, false, ErrStale},
		{"next", 20, false, true, nil}, // served? no: the service failed
		{"same again after a failed call", 20, true, false, nil},
		{"below price", 25, false, false, ErrWrongPrice},
		{"next after that", 30, true, false, nil},
	}
	var wg sync.WaitGroup
	for _, s := range steps {
		_, err := st.accept(v(s.cum), payer, price)
		if !errors.Is(err, s.want) || (s.want == nil) != (err == nil) {
			t.Fatalf("%s: accept(%d) = %v, want %v", s.name, s.cum, err, s.want)
		}
		if err != nil {
			continue
		}
		if s.revert {
			if err := st.revert(ch, big.NewInt(s.cum)); err != nil {
				t.Fatal(err)
			}
		}
		if s.complete {
			// Not waited for, as in a call: the next accept, queued
			// after it, must see it.
			wg.Add(1)
			st.complete(ch, big.NewInt(s.cum), common.Hash{2}, []byte{3}, func(err error) {
				if err != nil {
					t.Error(err)
				}
				wg.Done()
			})
		}
	}
	wg.Wait()
	r, _ := st.get(ch)
	if c, _ := r.Redeemable(); c.Int64() != 30 || r.Calls != 3 {
		t.Errorf("record %+v, want 30 redeemable after 3 calls", r)
	}
}

func TestStoreRestartRevertsPending(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.db")
	db, st := openTestStore(t, path)
	ch := common.HexToHash("0x01")
	price := big.NewInt(10)
	if _, err := st.accept(Voucher{Channel: ch, Cumulative: big.NewInt(10), Signature: []byte{1}}, common.Address{1}, price); err != nil {
		t.Fatal(err)
	}
	st.complete(ch, big.NewInt(10), common.Hash{}, []byte{1}, nil)
	if _, err := st.accept(Voucher{Channel: ch, Cumulative: big.NewInt(20), Signature: []byte{2}}, common.Address{1}, price); err != nil {
		t.Fatal(err)
	}
	r, _ := st.get(ch)
	if c, _ := r.Redeemable(); c.Int64() != 10 {
		t.Fatalf("pending voucher counted as redeemable: %s", c)
	}
	db.Close() // crash: the call at 20 was never answered
	_, st = openTestStore(t, path)
	n, err := st.recoverPending()
	if err != nil || n != 1 {
		t.Fatalf("recoverPending: %d, %v; want 1", n, err)
	}
	r, _ = st.get(ch)
	if r.Pending || r.Cumulative.Int64() != 10 {
		t.Fatalf("after restart %+v, want 10 and nothing pending", r)
	}
	// The payer sends 20 again: accepted once, never twice.
	if _, err := st.accept(Voucher{Channel: ch, Cumulative: big.NewInt(20), Signature: []byte{2}}, common.Address{1}, price); err != nil {
		t.Fatal(err)
	}
	st.complete(ch, big.NewInt(20), common.Hash{}, []byte{1}, nil)
	if _, err := st.accept(Voucher{Channel: ch, Cumulative: big.NewInt(20), Signature: []byte{2}}, common.Address{1}, price); !errors.Is(err, ErrReplayed) {
		t.Fatalf("second 20: %v, want ErrReplayed", err)
	}
}

// flush returns once every receipt record queued before it is on disk, as
// the agent needs before it closes the database.
func TestStoreFlushWritesQueuedReceipts(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.db")
	db, st := openTestStore(t, path)
	price := big.NewInt(10)
	for i := range 50 {
		ch := common.BigToHash(big.NewInt(int64(i + 1)))
		if _, err := st.accept(Voucher{Channel: ch, Cumulative: price, Signature: []byte{1}}, common.Address{1}, price); err != nil {
			t.Fatal(err)
		}
		st.complete(ch, price, common.Hash{2}, []byte{3}, nil)
	}
	if err := st.gc.Flush(); err != nil {
		t.Fatal(err)
	}
	db.Close() // what is on disk now is what a restart finds
	_, st = openTestStore(t, path)
	if n, err := st.recoverPending(); err != nil || n != 0 {
		t.Fatalf("after flush and restart: %d calls reverted (%v), want 0", n, err)
	}
}
