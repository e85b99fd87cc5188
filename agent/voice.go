package agent

import "context"

// VoiceConfig is the [voice] table.
type VoiceConfig struct{}

func defaultVoiceConfig() VoiceConfig { return VoiceConfig{} }

func (c VoiceConfig) validate(bad badFunc) {}

// wireVoice builds the voice pipeline and the skills (a.voice).
func (a *Agent) wireVoice(ctx context.Context) error { return nil }
