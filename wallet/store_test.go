package wallet

import (
	"math/big"
	"path/filepath"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"go.etcd.io/bbolt"
)

// Writes made after a call returned (updateLater) are seen by the reads
// that follow, and are on disk once flush returns.
func TestStoreUpdateLaterFlush(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.db")
	db, err := bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	st, err := newStore(db)
	if err != nil {
		t.Fatal(err)
	}
	prov := common.Address{7}
	c := &Channel{ID: common.Hash{1}, Provider: prov}
	c.fix()
	if err := st.update(prov, func(*bbolt.Tx, *Channel) (*Channel, error) { return c, nil }); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 100; i++ {
		st.updateLater(prov, func(_ *bbolt.Tx, s *Channel) (*Channel, error) {
			s.Base = big.NewInt(int64(i))
			return s, nil
		}, func(err error) {
			if err != nil {
				t.Error(err)
			}
		})
		if i%25 == 0 { // a read right after sees every write before it
			got, err := st.channel(prov)
			if err != nil || got.Base.Int64() != int64(i) {
				t.Fatalf("read after write %d: base %v, %v", i, got.Base, err)
			}
		}
	}
	st.updateLater(prov, func(_ *bbolt.Tx, s *Channel) (*Channel, error) {
		s.Base = big.NewInt(1000)
		return s, nil
	}, func(error) {})
	if err := st.gc.Flush(); err != nil {
		t.Fatal(err)
	}
	db.Close() // what a restart finds
	db, err = bbolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	st, _ = newStore(db)
	got, err := st.channel(prov)
	if err != nil || got.Base.Int64() != 1000 {
		t.Fatalf("after flush and restart: base %v, %v; want 1000", got.Base, err)
	}
}
