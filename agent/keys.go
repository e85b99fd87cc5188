package agent

import "context"

// KeysConfig is the [keys] table.
type KeysConfig struct{}

func defaultKeysConfig() KeysConfig { return KeysConfig{} }

func (c KeysConfig) validate(bad badFunc) {}

// wireKeys opens the keystore (a.keys).
func (a *Agent) wireKeys(ctx context.Context) error { return nil }
