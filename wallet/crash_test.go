package wallet_test

import (
	"context"
	"errors"
	"math/big"
	"path/filepath"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/miner/provider"
	"github.com/mycroft-network/mycroft/wallet"
)

var errCrash = errors.New("simulated crash")

// A kill of the payer or the provider at each step of a call, followed by
// a restart on the same database, never pays twice and puts at most one
// call's price at risk; the redeem on chain pays exactly what the provider
// holds.
func TestCrashAtEveryStep(t *testing.T) {
	price := prices["weather"]
	cases := []struct {
		name string
		// crash arms the failure for the next call; restart brings the
		// crashed side back.
		crash   func(p *payer, n *node)
		restart func(t testing.TB, p *payer, n *node)
		// lost is how many calls the payer paid for without an answer
		// (negative: answered calls the provider was not paid for).
		lost int64
		// answered: the crashed call's answer reached the payer.
		answered bool
		// recovered: the payer's history gets the crashed call from the
		// provider at resync (its own record of it was lost).
		recovered bool
	}{
		{"payer after persist, before send",
			func(p *payer, n *node) { p.w.SetHooks(&wallet.Hooks{AfterPersist: func() error { return errCrash }}) },
			func(t testing.TB, p *payer, n *node) { p.start(t) }, 0, false, false},
		{"provider after persist, before serve",
			func(p *payer, n *node) {
				n.p.SetHooks(&provider.Hooks{AfterPersist: func() error { return errCrash }})
			},
			func(t testing.TB, p *payer, n *node) { n.start(t) }, 0, false, false},
		{"provider after serve, before receipt",
			func(p *payer, n *node) { n.p.SetHooks(&provider.Hooks{AfterServe: func() error { return errCrash }}) },
			func(t testing.TB, p *payer, n *node) { n.start(t) }, 0, false, false},
		{"provider answered, died before its receipt record was durable",
			func(p *payer, n *node) { n.p.SetHooks(&provider.Hooks{LoseReceipt: func() error { return errCrash }}) },
			func(t testing.TB, p *payer, n *node) { n.start(t) }, -1, true, false},
		{"payer answered, died before its receipt record was durable",
			func(p *payer, n *node) { p.w.SetHooks(&wallet.Hooks{LoseReceipt: func() error { return errCrash }}) },
			func(t testing.TB, p *payer, n *node) { p.start(t) }, 0, true, true},
		{"payer after the answer, before reading the receipt",
			func(p *payer, n *node) { p.w.SetHooks(&wallet.Hooks{BeforeReceipt: func() error { return errCrash }}) },
			func(t testing.TB, p *payer, n *node) { p.start(t) }, 1, false, true},
		{"both restart after the provider persisted",
			func(p *payer, n *node) {
				n.p.SetHooks(&provider.Hooks{AfterPersist: func() error { return errCrash }})
			},
			func(t testing.TB, p *payer, n *node) { n.start(t); p.start(t) }, 0, false, false},
	}
	d := chainNet(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx := context.Background()
			n := newNode(t, d)
			p := newPayer(t, d, fixedRegistry{[]chain.NodeInfo{n.info()}})
			answered := int64(0)
			call := func() error {
				err := weather(ctx, p.w)
				if err == nil {
					answered++
				}
				return err
			}
			for i := 0; i < 2; i++ {
				if err := call(); err != nil {
					t.Fatalf("call %d: %v", i, err)
				}
			}
			c.crash(p, n)
			if err := call(); (err == nil) != c.answered {
				t.Fatalf("call with a crash %s: err %v, want answered %v", c.name, err, c.answered)
			}
			c.restart(t, p, n)
			for i := 0; i < 2; i++ {
				if err := call(); err != nil {
					t.Fatalf("call %d after restart: %v", i, err)
				}
			}
			held := n.held(t)
			want := new(big.Int).Mul(big.NewInt(answered+c.lost), price)
			if held.Cmp(want) != 0 {
				t.Errorf("provider holds %s after %d answered calls, want %s (%d lost)", held, answered, want, c.lost)
			}
			// Every call the provider holds is in the payer's history as
			// paid, the ones recovered after a crash included.
			hist, err := p.w.History(0)
			if err != nil {
				t.Fatal(err)
			}
			paid, recovered := int64(0), int64(0)
			for _, e := range hist {
				if e.Status == "paid" {
					paid++
				}
				if e.Note != "" {
					recovered++
				}
			}
			if want := map[bool]int64{true: 1}[c.recovered]; recovered != want {
				t.Errorf("history has %d entries recovered at resync, want %d", recovered, want)
			}
			if want := answered + max(c.lost, 0); paid != want {
				t.Errorf("history has %d paid calls, want %d: %+v", paid, want, hist)
			}
			chs, err := p.w.Channels()
			if err != nil || len(chs) != 1 {
				t.Fatalf("channels %v, %v", chs, err)
			}
			signed, _ := new(big.Int).SetString(chs[0].Signed, 10)
			if signed.Cmp(held) != 0 {
				t.Errorf("payer signed %s, provider holds %s: the difference is at risk", signed, held)
			}
			// The provider is paid exactly what it holds, once.
			if _, err := n.p.RedeemOnce(ctx); err != nil {
				t.Fatal(err)
			}
			id := common32(t, chs[0].ID)
			st, err := n.acct.c.Channel(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if st.Redeemed.Cmp(held) != 0 {
				t.Errorf("redeemed on chain %s, want %s", st.Redeemed, held)
			}
		})
	}
}

// A provider that dies mid-call is failed over to the next one, and the
// dead one is not paid for it.
func TestFailoverWhenProviderDies(t *testing.T) {
	d := chainNet(t)
	ctx := context.Background()
	a, b := newNode(t, d), newNode(t, d)
	p := newPayer(t, d, fixedRegistry{[]chain.NodeInfo{a.info(), b.info()}})
	// Pick a first: equal stakes, and Rand always draws 0.
	p.w = rebuildWithRand(t, p, func(n *big.Int) *big.Int { return new(big.Int) })
	if err := weather(ctx, p.w); err != nil {
		t.Fatal(err)
	}
	if a.held(t).Sign() == 0 || b.held(t).Sign() != 0 {
		t.Fatalf("first call: a holds %s, b holds %s; want a only", a.held(t), b.held(t))
	}
	a.p.SetHooks(&provider.Hooks{AfterPersist: func() error {
		a.sw.dead.Store(true) // dies mid-call and stays dead
		return errCrash
	}})
	if err := weather(ctx, p.w); err != nil {
		t.Fatalf("call during a's death: %v", err)
	}
	if got := b.held(t); got.Cmp(prices["weather"]) != 0 {
		t.Errorf("b holds %s, want one call", got)
	}
	a.start(t) // a comes back (same database): the interrupted call is reverted
	if got := a.held(t); got.Cmp(prices["weather"]) != 0 {
		t.Errorf("a holds %s after restart, want only the one answered call", got)
	}
}

// After the wallet's database is lost, Recover finds the channel on chain
// and the provider's last voucher; paying goes on without double payment.
func TestRecoverAfterLostDatabase(t *testing.T) {
	d := chainNet(t)
	ctx := context.Background()
	n := newNode(t, d)
	p := newPayer(t, d, fixedRegistry{[]chain.NodeInfo{n.info()}})
	for i := 0; i < 3; i++ {
		if err := weather(ctx, p.w); err != nil {
			t.Fatal(err)
		}
	}
	before, _ := p.w.Channels()
	p.dbPath = filepath.Join(t.TempDir(), "new.db") // the old one is gone
	p.start(t)
	got, err := p.w.Recover(ctx)
	if err != nil || got != 1 {
		t.Fatalf("Recover: %d, %v; want 1", got, err)
	}
	after, _ := p.w.Channels()
	if len(after) != 1 || after[0].ID != before[0].ID || after[0].Signed != before[0].Signed || after[0].Deposit != before[0].Deposit {
		t.Fatalf("recovered %+v, want %+v", after, before)
	}
	if err := weather(ctx, p.w); err != nil {
		t.Fatal(err)
	}
	if got, want := n.held(t), new(big.Int).Mul(big.NewInt(4), prices["weather"]); got.Cmp(want) != 0 {
		t.Errorf("provider holds %s, want %s", got, want)
	}
}

// downRegistry fails once down is set, as an unreachable chain does.
type downRegistry struct {
	nodes []chain.NodeInfo
	down  *bool
}

func (r downRegistry) ListNodes(context.Context) ([]chain.NodeInfo, error) {
	if *r.down {
		return nil, errors.New("dial tcp: connection refused")
	}
	return r.nodes, nil
}

// With the chain unreachable, existing channels keep working off chain,
// even after a restart (the providers come from the wallet's channels).
func TestPaysWithoutChain(t *testing.T) {
	d := chainNet(t)
	ctx := context.Background()
	n := newNode(t, d)
	down := false
	p := newPayer(t, d, downRegistry{[]chain.NodeInfo{n.info()}, &down})
	if err := weather(ctx, p.w); err != nil {
		t.Fatal(err)
	}
	down = true
	p.start(t) // restart: no cached node list
	for i := 0; i < 2; i++ {
		if err := weather(ctx, p.w); err != nil {
			t.Fatalf("call %d without a registry: %v", i, err)
		}
	}
	if got, want := n.held(t), new(big.Int).Mul(big.NewInt(3), prices["weather"]); got.Cmp(want) != 0 {
		t.Errorf("provider holds %s, want %s", got, want)
	}
	// A wallet with no channel cannot pay without a registry, and says so.
	q := newPayer(t, d, downRegistry{nil, &down})
	if err := weather(ctx, q.w); !errors.Is(err, wallet.ErrNoProvider) {
		t.Errorf("fresh wallet without registry: %v, want ErrNoProvider", err)
	}
}

// A provider that hangs is given up after CallTimeout and the call goes to
// the next one.
func TestFailoverOnTimeout(t *testing.T) {
	d := chainNet(t)
	ctx := context.Background()
	a, b := newNode(t, d), newNode(t, d)
	p := newPayer(t, d, fixedRegistry{[]chain.NodeInfo{a.info(), b.info()}})
	m := p.acct.c.Manifest()
	w, err := wallet.New(wallet.Config{
		DB: p.db, Signer: walletSigner(p.acct.key, m), Sealer: p.keys,
		Chain: p.acct.c, Registry: p.reg, Manifest: m, CallTimeout: 300 * time.Millisecond,
		Rand: func(*big.Int) *big.Int { return new(big.Int) }, // a first
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := weather(ctx, w); err != nil { // opens the channel to a
		t.Fatal(err)
	}
	release := make(chan struct{})
	a.p.SetHooks(&provider.Hooks{AfterPersist: func() error {
		<-release
		return errCrash
	}})
	defer close(release)
	if err := weather(ctx, w); err != nil {
		t.Fatalf("call while a hangs: %v", err)
	}
	if got := b.held(t); got.Cmp(prices["weather"]) != 0 {
		t.Errorf("b holds %s, want one call", got)
	}
}
