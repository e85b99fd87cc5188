package update

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"
	"runtime"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/miner/storage"
)

// A release on storage nodes is one committed set: chunk 0 is the index,
// the 32-byte leaf hashes (chain.LeafHash) of the data chunks in order;
// chunks 1.. are the binary cut in ChunkSize pieces (the last one shorter).
// The set's Merkle root is the artifact's storage root on chain. A device
// knows the leaf count from the size alone (LeafCount), reads the index
// with an audit (chunk 0 and its proof against the root on chain), then
// each data chunk by its hash (a storage node checks and serves chunks by
// content address). The index holds at most ChunkSize/32 hashes, which
// bounds a binary at MaxBinary.
const (
	ChunkSize = chain.MaxChunkLength
	MaxBinary = ChunkSize / 32 * ChunkSize // 128 MiB
)

// ErrStorageRelease: a storage node's answer does not match the root on
// chain.
var ErrStorageRelease = errors.New("update: release set on storage nodes")

// LeafCount is the number of chunks of the release set of a binary of
// size bytes: the index and the data chunks.
func LeafCount(size uint64) uint64 { return 1 + (size+ChunkSize-1)/ChunkSize }

// SplitRelease cuts a binary into its release set: the chunks (index
// first) and their Merkle root.
func SplitRelease(data []byte) ([][]byte, common.Hash, error) {
	if len(data) == 0 || len(data) > MaxBinary {
		return nil, common.Hash{}, fmt.Errorf("%w: a binary of %d bytes; 1 to %d", ErrStorageRelease, len(data), MaxBinary)
	}
	chunks := [][]byte{nil}
	var index bytes.Buffer
	for off := 0; off < len(data); off += ChunkSize {
		c := data[off:min(off+ChunkSize, len(data))]
		chunks = append(chunks, c)
		h := chain.LeafHash(c)
		index.Write(h[:])
	}
	chunks[0] = index.Bytes()
	t, err := chain.NewMerkleTree(chunks)
	if err != nil {
		return nil, common.Hash{}, fmt.Errorf("%w: %w", ErrStorageRelease, err)
	}
	return chunks, t.Root(), nil
}

// StorageNode is what fetching from a storage node needs
// (*storage.Client has it).
type StorageNode interface {
	Audit(ctx context.Context, root common.Hash, index uint64) (*storage.Proof, error)
	Get(ctx context.Context, h common.Hash) ([]byte, error)
}

// TypedDataSigner signs EIP-712 typed data (the publisher's key).
type TypedDataSigner interface {
	SignTypedData(apitypes.TypedData) ([]byte, error)
}

// Publish uploads a binary's release set to one storage node and has the
// node commit to keeping it until expiry (unix seconds): owner (whose key
// signer holds) signs the storage request for the node at nodeAddr on the
// chain chainID with Registry registry. It returns the storage root to put
// into release.json. A node that charges rent needs c.Upload or c.Header
// set to pay it.
func Publish(ctx context.Context, c *storage.Client, nodeAddr common.Address, data []byte,
	owner common.Address, signer TypedDataSigner, chainID *big.Int, registry common.Address, expiry int64) (common.Hash, error) {
	chunks, root, err := SplitRelease(data)
	if err != nil {
		return common.Hash{}, err
	}
	leaves := make([]common.Hash, len(chunks))
	for i, ch := range chunks {
		leaves[i] = chain.LeafHash(ch)
		if err := c.Put(ctx, leaves[i], ch); err != nil {
			return common.Hash{}, fmt.Errorf("update: publish: %w", err)
		}
	}
	req := storage.CommitRequest{Owner: owner, Root: root, Leaves: leaves, Expiry: expiry}
	if err := req.Sign(signer, chainID, registry, nodeAddr); err != nil {
		return common.Hash{}, fmt.Errorf("update: publish: %w", err)
	}
	if _, err := c.Commit(ctx, req); err != nil {
		return common.Hash{}, fmt.Errorf("update: publish: %w", err)
	}
	return root, nil
}

// fetchIndex reads and checks chunk 0 of the release set from node.
func fetchIndex(ctx context.Context, node StorageNode, a chain.ReleaseArtifact) ([]common.Hash, int64, error) {
	n := LeafCount(a.Size)
	p, err := node.Audit(ctx, a.StorageRoot, 0)
	if err != nil {
		return nil, 0, err
	}
	if err := p.Verify(a.StorageRoot, n, 0); err != nil {
		return nil, 0, fmt.Errorf("%w: index: %w", ErrStorageRelease, err)
	}
	if uint64(len(p.Chunk)) != 32*(n-1) {
		return nil, 0, fmt.Errorf("%w: index of %d bytes for %d data chunks", ErrStorageRelease, len(p.Chunk), n-1)
	}
	hs := make([]common.Hash, n-1)
	for i := range hs {
		hs[i] = common.BytesToHash(p.Chunk[32*i : 32*i+32])
	}
	return hs, int64(len(p.Chunk) + 32*len(p.Proof)), nil
}

// Arch is the architecture name releases use for this build: "arm64",
// "armv7" (GOARCH arm), "amd64", or GOARCH.
func Arch() string {
	if runtime.GOARCH == "arm" {
		return "armv7"
	}
	return runtime.GOARCH
}
