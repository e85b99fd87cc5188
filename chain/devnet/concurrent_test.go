package devnet_test

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"golang.org/x/sync/errgroup"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/chain/devnet"
)

// TestConcurrentSendersAllMined: many accounts sending at once, each waiting
// for its transfer before the next (as wallets do), must all get mined. The
// sealer once deadlocked here: it waited on the pool's reset while the pool
// waited to hand it a transaction event it was not reading.
func TestConcurrentSendersAllMined(t *testing.T) {
	for _, tc := range []struct {
		name      string
		senders   int
		transfers int  // per sender
		burst     bool // send all transfers back to back, then wait for the last
	}{
		{"32 senders, wait each", 32, 8, false},
		{"16 senders, burst of 12", 16, 12, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			keys := make([]*ecdsa.PrivateKey, tc.senders)
			accts := make([]common.Address, tc.senders)
			for i := range keys {
				keys[i], _ = crypto.GenerateKey()
				accts[i] = crypto.PubkeyToAddress(keys[i].PublicKey)
			}
			d, err := devnet.Start(ctx, devnet.Config{Accounts: accts, FundMYC: devnet.Units(1, devnet.MYC)})
			if err != nil {
				t.Fatalf("Start: %v", err)
			}
			defer d.Close()

			// The sends get their own deadline, short against the client's
			// wait timeout: a stall fails here rather than hanging.
			sctx, scancel := context.WithTimeout(ctx, 30*time.Second)
			defer scancel()
			to := common.Address{0x77}
			var g errgroup.Group
			for _, k := range keys {
				c, err := d.Client(ctx, chain.NewKeySigner(k))
				if err != nil {
					t.Fatal(err)
				}
				defer c.Close()
				g.Go(func() error { return sendTransfers(sctx, c, d.Manifest.Token, to, tc.transfers, tc.burst) })
			}
			if err := g.Wait(); err != nil {
				t.Fatalf("transfers: %v", err)
			}
			c, err := d.Client(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			got, err := c.TokenBalance(ctx, to)
			if err != nil {
				t.Fatal(err)
			}
			if want := int64(tc.senders * tc.transfers); got.Cmp(big.NewInt(want)) != 0 {
				t.Errorf("receiver holds %s base units, want %d", got, want)
			}
		})
	}
}

// sendTransfers sends n transfers of 1 base unit of the token to to: each
// waited for in turn, or all sent at once and the last one waited for.
func sendTransfers(ctx context.Context, c *chain.Client, token, to common.Address, n int, burst bool) error {
	data := make([]byte, 4+32+32)
	copy(data, crypto.Keccak256([]byte("transfer(address,uint256)"))[:4])
	copy(data[4+12:], to[:])
	data[len(data)-1] = 1
	for i := range n {
		tx, err := c.Send(ctx, &token, data, nil)
		if err != nil {
			return fmt.Errorf("%s: send %d: %w", c.Address(), i, err)
		}
		if burst && i < n-1 {
			continue
		}
		if _, err := c.WaitMined(ctx, tx); err != nil {
			return fmt.Errorf("%s: transfer %d: %w", c.Address(), i, err)
		}
	}
	return nil
}
