package chain_test

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/chain/devnet"
)

// env is a devnet with n funded accounts and a client for each.
type env struct {
	t    *testing.T
	ctx  context.Context
	d    *devnet.Devnet
	keys []*ecdsa.PrivateKey
	cs   []*chain.Client
}

func newEnv(t *testing.T, n int) *env {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	e := &env{t: t, ctx: ctx}
	var addrs []common.Address
	for range n {
		k, err := crypto.GenerateKey()
		if err != nil {
			t.Fatal(err)
		}
		e.keys = append(e.keys, k)
		addrs = append(addrs, crypto.PubkeyToAddress(k.PublicKey))
	}
	d, err := devnet.Start(ctx, devnet.Config{Accounts: addrs, BlockPeriod: -1})
	if err != nil {
		t.Fatalf("devnet.Start: %v", err)
	}
	t.Cleanup(func() { d.Close() })
	e.d = d
	for _, k := range e.keys {
		c, err := d.Client(ctx, chain.NewKeySigner(k))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		e.cs = append(e.cs, c)
	}
	return e
}

func (e *env) addr(i int) common.Address { return crypto.PubkeyToAddress(e.keys[i].PublicKey) }

func (e *env) deployer() *chain.Client {
	e.t.Helper()
	c, err := e.d.Client(e.ctx, e.d.Deployer)
	if err != nil {
		e.t.Fatal(err)
	}
	e.t.Cleanup(func() { c.Close() })
	return c
}

func (e *env) balance(a common.Address) *big.Int {
	e.t.Helper()
	b, err := e.cs[0].TokenBalance(e.ctx, a)
	if err != nil {
		e.t.Fatalf("balance of %s: %v", a, err)
	}
	return b
}

func (e *env) advance(d time.Duration) {
	e.t.Helper()
	if err := e.d.AdvanceTime(e.ctx, d); err != nil {
		e.t.Fatalf("advance time: %v", err)
	}
}

func myc(n int64) *big.Int { return devnet.Units(n, devnet.MYC) }

// wantRevert fails unless err is a revert named name ("" = any revert).
func wantRevert(t *testing.T, what string, err error, name string) {
	t.Helper()
	if err == nil {
		t.Errorf("%s: succeeded, want revert %s", what, name)
		return
	}
	var re *chain.RevertError
	if !errors.As(err, &re) {
		t.Errorf("%s: error %v, want a *RevertError %s", what, err, name)
		return
	}
	if !errors.Is(err, chain.ErrReverted) {
		t.Errorf("%s: errors.Is(err, ErrReverted) = false", what)
	}
	if name != "" && re.Name != name {
		t.Errorf("%s: reverted with %s, want %s", what, re.Name, name)
	}
}

func mustOK(t *testing.T, what string, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

func contextWithCancel(e *env) (context.Context, context.CancelFunc) {
	return context.WithCancel(e.ctx)
}
