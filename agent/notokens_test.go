package agent

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/agent/skills"
	"github.com/mycroft-network/mycroft/chain/devnet"
)

// TestNoTokensSpoken: a device whose wallet is on but holds no tokens
// (no grant, nothing received) answers a paid question in words: that it
// has no tokens, and what still works; asked how to get tokens it says
// how; and the help says the paid skills need tokens. Nothing is asked of
// a provider (there is none on this chain).
func TestNoTokensSpoken(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	fastDelegation(t)
	d, manifest := testChain(t, ctx)
	cfg, device, _ := speakerConfig(t, ctx, nil)
	cfg.Chain.RPCURL, cfg.Chain.Manifest = d.URL, manifest
	if err := d.Fund(ctx, device, devnet.Units(1, devnet.Ether), nil); err != nil {
		t.Fatal(err)
	}
	overrideVoice(t, func(d *voiceDeps) { d.Transcriber = nil })
	a, c, _ := start(t, cfg, Options{})
	if a.wallet == nil {
		t.Fatal("the wallet is off")
	}
	for _, q := range []struct{ say, want string }{
		{"what is the weather", "Your wallet has no tokens, so I can't pay for that. " + skills.SayLocalStill},
		{"who was ada lovelace", "Your wallet has no tokens, so I can't pay for that. " + skills.SayLocalStill},
		{"how do i get tokens", skills.SayGetTokens},
	} {
		got, err := c.VoiceAsk(ctx, q.say)
		if err != nil || got != q.want {
			t.Errorf("%q: got %q (%v), want %q", q.say, got, err, q.want)
		}
	}
	if got, err := c.VoiceAsk(ctx, "what can you do"); err != nil || !strings.HasSuffix(got, skills.SayNoTokensHelp) {
		t.Errorf("help with an empty wallet: %q (%v), want it to end with %q", got, err, skills.SayNoTokensHelp)
	}
	// No tokens, no delegation yet: it waits for the tokens.
	chainWaitFor(ctx, t, "the delegation to wait for tokens", func() bool {
		return a.chainx.delegation.status().Delegation == delegationNoTokens
	})
	// With tokens, the same question is no longer refused for lack of them,
	// and the device delegates its votes to itself.
	if err := d.Fund(ctx, device, nil, devnet.Units(5, devnet.MYC)); err != nil {
		t.Fatal(err)
	}
	if got, err := c.VoiceAsk(ctx, "what is the weather"); err != nil || strings.Contains(got, "no tokens") {
		t.Errorf("weather with tokens: %q (%v), want another answer", got, err)
	}
	chainWaitFor(ctx, t, "the self-delegation", func() bool { return a.chainx.delegation.status().Delegation == delegationSelf })
}
