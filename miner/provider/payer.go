package provider

import (
	"context"

	"github.com/ethereum/go-ethereum/common"
)

type payerKey struct{}

// WithPayer returns ctx carrying the address whose voucher paid for the
// call. The provider passes it to the service (Service.Call), so a
// service that keeps something for the payer (the storage node records
// who paid for each chunk) knows who that is.
func WithPayer(ctx context.Context, payer common.Address) context.Context {
	return context.WithValue(ctx, payerKey{}, payer)
}

// PayerFrom returns the payer WithPayer put in ctx; false when the call
// did not come through the provider's paid route.
func PayerFrom(ctx context.Context) (common.Address, bool) {
	p, ok := ctx.Value(payerKey{}).(common.Address)
	return p, ok
}
