package chain_test

import (
	"context"
	"fmt"
	"math/big"
	"sort"
	"testing"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient/simulated"

	"github.com/mycroft-network/mycroft/chain"
)

// emitterInit creates a contract whose every call emits one LOG0 (runtime
// 0x60006000a000: PUSH1 0 PUSH1 0 LOG0 STOP).
var emitterInit = common.FromHex("0x6006600c60003960066000f3" + "60006000a000")

type simChain struct {
	t      *testing.T
	sim    *simulated.Backend
	key    *keyT
	nonce  uint64
	target common.Address
}

type keyT struct {
	addr common.Address
	sign func(*types.Transaction) *types.Transaction
}

func newSimChain(t *testing.T) *simChain {
	t.Helper()
	k, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	addr := crypto.PubkeyToAddress(k.PublicKey)
	sim := simulated.NewBackend(types.GenesisAlloc{addr: {Balance: new(big.Int).Lsh(big.NewInt(1), 100)}})
	t.Cleanup(func() { sim.Close() })
	s := &simChain{t: t, sim: sim, key: &keyT{addr: addr, sign: func(tx *types.Transaction) *types.Transaction {
		signed, err := types.SignTx(tx, types.LatestSignerForChainID(big.NewInt(1337)), k)
		if err != nil {
			t.Fatal(err)
		}
		return signed
	}}}
	s.send(nil, emitterInit)
	s.sim.Commit()
	s.target = crypto.CreateAddress(addr, 0)
	return s
}

// send adds a transaction to the pending block.
func (s *simChain) send(to *common.Address, data []byte) {
	s.t.Helper()
	tx := s.key.sign(types.NewTx(&types.DynamicFeeTx{
		ChainID: big.NewInt(1337), Nonce: s.nonce, GasTipCap: big.NewInt(1e9), GasFeeCap: big.NewInt(1e12),
		Gas: 200_000, To: to, Data: data,
	}))
	if err := s.sim.Client().SendTransaction(context.Background(), tx); err != nil {
		s.t.Fatal(err)
	}
	s.nonce++
}

// emit seals n blocks with one log each.
func (s *simChain) emit(n int) {
	for range n {
		s.send(&s.target, nil)
		s.sim.Commit()
	}
}

func logKey(l types.Log) string {
	return fmt.Sprintf("%d/%s/%s/%d", l.BlockNumber, l.BlockHash, l.TxHash, l.Index)
}

func keys(ls []types.Log) []string {
	out := make([]string, 0, len(ls))
	for _, l := range ls {
		out = append(out, logKey(l))
	}
	sort.Strings(out)
	return out
}

func equalKeys(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestScanReorg: logs the scanner reported from blocks a reorg replaced
// come back as removed, and the scan continues on the new chain; what it
// holds then equals the new chain's logs.
func TestScanReorg(t *testing.T) {
	s := newSimChain(t)
	s.emit(6) // blocks 2-7
	ctx := context.Background()
	client := s.sim.Client()
	sc := &chain.LogScanner{R: client, MaxRange: 2}
	q := ethereum.FilterQuery{Addresses: []common.Address{s.target}}
	res, err := sc.Scan(ctx, q, chain.ScanCursor{Next: 1}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Logs) != 6 || len(res.Removed) != 0 {
		t.Fatalf("first scan: %d logs, %d removed; want 6 and 0", len(res.Logs), len(res.Removed))
	}
	held := map[string]bool{}
	for _, l := range res.Logs {
		held[logKey(l)] = true
	}

	// Reorg: a fork from block 4 that grows longer than the old chain
	// with no transactions of ours in its first blocks.
	parent, err := client.HeaderByNumber(ctx, big.NewInt(4))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.sim.Fork(parent.Hash()); err != nil {
		t.Fatal(err)
	}
	for range 6 {
		s.sim.Commit()
	}
	res, err = sc.Scan(ctx, q, res.Cursor, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Removed) != 3 {
		t.Errorf("after the reorg: %d removed, want 3 (blocks 5-7)", len(res.Removed))
	}
	for _, l := range res.Removed {
		if !l.Removed || !held[logKey(l)] {
			t.Errorf("removed log %s: Removed=%v, reported before=%v", logKey(l), l.Removed, held[logKey(l)])
		}
		delete(held, logKey(l))
	}
	for _, l := range res.Logs {
		held[logKey(l)] = true
	}
	direct, err := client.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: big.NewInt(1), Addresses: q.Addresses})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for k := range held {
		got = append(got, k)
	}
	sort.Strings(got)
	if want := keys(direct); !equalKeys(got, want) {
		t.Errorf("logs held after the reorg:\n got %v\nwant %v", got, want)
	}
}

// TestScanConfirmations: a scan stops the confirmations below the head and
// resumes from its cursor.
func TestScanConfirmations(t *testing.T) {
	s := newSimChain(t)
	s.emit(8) // blocks 2-9
	ctx := context.Background()
	sc := &chain.LogScanner{R: s.sim.Client(), MaxRange: 3, Confirmations: 4}
	q := ethereum.FilterQuery{Addresses: []common.Address{s.target}}
	res, err := sc.Scan(ctx, q, chain.ScanCursor{Next: 1}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if res.Head != 9 || res.Cursor.Next != 6 || len(res.Logs) != 4 {
		t.Fatalf("scan at head %d: next %d, %d logs; want head 9, next 6 and 4 logs (blocks 2-5)", res.Head, res.Cursor.Next, len(res.Logs))
	}
	s.emit(2) // head 11: blocks 6 and 7 are 4 deep
	res2, err := sc.Scan(ctx, q, res.Cursor, 0)
	if err != nil {
		t.Fatal(err)
	}
	if res2.Cursor.Next != 8 || len(res2.Logs) != 2 || res2.Logs[0].BlockNumber != 6 {
		t.Fatalf("resumed scan: next %d, logs %v; want next 8 and the logs of blocks 6 and 7", res2.Cursor.Next, keys(res2.Logs))
	}
}
