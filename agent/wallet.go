package agent

import "context"

// WalletConfig is the [wallet] table.
type WalletConfig struct{}

func defaultWalletConfig() WalletConfig { return WalletConfig{} }

func (c WalletConfig) validate(bad badFunc) {}

// wireWallet builds the wallet (a.wallet).
func (a *Agent) wireWallet(ctx context.Context) error { return nil }
