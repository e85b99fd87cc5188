package wallet

import (
	"errors"
	"fmt"
	"math/big"
)

// Refusals for the owner's limits. The error returned is a *LimitError
// carrying the numbers; errors.Is(err, ErrOverBudget) etc. still works.
var (
	ErrOverPrice    = errors.New("wallet: price above the owner's limit per call")
	ErrOverBudget   = errors.New("wallet: daily budget spent")
	ErrOverExposure = errors.New("wallet: exposure to one provider above the owner's limit")
	ErrNoFunds      = errors.New("wallet: not enough tokens")
	// ErrNoGas: the wallet has tokens but no native coin to pay the gas
	// of opening a payment channel.
	ErrNoGas = errors.New("wallet: no native coin for gas")
)

// LimitError says which limit refused a payment and by how much, in MYC
// base units, so the voice layer can say it ("the weather costs 3 and
// your limit per call is 2").
type LimitError struct {
	Err     error  // ErrOverPrice, ErrOverBudget, ErrOverExposure, ErrNoFunds or ErrNoGas
	Service string // the service asked for, if any
	Price   *big.Int
	Limit   *big.Int
	Spent   *big.Int // today's spending (budget) or the channel deposit (exposure)
}

func (e *LimitError) Error() string {
	switch e.Err {
	case ErrOverPrice:
		return fmt.Sprintf("%v: %s costs %s, limit %s", e.Err, e.Service, e.Price, e.Limit)
	case ErrOverBudget:
		return fmt.Sprintf("%v: spent %s today, %s costs %s, budget %s", e.Err, e.Spent, e.Service, e.Price, e.Limit)
	case ErrOverExposure:
		return fmt.Sprintf("%v: deposit %s plus %s would pass %s", e.Err, e.Spent, e.Price, e.Limit)
	}
	return fmt.Sprintf("%v: need %s, have %s", e.Err, e.Price, e.Limit)
}

// NoTokens tells the voice layer that the refusal leaves only what needs
// no payment: the wallet has no tokens, or none it can put in a channel.
func (e *LimitError) NoTokens() bool { return e.Err == ErrNoFunds || e.Err == ErrNoGas }

// Unwrap returns the sentinel.
func (e *LimitError) Unwrap() error { return e.Err }

// Limits are the owner's spending settings, stored in bucket
// "wallet/limits". Amounts are MYC base units.
type Limits struct {
	// MaxPrice is the most one call may cost.
	MaxPrice *big.Int `json:"maxPrice"`
	// DailyBudget caps what may be newly promised per UTC day.
	DailyBudget *big.Int `json:"dailyBudget"`
	// MaxExposure caps the deposit held in one provider's channel.
	MaxExposure *big.Int `json:"maxExposure"`
	// Deposit is what a new channel is opened with, and each top-up.
	Deposit *big.Int `json:"deposit"`
	// TopUpCalls: top up when fewer calls than this remain in a channel.
	TopUpCalls int64 `json:"topUpCalls"`
	// CloseDelay of new channels, in seconds (the provider may ask for more).
	CloseDelay uint64 `json:"closeDelay"`
}

// DefaultLimits are safe settings for a new wallet: 1 MYC at most per day.
func DefaultLimits() Limits {
	myc := new(big.Int).Exp(big.NewInt(10), big.NewInt(18), nil)
	milli := new(big.Int).Div(myc, big.NewInt(1000))
	return Limits{
		MaxPrice:    new(big.Int).Mul(milli, big.NewInt(10)), // 0.01 MYC
		DailyBudget: new(big.Int).Set(myc),                   // 1 MYC
		MaxExposure: new(big.Int).Mul(myc, big.NewInt(5)),    // 5 MYC
		Deposit:     new(big.Int).Set(myc),                   // 1 MYC
		TopUpCalls:  10,
		CloseDelay:  24 * 3600,
	}
}

// Validate checks that every amount is set and consistent.
func (l Limits) Validate() error {
	for name, v := range map[string]*big.Int{"maxPrice": l.MaxPrice, "dailyBudget": l.DailyBudget, "maxExposure": l.MaxExposure, "deposit": l.Deposit} {
		if v == nil || v.Sign() < 0 || v.Cmp(maxUint256) > 0 {
			return fmt.Errorf("wallet: limits: %s must be set and non-negative", name)
		}
	}
	if l.Deposit.Cmp(l.MaxExposure) > 0 {
		return fmt.Errorf("wallet: limits: deposit %s above max exposure %s", l.Deposit, l.MaxExposure)
	}
	if l.TopUpCalls < 0 {
		return errors.New("wallet: limits: topUpCalls must be non-negative")
	}
	return nil
}
