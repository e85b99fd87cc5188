package wallet_test

import (
	"context"
	"crypto/rand"
	"errors"
	"math/big"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/crypto"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/chain/devnet"
	"github.com/mycroft-network/mycroft/keystore"
	"github.com/mycroft-network/mycroft/wallet"
)

// TestNoFunds: a wallet that cannot fund a channel says so before it
// touches the chain or a provider: no tokens is ErrNoFunds, tokens but no
// gas is ErrNoGas, both spoken and marked NoTokens; a wallet holding less
// than the deposit (but more than the price) opens with what it holds.
func TestNoFunds(t *testing.T) {
	d := chainNet(t)
	ctx := context.Background()
	n := newNode(t, d)
	half := new(big.Int).Div(myc(1), big.NewInt(2))
	for _, c := range []struct {
		name        string
		native, myc *big.Int
		want        error
		say         string
		deposit     *big.Int
	}{
		{"no tokens", devnet.Units(1, devnet.Ether), nil, wallet.ErrNoFunds, "no tokens", nil},
		{"no gas", nil, myc(10), wallet.ErrNoGas, "network fee", nil},
		{"less than the deposit", devnet.Units(1, devnet.Ether), half, nil, "", half},
	} {
		t.Run(c.name, func(t *testing.T) {
			key, _ := crypto.GenerateKey()
			addr := crypto.PubkeyToAddress(key.PublicKey)
			if err := d.Fund(ctx, addr, c.native, c.myc); err != nil {
				t.Fatal(err)
			}
			cl, err := d.Client(ctx, chain.NewKeySigner(key))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { cl.Close() })
			m, _ := keystore.NewMnemonic(rand.Reader)
			keys, _ := keystore.NewDataKeys(m, rand.Reader)
			p := &payer{acct: account{key: key, addr: addr, c: cl}, dbPath: filepath.Join(t.TempDir(), "wallet.db"),
				reg: fixedRegistry{[]chain.NodeInfo{n.info()}}, keys: keys}
			p.start(t)
			held := n.held(t)

			err = weather(ctx, p.w)
			chs, _ := p.w.Channels()
			if c.want == nil {
				if err != nil || len(chs) != 1 || chs[0].Deposit != c.deposit.String() {
					t.Fatalf("weather: %v, channels %+v; want one channel with deposit %s", err, chs, c.deposit)
				}
				return
			}
			var le *wallet.LimitError
			if !errors.Is(err, c.want) || !errors.As(err, &le) || !le.NoTokens() {
				t.Fatalf("weather: %v, want a LimitError %v marked NoTokens", err, c.want)
			}
			if !strings.Contains(le.Speak(), c.say) {
				t.Errorf("spoken %q, want it to say %q", le.Speak(), c.say)
			}
			if len(chs) != 0 || n.held(t).Cmp(held) != 0 {
				t.Errorf("channels %+v and provider held %s (was %s): nothing should have been opened or paid", chs, n.held(t), held)
			}
		})
	}
}
