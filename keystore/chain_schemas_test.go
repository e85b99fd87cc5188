package keystore_test

import (
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/math"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/keystore"
)

// TestChainTypedDataSigns checks that typed data built by the chain package
// for every schema the contracts verify is on the allow-list, and that the
// keystore's signature verifies with the chain package's verifier.
func TestChainTypedDataSigns(t *testing.T) {
	key, err := crypto.HexToECDSA("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318")
	if err != nil {
		t.Fatal(err)
	}
	s := keystore.NewSigner(key, big.NewInt(1337))
	id := big.NewInt(1337)
	registry := common.HexToAddress("0x00000000000000000000000000000000000000a1")
	grants := common.HexToAddress("0x00000000000000000000000000000000000000a2")
	governor := common.HexToAddress("0x00000000000000000000000000000000000000a3")
	token := common.HexToAddress("0x00000000000000000000000000000000000000a4")
	channels := common.HexToAddress("0x00000000000000000000000000000000000000a5")
	s.SetPermitSpenders(channels)
	root := common.HexToHash("0x1111111111111111111111111111111111111111111111111111111111111111")
	cases := []struct {
		name string
		td   apitypes.TypedData
	}{
		{"Storage", chain.StorageTypedData(id, registry, s.Address(), root, 16, 1_900_000_000)},
		{"BackupManifest", chain.BackupManifestTypedData(id, registry, s.Address(), root, 1_764_000_000_000_000_000)},
		{"SignUp", chain.SignUpTypedData(id, grants, s.Address(), root, big.NewInt(1_900_000_000))},
		{"Ballot", chain.BallotTypedData(id, governor, big.NewInt(77), chain.VoteFor, s.Address(), big.NewInt(0))},
		{"Delegation", chain.DelegationTypedData(id, token, s.Address(), big.NewInt(0), big.NewInt(1_900_000_000))},
		{"Open", chain.OpenTypedData(id, channels, chain.OpenRequest{Payer: s.Address(), Payee: registry, Amount: big.NewInt(5), CloseDelay: 86400, Relayer: registry, Fee: big.NewInt(1), Deadline: 1_900_000_000})},
		{"ClaimRelay", chain.ClaimRelayTypedData(id, grants, s.Address(), root, registry)},
		{"Permit", chain.PermitTypedData(id, token, s.Address(), channels, big.NewInt(6), big.NewInt(0), big.NewInt(1_900_000_000))},
	}
	for _, c := range cases {
		sig, err := s.SignTypedData(c.td)
		if err != nil {
			t.Errorf("%s: sign: %v", c.name, err)
			continue
		}
		if err := chain.VerifyTypedData(c.td, sig, s.Address()); err != nil {
			t.Errorf("%s: verify: %v", c.name, err)
		}
		// Another chain is refused.
		other := c.td
		other.Domain.ChainId = (*math.HexOrDecimal256)(big.NewInt(1))
		if _, err := s.SignTypedData(other); err == nil {
			t.Errorf("%s: signed for another chain", c.name)
		}
	}
}

// A permit is signed only for the spenders set: one for any other address
// would let it take the owner's tokens.
func TestPermitOnlyForChannels(t *testing.T) {
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	s := keystore.NewSigner(key, big.NewInt(1337))
	token := common.HexToAddress("0x00000000000000000000000000000000000000a4")
	channels := common.HexToAddress("0x00000000000000000000000000000000000000a5")
	thief := common.HexToAddress("0x00000000000000000000000000000000000000ee")
	permit := func(spender common.Address) apitypes.TypedData {
		return chain.PermitTypedData(big.NewInt(1337), token, s.Address(), spender, big.NewInt(1), big.NewInt(0), big.NewInt(1_900_000_000))
	}
	if _, err := s.SignTypedData(permit(channels)); !errors.Is(err, keystore.ErrNotAllowed) {
		t.Errorf("permit with no spender set: %v, want ErrNotAllowed", err)
	}
	s.SetPermitSpenders(channels)
	if _, err := s.SignTypedData(permit(thief)); !errors.Is(err, keystore.ErrNotAllowed) {
		t.Errorf("permit for another spender: %v, want ErrNotAllowed", err)
	}
	if _, err := s.SignTypedData(permit(channels)); err != nil {
		t.Errorf("permit for Channels: %v", err)
	}
}
