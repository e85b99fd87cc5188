package skills

import (
	"context"
	"math/big"
	"strings"
	"testing"
)

// brokeErr is the wallet's refusal for lack of tokens, as the skills see
// it (wallet.LimitError has both methods).
type brokeErr struct{}

func (brokeErr) Error() string  { return "wallet: not enough tokens" }
func (brokeErr) Speak() string  { return "Your wallet has no tokens, so I can't pay for that." }
func (brokeErr) NoTokens() bool { return true }

// emptyWalletFake holds nothing.
type emptyWalletFake struct{ in *big.Int }

func (emptyWalletFake) Balance(context.Context) (*big.Int, error)    { return new(big.Int), nil }
func (emptyWalletFake) SpentToday(context.Context) (*big.Int, error) { return new(big.Int), nil }
func (w emptyWalletFake) InChannels(context.Context) (*big.Int, error) {
	if w.in == nil {
		return new(big.Int), nil
	}
	return w.in, nil
}

// TestNoTokensSpoken: a paid question the wallet cannot pay for is
// answered in words (the refusal, then what still works), the owner can
// ask how to get tokens, and the help says the paid skills need tokens
// only when the wallet is empty.
func TestNoTokensSpoken(t *testing.T) {
	ctx := context.Background()
	f := &fakes{weatherErr: brokeErr{}}
	r, err := New(Config{Weather: f, Wallet: emptyWalletFake{}})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ say, want string }{
		{"what is the weather", brokeErr{}.Speak() + " " + SayLocalStill},
		{"how do i get tokens", SayGetTokens},
		{"how can i get more tokens", SayGetTokens},
		{"where do i get tokens", SayGetTokens},
		{"how do i get the sign up grant", SayGetTokens},
		{"i have no tokens", SayGetTokens},
	} {
		rep, err := r.Respond(ctx, c.say)
		if err != nil || rep.Text != c.want {
			t.Errorf("%q: got %q (%v), want %q", c.say, rep.Text, err, c.want)
		}
	}
	for _, c := range []struct {
		name  string
		w     Wallet
		notes bool
	}{
		{"empty wallet", emptyWalletFake{}, true},
		{"tokens in a channel", emptyWalletFake{in: big.NewInt(1)}, false},
		{"tokens in the wallet", &fakes{}, false},
	} {
		r, err := New(Config{Weather: f, Wallet: c.w})
		if err != nil {
			t.Fatal(err)
		}
		rep, err := r.Respond(ctx, "what can you do")
		if err != nil || strings.Contains(rep.Text, SayNoTokensHelp) != c.notes || !strings.HasPrefix(rep.Text, "You can ask:") {
			t.Errorf("%s: help = %q (%v); want the no-tokens note: %v", c.name, rep.Text, err, c.notes)
		}
	}
	// Another spoken refusal is not followed by the local-skills note.
	f.weatherErr = spokenErr{}
	rep, _ := r.Respond(ctx, "what is the weather")
	if strings.Contains(rep.Text, SayLocalStill) {
		t.Errorf("a refusal not for lack of tokens says %q", rep.Text)
	}
}
