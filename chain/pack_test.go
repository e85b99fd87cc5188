package chain_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain/bindings"
)

func packVoucherDigest(t *testing.T, id common.Hash, cum *big.Int) []byte {
	t.Helper()
	b, err := bindings.NewChannels().TryPackVoucherDigest(id, cum)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
