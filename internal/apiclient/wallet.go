package apiclient

import (
	"context"
	"net/url"
	"strconv"
	"time"
)

// WalletBalance is the answer of GET /v1/wallet/balance. Amounts are
// decimal strings in base units (MYC 10^-18, native wei).
type WalletBalance struct {
	Address    string `json:"address"`
	Token      string `json:"token"`
	Native     string `json:"native"`
	InChannels string `json:"in_channels"`
	SpentToday string `json:"spent_today"`
	Budget     string `json:"budget"`
}

// WalletChannel is one channel of GET /v1/wallet/channels (base units).
type WalletChannel struct {
	Provider  string `json:"provider"`
	Endpoint  string `json:"endpoint"`
	ID        string `json:"id"`
	Deposit   string `json:"deposit"`
	Signed    string `json:"signed"`
	Confirmed string `json:"confirmed"`
	Redeemed  string `json:"redeemed"`
	Remaining string `json:"remaining"`
	Pending   bool   `json:"pending"`
	ClosesAt  uint64 `json:"closes_at,omitempty"`
	Withdrawn bool   `json:"withdrawn,omitempty"`
}

// WalletPayment is one entry of GET /v1/wallet/history (base units).
type WalletPayment struct {
	Seq        uint64    `json:"seq"`
	Time       time.Time `json:"time"`
	Service    string    `json:"service"`
	Provider   string    `json:"provider"`
	Channel    string    `json:"channel"`
	Price      string    `json:"price"`
	Cumulative string    `json:"cumulative"`
	Request    string    `json:"request,omitempty"`
	Status     string    `json:"status"`
	Error      string    `json:"error,omitempty"`
	Note       string    `json:"note,omitempty"`
}

// WalletLimits are the owner's spending limits, amounts in MYC.
type WalletLimits struct {
	MaxPricePerCall        string `json:"max_price_per_call"`
	DailyBudget            string `json:"daily_budget"`
	MaxExposurePerProvider string `json:"max_exposure_per_provider"`
	Deposit                string `json:"deposit"`
	TopUpCalls             int64  `json:"top_up_calls"`
	CloseDelay             string `json:"close_delay"`
}

// WalletSetLimits is the body of POST /v1/wallet/limits: limit name →
// new value (MYC amounts, a call count, a duration). Raising any limit
// needs Passphrase, the keyring passphrase; lowering does not.
type WalletSetLimits struct {
	Set        map[string]string `json:"set"`
	Passphrase string            `json:"passphrase,omitempty"`
}

// WalletTopUp is the body of POST /v1/wallet/topup.
type WalletTopUp struct {
	Provider string `json:"provider"`
	Amount   string `json:"amount"` // MYC
}

// WalletClose is the body of POST /v1/wallet/close.
type WalletClose struct {
	Provider string `json:"provider"`
}

// WalletBalance reads the wallet's balances.
func (c *Client) WalletBalance(ctx context.Context) (WalletBalance, error) {
	var b WalletBalance
	return b, c.Get(ctx, "/wallet/balance", &b)
}

// WalletChannels lists the wallet's payment channels.
func (c *Client) WalletChannels(ctx context.Context) ([]WalletChannel, error) {
	var out []WalletChannel
	return out, c.Get(ctx, "/wallet/channels", &out)
}

// WalletHistory returns up to limit recent payments, newest first.
func (c *Client) WalletHistory(ctx context.Context, limit int) ([]WalletPayment, error) {
	var out []WalletPayment
	return out, c.Get(ctx, "/wallet/history?"+url.Values{"limit": {strconv.Itoa(limit)}}.Encode(), &out)
}

// WalletLimits reads the owner's limits.
func (c *Client) WalletLimits(ctx context.Context) (WalletLimits, error) {
	var out WalletLimits
	return out, c.Get(ctx, "/wallet/limits", &out)
}

// SetWalletLimits changes some limits and returns them all. passphrase
// (the keyring's) is needed when a limit goes up; "" is enough to lower.
func (c *Client) SetWalletLimits(ctx context.Context, set map[string]string, passphrase string) (WalletLimits, error) {
	var out WalletLimits
	return out, c.Post(ctx, "/wallet/limits", WalletSetLimits{Set: set, Passphrase: passphrase}, &out)
}

// WalletTopUp adds amount MYC to the channel to provider.
func (c *Client) WalletTopUp(ctx context.Context, provider, amount string) (WalletChannel, error) {
	var out WalletChannel
	return out, c.Post(ctx, "/wallet/topup", WalletTopUp{Provider: provider, Amount: amount}, &out)
}

// WalletClose starts closing the channel to provider, or withdraws what is
// left once its close delay has passed.
func (c *Client) WalletClose(ctx context.Context, provider string) (WalletChannel, error) {
	var out WalletChannel
	return out, c.Post(ctx, "/wallet/close", WalletClose{Provider: provider}, &out)
}

// ProviderStatus is the answer of GET /v1/provider/status (base units).
type ProviderStatus struct {
	Address    string            `json:"address"`
	Endpoint   string            `json:"endpoint"`
	Listen     string            `json:"listen"`
	Prices     map[string]string `json:"prices"`
	Channels   int               `json:"channels"`
	Held       string            `json:"held"`
	Redeemed   string            `json:"redeemed"`
	Unredeemed string            `json:"unredeemed"`
	Stats      ProviderStats     `json:"stats"`
	LastError  string            `json:"last_error,omitempty"`
}

// ProviderStats counts what the provider did since start.
type ProviderStats struct {
	Served   uint64 `json:"served"`
	Refused  uint64 `json:"refused"`
	Failed   uint64 `json:"failed"`
	Redeems  uint64 `json:"redeems"`
	Reverted uint64 `json:"reverted"`
}

// ProviderStatus reads the provider's state.
func (c *Client) ProviderStatus(ctx context.Context) (ProviderStatus, error) {
	var out ProviderStatus
	return out, c.Get(ctx, "/provider/status", &out)
}
