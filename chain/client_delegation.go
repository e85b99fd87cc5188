package chain

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
)

// DomainToken is the EIP-712 domain name of the Token (its ERC20Permit
// name), under which permits and delegations are signed.
const DomainToken = "Mycroft token"

// TypeDelegation is OpenZeppelin ERC20Votes' delegation by signature.
const TypeDelegation = "Delegation"

// DelegationTypedData is OpenZeppelin's Delegation(address delegatee,uint256
// nonce,uint256 expiry) in the "Mycroft token" domain of the Token: the
// holder signs it and anyone submits it with delegateBySig, so a device
// with no gas can still delegate its votes (to itself). nonce is the
// Token's nonces(holder), shared with permits; expiry is unix seconds.
func DelegationTypedData(chainID *big.Int, token, delegatee common.Address, nonce, expiry *big.Int) apitypes.TypedData {
	return typed(TypeDelegation, []apitypes.Type{
		{Name: "delegatee", Type: "address"},
		{Name: "nonce", Type: "uint256"},
		{Name: "expiry", Type: "uint256"},
	}, domain(DomainToken, chainID, token), apitypes.TypedDataMessage{
		"delegatee": delegatee.Hex(),
		"nonce":     dec(nonce),
		"expiry":    dec(expiry),
	})
}

// SignedDelegation is a holder's signed Delegation, ready for
// DelegateBySig by the holder or by any relayer.
type SignedDelegation struct {
	Token     common.Address
	Delegatee common.Address
	Nonce     *big.Int
	Expiry    *big.Int
	Signature []byte // 65 bytes r || s || v, v in {27, 28}
}

// TokenNonce is account's Token nonce (permits and delegations).
func (c *Client) TokenNonce(ctx context.Context, account common.Address) (*big.Int, error) {
	return call(ctx, c, "token nonce", c.m.Token,
		func() ([]byte, error) { return c.token.TryPackNonces(account) }, c.token.UnpackNonces)
}

// Delegates is the address account's votes are delegated to (zero when
// it never delegated, so its tokens carry no votes).
func (c *Client) Delegates(ctx context.Context, account common.Address) (common.Address, error) {
	return call(ctx, c, "delegates", c.m.Token,
		func() ([]byte, error) { return c.token.TryPackDelegates(account) }, c.token.UnpackDelegates)
}

// DelegationTypedData builds the Delegation holder signs to delegate its
// votes to delegatee until expiry, reading holder's current Token nonce.
func (c *Client) DelegationTypedData(ctx context.Context, holder, delegatee common.Address, expiry *big.Int) (apitypes.TypedData, error) {
	nonce, err := c.TokenNonce(ctx, holder)
	if err != nil {
		return apitypes.TypedData{}, err
	}
	return DelegationTypedData(c.chainID, c.m.Token, delegatee, nonce, expiry), nil
}

// DelegateBySig submits a signed delegation; the client's signer pays the
// gas, and the votes of whoever signed d move to d.Delegatee.
func (c *Client) DelegateBySig(ctx context.Context, d SignedDelegation) (*types.Receipt, error) {
	if len(d.Signature) != 65 {
		return nil, fmt.Errorf("%w: delegation signature of %d bytes, want 65", ErrBadSignature, len(d.Signature))
	}
	if d.Token != (common.Address{}) && d.Token != c.m.Token {
		return nil, fmt.Errorf("%w: delegation for token %s, this deployment's is %s", ErrBadSignature, d.Token.Hex(), c.m.Token.Hex())
	}
	var r, s [32]byte
	copy(r[:], d.Signature[:32])
	copy(s[:], d.Signature[32:64])
	v := d.Signature[64]
	return c.transact(ctx, "delegate by sig", c.m.Token, func() ([]byte, error) {
		return c.token.TryPackDelegateBySig(d.Delegatee, nonNil(d.Nonce), nonNil(d.Expiry), v, r, s)
	})
}

// PastVotes is account's voting power at timepoint (unix seconds: the
// Token's clock), as the Governor counts it for a proposal whose snapshot
// is timepoint.
func (c *Client) PastVotes(ctx context.Context, account common.Address, timepoint uint64) (*big.Int, error) {
	return call(ctx, c, "past votes", c.m.Token,
		func() ([]byte, error) { return c.token.TryPackGetPastVotes(account, new(big.Int).SetUint64(timepoint)) }, c.token.UnpackGetPastVotes)
}

// ProposalSnapshot is the timepoint at which proposal id's voting power
// is read (its creation plus the voting delay).
func (c *Client) ProposalSnapshot(ctx context.Context, id *big.Int) (uint64, error) {
	v, err := call(ctx, c, "proposal snapshot", c.m.Governor,
		func() ([]byte, error) { return c.governor.TryPackProposalSnapshot(id) }, c.governor.UnpackProposalSnapshot)
	if err != nil {
		return 0, err
	}
	return v.Uint64(), nil
}
