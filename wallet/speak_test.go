package wallet

import (
	"math/big"
	"testing"
)

func TestTokens(t *testing.T) {
	e18 := new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
	cases := []struct {
		v    *big.Int
		want string
	}{
		{e18, "1 token"},
		{new(big.Int).Mul(e18, big.NewInt(12)), "12 tokens"},
		{new(big.Int).Div(new(big.Int).Mul(e18, big.NewInt(25)), big.NewInt(2)), "12.5 tokens"},
		{new(big.Int).Div(e18, big.NewInt(1000)), "0.001 tokens"},
		{big.NewInt(3_000_000_000_000), "less than 0.001 tokens"},
		{new(big.Int), "0 tokens"},
		{nil, "0 tokens"},
	}
	for _, c := range cases {
		if got := Tokens(c.v); got != c.want {
			t.Errorf("Tokens(%v) = %q, want %q", c.v, got, c.want)
		}
	}
}

func TestLimitErrorSpeaks(t *testing.T) {
	e18 := new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
	milli := new(big.Int).Div(e18, big.NewInt(1000))
	cases := []struct {
		err  *LimitError
		want string
	}{
		{&LimitError{Err: ErrOverPrice, Price: new(big.Int).Mul(milli, big.NewInt(20)), Limit: new(big.Int).Mul(milli, big.NewInt(10))},
			"That costs 0.02 tokens, more than your limit of 0.01 tokens per request."},
		{&LimitError{Err: ErrOverBudget, Price: milli, Limit: e18, Spent: e18},
			"Today's budget is spent: that costs 0.001 tokens and 0 tokens is left."},
		{&LimitError{Err: ErrOverExposure, Limit: new(big.Int).Mul(e18, big.NewInt(5))},
			"Your limit for one provider, 5 tokens, is reached."},
	}
	for _, c := range cases {
		if got := c.err.Speak(); got != c.want {
			t.Errorf("Speak() = %q, want %q", got, c.want)
		}
	}
}

func TestWeatherSummary(t *testing.T) {
	for code, want := range map[int]string{0: "clear sky", 61: "light rain", 95: "thunderstorm", 3: "overcast", 1000: "unknown weather"} {
		if got := (Weather{Code: code}).Summary(); got != want {
			t.Errorf("code %d: %q, want %q", code, got, want)
		}
	}
}

// TestWhyNoAnswer: each cause of a paid question going unanswered has its
// own sentence, naming the cause and not another.
func TestWhyNoAnswer(t *testing.T) {
	e18 := new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
	milli := new(big.Int).Div(e18, big.NewInt(1000))
	cases := []struct {
		name string
		err  interface{ Speak() string }
		want string
	}{
		{"no provider sells it", &NoProviderError{Service: ServiceWeather},
			"No provider on the network sells weather reports yet."},
		{"no provider sells knowledge", &NoProviderError{Service: ServiceKnowledge},
			"No provider on the network sells answers to questions yet."},
		{"over the price limit", &LimitError{Err: ErrOverPrice, Service: ServiceWeather, Price: new(big.Int).Mul(milli, big.NewInt(2)), Limit: milli},
			"That costs 0.002 tokens, more than your limit of 0.001 tokens per request."},
		{"over the daily budget", &LimitError{Err: ErrOverBudget, Price: milli, Limit: e18, Spent: e18},
			"Today's budget is spent: that costs 0.001 tokens and 0 tokens is left."},
		{"no tokens", &LimitError{Err: ErrNoFunds, Price: milli},
			"Your wallet does not have the 0.001 tokens that costs: add tokens to it."},
		{"no tokens, price unknown", &LimitError{Err: ErrNoFunds},
			"Your wallet does not have enough tokens for that: add tokens to it."},
		{"the provider failed", &NoProviderError{Service: ServiceKnowledge, Tried: []error{ErrRefused}},
			"The provider of answers to questions failed to answer. Try again in a moment."},
		{"every provider failed", &NoProviderError{Service: "stt", Tried: []error{ErrRefused, ErrBadReceipt}},
			"The providers of speech recognition failed to answer. Try again in a moment."},
	}
	for _, c := range cases {
		if got := c.err.Speak(); got != c.want {
			t.Errorf("%s: %v spoken as %q, want %q", c.name, c.err, got, c.want)
		}
	}
}
