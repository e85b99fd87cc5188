package deploy

import (
	"context"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/mycroft-network/mycroft/chain"
)

// Dial connects to the endpoint url and returns a client for the chain it
// serves, before any manifest exists (the client's manifest is a
// placeholder: use it to deploy and to verify, not to call the contracts).
// When want is not 0 the endpoint must serve chain want.
func Dial(ctx context.Context, url string, want uint64, opts ...chain.Option) (*chain.Client, error) {
	ec, err := ethclient.DialContext(ctx, url)
	if err != nil {
		return nil, fmt.Errorf("deploy: dial: %w", err)
	}
	id, err := ec.ChainID(ctx)
	if err != nil {
		ec.Close()
		return nil, fmt.Errorf("deploy: dial: chain id: %w", err)
	}
	if want != 0 && (!id.IsUint64() || id.Uint64() != want) {
		ec.Close()
		return nil, fmt.Errorf("%w: endpoint serves %s, want %d", chain.ErrChainID, id, want)
	}
	ec.Close()
	return chain.Dial(ctx, url, placeholder(id.Uint64()), opts...)
}

func placeholder(id uint64) chain.Manifest {
	return chain.Manifest{
		ChainID: id, Token: common.Address{1}, Channels: common.Address{2}, Registry: common.Address{3},
		Governor: common.Address{4}, Timelock: common.Address{5}, Grants: common.Address{6},
	}
}
