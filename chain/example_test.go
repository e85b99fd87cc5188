package chain_test

import (
	"context"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/chain/devnet"
)

// Example opens a payment channel, pays two calls by voucher and lets the
// provider redeem, on a devnet.
func Example() {
	ctx := context.Background()
	payerKey, _ := crypto.GenerateKey()
	providerKey, _ := crypto.GenerateKey()
	payerAddr := crypto.PubkeyToAddress(payerKey.PublicKey)
	providerAddr := crypto.PubkeyToAddress(providerKey.PublicKey)

	d, err := devnet.Start(ctx, devnet.Config{Accounts: []common.Address{payerAddr, providerAddr}})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer d.Close()

	// A device dials any JSON-RPC endpoint with the deployment manifest.
	payer, err := chain.Dial(ctx, d.URL, d.Manifest, chain.WithSigner(chain.NewKeySigner(payerKey)))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer payer.Close()
	provider := payer.WithSigner(chain.NewKeySigner(providerKey))

	id, _, err := payer.OpenChannel(ctx, providerAddr, devnet.Units(10, devnet.MYC), time.Hour)
	if err != nil {
		fmt.Println(err)
		return
	}
	price := big.NewInt(1000)
	var voucher []byte
	cumulative := new(big.Int)
	for range 2 { // two paid calls
		cumulative.Add(cumulative, price)
		voucher, _ = chain.SignTypedDataWithKey(payerKey, payer.VoucherTypedData(id, cumulative))
		// The provider checks each voucher before serving.
		if err := chain.VerifyTypedData(provider.VoucherTypedData(id, cumulative), voucher, payerAddr); err != nil {
			fmt.Println(err)
			return
		}
	}
	if _, err := provider.RedeemChannel(ctx, id, cumulative, voucher); err != nil {
		fmt.Println(err)
		return
	}
	st, _ := provider.Channel(ctx, id)
	fmt.Println("redeemed:", st.Redeemed)
	// Output: redeemed: 2000
}

// ExampleNewMerkleTree builds the tree a data owner keeps and the proof a
// storage node returns for a challenge.
func ExampleNewMerkleTree() {
	chunks := [][]byte{[]byte("a"), []byte("b"), []byte("c")}
	tree, _ := chain.NewMerkleTree(chunks)
	proof, _ := tree.Proof(1)
	err := chain.VerifyChunk(tree.Root(), tree.LeafCount(), 1, chunks[1], proof)
	fmt.Println(len(proof), err)
	// Output: 2 <nil>
}
