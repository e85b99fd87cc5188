package skills

import (
	"bufio"
	"context"
	"errors"
	"math/big"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/voice/intent"
)

func tokens(s string) *big.Int {
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		panic(s)
	}
	r.Mul(r, new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)))
	return new(big.Int).Quo(r.Num(), r.Denom())
}

type fakes struct {
	weatherErr error
	votes      []string
	minerOn    bool
	volume     int
}

func (f *fakes) Current(context.Context) (Conditions, error) {
	return Conditions{Summary: "light rain", TempC: 11.6, HighC: 14, LowC: -2.4}, f.weatherErr
}
func (f *fakes) Answer(_ context.Context, q string) (string, error) {
	return "You asked: " + q + ".", nil
}
func (f *fakes) Balance(context.Context) (*big.Int, error)    { return tokens("12.5"), nil }
func (f *fakes) SpentToday(context.Context) (*big.Int, error) { return tokens("0.042"), nil }
func (f *fakes) MinerStatus(context.Context) (MinerStatus, error) {
	return MinerStatus{Enabled: f.minerOn, Running: f.minerOn}, nil
}
func (f *fakes) Enable(context.Context) error { f.minerOn = true; return nil }
func (f *fakes) Pause(context.Context) error  { f.minerOn = false; return nil }
func (f *fakes) Earnings(context.Context) (*big.Int, *big.Int, error) {
	return tokens("0.25"), tokens("3"), nil
}
func (f *fakes) VotingPower(context.Context) (*big.Int, string, error) {
	return tokens("100"), "", nil
}
func (f *fakes) OpenProposals(context.Context) ([]Proposal, error) {
	return []Proposal{{1, big.NewInt(777), "Fund translations"}, {2, big.NewInt(888), "Lower STT prices"}}, nil
}
func (f *fakes) Vote(_ context.Context, id *big.Int, s Support) error {
	f.votes = append(f.votes, id.String()+":"+s.String())
	return nil
}
func (f *fakes) SetVolume(l int) error { f.volume = l; return nil }
func (f *fakes) Volume() (int, error)  { return f.volume, nil }

type spokenErr struct{}

func (spokenErr) Error() string { return "daily budget exceeded" }
func (spokenErr) Speak() string { return "That would go over your daily budget." }

func newRouter(t *testing.T, f *fakes) *intent.Router {
	t.Helper()
	now := time.Date(2026, 11, 24, 15, 7, 0, 0, time.UTC)
	r, err := New(Config{
		Now: func() time.Time { return now }, Location: time.UTC,
		Weather: f, Knowledge: f, Wallet: f, Miner: f, Earnings: f, Governance: f, Volume: f,
	})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestSkills(t *testing.T) {
	cases := []struct {
		say, want string
	}{
		{"What time is it?", "It is 3 oh 7 in the afternoon."},
		{"what's the date today", "Today is Tuesday, November 24, 2026."},
		{"what is the weather like", "It is 12 degrees with light rain. Today's high is 14 and the low minus 2."},
		{"is it raining outside", "It is 12 degrees with light rain. Today's high is 14 and the low minus 2."},
		{"tell me about the moon", "You asked: tell me about the moon."},
		{"why is the sky blue", "You asked: why is the sky blue."},
		{"how much money do I have", "You have 12.5 MYC."},
		{"how much did I spend today", "Today you have spent 0.042 tokens."},
		{"is the miner running", "Mining is off."},
		{"start mining", "Mining is on. I will pause whenever you talk to me."},
		{"what are my earnings", "Today you earned 0.25 tokens, and 3 tokens in total."},
		{"list the open proposals", "There are 2 open proposals. Proposal 1: Fund translations. Proposal 2: Lower STT prices."},
		{"vote yes on proposal one", "You are voting yes on proposal 1: Fund translations."},
		{"vote abstain on proposal 2", "You are abstaining on proposal 2: Lower STT prices."},
		{"vote no on proposal nine", "There is no open proposal 9."},
		{"set the volume to seventy", "Volume 70."},
		{"turn the volume up", "Volume 80."},
		{"louder", "Volume 90."},
		{"stop", ""},
		{"help", "You can ask: what time is it, set a timer for five minutes, wake me up at seven thirty, what is the weather, tell me about the moon, what is my balance, is the miner running, list the open proposals, turn the volume up, or what did you say."},
	}
	f := &fakes{volume: 60}
	r := newRouter(t, f)
	for _, c := range cases {
		rep, err := r.Respond(context.Background(), c.say)
		if err != nil || rep.Text != c.want {
			t.Errorf("%q: %q, %v\n want %q", c.say, rep.Text, err, c.want)
		}
	}
}

func TestVoteNeedsConfirmation(t *testing.T) {
	f := &fakes{}
	r := newRouter(t, f)
	rep, err := r.Respond(context.Background(), "vote no on proposal two")
	if err != nil || rep.Confirm == nil {
		t.Fatalf("reply %+v %v, want a confirmation", rep, err)
	}
	if len(f.votes) != 0 {
		t.Fatal("voted before the confirmation")
	}
	done, err := rep.Confirm.Do(context.Background())
	if err != nil || done.Text != "Your vote is cast." || len(f.votes) != 1 || f.votes[0] != "888:no" {
		t.Errorf("after confirming: %q %v, votes %v", done.Text, err, f.votes)
	}
}

func TestSpokenAndOtherErrors(t *testing.T) {
	f := &fakes{weatherErr: spokenErr{}}
	r := newRouter(t, f)
	rep, err := r.Respond(context.Background(), "what is the weather")
	if err != nil || rep.Text != "That would go over your daily budget." {
		t.Errorf("spoken error: %q %v", rep.Text, err)
	}
	f.weatherErr = errors.New("connection refused")
	if _, err := r.Respond(context.Background(), "what is the weather"); err == nil || !strings.Contains(err.Error(), "connection refused") {
		t.Errorf("other error: %v", err)
	}
}

func TestOnlyConfiguredSkills(t *testing.T) {
	r, err := New(Config{})
	if err != nil {
		t.Fatal(err)
	}
	rep, err := r.Respond(context.Background(), "what is my balance")
	if err != nil || rep.Text != SayWalletOff {
		t.Errorf("wallet question without a wallet: %q %v, want %q", rep.Text, err, SayWalletOff)
	}
	if g := r.Grammar(); strings.Contains(g, "balance") || !strings.Contains(g, "what time is it") {
		t.Errorf("grammar:\n%s", g)
	}
}

func TestFormatTokens(t *testing.T) {
	for in, want := range map[string]string{
		"0": "0 tokens", "1": "1 token", "12.5": "12.5 tokens", "0.0004": "less than 0.001 tokens",
		"1234.567": "1234.57 tokens", "0.1": "0.1 tokens",
	} {
		if got := FormatTokens(tokens(in)); got != want {
			t.Errorf("FormatTokens(%s) = %q, want %q", in, got, want)
		}
	}
	if got := FormatTokens(nil); got != "0 tokens" {
		t.Errorf("nil: %q", got)
	}
}

func TestSpokenTime(t *testing.T) {
	for _, c := range []struct {
		h, m int
		want string
	}{{12, 0, "noon"}, {0, 0, "midnight"}, {7, 0, "7 o'clock in the morning"}, {21, 30, "9 30 in the evening"}, {0, 5, "12 oh 5 in the morning"}} {
		if got := SpokenTime(time.Date(2026, 1, 1, c.h, c.m, 0, 0, time.UTC)); got != c.want {
			t.Errorf("%02d:%02d = %q, want %q", c.h, c.m, got, c.want)
		}
	}
}

// TestGrammarWordsInDictionary: every word of the grammar handed to STT is
// in the pocketsphinx English dictionary, so a provider running
// pocketsphinx accepts it.
func TestGrammarWordsInDictionary(t *testing.T) {
	const dict = "/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict"
	fh, err := os.Open(dict)
	if err != nil {
		t.Skip("pocketsphinx-en-us not installed")
	}
	defer fh.Close()
	words := map[string]bool{}
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		if w, _, ok := strings.Cut(sc.Text(), " "); ok {
			words[w] = true
		}
	}
	g := newRouter(t, &fakes{}).Grammar()
	body := g[strings.Index(g, "public"):]
	body = regexp.MustCompile(`<[a-z]+>|public|[=;|()\[\]+]`).ReplaceAllString(body, " ")
	for _, w := range strings.Fields(body) {
		if !words[w] {
			t.Errorf("grammar word %q is not in the dictionary", w)
		}
	}
}
