package chain

import (
	"context"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
)

// ChannelState is a channel as stored in the Channels contract.
type ChannelState struct {
	ID         common.Hash
	Payer      common.Address
	Payee      common.Address
	Deposit    *big.Int
	Redeemed   *big.Int
	CloseDelay time.Duration
	// ClosesAt is zero while the channel is open.
	ClosesAt time.Time
}

// Exists reports whether the channel was ever opened.
func (s ChannelState) Exists() bool { return s.Payer != (common.Address{}) }

// Remaining is deposit minus redeemed.
func (s ChannelState) Remaining() *big.Int { return new(big.Int).Sub(s.Deposit, s.Redeemed) }

// ChannelID computes the id open() gives to the channel number nonce from
// payer to payee on this chain's Channels contract.
func ChannelID(chainID *big.Int, channels, payer, payee common.Address, nonce *big.Int) common.Hash {
	var buf [160]byte
	nonNil(chainID).FillBytes(buf[0:32])
	copy(buf[44:64], channels[:])
	copy(buf[76:96], payer[:])
	copy(buf[108:128], payee[:])
	nonNil(nonce).FillBytes(buf[128:160])
	return keccak(buf[:])
}

// OpenChannel approves (when needed) and opens a channel to payee with
// amount MYC and closeDelay, waits, and returns the channel id.
func (c *Client) OpenChannel(ctx context.Context, payee common.Address, amount *big.Int, closeDelay time.Duration) (common.Hash, *types.Receipt, error) {
	if err := c.ensureAllowance(ctx, c.m.Channels, amount); err != nil {
		return common.Hash{}, nil, fmt.Errorf("chain: open channel: %w", err)
	}
	r, err := c.transact(ctx, "open channel", c.m.Channels, func() ([]byte, error) {
		return c.channels.TryPackOpen(payee, amount, uint64(closeDelay/time.Second))
	})
	if err != nil {
		return common.Hash{}, r, err
	}
	id, err := c.openedID(r)
	return id, r, err
}

// TopUpChannel approves (when needed) and adds amount MYC to channel id.
func (c *Client) TopUpChannel(ctx context.Context, id common.Hash, amount *big.Int) (*types.Receipt, error) {
	if err := c.ensureAllowance(ctx, c.m.Channels, amount); err != nil {
		return nil, fmt.Errorf("chain: top up channel: %w", err)
	}
	return c.transact(ctx, "top up channel", c.m.Channels, func() ([]byte, error) { return c.channels.TryPackTopUp(id, amount) })
}

// RedeemChannel redeems the payer's voucher (cumulative, signature) as the
// payee and waits.
func (c *Client) RedeemChannel(ctx context.Context, id common.Hash, cumulative *big.Int, signature []byte) (*types.Receipt, error) {
	return c.transact(ctx, "redeem", c.m.Channels, func() ([]byte, error) { return c.channels.TryPackRedeem(id, cumulative, signature) })
}

// StartCloseChannel starts the close delay of channel id as the payer.
func (c *Client) StartCloseChannel(ctx context.Context, id common.Hash) (*types.Receipt, error) {
	return c.transact(ctx, "start close", c.m.Channels, func() ([]byte, error) { return c.channels.TryPackStartClose(id) })
}

// WithdrawChannel returns the rest of channel id to the payer after the delay.
func (c *Client) WithdrawChannel(ctx context.Context, id common.Hash) (*types.Receipt, error) {
	return c.transact(ctx, "withdraw channel", c.m.Channels, func() ([]byte, error) { return c.channels.TryPackWithdraw(id) })
}

// Channel reads channel id.
func (c *Client) Channel(ctx context.Context, id common.Hash) (ChannelState, error) {
	out, err := call(ctx, c, "channel", c.m.Channels,
		func() ([]byte, error) { return c.channels.TryPackChannels(id) }, c.channels.UnpackChannels)
	if err != nil {
		return ChannelState{}, err
	}
	s := ChannelState{
		ID: id, Payer: out.Payer, Payee: out.Payee, Deposit: out.Deposit, Redeemed: out.Redeemed,
		CloseDelay: time.Duration(out.CloseDelay) * time.Second,
	}
	if out.ClosesAt != 0 {
		s.ClosesAt = time.Unix(int64(out.ClosesAt), 0)
	}
	return s, nil
}

// ChannelsOpenedTo lists the ids of the channels opened to payee in blocks
// from (never before the deployment block) to the latest with the client's
// confirmations on top, oldest first, and returns the block after the last
// one read: where the next scan starts. Logs are read in bounded ranges
// (LogScanner); a failure returns what was found before it with the block
// to resume from.
func (c *Client) ChannelsOpenedTo(ctx context.Context, payee common.Address, from uint64) ([]common.Hash, uint64, error) {
	next := c.fromBlock(from).Uint64()
	topic := c.channels.GetABI().Events["Opened"].ID
	res, err := c.Scanner().Scan(ctx, ethereum.FilterQuery{
		Addresses: []common.Address{c.m.Channels},
		Topics:    [][]common.Hash{{topic}, nil, nil, {common.BytesToHash(payee.Bytes())}},
	}, ScanCursor{Next: next}, 0)
	var ids []common.Hash
	for _, l := range res.Logs {
		if len(l.Topics) == 4 && l.Address == c.m.Channels {
			ids = append(ids, l.Topics[1])
		}
	}
	if err != nil {
		return ids, res.Cursor.Next, fmt.Errorf("chain: channels opened: %w", err)
	}
	return ids, res.Cursor.Next, nil
}

// VoucherTypedData is the Voucher for channel id and cumulative on this
// deployment.
func (c *Client) VoucherTypedData(id common.Hash, cumulative *big.Int) apitypes.TypedData {
	return VoucherTypedData(c.chainID, c.m.Channels, id, cumulative)
}

// ReceiptTypedData is the provider Receipt on this deployment.
func (c *Client) ReceiptTypedData(id common.Hash, cumulative *big.Int, request common.Hash) apitypes.TypedData {
	return ReceiptTypedData(c.chainID, c.m.Channels, id, cumulative, request)
}

// OfferTypedData is a provider Offer on this deployment.
func (c *Client) OfferTypedData(provider common.Address, endpoint, services string, expiry time.Time) apitypes.TypedData {
	return OfferTypedData(c.chainID, c.m.Registry, provider, endpoint, services, big.NewInt(expiry.Unix()))
}
