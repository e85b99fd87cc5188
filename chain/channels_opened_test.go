package chain_test

import (
	"slices"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

// ChannelsOpenedTo finds exactly the channels opened to the payee, and a
// scan from the returned block finds only those opened since.
func TestChannelsOpenedTo(t *testing.T) {
	e := newEnv(t, 3)
	payer := e.cs[0]
	toA, _, err := payer.OpenChannel(e.ctx, e.addr(1), myc(1), time.Hour)
	mustOK(t, "open to A", err)
	_, _, err = payer.OpenChannel(e.ctx, e.addr(2), myc(1), time.Hour)
	mustOK(t, "open to B", err)

	ids, next, err := payer.ChannelsOpenedTo(e.ctx, e.addr(1), 0)
	mustOK(t, "scan", err)
	if want := []common.Hash{toA}; !slices.Equal(ids, want) {
		t.Errorf("channels opened to A from block 0: %v, want %v", ids, want)
	}
	ids, next2, err := payer.ChannelsOpenedTo(e.ctx, e.addr(1), next)
	mustOK(t, "rescan", err)
	if len(ids) != 0 || next2 < next {
		t.Errorf("rescan from %d: %v, next %d; want none, next ≥ %d", next, ids, next2, next)
	}
	toA2, _, err := payer.OpenChannel(e.ctx, e.addr(1), myc(1), time.Hour)
	mustOK(t, "open to A again", err)
	ids, _, err = payer.ChannelsOpenedTo(e.ctx, e.addr(1), next2)
	mustOK(t, "scan after open", err)
	if want := []common.Hash{toA2}; !slices.Equal(ids, want) {
		t.Errorf("channels opened to A from block %d: %v, want %v", next2, ids, want)
	}
}
