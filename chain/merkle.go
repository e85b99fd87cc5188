package chain

import (
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// Merkle tree of storage challenges, identical to Registry.verifyChunk:
//
//	leaf  = keccak256(0x00 || chunk)
//	inner = keccak256(0x01 || left || right)
//
// A level with an odd number of nodes promotes its last node unchanged to
// the next level. The root of one leaf is that leaf's hash. A proof lists
// the siblings from the leaf level up, skipping the levels where the node
// was promoted.

// Limits the Registry enforces on a challenge answer.
const (
	MaxChunkLength = 65536
	MaxProofLength = 64
)

// ErrMerkle is returned for an empty tree, an index out of range or a
// proof that does not match.
var ErrMerkle = errors.New("chain: merkle")

// LeafHash is the hash of one chunk.
func LeafHash(chunk []byte) common.Hash {
	return crypto.Keccak256Hash([]byte{0x00}, chunk)
}

func innerHash(l, r common.Hash) common.Hash {
	return crypto.Keccak256Hash([]byte{0x01}, l[:], r[:])
}

// MerkleTree holds every level of a tree built from leaf hashes.
type MerkleTree struct {
	levels [][]common.Hash // levels[0] = leaves, last = root
}

// NewMerkleTree builds the tree over the chunks.
func NewMerkleTree(chunks [][]byte) (*MerkleTree, error) {
	leaves := make([]common.Hash, len(chunks))
	for i, c := range chunks {
		leaves[i] = LeafHash(c)
	}
	return NewMerkleTreeFromLeaves(leaves)
}

// NewMerkleTreeFromLeaves builds the tree over precomputed leaf hashes
// (LeafHash of each chunk), so a storage node need not keep chunks in RAM.
func NewMerkleTreeFromLeaves(leaves []common.Hash) (*MerkleTree, error) {
	if len(leaves) == 0 {
		return nil, fmt.Errorf("%w: no leaves", ErrMerkle)
	}
	level := append([]common.Hash(nil), leaves...)
	t := &MerkleTree{levels: [][]common.Hash{level}}
	for len(level) > 1 {
		next := make([]common.Hash, (len(level)+1)/2)
		for i := 0; i < len(level); i += 2 {
			if i+1 == len(level) {
				next[i/2] = level[i]
			} else {
				next[i/2] = innerHash(level[i], level[i+1])
			}
		}
		t.levels = append(t.levels, next)
		level = next
	}
	return t, nil
}

// Root is the tree's root.
func (t *MerkleTree) Root() common.Hash { return t.levels[len(t.levels)-1][0] }

// LeafCount is the number of leaves.
func (t *MerkleTree) LeafCount() uint64 { return uint64(len(t.levels[0])) }

// Proof returns the siblings for leaf index, as Registry.respond wants them.
func (t *MerkleTree) Proof(index uint64) ([]common.Hash, error) {
	if index >= t.LeafCount() {
		return nil, fmt.Errorf("%w: index %d out of range (%d leaves)", ErrMerkle, index, t.LeafCount())
	}
	var proof []common.Hash
	idx := index
	for _, level := range t.levels[:len(t.levels)-1] {
		width := uint64(len(level))
		if !(idx == width-1 && width%2 == 1) {
			proof = append(proof, level[idx^1])
		}
		idx /= 2
	}
	return proof, nil
}

// VerifyChunk checks chunk at index against root, exactly as the Registry
// does; it returns nil when the proof holds.
func VerifyChunk(root common.Hash, leafCount, index uint64, chunk []byte, proof []common.Hash) error {
	if leafCount == 0 || index >= leafCount {
		return fmt.Errorf("%w: index %d out of range (%d leaves)", ErrMerkle, index, leafCount)
	}
	if len(chunk) > MaxChunkLength || len(proof) > MaxProofLength {
		return fmt.Errorf("%w: chunk or proof too long", ErrMerkle)
	}
	h := LeafHash(chunk)
	idx, width, k := index, leafCount, 0
	for width > 1 {
		if !(idx == width-1 && width%2 == 1) {
			if k >= len(proof) {
				return fmt.Errorf("%w: proof too short", ErrMerkle)
			}
			if idx%2 == 0 {
				h = innerHash(h, proof[k])
			} else {
				h = innerHash(proof[k], h)
			}
			k++
		}
		idx /= 2
		width = (width + 1) / 2
	}
	if k != len(proof) {
		return fmt.Errorf("%w: proof too long", ErrMerkle)
	}
	if h != root {
		return fmt.Errorf("%w: root mismatch", ErrMerkle)
	}
	return nil
}
