package wallet_test

import (
	"context"
	"fmt"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/mycroft-network/mycroft/chain"
)

// BenchmarkChainPer1000Calls: the on-chain transactions and gas that 1,000
// paid calls cost, at the provider's redeem policy (redeem when the fee is
// at most 2% of what it pays out) and at the price that policy is built
// for: the fee of one redeem is 2% of 1,000 calls (issue 16's target: at
// most one transaction per 1,000 calls). The redeem loop runs after every
// call, as if it ticked that often; the channel's opening counts too.
func BenchmarkChainPer1000Calls(b *testing.B) {
	d := chainNet(b)
	ctx := context.Background()
	ec, err := ethclient.Dial(d.URL)
	if err != nil {
		b.Fatal(err)
	}
	defer ec.Close()
	n := newNode(b, d)
	// One redeem costs 2% of 1,000 weather calls.
	n.fee = new(big.Int).Div(new(big.Int).Mul(prices["weather"], big.NewInt(1000*2)), big.NewInt(100))
	p := newPayer(b, d, fixedRegistry{[]chain.NodeInfo{n.info()}})
	l, _ := p.w.Limits()
	l.DailyBudget = myc(1_000_000)
	p.w.SetLimits(l)
	first, err := ec.BlockNumber(ctx)
	if err != nil {
		b.Fatal(err)
	}
	const calls = 1000
	redeems := 0
	for range calls {
		if err := weather(ctx, p.w); err != nil {
			b.Fatal(err)
		}
		if err := n.p.Flush(); err != nil {
			b.Fatal(err)
		}
		k, err := n.p.RedeemOnce(ctx)
		if err != nil {
			b.Fatal(err)
		}
		redeems += k
	}
	last, err := ec.BlockNumber(ctx)
	if err != nil {
		b.Fatal(err)
	}
	payer, provider := p.w.Address(), n.acct.addr
	txs, gas := 0, uint64(0)
	for h := first + 1; h <= last; h++ {
		blk, err := ec.BlockByNumber(ctx, new(big.Int).SetUint64(h))
		if err != nil {
			b.Fatal(err)
		}
		for _, tx := range blk.Transactions() {
			from, err := types.Sender(types.LatestSignerForChainID(tx.ChainId()), tx)
			if err != nil {
				b.Fatal(err)
			}
			if from != payer && from != provider {
				continue
			}
			r, err := ec.TransactionReceipt(ctx, tx.Hash())
			if err != nil {
				b.Fatal(err)
			}
			txs++
			gas += r.GasUsed
			sel := ""
			if len(tx.Data()) >= 4 {
				sel = fmt.Sprintf("%x", tx.Data()[:4])
			}
			b.Logf("tx %d: from %s to %s selector %s gas %d", txs, from.Hex()[:10], tx.To().Hex()[:10], sel, r.GasUsed)
		}
	}
	for b.Loop() {
	}
	b.ReportMetric(float64(txs), "tx/1000calls")
	b.ReportMetric(float64(redeems), "redeems/1000calls")
	b.ReportMetric(float64(gas), "gas/1000calls")
}
