package storage

import (
	"encoding/binary"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/mycroft-network/mycroft/chain"
)

// leavesFor returns leaf hashes for a data set of size bytes in chunks of
// chunk bytes. The hashes are made up (keccak of the index): proof cost
// does not depend on chunk contents, and hashing a real GiB would measure
// keccak, not audits.
func leavesFor(size, chunk int) []common.Hash {
	n := size / chunk
	out := make([]common.Hash, n)
	var b [8]byte
	for i := range out {
		binary.BigEndian.PutUint64(b[:], uint64(i))
		out[i] = crypto.Keccak256Hash(b[:])
	}
	return out
}

// BenchmarkAuditProof1GiB: per-audit cost of answering for 1 GiB stored,
// with the tree's levels kept in memory (what Node does after the first
// audit of a set): build the proof for a random index and verify it as the
// owner does. Reports the proof size and the memory the kept tree costs
// relative to the data (the storage overhead of being able to prove).
// Reading the chunk from disk is not included: see BenchmarkNodeAudit.
func BenchmarkAuditProof1GiB(b *testing.B) {
	for _, chunk := range []int{4 << 10, 16 << 10, 64 << 10} {
		b.Run(fmt.Sprintf("chunk=%dKiB", chunk>>10), func(b *testing.B) {
			leaves := leavesFor(1<<30, chunk)
			tree, err := chain.NewMerkleTreeFromLeaves(leaves)
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			var proofLen int
			for i := range b.N {
				idx := uint64(i*7919) % uint64(len(leaves))
				p, err := tree.Proof(idx)
				if err != nil {
					b.Fatal(err)
				}
				proofLen = len(p)
			}
			b.StopTimer()
			n := len(leaves)
			treeBytes := 32 * (2*n - 1)
			b.ReportMetric(float64(proofLen*32), "proof-bytes")
			b.ReportMetric(float64(treeBytes)/float64(1<<30)*100, "tree-%-of-data")
			b.ReportMetric(float64(proofLen*32)/float64(chunk)*100, "proof-%-of-answer")
		})
	}
}

// BenchmarkTreeBuild1GiB: the one-off cost of building the tree for 1 GiB
// from leaf hashes (at commit, and after a restart on the first audit).
func BenchmarkTreeBuild1GiB(b *testing.B) {
	for _, chunk := range []int{4 << 10, 64 << 10} {
		b.Run(fmt.Sprintf("chunk=%dKiB", chunk>>10), func(b *testing.B) {
			leaves := leavesFor(1<<30, chunk)
			b.ResetTimer()
			for range b.N {
				if _, err := chain.NewMerkleTreeFromLeaves(leaves); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkVerifyProof: the owner's cost of checking one audit answer of a
// 16 KiB chunk in a 1 GiB set (hashing the chunk and 16 levels).
func BenchmarkVerifyProof(b *testing.B) {
	// Made-up leaves and one real chunk at the audited index 0.
	leaves := leavesFor(1<<30, 16<<10)
	chunk := make([]byte, 16<<10)
	leaves[0] = chain.LeafHash(chunk)
	tree, _ := chain.NewMerkleTreeFromLeaves(leaves)
	proof, _ := tree.Proof(0)
	b.SetBytes(int64(len(chunk)))
	b.ResetTimer()
	for range b.N {
		if err := chain.VerifyChunk(tree.Root(), tree.LeafCount(), 0, chunk, proof); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNodeAudit: a whole audit answered by a Node from disk (read the
// chunk file, check it against its address, build the proof), 16 KiB
// chunks, 64 MiB set; no HTTP.
func BenchmarkNodeAudit(b *testing.B) {
	dir := b.TempDir()
	st, err := OpenStore(StoreConfig{Dir: dir, Quota: 1 << 30, Headroom: 1})
	if err != nil {
		b.Fatal(err)
	}
	n, err := NewNode(NodeConfig{Store: st, Signer: chain.NewKeySigner(testKey(b, "bench")), ChainID: big.NewInt(1)})
	if err != nil {
		b.Fatal(err)
	}
	const size, chunk = 64 << 20, 16 << 10
	var leaves []common.Hash
	buf := make([]byte, chunk)
	for i := range size / chunk {
		binary.BigEndian.PutUint64(buf, uint64(i))
		h := chain.LeafHash(buf)
		if err := st.PutPaid(h, buf, Free); err != nil {
			b.Fatal(err)
		}
		leaves = append(leaves, h)
	}
	tree, _ := chain.NewMerkleTreeFromLeaves(leaves)
	if _, err := n.Commit(signedRequest(b, testKey(b, "bench owner"), n, tree.Root(), leaves, timeNow().Add(timeHour))); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := range b.N {
		if _, err := n.Audit(tree.Root(), uint64(i*7919)%uint64(len(leaves))); err != nil {
			b.Fatal(err)
		}
	}
}

var (
	timeNow  = time.Now
	timeHour = time.Hour
)

// BenchmarkOversizedCommit is a 60 MiB body of unknown length posted to
// POST /v1/sets (what once took a node to hundreds of MiB): with
// -benchmem, B/op is what one such request costs the node in memory.
func BenchmarkOversizedCommit(b *testing.B) {
	st, err := OpenStore(StoreConfig{Dir: b.TempDir(), Quota: 1 << 20, Headroom: 1})
	if err != nil {
		b.Fatal(err)
	}
	n, err := NewNode(NodeConfig{Store: st, Signer: chain.NewKeySigner(testKey(b, "bench")), ChainID: big.NewInt(1)})
	if err != nil {
		b.Fatal(err)
	}
	h := n.Handler(nil)
	b.ResetTimer()
	for range b.N {
		r := httptest.NewRequest(http.MethodPost, "/v1/sets", io.LimitReader(&counting{}, 60<<20))
		r.ContentLength = -1
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if w.Code != http.StatusRequestEntityTooLarge {
			b.Fatalf("status %d, want 413", w.Code)
		}
	}
}
