package chain_test

import (
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/mycroft-network/mycroft/chain"
)

// word left-pads b to 32 bytes, as the ABI encodes a static value.
func word(b []byte) []byte { return common.LeftPadBytes(b, 32) }

// TestStorageRequestDigest recomputes the EIP-712 digest of a
// StorageRequest by hand from the type string, so a field renamed,
// reordered or retyped in the builder shows here.
func TestStorageRequestDigest(t *testing.T) {
	cid := big.NewInt(1337)
	registry := common.HexToAddress("0x00000000000000000000000000000000000000a1")
	owner := common.HexToAddress("0x00000000000000000000000000000000000000b2")
	node := common.HexToAddress("0x00000000000000000000000000000000000000c3")
	root := common.HexToHash("0x1111111111111111111111111111111111111111111111111111111111111111")
	domainType := crypto.Keccak256([]byte("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"))
	sep := crypto.Keccak256(domainType, crypto.Keccak256([]byte("Mycroft Registry")), crypto.Keccak256([]byte("1")),
		word(cid.Bytes()), word(registry.Bytes()))
	typeHash := crypto.Keccak256([]byte("StorageRequest(address owner,address node,bytes32 root,uint64 leafCount,uint64 expiry)"))
	st := crypto.Keccak256(typeHash, word(owner.Bytes()), word(node.Bytes()), root.Bytes(),
		word(big.NewInt(16).Bytes()), word(big.NewInt(1_900_000_000).Bytes()))
	want := crypto.Keccak256Hash([]byte{0x19, 0x01}, sep, st)
	got, err := chain.TypedDataHash(chain.StorageRequestTypedData(cid, registry, owner, node, root, 16, 1_900_000_000))
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Fatalf("StorageRequest digest = %s, want %s", got, want)
	}
}

// TestStorageRequestBinds: a signature over one request verifies for its
// signer only, and not for a request that differs in any field.
func TestStorageRequestBinds(t *testing.T) {
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	owner := crypto.PubkeyToAddress(key.PublicKey)
	cid, reg, node := big.NewInt(1337), common.Address{0xa1}, common.Address{0xc3}
	root := common.Hash{0x11}
	sig, err := chain.SignTypedDataWithKey(key, chain.StorageRequestTypedData(cid, reg, owner, node, root, 16, 99))
	if err != nil {
		t.Fatal(err)
	}
	if err := chain.VerifyTypedData(chain.StorageRequestTypedData(cid, reg, owner, node, root, 16, 99), sig, owner); err != nil {
		t.Fatalf("the request as signed: %v", err)
	}
	cases := []struct {
		name           string
		cid            int64
		reg, own, nd   common.Address
		root           common.Hash
		leaves, expiry uint64
	}{
		{"another chain", 1, reg, owner, node, root, 16, 99},
		{"another registry", 1337, common.Address{0xa2}, owner, node, root, 16, 99},
		{"another owner", 1337, reg, common.Address{0xb3}, node, root, 16, 99},
		{"another node", 1337, reg, owner, common.Address{0xc4}, root, 16, 99},
		{"another root", 1337, reg, owner, node, common.Hash{0x12}, 16, 99},
		{"another leaf count", 1337, reg, owner, node, root, 17, 99},
		{"another expiry", 1337, reg, owner, node, root, 16, 100},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			td := chain.StorageRequestTypedData(big.NewInt(c.cid), c.reg, c.own, c.nd, c.root, c.leaves, c.expiry)
			if err := chain.VerifyTypedData(td, sig, c.own); !errors.Is(err, chain.ErrBadSignature) {
				t.Errorf("signature over the original checked against %s: %v, want ErrBadSignature", c.name, err)
			}
		})
	}
}
