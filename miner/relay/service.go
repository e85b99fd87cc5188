package relay

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/big"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain"
)

// Call relays one chain.RelayAction (the provider.Service of the paid "relay"
// service). It answers the transaction hash as JSON Result. The call is
// paid before it runs: an action the chain refuses (already voted, a used
// nonce) is still paid for, so a device signs it just before it asks.
func (r *Relayer) Call(ctx context.Context, _ map[string][]string, body io.Reader) ([]byte, error) {
	var a chain.RelayAction
	dec := json.NewDecoder(io.LimitReader(body, maxBody))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&a); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadRequest, err)
	}
	if len(a.Signature) != 65 {
		return nil, fmt.Errorf("%w: signature of %d bytes, want 65", ErrBadRequest, len(a.Signature))
	}
	var res chain.RelayResult
	switch a.Kind {
	case chain.RelayBallot:
		if a.Proposal == nil || a.Voter == (common.Address{}) || a.Support > chain.VoteAbstain {
			return nil, fmt.Errorf("%w: a ballot needs proposal, support 0-2 and voter", ErrBadRequest)
		}
		if err := r.take(a.Voter); err != nil {
			return nil, err
		}
		rc, err := r.cfg.Chain.CastVoteBySig(ctx, (*big.Int)(a.Proposal), a.Support, a.Voter, a.Signature)
		if err != nil {
			return nil, fmt.Errorf("relay: ballot: %w", err)
		}
		res.Tx = rc.TxHash
	case chain.RelayDelegation:
		if a.Delegatee == (common.Address{}) || a.Nonce == nil || a.Expiry == nil {
			return nil, fmt.Errorf("%w: a delegation needs delegatee, nonce and expiry", ErrBadRequest)
		}
		if err := r.take(a.Delegatee); err != nil {
			return nil, err
		}
		rc, err := r.cfg.Chain.DelegateBySig(ctx, chain.SignedDelegation{
			Delegatee: a.Delegatee, Nonce: (*big.Int)(a.Nonce), Expiry: (*big.Int)(a.Expiry), Signature: a.Signature,
		})
		if err != nil {
			return nil, fmt.Errorf("relay: delegation: %w", err)
		}
		res.Tx = rc.TxHash
	default:
		return nil, fmt.Errorf("%w: kind %q (ballot or delegation)", ErrBadRequest, a.Kind)
	}
	r.cfg.Log.Info("relay: relayed", "kind", a.Kind, "tx", res.Tx)
	return json.Marshal(res)
}
