package wallet

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain"
)

// openRelayed has provider n open the channel to itself and pay the gas,
// for fee out of the wallet's tokens (a wallet with tokens and no native
// coin). The channel n answers is checked on chain before it is used.
func (w *Wallet) openRelayed(ctx context.Context, n chain.NodeInfo, fee, deposit *big.Int, delay uint64) (common.Hash, error) {
	so, err := w.cfg.Chain.SignOpen(ctx, w.cfg.Signer, chain.OpenRequest{
		Payer: w.Address(), Payee: n.Address, Amount: deposit, CloseDelay: delay,
		Relayer: n.Address, Fee: new(big.Int).Set(fee),
	})
	if err != nil {
		return common.Hash{}, err
	}
	var res chain.RelayResult
	if err := w.postRelay(ctx, n, "/v1/relay/open", so, &res); err != nil {
		return common.Hash{}, err
	}
	if res.Channel == nil {
		return common.Hash{}, fmt.Errorf("wallet: relayed open: %s answered no channel", n.Address.Hex())
	}
	// The relayer waited for its receipt; this wallet's RPC may be a block
	// behind it.
	var st chain.ChannelState
	for try := 0; ; try++ {
		st, err = w.cfg.Chain.Channel(ctx, *res.Channel)
		if err == nil && st.Exists() || try == 10 {
			break
		}
		select {
		case <-ctx.Done():
			return common.Hash{}, ctx.Err()
		case <-time.After(time.Second):
		}
	}
	if err != nil {
		return common.Hash{}, fmt.Errorf("wallet: relayed open: read channel %s: %w", res.Channel.Hex(), err)
	}
	if st.Payer != w.Address() || st.Payee != n.Address || st.Deposit.Cmp(deposit) != 0 {
		return common.Hash{}, fmt.Errorf("wallet: relayed open: %s answered channel %s, which is not the one asked for", n.Address.Hex(), res.Channel.Hex())
	}
	w.log.Info("wallet: a provider opened the channel for its fee", "provider", n.Address, "fee", fee, "tx", res.Tx)
	return *res.Channel, nil
}

// postRelay posts v to a relaying node's path and reads its answer.
func (w *Wallet) postRelay(ctx context.Context, n chain.NodeInfo, path string, v, out any) error {
	hc, base, err := w.client(n.Address, n.Endpoint)
	if err != nil {
		return err
	}
	body, err := json.Marshal(v)
	if err != nil {
		return err
	}
	cctx, cancel := context.WithTimeout(ctx, 2*w.cfg.CallTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(cctx, http.MethodPost, base+path, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := hc.Do(req)
	if err != nil {
		return fmt.Errorf("wallet: relay %s: %w", n.Address.Hex(), err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	if err != nil {
		return fmt.Errorf("wallet: relay %s: %w", n.Address.Hex(), err)
	}
	if resp.StatusCode != http.StatusOK {
		var e struct {
			Error string `json:"error"`
		}
		_ = json.Unmarshal(b, &e)
		return fmt.Errorf("wallet: relay %s: %s: %s", n.Address.Hex(), resp.Status, strings.TrimSpace(e.Error))
	}
	if err := json.Unmarshal(b, out); err != nil {
		return fmt.Errorf("wallet: relay %s: answer: %w", n.Address.Hex(), err)
	}
	return nil
}

// ClaimGrantRelayed has a relaying provider submit the owner's sign-up
// claim (for a wallet with no gas): the wallet signs the ClaimRelay
// naming each relayer it tries, and the relayer is paid the Grants' relay
// fee out of the grant.
func (w *Wallet) ClaimGrantRelayed(ctx context.Context, cl chain.SignUpClaim, claimRelay func(relayer common.Address) ([]byte, error)) (chain.RelayResult, error) {
	nodes, err := w.nodes(ctx, chain.ServiceRelay)
	if err != nil {
		return chain.RelayResult{}, err
	}
	var tried []error
	for _, n := range nodes {
		if _, ok := n.Prices[chain.ServiceRelay]; !ok || !n.Registered || n.Endpoint == "" {
			continue
		}
		if len(tried) >= w.cfg.Attempts {
			break
		}
		sig, err := claimRelay(n.Address)
		if err != nil {
			return chain.RelayResult{}, err
		}
		var res chain.RelayResult
		err = w.postRelay(ctx, n, "/v1/relay/claim", chain.RelayedClaim{Claim: cl, OwnerSignature: sig}, &res)
		if err == nil {
			return res, nil
		}
		tried = append(tried, err)
	}
	return chain.RelayResult{}, &NoProviderError{Service: chain.ServiceRelay, Tried: tried}
}

// Relay has a relaying provider submit a ballot or a delegation, paid by
// voucher as the call "relay". build signs the action once the channel to
// the provider is open: a relayed open spends the Token nonce a delegation
// signed before it would have used.
func (w *Wallet) Relay(ctx context.Context, build func(ctx context.Context) (chain.RelayAction, error)) (chain.RelayResult, error) {
	lim, err := w.Limits()
	if err != nil {
		return chain.RelayResult{}, err
	}
	if err := w.anyFunds(ctx, chain.ServiceRelay); err != nil {
		return chain.RelayResult{}, err
	}
	nodes, err := w.nodes(ctx, chain.ServiceRelay)
	if err != nil {
		return chain.RelayResult{}, err
	}
	now := w.cfg.Now()
	cands := Choose(nodes, chain.ServiceRelay, lim.MaxPrice, func(a common.Address) bool { return w.health.healthy(a, now) }, w.cfg.Rand)
	var tried []error
	for i, n := range cands {
		if i >= w.cfg.Attempts {
			break
		}
		res, err := w.relayAt(ctx, n, lim, build)
		if err == nil {
			w.health.ok(n.Address)
			return res, nil
		}
		var le *LimitError
		if errors.As(err, &le) && le.Err != ErrOverExposure || ctx.Err() != nil {
			return chain.RelayResult{}, err
		}
		w.health.fail(n.Address, w.cfg.Now())
		tried = append(tried, fmt.Errorf("%s: %w", n.Address.Hex(), err))
	}
	return chain.RelayResult{}, &NoProviderError{Service: chain.ServiceRelay, Tried: tried}
}

// relayAt opens (or tops up) the channel to n, then signs the action and
// pays n to relay it.
func (w *Wallet) relayAt(ctx context.Context, n chain.NodeInfo, lim Limits, build func(ctx context.Context) (chain.RelayAction, error)) (chain.RelayResult, error) {
	unlock := w.lock(n.Address)
	_, _, err := w.channelFor(ctx, n, chain.ServiceRelay, lim)
	unlock()
	if err != nil {
		return chain.RelayResult{}, err
	}
	a, err := build(ctx)
	if err != nil {
		return chain.RelayResult{}, err
	}
	body, err := json.Marshal(a)
	if err != nil {
		return chain.RelayResult{}, err
	}
	res, err := w.CallProvider(ctx, n, chain.ServiceRelay, nil, bytes.NewReader(body))
	if err != nil {
		return chain.RelayResult{}, err
	}
	var out chain.RelayResult
	if err := json.Unmarshal(res.Body, &out); err != nil || out.Tx == (common.Hash{}) {
		return chain.RelayResult{}, fmt.Errorf("wallet: relay: %s answered no transaction (%v)", n.Address.Hex(), err)
	}
	w.log.Info("wallet: a provider relayed the action", "kind", a.Kind, "provider", n.Address, "tx", out.Tx)
	return out, nil
}
