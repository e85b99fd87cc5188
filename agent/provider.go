package agent

// ProviderConfig is the [provider] table.
type ProviderConfig struct{}

func defaultProviderConfig() ProviderConfig { return ProviderConfig{} }

func (c ProviderConfig) validate(bad badFunc) {}
