package provider

import (
	"context"
	"path/filepath"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// scripted is the chain's side of a scan: the ids opened in each block.
type scripted struct {
	opened map[uint64][]common.Hash
	head   uint64
	calls  atomic.Int64
}

func (c *scripted) scan(_ context.Context, from uint64) ([]common.Hash, uint64, error) {
	c.calls.Add(1)
	var ids []common.Hash
	for b := from; b <= c.head; b++ {
		ids = append(ids, c.opened[b]...)
	}
	return ids, c.head + 1, nil
}

// The channel set and its scan cursor survive a restart, and a scan that
// finds nothing new writes nothing until the cursor has moved saveEvery
// blocks.
func TestChannelSetPersists(t *testing.T) {
	path := filepath.Join(t.TempDir(), "p.db")
	db, st := openTestStore(t, path)
	a, b := common.Hash{0xa}, common.Hash{0xb}
	ch := &scripted{opened: map[uint64][]common.Hash{5: {a}}, head: 10}
	now := func() time.Time { return time.Unix(1_800_000_000, 0) }
	s := newChanSet(ch.scan, time.Nanosecond, time.Minute, now)
	s.save = st.saveOpened
	ctx := context.Background()
	if ok, err := s.has(ctx, a); !ok || err != nil {
		t.Fatalf("has(opened channel) = %v, %v; want true", ok, err)
	}
	ids, next, err := st.opened()
	if err != nil || !slices.Equal(ids, []common.Hash{a}) || next != 11 {
		t.Fatalf("stored after the first scan: %v, next %d, %v; want [a], 11", ids, next, err)
	}

	ch.head = 20 // nothing opened: the cursor is not written
	if err := s.refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if _, next, _ := st.opened(); next != 11 {
		t.Errorf("stored cursor after a scan that found nothing: %d, want 11 (no write)", next)
	}
	ch.head = 11 + saveEvery
	if err := s.refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if _, next, _ := st.opened(); next != ch.head+1 {
		t.Errorf("stored cursor after %d quiet blocks: %d, want %d", saveEvery, next, ch.head+1)
	}

	ch.opened[ch.head+1] = []common.Hash{b}
	ch.head++
	if err := s.refresh(ctx); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, st2 := openTestStore(t, path)
	ids, next, err = st2.opened()
	slices.SortFunc(ids, func(x, y common.Hash) int { return x.Cmp(y) })
	if err != nil || !slices.Equal(ids, []common.Hash{a, b}) || next != ch.head+1 {
		t.Errorf("after reopening: %v, next %d, %v; want [a b], next %d", ids, next, err, ch.head+1)
	}
}

// An id no scan found is refused again without another scan for ttl; the
// miss table stays bounded.
func TestChannelSetMisses(t *testing.T) {
	ch := &scripted{head: 3}
	at := time.Unix(1_800_000_000, 0)
	s := newChanSet(ch.scan, time.Nanosecond, time.Minute, func() time.Time { return at })
	s.maxMiss = 8
	ctx := context.Background()
	x := common.Hash{0x77}
	for i := range 3 {
		if ok, err := s.has(ctx, x); ok || err != nil {
			t.Fatalf("lookup %d of a made-up id: %v, %v; want false", i, ok, err)
		}
	}
	if n := ch.calls.Load(); n != 1 {
		t.Errorf("three lookups of one made-up id within ttl: %d scans, want 1", n)
	}
	at = at.Add(time.Minute)
	s.has(ctx, x)
	if n := ch.calls.Load(); n != 2 {
		t.Errorf("lookup after ttl: %d scans in all, want 2", n)
	}
	for i := range 100 {
		s.has(ctx, common.Hash{byte(i), 1})
		if len(s.miss) > s.maxMiss {
			t.Fatalf("after %d made-up ids: %d remembered, want at most %d", i+1, len(s.miss), s.maxMiss)
		}
	}
}
