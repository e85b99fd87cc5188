package chain

import (
	"context"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
)

// Grant reward kinds (Grants.reward).
const (
	RewardSkill     uint8 = 0
	RewardDeveloper uint8 = 1
	RewardOther     uint8 = 2
)

// SignUpTypedData is the registrar's SignUp attestation on this deployment.
func (c *Client) SignUpTypedData(owner common.Address, device common.Hash, expiry time.Time) apitypes.TypedData {
	return SignUpTypedData(c.chainID, c.m.Grants, owner, device, big.NewInt(expiry.Unix()))
}

// ClaimGrant submits owner's sign-up grant with the registrar's signature;
// the signer (owner itself, the registrar or any relayer) pays the gas and
// owner receives the MYC and native coin.
func (c *Client) ClaimGrant(ctx context.Context, owner common.Address, device common.Hash, expiry time.Time, registrarSig []byte) (*types.Receipt, error) {
	return c.transact(ctx, "claim grant", c.m.Grants, func() ([]byte, error) {
		return c.grants.TryPackClaim(owner, device, big.NewInt(expiry.Unix()), registrarSig)
	})
}

// GrantClaimed reports whether owner already received its sign-up grant.
func (c *Client) GrantClaimed(ctx context.Context, owner common.Address) (bool, error) {
	return call(ctx, c, "grant claimed", c.m.Grants,
		func() ([]byte, error) { return c.grants.TryPackOwnerClaimed(owner) }, c.grants.UnpackOwnerClaimed)
}

// RewardAction packs Grants.reward as a governance action (target,
// calldata) for a proposal paying a skill creator or developer.
func (c *Client) RewardAction(to common.Address, amount *big.Int, kind uint8, memo string) (common.Address, []byte, error) {
	data, err := c.grants.TryPackReward(to, amount, kind, memo)
	if err != nil {
		return common.Address{}, nil, fmt.Errorf("chain: reward action: %w", err)
	}
	return c.m.Grants, data, nil
}
