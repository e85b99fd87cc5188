package wallet_test

import (
	"context"
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/wallet"
)

// The owner's limits refuse a call, with the numbers, before anything is
// signed; the provider holds nothing for refused calls.
func TestOwnerLimits(t *testing.T) {
	d := chainNet(t)
	price := prices["weather"]
	mul := func(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), price) }
	cases := []struct {
		name  string
		set   func(l *wallet.Limits)
		ok    int // calls that go through before the refusal
		want  error
		limit *big.Int
		spent *big.Int
	}{
		{"price above the ceiling", func(l *wallet.Limits) { l.MaxPrice = new(big.Int).Sub(price, big.NewInt(1)) },
			0, wallet.ErrOverPrice, new(big.Int).Sub(price, big.NewInt(1)), nil},
		{"daily budget", func(l *wallet.Limits) { l.DailyBudget = mul(2) }, 2, wallet.ErrOverBudget, mul(2), mul(2)},
		// Opened with 2 calls' worth, topped up once to the cap of 3, then refused.
		{"exposure to one provider", func(l *wallet.Limits) { l.Deposit, l.MaxExposure, l.TopUpCalls = mul(2), mul(3), 1 },
			3, wallet.ErrOverExposure, mul(3), mul(3)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			n := newNode(t, d)
			p := newPayer(t, d, fixedRegistry{[]chain.NodeInfo{n.info()}})
			l, _ := p.w.Limits()
			c.set(&l)
			if err := p.w.SetLimits(l); err != nil {
				t.Fatal(err)
			}
			for i := 0; i < c.ok; i++ {
				if err := weather(ctx, p.w); err != nil {
					t.Fatalf("call %d: %v", i, err)
				}
			}
			err := weather(ctx, p.w)
			var le *wallet.LimitError
			if !errors.Is(err, c.want) || !errors.As(err, &le) {
				t.Fatalf("got %v, want a LimitError wrapping %v", err, c.want)
			}
			if le.Limit.Cmp(c.limit) != 0 || (c.spent != nil && le.Spent.Cmp(c.spent) != 0) || le.Price.Cmp(price) != 0 {
				t.Errorf("LimitError %+v, want price %s limit %s spent %v", le, price, c.limit, c.spent)
			}
			if got := n.held(t); got.Cmp(mul(int64(c.ok))) != 0 {
				t.Errorf("provider holds %s, want %s", got, mul(int64(c.ok)))
			}
		})
	}
}

// A provider that does not redeem because the fee is too high still
// redeems, whatever the fee, before a closing channel's deadline.
func TestRedeemBeforeCloseDeadline(t *testing.T) {
	d := chainNet(t)
	ctx := context.Background()
	n := newNode(t, d)
	p := newPayer(t, d, fixedRegistry{[]chain.NodeInfo{n.info()}})
	for i := 0; i < 2; i++ {
		if err := weather(ctx, p.w); err != nil {
			t.Fatal(err)
		}
	}
	n.fee = myc(1) // far above 2%
	if got, err := n.p.RedeemOnce(ctx); err != nil || got != 0 {
		t.Fatalf("RedeemOnce with a high fee: %d, %v; want none", got, err)
	}
	st, err := p.w.Close(ctx, n.acct.addr)
	if err != nil {
		t.Fatal(err)
	}
	closesAt := time.Unix(int64(st.ClosesAt), 0)
	// Early in the close delay: still waiting for a better fee.
	n.now = func() time.Time { return closesAt.Add(-2 * time.Hour) }
	if got, err := n.p.RedeemOnce(ctx); err != nil || got != 0 {
		t.Fatalf("RedeemOnce early in the close delay: %d, %v; want none", got, err)
	}
	// Within the margin (MinCloseDelay/2 = 30 min): redeem now.
	n.now = func() time.Time { return closesAt.Add(-20 * time.Minute) }
	if got, err := n.p.RedeemOnce(ctx); err != nil || got != 1 {
		t.Fatalf("RedeemOnce near the deadline: %d, %v; want 1", got, err)
	}
	chs, _ := p.w.Channels()
	cs, err := n.acct.c.Channel(ctx, common32(t, chs[0].ID))
	if err != nil {
		t.Fatal(err)
	}
	if want := new(big.Int).Mul(big.NewInt(2), prices["weather"]); cs.Redeemed.Cmp(want) != 0 {
		t.Errorf("redeemed %s, want %s", cs.Redeemed, want)
	}
}

// Providers that sell a service within the price limit but cannot be
// reached are not the owner's limit: the wallet says so (it once said the
// price was over the limit).
func TestUnreachableProvidersAreNotOverPrice(t *testing.T) {
	d := chainNet(t)
	info := newNode(t, d).info()
	info.Endpoint = "" // registered, priced, but no address announced
	p := newPayer(t, d, fixedRegistry{[]chain.NodeInfo{info}})
	err := weather(context.Background(), p.w)
	var npe *wallet.NoProviderError
	if errors.Is(err, wallet.ErrOverPrice) || !errors.As(err, &npe) || !npe.Unreachable {
		t.Fatalf("got %v; want a NoProviderError for unreachable providers, not over the price limit", err)
	}
	if got := npe.Speak(); got != "The providers of weather reports cannot be reached right now. Try again later." {
		t.Errorf("spoken as %q", got)
	}
}
