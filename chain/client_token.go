package chain

import (
	"context"
	"fmt"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// TokenBalance is account's MYC balance in base units.
func (c *Client) TokenBalance(ctx context.Context, account common.Address) (*big.Int, error) {
	return call(ctx, c, "token balance", c.m.Token,
		func() ([]byte, error) { return c.token.TryPackBalanceOf(account) }, c.token.UnpackBalanceOf)
}

// Allowance is what spender may still pull from owner.
func (c *Client) Allowance(ctx context.Context, owner, spender common.Address) (*big.Int, error) {
	return call(ctx, c, "allowance", c.m.Token,
		func() ([]byte, error) { return c.token.TryPackAllowance(owner, spender) }, c.token.UnpackAllowance)
}

// TransferToken sends amount MYC to to and waits.
func (c *Client) TransferToken(ctx context.Context, to common.Address, amount *big.Int) (*types.Receipt, error) {
	return c.transact(ctx, "transfer", c.m.Token, func() ([]byte, error) { return c.token.TryPackTransfer(to, amount) })
}

// ApproveToken lets spender pull amount MYC from the signer and waits.
func (c *Client) ApproveToken(ctx context.Context, spender common.Address, amount *big.Int) (*types.Receipt, error) {
	return c.transact(ctx, "approve", c.m.Token, func() ([]byte, error) { return c.token.TryPackApprove(spender, amount) })
}

// ensureAllowance approves spender for amount when the current allowance is
// lower.
func (c *Client) ensureAllowance(ctx context.Context, spender common.Address, amount *big.Int) error {
	if c.signer == nil {
		return ErrNoSigner
	}
	have, err := c.Allowance(ctx, c.signer.Address(), spender)
	if err != nil {
		return err
	}
	if have.Cmp(amount) >= 0 {
		return nil
	}
	_, err = c.ApproveToken(ctx, spender, amount)
	return err
}

// Delegate delegates the signer's MYC votes to delegatee (itself to vote
// directly) and waits. Votes count from the next second on.
func (c *Client) Delegate(ctx context.Context, delegatee common.Address) (*types.Receipt, error) {
	return c.transact(ctx, "delegate", c.m.Token, func() ([]byte, error) { return c.token.TryPackDelegate(delegatee) })
}

// Votes is account's current voting power.
func (c *Client) Votes(ctx context.Context, account common.Address) (*big.Int, error) {
	return call(ctx, c, "votes", c.m.Token,
		func() ([]byte, error) { return c.token.TryPackGetVotes(account) }, c.token.UnpackGetVotes)
}

// TokenSupply is the MYC total supply.
func (c *Client) TokenSupply(ctx context.Context) (*big.Int, error) {
	v, err := call(ctx, c, "total supply", c.m.Token, c.token.TryPackTotalSupply, c.token.UnpackTotalSupply)
	if err != nil {
		return nil, fmt.Errorf("chain: %w", err)
	}
	return v, nil
}
