package wallet_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/big"
	"testing"

	"go.etcd.io/bbolt"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/wallet"
)

// The voice layer speaks a refusal from the numbers in a LimitError.
func ExampleLimitError() {
	err := error(&wallet.LimitError{Err: wallet.ErrOverBudget, Service: "weather",
		Price: big.NewInt(3), Limit: big.NewInt(100), Spent: big.NewInt(99)})
	var le *wallet.LimitError
	if errors.Is(err, wallet.ErrOverBudget) && errors.As(err, &le) {
		fmt.Printf("Sorry, the %s costs %s and only %s of today's budget is left.\n",
			le.Service, le.Price, new(big.Int).Sub(le.Limit, le.Spent))
	}
	// Output:
	// Sorry, the weather costs 3 and only 1 of today's budget is left.
}

// How the daemon builds a wallet and pays for a transcription: the
// database it opened, the keystore's signer and data keys, and the chain
// client, which is also the Registry. (Compiled, not run: it needs a chain.)
func ExampleWallet_Transcribe() {
	var (
		db     *bbolt.DB     // the daemon's database
		signer wallet.Signer // the keystore's signer
		keys   wallet.Sealer // the unlocked data keys
		client *chain.Client // chain.Dial(ctx, url, manifest, chain.WithSigner(…))
		audio  io.Reader     // 16 kHz mono s16le from the microphone
	)
	w, err := wallet.New(wallet.Config{DB: db, Signer: signer, Sealer: keys,
		Chain: client, Registry: client, Manifest: client.Manifest()})
	if err != nil {
		fmt.Println(err)
		return
	}
	text, err := w.Transcribe(context.Background(), "#JSGF V1.0;\ngrammar g;\npublic <g> = yes | no;\n", audio)
	if errors.Is(err, wallet.ErrOverBudget) {
		fmt.Println("say: today's budget is spent")
		return
	}
	fmt.Println(text, err)
}

// BenchmarkPaidCall is one paid weather call on loopback: voucher signed
// and persisted (fsync) by the wallet, verified and persisted by the
// provider, upstream replayed, receipt signed, persisted and verified.
func BenchmarkPaidCall(b *testing.B) {
	d := chainNet(b)
	n := newNode(b, d)
	p := newPayer(b, d, fixedRegistry{[]chain.NodeInfo{n.info()}})
	ctx := context.Background()
	if err := weather(ctx, p.w); err != nil { // opens the channel
		b.Fatal(err)
	}
	l, _ := p.w.Limits()
	l.DailyBudget = myc(1_000_000)
	p.w.SetLimits(l)
	b.Run("back-to-back", func(b *testing.B) {
		for b.Loop() {
			if err := weather(ctx, p.w); err != nil {
				b.Fatal(err)
			}
		}
	})
	// As a device calls (seconds apart): the time until the answer, with
	// the writes that follow it done between calls, off the clock.
	b.Run("spaced", func(b *testing.B) {
		for range b.N {
			b.StopTimer()
			if err := p.w.Flush(); err != nil {
				b.Fatal(err)
			}
			if err := n.p.Flush(); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			if err := weather(ctx, p.w); err != nil {
				b.Fatal(err)
			}
		}
	})
}
