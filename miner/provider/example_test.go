package provider_test

import (
	"fmt"
	"math/big"
	"net/http"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/miner/provider"
)

// A paid call carries its voucher in three headers; the provider parses
// them strictly and checks the signature against the channel's payer.
func ExampleParseVoucher() {
	key, _ := crypto.ToECDSA(crypto.Keccak256([]byte("example payer")))
	channels := common.HexToAddress("0x00000000000000000000000000000000000000cc")
	id := common.HexToHash("0x01")
	td := chain.VoucherTypedData(big.NewInt(1337), channels, id, big.NewInt(3000))
	sig, _ := chain.SignTypedDataWithKey(key, td)

	h := http.Header{}
	h.Set(provider.HeaderChannel, id.Hex())
	h.Set(provider.HeaderCumulative, "3000")
	h.Set(provider.HeaderSignature, fmt.Sprintf("0x%x", sig))
	v, err := provider.ParseVoucher(h)
	if err != nil {
		fmt.Println(err)
		return
	}
	payer, _ := chain.RecoverTypedData(chain.VoucherTypedData(big.NewInt(1337), channels, v.Channel, v.Cumulative), v.Signature)
	fmt.Println(v.Cumulative, payer == crypto.PubkeyToAddress(key.PublicKey))

	h.Set(provider.HeaderCumulative, "03000")
	_, err = provider.ParseVoucher(h)
	code, status := provider.CodeOf(err)
	fmt.Println(code, status)
	// Output:
	// 3000 true
	// bad_request 400
}

// The redeem rule: a fee of at most 2% of the amount redeemed.
func ExampleWorthRedeeming() {
	fmt.Println(provider.WorthRedeeming(big.NewInt(2), big.NewInt(100), 2))
	fmt.Println(provider.WorthRedeeming(big.NewInt(3), big.NewInt(100), 2))
	// Output:
	// true
	// false
}

// BenchmarkVoucherSignVerify is one voucher signed by the payer and
// verified by the provider (EIP-712 hash, secp256k1 sign and recover).
func BenchmarkVoucherSignVerify(b *testing.B) {
	key, _ := crypto.GenerateKey()
	signer := chain.NewKeySigner(key)
	channels := common.HexToAddress("0x00000000000000000000000000000000000000cc")
	id := common.HexToHash("0x01")
	cum := big.NewInt(0)
	step := big.NewInt(3_000_000_000_000)
	for b.Loop() {
		cum.Add(cum, step)
		td := chain.VoucherTypedData(big.NewInt(1337), channels, id, cum)
		sig, err := signer.SignTypedData(td)
		if err != nil {
			b.Fatal(err)
		}
		if err := chain.VerifyTypedData(chain.VoucherTypedData(big.NewInt(1337), channels, id, cum), sig, signer.Address()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseVoucher is the header parsing alone.
func BenchmarkParseVoucher(b *testing.B) {
	h := http.Header{}
	h.Set(provider.HeaderChannel, "0x"+strings.Repeat("ab", 32))
	h.Set(provider.HeaderCumulative, "123456789000000000000")
	h.Set(provider.HeaderSignature, "0x"+strings.Repeat("01", 65))
	for b.Loop() {
		if _, err := provider.ParseVoucher(h); err != nil {
			b.Fatal(err)
		}
	}
}
