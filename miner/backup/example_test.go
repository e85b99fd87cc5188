package backup

import (
	"bytes"
	"context"
	"fmt"
	"math/big"
	"net/http/httptest"
	"os"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/miner/storage"
)

// The owner's device saves its backup on two storage nodes, audits them
// and restores it (on a fresh device the Sealer and Owner come from the
// keyring restored from the mnemonic, the Directory from the chain).
func ExampleBackup() {
	var dir staticDirectory
	for i := range 2 {
		tmp, _ := os.MkdirTemp("", "backup-example")
		defer os.RemoveAll(tmp)
		key, _ := crypto.ToECDSA(crypto.Keccak256([]byte{byte(i)}))
		st, _ := storage.OpenStore(storage.StoreConfig{Dir: tmp, Quota: 1 << 20})
		node, _ := storage.NewNode(storage.NodeConfig{Store: st, Signer: chain.NewKeySigner(key), ChainID: big.NewInt(1)})
		srv := httptest.NewServer(node.Handler(nil))
		defer srv.Close()
		dir = append(dir, chain.NodeInfo{Address: crypto.PubkeyToAddress(key.PublicKey), Endpoint: srv.URL,
			Registered: true, Prices: chain.Prices{"storage": big.NewInt(1)}})
	}
	// The owner's wallet key signs every manifest it leaves on the nodes.
	ownerKey, _ := crypto.ToECDSA(crypto.Keccak256([]byte("owner")))
	owner := chain.NewKeySigner(ownerKey)
	cfg := Config{Owner: owner.Address(), Signer: owner, Sealer: aeadSealer{key: make([]byte, 32)}, Directory: dir,
		ChainID: big.NewInt(1), Copies: 2, ChunkSize: 1024}
	b, err := New(cfg)
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx := context.Background()
	m, err := b.Save(ctx, bytes.NewReader(bytes.Repeat([]byte("sealed records "), 200)))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("chunks:", len(m.Leaves), "copies:", len(m.Replicas))
	res, _ := b.Audit(ctx)
	fmt.Println("audits failed:", len(res[0].Err)+len(res[1].Err))
	data, _, err := Restore(ctx, cfg)
	fmt.Println("restored bytes:", len(data), err)
	// Output:
	// chunks: 3 copies: 2
	// audits failed: 0
	// restored bytes: 3000 <nil>
}
