package wallet

import (
	"context"
	"math/big"
	"strings"
)

// Speak says a LimitError in a sentence for the owner (the agent's skills
// speak any error with a Speak method).
func (e *LimitError) Speak() string {
	switch e.Err {
	case ErrOverPrice:
		return "That costs " + Tokens(e.Price) + ", more than your limit of " + Tokens(e.Limit) + " per request."
	case ErrOverBudget:
		left := new(big.Int)
		if e.Limit != nil && e.Spent != nil && e.Limit.Cmp(e.Spent) > 0 {
			left.Sub(e.Limit, e.Spent)
		}
		return "Today's budget is spent: that costs " + Tokens(e.Price) + " and " + Tokens(left) + " is left."
	case ErrOverExposure:
		return "Your limit for one provider, " + Tokens(e.Limit) + ", is reached."
	case ErrNoGas:
		return "Your wallet has tokens but no coin for the network fee, so I can't open a payment channel."
	case ErrNoFunds:
		if e.Limit != nil && e.Limit.Sign() == 0 {
			return "Your wallet has no tokens, so I can't pay for that."
		}
		if e.Price != nil && e.Price.Sign() > 0 {
			return "Your wallet does not have the " + Tokens(e.Price) + " that costs: add tokens to it."
		}
		return "Your wallet does not have enough tokens for that: add tokens to it."
	}
	return ""
}

// Speak says why no provider could answer: none sells the service on the
// network (a price above the owner's limit is a LimitError, not this), or
// those that sell it failed.
func (e *NoProviderError) Speak() string {
	what := serviceWords(e.Service)
	if e.Unreachable {
		return "The providers of " + what + " cannot be reached right now. Try again later."
	}
	if len(e.Tried) == 0 {
		return "No provider on the network sells " + what + " yet."
	}
	if len(e.Tried) == 1 {
		return "The provider of " + what + " failed to answer. Try again in a moment."
	}
	return "The providers of " + what + " failed to answer. Try again in a moment."
}

// serviceWords names a service as the owner hears it.
func serviceWords(service string) string {
	switch service {
	case ServiceWeather:
		return "weather reports"
	case ServiceKnowledge:
		return "answers to questions"
	case "stt":
		return "speech recognition"
	case "storage":
		return "storage"
	}
	return "that service"
}

// Tokens writes base units (10^-18 MYC) as a short spoken amount:
// "1 token", "12.5 tokens", "0.003 tokens", "less than 0.001 tokens".
func Tokens(v *big.Int) string {
	if v == nil {
		v = new(big.Int)
	}
	r := new(big.Rat).SetFrac(v, new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil))
	if r.Sign() > 0 && r.Cmp(big.NewRat(1, 1000)) < 0 {
		return "less than 0.001 tokens"
	}
	digits := 2
	if new(big.Rat).Abs(r).Cmp(big.NewRat(1, 1)) < 0 {
		digits = 3
	}
	s := r.FloatString(digits)
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "1" {
		return "1 token"
	}
	return s + " tokens"
}

// SpentToday is what was newly promised today (UTC), in base units.
func (w *Wallet) SpentToday(context.Context) (*big.Int, error) {
	return w.st.spent(w.cfg.Now())
}
