package agent

import "context"

// MinerConfig is the [miner] table.
type MinerConfig struct{}

func defaultMinerConfig() MinerConfig { return MinerConfig{} }

func (c MinerConfig) validate(bad badFunc) {}

// wireMiner builds the miner, the provider, the storage node and backups
// (a.miner, a.provider).
func (a *Agent) wireMiner(ctx context.Context) error { return nil }
