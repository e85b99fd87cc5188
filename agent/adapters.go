package agent

import (
	"github.com/mycroft-network/mycroft/agent/skills"
	"github.com/mycroft-network/mycroft/voice"
)

// The services the voice pipeline and its skills use, built from the wallet
// and the miner. Each returns nil when its subsystem is off.

func (a *Agent) transcriber() voice.Transcriber { return nil }
func (a *Agent) walletSkill() skills.Wallet     { return nil }
func (a *Agent) weatherSkill() skills.Weather   { return nil }
func (a *Agent) knowledgeSkill() skills.Knowledge {
	return nil
}
func (a *Agent) minerSkill() skills.Miner       { return nil }
func (a *Agent) earningsSkill() skills.Earnings { return nil }

// onVoiceActivity is called synchronously by the voice pipeline the moment
// speech starts (true) and when the interaction ends (false).
func (a *Agent) onVoiceActivity(active bool) {}
