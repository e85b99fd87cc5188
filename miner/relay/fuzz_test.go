package relay

import (
	"bytes"
	"context"
	"errors"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"

	"github.com/mycroft-network/mycroft/chain"
)

// refusing is a chain that refuses every action, for parsing alone.
type refusing struct{}

var errRefusedByChain = errors.New("refused by the test chain")

func (refusing) Address() common.Address { return common.Address{1} }
func (refusing) SubmitOpen(context.Context, chain.SignedOpen) (common.Hash, *types.Receipt, error) {
	return common.Hash{}, nil, errRefusedByChain
}
func (refusing) SubmitRelayedClaim(context.Context, chain.RelayedClaim) (*types.Receipt, error) {
	return nil, errRefusedByChain
}
func (refusing) GrantRelayFee(context.Context) (*big.Int, error) { return new(big.Int), nil }
func (refusing) CastVoteBySig(context.Context, *big.Int, uint8, common.Address, []byte) (*types.Receipt, error) {
	return nil, errRefusedByChain
}
func (refusing) DelegateBySig(context.Context, chain.SignedDelegation) (*types.Receipt, error) {
	return nil, errRefusedByChain
}

// FuzzCall: any body is refused as a bad request or reaches the chain as
// a well-formed action; nothing panics.
func FuzzCall(f *testing.F) {
	f.Add([]byte(`{"kind":"ballot","proposal":"0x1","support":1,"voter":"0x0000000000000000000000000000000000000001","signature":"0x` + string(bytes.Repeat([]byte("ab"), 65)) + `"}`))
	f.Add([]byte(`{"kind":"delegation","delegatee":"0x0000000000000000000000000000000000000001","nonce":"0x0","expiry":"0x1","signature":"0x00"}`))
	f.Add([]byte(`{"kind":"x"}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		r, err := New(Config{Chain: refusing{}, PerHour: 1 << 20})
		if err != nil {
			t.Fatal(err)
		}
		out, err := r.Call(context.Background(), nil, bytes.NewReader(body))
		if err == nil {
			t.Fatalf("body %q relayed through a chain that refuses everything: %s", body, out)
		}
		if !errors.Is(err, ErrBadRequest) && !errors.Is(err, errRefusedByChain) {
			t.Fatalf("body %q: %v is neither a bad request nor the chain's refusal", body, err)
		}
	})
}
