package agent

import "github.com/mycroft-network/mycroft/agent/skills"

// governanceSkill is the governance service the voice skills use; nil when
// there is no chain.
func (a *Agent) governanceSkill() skills.Governance { return nil }
