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
