package chain_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/chain/bindings"
)

func chunksN(n int) [][]byte {
	var out [][]byte
	for i := range n {
		out = append(out, []byte(fmt.Sprintf("chunk-%d", i)))
	}
	return out
}

func TestMerkleKnownShape(t *testing.T) {
	c := chunksN(3)
	l := func(i int) common.Hash { return crypto.Keccak256Hash([]byte{0}, c[i]) }
	in := func(a, b common.Hash) common.Hash { return crypto.Keccak256Hash([]byte{1}, a[:], b[:]) }
	tree, err := chain.NewMerkleTree(c)
	if err != nil {
		t.Fatal(err)
	}
	// Three leaves: the third is promoted to the second level unchanged.
	if want := in(in(l(0), l(1)), l(2)); tree.Root() != want {
		t.Errorf("root %s, want %s", tree.Root(), want)
	}
	one, _ := chain.NewMerkleTree(c[:1])
	if one.Root() != l(0) {
		t.Errorf("one-leaf root %s, want the leaf hash %s", one.Root(), l(0))
	}
	p, _ := tree.Proof(2)
	if len(p) != 1 || p[0] != in(l(0), l(1)) {
		t.Errorf("proof of the promoted leaf = %v", p)
	}
	if _, err := chain.NewMerkleTree(nil); !errors.Is(err, chain.ErrMerkle) {
		t.Errorf("empty tree: %v, want ErrMerkle", err)
	}
	if _, err := tree.Proof(3); !errors.Is(err, chain.ErrMerkle) {
		t.Errorf("proof out of range: %v, want ErrMerkle", err)
	}
}

// TestMerkleMatchesContract checks every leaf of trees of 1..9 leaves
// against Registry.verifyChunk on the EVM, and that tampering fails both.
func TestMerkleMatchesContract(t *testing.T) {
	e := newEnv(t, 0)
	reg := bindings.NewRegistry()
	verifyOnChain := func(root common.Hash, n, i uint64, chunk []byte, proof []common.Hash) bool {
		p := make([][32]byte, len(proof))
		for k := range proof {
			p[k] = proof[k]
		}
		data, err := reg.TryPackVerifyChunk(root, n, i, chunk, p)
		mustOK(t, "pack", err)
		out, err := e.deployer().Call(e.ctx, e.d.Manifest.Registry, data)
		mustOK(t, "verifyChunk", err)
		ok, err := reg.UnpackVerifyChunk(out)
		mustOK(t, "unpack", err)
		return ok
	}
	for n := 1; n <= 9; n++ {
		chunks := chunksN(n)
		tree, err := chain.NewMerkleTree(chunks)
		mustOK(t, "tree", err)
		for i := range n {
			proof, err := tree.Proof(uint64(i))
			mustOK(t, "proof", err)
			if err := chain.VerifyChunk(tree.Root(), uint64(n), uint64(i), chunks[i], proof); err != nil {
				t.Errorf("n=%d i=%d: Go VerifyChunk: %v", n, i, err)
			}
			if !verifyOnChain(tree.Root(), uint64(n), uint64(i), chunks[i], proof) {
				t.Errorf("n=%d i=%d: contract refused a Go proof", n, i)
			}
			wrong := append([]byte(nil), chunks[i]...)
			wrong[0] ^= 1
			if chain.VerifyChunk(tree.Root(), uint64(n), uint64(i), wrong, proof) == nil || verifyOnChain(tree.Root(), uint64(n), uint64(i), wrong, proof) {
				t.Errorf("n=%d i=%d: a tampered chunk verified", n, i)
			}
			if len(proof) > 0 {
				short := proof[:len(proof)-1]
				if chain.VerifyChunk(tree.Root(), uint64(n), uint64(i), chunks[i], short) == nil || verifyOnChain(tree.Root(), uint64(n), uint64(i), chunks[i], short) {
					t.Errorf("n=%d i=%d: a short proof verified", n, i)
				}
			}
			long := append(append([]common.Hash(nil), proof...), common.Hash{})
			if chain.VerifyChunk(tree.Root(), uint64(n), uint64(i), chunks[i], long) == nil || verifyOnChain(tree.Root(), uint64(n), uint64(i), chunks[i], long) {
				t.Errorf("n=%d i=%d: a long proof verified", n, i)
			}
		}
	}
}
