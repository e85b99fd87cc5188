package skills

import (
	"context"
	"errors"

	"github.com/mycroft-network/mycroft/voice/intent"
)

// What the device says when there are no tokens to pay a provider with.
// Spoken, so short: one sentence for the refusal (the wallet's own), one
// for what still works on the device, and how to get tokens on request.
const (
	// SayLocalStill follows a refusal for lack of tokens.
	SayLocalStill = "The clock, timers and alarms still work."
	// SayGetTokens answers "how do I get tokens".
	SayGetTokens = "You get tokens from the sign-up grant, which I claim when a registrar is set up, or from anyone who sends them to your wallet address. The command mycroft keys address shows it."
	// SayNoTokensHelp is added to the help when the wallet is empty.
	SayNoTokensHelp = "Weather and questions need tokens, and your wallet has none: ask me how to get tokens."
)

// noTokens is an error that says the wallet has nothing to pay with
// (wallet.LimitError for ErrNoFunds and ErrNoGas).
type noTokens interface{ NoTokens() bool }

// isNoTokens reports whether err is a refusal for lack of tokens.
func isNoTokens(err error) bool {
	var nt noTokens
	return errors.As(err, &nt) && nt.NoTokens()
}

// TokensSkill answers how to get tokens, with no network.
type TokensSkill struct{}

func (TokensSkill) Name() string { return "tokens" }

func (TokensSkill) Intents() []intent.Spec {
	return []intent.Spec{{Name: "get", Patterns: []string{
		"how (do | can) i (get | buy | earn | add) [more | some] tokens",
		"where (do | can) i get [more | some] tokens",
		"how (do | can) i get [the | my] [sign up] grant",
		"how (do | can) i (fill | top up) [my] wallet",
		"i (have no | have not got any | need [more]) tokens",
		"(get | add) [more] tokens",
	}}}
}

func (TokensSkill) Handle(context.Context, intent.Intent) (intent.Reply, error) {
	return intent.Reply{Text: SayGetTokens}, nil
}

// emptyWallet reports whether w holds no tokens, in the wallet or in its
// channels; a balance it cannot read counts as not empty (say nothing).
func emptyWallet(ctx context.Context, w Wallet) bool {
	if w == nil {
		return false
	}
	b, err := w.Balance(ctx)
	if err != nil || b == nil || b.Sign() != 0 {
		return false
	}
	if c, ok := w.(ChannelBalance); ok {
		in, err := c.InChannels(ctx)
		if err != nil || (in != nil && in.Sign() != 0) {
			return false
		}
	}
	return true
}
