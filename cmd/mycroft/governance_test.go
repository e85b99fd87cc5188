package main

import (
	"context"
	"strings"
	"testing"

	"github.com/mycroft-network/mycroft/internal/apiclient"
)

// TestGovernanceCommands: governance status prints the delegate, the
// power and why it is zero; governance propose previews, then proposes,
// sending what the arguments say; mistakes reach nothing.
func TestGovernanceCommands(t *testing.T) {
	ctx := context.Background()
	self := "0x00000000000000000000000000000000000000aA"
	f := newFakeAgent(t, map[string]any{
		"GET /governance/status": apiclient.GovernanceStatus{Address: self, Delegate: "", Votes: "0", Balance: "0",
			Why: "no tokens (claim the sign-up grant or receive MYC); not delegated yet", Delegation: "waiting for the wallet key"},
		"POST /governance/propose": apiclient.GovernanceProposed{
			Description: "# Pay Ann\nFor the Welsh voice.", ID: "123", Number: 3, TxHash: "0xabc",
			Actions: []apiclient.GovernanceAction{{Target: "0x00000000000000000000000000000000000000c1", Value: "0",
				Calldata: "0xa9059cbb", Summary: "the treasury pays 12.5 MYC to 0x...b1"}},
		},
	})
	code, out, stderr := runCLI(ctx, "-socket", f.sock, "governance", "status")
	for _, w := range []string{"delegate:", "none", "voting power:", "0 MYC", "why no votes:", "no tokens", "waiting for the wallet key"} {
		if code != 0 || !strings.Contains(out, w) {
			t.Errorf("governance status: exit %d, output %q lacks %q (%s)", code, out, w, stderr)
		}
	}
	code, out, stderr = runCLI(ctx, "-socket", f.sock, "governance", "propose", "payout", "--description", "# Pay Ann\nFor the Welsh voice.",
		"0x00000000000000000000000000000000000000b1", "12.5")
	for _, w := range []string{"proposal: # Pay Ann", "call 1: the treasury pays", "calldata: 0xa9059cbb", "proposed: proposal 3, id 123"} {
		if code != 0 || !strings.Contains(out, w) {
			t.Errorf("governance propose payout: exit %d, output %q lacks %q (%s)", code, out, w, stderr)
		}
	}
	reqs := f.requests()
	want := `{"kind":"payout","to":"0x00000000000000000000000000000000000000b1","amount":"12.5","description":"# Pay Ann\nFor the Welsh voice."`
	if len(reqs) != 3 || !strings.Contains(reqs[1], want+`,"preview":true}`) || !strings.Contains(reqs[2], want+"}") {
		t.Errorf("requests %q, want a preview then the proposal of %s", reqs, want)
	}
	n := len(f.requests())
	if code, out, _ := runCLI(ctx, "-socket", f.sock, "governance", "propose", "param", "--preview", "--description", "Quorum 5", "quorum", "5"); code != 0 || strings.Contains(out, "proposed:") {
		t.Errorf("propose --preview: exit %d, %q", code, out)
	}
	if got := f.requests()[n:]; len(got) != 1 || !strings.Contains(got[0], `"kind":"param","param":"quorum","value":"5"`) {
		t.Errorf("propose --preview sent %q, want one preview", got)
	}
	n = len(f.requests())
	for _, args := range [][]string{
		{"governance", "propose"}, {"governance", "propose", "treasury"},
		{"governance", "propose", "registrar", "0x00000000000000000000000000000000000000b1"},
		{"governance", "propose", "payout", "--description", "x", "0xb1"},
		{"governance", "propose", "registrar", "--description", " ", "0x00000000000000000000000000000000000000b1"},
	} {
		if code, _, _ := runCLI(ctx, append([]string{"-socket", f.sock}, args...)...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	if len(f.requests()) != n {
		t.Errorf("usage errors reached the agent: %v", f.requests()[n:])
	}
}
