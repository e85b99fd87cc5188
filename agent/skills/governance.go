package skills

import (
	"context"
	"fmt"
	"math/big"
	"strings"
	"sync"
	"time"

	"github.com/mycroft-network/mycroft/voice/intent"
)

// voteTTL is how long a vote waits for its confirmation.
const voteTTL = 2 * time.Minute

// GovernanceSkill lists open proposals and votes once the owner confirms:
// by pressing the button while the prompt waits (the pipeline's
// confirmation), or by saying or typing "confirm" afterwards, for owners
// who type (no button to press on a keyboard-only board, or a question
// asked through `mycroft ask`).
type GovernanceSkill struct {
	Service Governance
	Now     func() time.Time // default time.Now

	mu      sync.Mutex
	pending *pendingVote
}

// pendingVote is a vote said but not confirmed yet.
type pendingVote struct {
	id      *big.Int
	support Support
	number  int
	at      time.Time
}

func (*GovernanceSkill) Name() string { return "governance" }

func (g *GovernanceSkill) Intents() []intent.Spec {
	var power []intent.Spec
	if _, ok := g.Service.(VotingPower); ok {
		power = append(power, intent.Spec{Name: "power", Patterns: []string{
			"how many votes do i have", "what is my voting power", "[do | does] my (vote | votes) count",
			"(are | is) my (vote | votes) (counted | delegated)", "my voting power",
		}})
	}
	return append(power, []intent.Spec{
		{Name: "list", Patterns: []string{
			"[list | read] [the] open proposals", "what (proposals are | is) open",
			"what are the open proposals", "any open proposals",
		}},
		{Name: "vote", Patterns: []string{"vote {vote} [on] proposal {proposal}"}},
		{Name: "confirm", Patterns: []string{"confirm [my] [vote]", "yes confirm [my] [vote]", "yes", "yes please", "cast [my] vote"}},
	}...)
}

// power says the owner's voting power, or why there is none.
func (g *GovernanceSkill) power(ctx context.Context) (intent.Reply, error) {
	votes, why, err := g.Service.(VotingPower).VotingPower(ctx)
	if err != nil {
		return fail("governance", err)
	}
	if votes != nil && votes.Sign() > 0 {
		return intent.Reply{Text: "Your votes count: your voting power is " + FormatMYC(votes) + "."}, nil
	}
	if why == "" {
		return intent.Reply{Text: "You have no voting power yet."}, nil
	}
	return intent.Reply{Text: "You have no voting power yet: " + why + "."}, nil
}

func (g *GovernanceSkill) now() time.Time {
	if g.Now != nil {
		return g.Now()
	}
	return time.Now()
}

func (g *GovernanceSkill) Handle(ctx context.Context, in intent.Intent) (intent.Reply, error) {
	switch in.Name {
	case "confirm":
		return g.confirm(ctx)
	case "power":
		return g.power(ctx)
	}
	props, err := g.Service.OpenProposals(ctx)
	if err != nil {
		return fail("governance", err)
	}
	if in.Name == "list" {
		switch len(props) {
		case 0:
			return intent.Reply{Text: "There are no open proposals."}, nil
		case 1:
			return intent.Reply{Text: fmt.Sprintf("There is one open proposal. Proposal %d: %s.", props[0].Number, props[0].Title)}, nil
		}
		var b strings.Builder
		fmt.Fprintf(&b, "There are %d open proposals.", len(props))
		for _, p := range props {
			fmt.Fprintf(&b, " Proposal %d: %s.", p.Number, p.Title)
		}
		return intent.Reply{Text: b.String()}, nil
	}
	n, ok := in.Number("proposal")
	if !ok {
		return intent.Reply{Text: "Which proposal? Say vote yes on proposal and its number."}, nil
	}
	var target *Proposal
	for i := range props {
		if props[i].Number == n {
			target = &props[i]
		}
	}
	if target == nil {
		return intent.Reply{Text: fmt.Sprintf("There is no open proposal %d.", n)}, nil
	}
	var support Support
	switch in.Slots["vote"] {
	case "yes", "for":
		support = For
	case "no", "against":
		support = Against
	default:
		support = Abstain
	}
	text := fmt.Sprintf("You are voting %s on proposal %d: %s.", support, n, target.Title)
	if support == Abstain {
		text = fmt.Sprintf("You are abstaining on proposal %d: %s.", n, target.Title)
	}
	g.mu.Lock()
	g.pending = &pendingVote{id: target.ID, support: support, number: n, at: g.now()}
	g.mu.Unlock()
	return intent.Reply{
		Text: text,
		Confirm: &intent.Confirmation{
			Prompt:    "Press the button, or say confirm, to cast it.",
			Do:        g.confirm,
			Cancelled: "The vote is not cast yet: say or type confirm within two minutes to cast it.",
		},
	}, nil
}

// confirm casts the pending vote, once, whichever way it was confirmed.
func (g *GovernanceSkill) confirm(ctx context.Context) (intent.Reply, error) {
	g.mu.Lock()
	p := g.pending
	g.pending = nil
	g.mu.Unlock()
	switch {
	case p == nil:
		return intent.Reply{Text: "There is no vote waiting to be confirmed."}, nil
	case g.now().Sub(p.at) > voteTTL:
		return intent.Reply{Text: fmt.Sprintf("The vote on proposal %d waited too long and was not cast: say it again.", p.number)}, nil
	}
	if err := g.Service.Vote(ctx, p.id, p.support); err != nil {
		return fail("vote", err)
	}
	return intent.Reply{Text: "Your vote is cast."}, nil
}
