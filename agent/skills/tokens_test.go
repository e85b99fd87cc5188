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

// powerGov is a Governance that says its voting power.
type powerGov struct {
	fakes
	votes *big.Int
	why   string
}

func (p *powerGov) VotingPower(context.Context) (*big.Int, string, error) { return p.votes, p.why, nil }

// TestVotingPowerSpoken: "do my votes count" is answered with the power,
// or why there is none; a Governance that cannot say leaves the question
// to the others.
func TestVotingPowerSpoken(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name string
		g    *powerGov
		want string
	}{
		{"power", &powerGov{votes: tokens("1234")}, "Your votes count: your voting power is 1,234 MYC."},
		{"none", &powerGov{votes: new(big.Int), why: "your wallet has no tokens"}, "You have no voting power yet: your wallet has no tokens."},
	} {
		r, err := New(Config{Governance: c.g})
		if err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{"do my votes count", "how many votes do i have", "what is my voting power"} {
			rep, err := r.Respond(ctx, q)
			if err != nil || rep.Text != c.want {
				t.Errorf("%s: %q: got %q (%v), want %q", c.name, q, rep.Text, err, c.want)
			}
		}
	}
	r, err := New(Config{Governance: plainGov{}})
	if err != nil {
		t.Fatal(err)
	}
	if rep, _ := r.Respond(ctx, "do my votes count"); strings.Contains(rep.Text, "voting power") {
		t.Errorf("a Governance without VotingPower answered %q", rep.Text)
	}
}

// plainGov is a Governance that does not say its voting power.
type plainGov struct{}

func (plainGov) OpenProposals(context.Context) ([]Proposal, error) { return nil, nil }
func (plainGov) Vote(context.Context, *big.Int, Support) error     { return nil }
