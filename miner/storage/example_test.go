package storage_test

import (
	"context"
	"fmt"
	"math/big"
	"net/http/httptest"
	"os"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/miner/storage"
)

// A storage node serves its HTTP API; the data owner uploads chunks,
// gets a signed commitment and audits a random chunk.
func ExampleNode() {
	dir, _ := os.MkdirTemp("", "storage-example")
	defer os.RemoveAll(dir)
	st, err := storage.OpenStore(storage.StoreConfig{Dir: dir, Quota: 1 << 20})
	if err != nil {
		fmt.Println(err)
		return
	}
	key, _ := crypto.ToECDSA(crypto.Keccak256([]byte("example node")))
	node, _ := storage.NewNode(storage.NodeConfig{Store: st, Signer: chain.NewKeySigner(key), ChainID: big.NewInt(1337)})
	srv := httptest.NewServer(node.Handler(nil))
	defer srv.Close()

	ctx := context.Background()
	c := &storage.Client{Base: srv.URL}
	chunks := [][]byte{[]byte("sealed chunk 0"), []byte("sealed chunk 1"), []byte("sealed chunk 2")}
	var leaves []common.Hash
	for _, ch := range chunks {
		h := chain.LeafHash(ch)
		leaves = append(leaves, h)
		c.Put(ctx, h, ch)
	}
	tree, _ := chain.NewMerkleTree(chunks)
	// The owner signs its request for this node (the device signs with its
	// keystore).
	ownerKey, _ := crypto.ToECDSA(crypto.Keccak256([]byte("example owner")))
	req := storage.CommitRequest{Owner: crypto.PubkeyToAddress(ownerKey.PublicKey), Root: tree.Root(), Leaves: leaves, Expiry: time.Now().Add(time.Hour).Unix()}
	if err := req.Sign(chain.NewKeySigner(ownerKey), big.NewInt(1337), common.Address{}, node.Address()); err != nil {
		fmt.Println(err)
		return
	}
	set, err := c.Commit(ctx, req)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("committed", set.LeafCount, "chunks")
	p, _ := c.Audit(ctx, tree.Root(), 2)
	fmt.Println("audit of chunk 2:", p.Verify(tree.Root(), 3, 2) == nil, string(p.Chunk))
	// Output:
	// committed 3 chunks
	// audit of chunk 2: true sealed chunk 2
}
