package chain_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/mycroft-network/mycroft/chain"
)

func BenchmarkVoucherSign(b *testing.B) {
	key, _ := crypto.GenerateKey()
	td := chain.VoucherTypedData(big.NewInt(1337), common.Address{1}, common.Hash{2}, big.NewInt(1000))
	for b.Loop() {
		if _, err := chain.SignTypedDataWithKey(key, td); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVoucherVerify(b *testing.B) {
	key, _ := crypto.GenerateKey()
	addr := crypto.PubkeyToAddress(key.PublicKey)
	td := chain.VoucherTypedData(big.NewInt(1337), common.Address{1}, common.Hash{2}, big.NewInt(1000))
	sig, _ := chain.SignTypedDataWithKey(key, td)
	for b.Loop() {
		if err := chain.VerifyTypedData(td, sig, addr); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMerkleTree1MiB builds the tree of 256 chunks of 4 KiB.
func BenchmarkMerkleTree1MiB(b *testing.B) {
	chunks := make([][]byte, 256)
	for i := range chunks {
		chunks[i] = make([]byte, 4096)
		chunks[i][0] = byte(i)
	}
	b.SetBytes(256 * 4096)
	for b.Loop() {
		if _, err := chain.NewMerkleTree(chunks); err != nil {
			b.Fatal(err)
		}
	}
}
