package deploy

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/mycroft-network/mycroft/chain"
)

// Dial returns a client over the endpoints urls (chain.DialPool: failover
// between them) for chain want, before any manifest exists: the client's
// manifest is a placeholder, to deploy and to verify with, not to call the
// contracts. Each endpoint is asked its chain id first: one serving
// another chain is an error, and at least one must answer.
func Dial(ctx context.Context, urls []string, want uint64, opts ...chain.Option) (*chain.Client, error) {
	if len(urls) == 0 {
		return nil, fmt.Errorf("deploy: dial: no endpoint")
	}
	var errs []error
	for _, u := range urls {
		err := checkChainID(ctx, u, want)
		if errors.Is(err, chain.ErrChainID) {
			return nil, err
		}
		if err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) == len(urls) {
		return nil, fmt.Errorf("deploy: dial: %w: %w", chain.ErrNoEndpoint, errors.Join(errs...))
	}
	return chain.DialPool(urls, placeholder(want), opts...)
}

func checkChainID(ctx context.Context, url string, want uint64) error {
	ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	ec, err := ethclient.DialContext(ctx, url)
	if err != nil {
		return fmt.Errorf("%s: %w", chain.RedactURL(url), err)
	}
	defer ec.Close()
	id, err := ec.ChainID(ctx)
	if err != nil {
		return fmt.Errorf("%s: chain id: %w", chain.RedactURL(url), err)
	}
	if !id.IsUint64() || id.Uint64() != want {
		return fmt.Errorf("%w: %s serves chain %s, want %d", chain.ErrChainID, chain.RedactURL(url), id, want)
	}
	return nil
}

func placeholder(id uint64) chain.Manifest {
	return chain.Manifest{
		ChainID: id, Token: common.Address{1}, Channels: common.Address{2}, Registry: common.Address{3},
		Governor: common.Address{4}, Timelock: common.Address{5}, Grants: common.Address{6},
	}
}
