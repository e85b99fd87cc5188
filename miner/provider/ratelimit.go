package provider

import (
	"time"

	"github.com/ethereum/go-ethereum/common"

	tokenbucket "github.com/mycroft-network/mycroft/internal/bucket"
)

// limiter is a token bucket per payer: Rate tokens a second up to Burst,
// for at most 4096 payers (internal/bucket). It acts after the voucher's
// signature is checked; the node port's guard limits each client address
// before that.
type limiter struct {
	t *tokenbucket.Table[common.Address]
}

func newLimiter(rate float64, burst int, now func() time.Time) *limiter {
	return &limiter{t: tokenbucket.New[common.Address](rate, burst, 4096, now)}
}

// allow takes one token from payer's bucket, or reports false.
func (l *limiter) allow(payer common.Address) bool {
	_, ok := l.t.Take(payer)
	return ok
}
