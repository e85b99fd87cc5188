package skills

import (
	"context"
	"math/big"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/voice/intent"
)

// channelWallet is a Wallet with money in payment channels.
type channelWallet struct{ balance, in *big.Int }

func (w channelWallet) Balance(context.Context) (*big.Int, error)    { return w.balance, nil }
func (w channelWallet) SpentToday(context.Context) (*big.Int, error) { return new(big.Int), nil }
func (w channelWallet) InChannels(context.Context) (*big.Int, error) { return w.in, nil }

func TestSpokenBalance(t *testing.T) {
	cases := []struct {
		name string
		w    Wallet
		want string
	}{
		{"decimals and channels", channelWallet{tokens("9998.7496"), tokens("0.9996")}, "You have 9,998.75 MYC, plus 1 MYC in payment channels."},
		{"round amount, nothing in channels", channelWallet{tokens("10000"), new(big.Int)}, "You have 10,000 MYC."},
		{"small channel", channelWallet{tokens("1234567.5"), tokens("0.004")}, "You have 1,234,567.5 MYC, plus 0.004 MYC in payment channels."},
		{"a wallet without channels", &fakes{}, "You have 12.5 MYC."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := New(Config{Wallet: c.w})
			if err != nil {
				t.Fatal(err)
			}
			rep, err := r.Respond(context.Background(), "how much money do i have")
			if err != nil || rep.Text != c.want {
				t.Errorf("balance of %+v: got %q (%v), want %q", c.w, rep.Text, err, c.want)
			}
		})
	}
}

func TestFormatMYC(t *testing.T) {
	cases := []struct{ in, want string }{
		{"0", "0 MYC"}, {"1", "1 MYC"}, {"999.999", "1,000 MYC"}, {"9998.75", "9,998.75 MYC"},
		{"0.0004", "less than 0.001 MYC"}, {"0.25", "0.25 MYC"}, {"-1234.5", "minus 1,234.5 MYC"}, {"123", "123 MYC"},
	}
	for _, c := range cases {
		if got := FormatMYC(tokens(c.in)); got != c.want {
			t.Errorf("FormatMYC(%s) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestWalletOff: without a wallet the paid questions say why they cannot
// be answered.
func TestWalletOff(t *testing.T) {
	r, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"what is the weather", "tell me about the moon", "who was ada lovelace"} {
		rep, err := r.Respond(context.Background(), q)
		if err != nil || rep.Text != SayWalletOff {
			t.Errorf("%q without a wallet: got %q (%v), want %q", q, rep.Text, err, SayWalletOff)
		}
	}
	rep, _ := r.Respond(context.Background(), "help")
	if want := "You can ask: what time is it, set a timer for five minutes, wake me up at seven thirty, or what did you say."; rep.Text != want {
		t.Errorf("help without a wallet names %q", rep.Text)
	}
}

// TestVoteConfirmedByTyping: a vote waits for a confirmation that can be
// the button (the pipeline runs Confirm.Do) or a typed "confirm"; it is
// cast once, and not after it expired.
func TestVoteConfirmedByTyping(t *testing.T) {
	type step struct{ say, want string }
	cases := []struct {
		name  string
		steps []step
		wait  time.Duration // between the vote and the confirmation
		press bool          // the button confirms (Confirm.Do) after the vote
		votes []string
	}{
		{"typed confirm", []step{{"confirm", "Your vote is cast."}}, 0, false, []string{"888:no"}},
		{"typed yes", []step{{"yes", "Your vote is cast."}}, 0, false, []string{"888:no"}},
		{"confirmed twice", []step{{"confirm", "Your vote is cast."}, {"confirm my vote", "There is no vote waiting to be confirmed."}}, 0, false, []string{"888:no"}},
		{"button, then typed", []step{{"confirm", "There is no vote waiting to be confirmed."}}, 0, true, []string{"888:no"}},
		{"too late", []step{{"confirm", "The vote on proposal 2 waited too long and was not cast: say it again."}}, 3 * time.Minute, false, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := &fakes{}
			now := time.Date(2026, 11, 24, 15, 7, 0, 0, time.UTC)
			r, err := New(Config{Now: func() time.Time { return now }, Governance: f})
			if err != nil {
				t.Fatal(err)
			}
			rep, err := r.Respond(context.Background(), "vote no on proposal two")
			if err != nil || rep.Confirm == nil {
				t.Fatalf("vote: %+v %v, want a confirmation", rep, err)
			}
			if c.press {
				if done, err := rep.Confirm.Do(context.Background()); err != nil || done.Text != "Your vote is cast." {
					t.Fatalf("press: %q %v", done.Text, err)
				}
			}
			now = now.Add(c.wait)
			for _, s := range c.steps {
				var got intent.Reply
				if got, err = r.Respond(context.Background(), s.say); err != nil || got.Text != s.want {
					t.Errorf("%q: got %q (%v), want %q", s.say, got.Text, err, s.want)
				}
			}
			if len(f.votes) != len(c.votes) || (len(c.votes) > 0 && f.votes[0] != c.votes[0]) {
				t.Errorf("votes %v, want %v", f.votes, c.votes)
			}
		})
	}
}
