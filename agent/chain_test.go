package agent

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"math/big"
	"net"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"

	"github.com/mycroft-network/mycroft/agent/skills"
	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/chain/bindings"
	"github.com/mycroft-network/mycroft/chain/devnet"
	"github.com/mycroft-network/mycroft/internal/apiclient"
)

// waitFor polls cond until it holds or the test's context ends.
func chainWaitFor(ctx context.Context, t testing.TB, what string, cond func() bool) {
	t.Helper()
	for !cond() {
		select {
		case <-ctx.Done():
			t.Fatalf("gave up waiting for %s", what)
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// TestChainDownAtBoot: an endpoint that is down at boot degrades the agent
// (which still serves), a.chain is there anyway, and the warning clears
// once the endpoint answers.
func TestChainDownAtBoot(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	port, manifest := chainDownAtBoot(t, ctx)

	// A second endpoint that never answers: the client fails over to the
	// first once it is up, and the status shows both.
	dead, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	deadURL := "http://" + dead.Addr().String() + "/v3/secret-key"
	dead.Close()
	cfg := testConfig(t)
	cfg.Chain.RPCURL = fmt.Sprintf("http://127.0.0.1:%d", port)
	cfg.Chain.RPCURLs = []string{deadURL}
	cfg.Chain.Manifest = manifest
	a, c, _ := start(t, cfg, Options{})
	if a.chain == nil {
		t.Fatal("a.chain is nil with the endpoint down")
	}
	if w := warning(t, c, "chain"); !strings.Contains(w, "unreachable") {
		t.Errorf("chain warning with the endpoint down = %q", w)
	}
	st, err := c.Status(ctx)
	if err != nil || !strings.Contains(string(st.Components["chain"]), `"reachable": false`) {
		t.Fatalf("status = %s, %v", st.Components["chain"], err)
	}

	d, err := devnet.Start(ctx, devnet.Config{Port: port, BlockPeriod: -1})
	if err != nil {
		t.Fatalf("devnet: %v", err)
	}
	defer d.Close()
	chainWaitFor(ctx, t, "the chain warning to clear", func() bool { return warning(t, c, "chain") == "" })
	st, _ = c.Status(ctx)
	if !strings.Contains(string(st.Components["chain"]), `"reachable": true`) {
		t.Errorf("status once reachable = %s", st.Components["chain"])
	}
	// The client made at boot works.
	if _, err := a.chain.TokenSupply(ctx); err != nil {
		t.Errorf("TokenSupply through the boot client: %v", err)
	}
	st, _ = c.Status(ctx)
	if s := string(st.Components["chain"]); !strings.Contains(s, `"endpoints"`) || !strings.Contains(s, chain.RedactURL(deadURL)) || strings.Contains(s, "secret-key") {
		t.Errorf("status shows the endpoints (redacted) = %s", s)
	}
}

// TestChainNoManifest: with rpc_url set but no manifest, the chain is off
// with a warning.
func TestChainNoManifest(t *testing.T) {
	cfg := testConfig(t)
	cfg.Chain.RPCURL = "http://127.0.0.1:1"
	cfg.Chain.Manifest = filepath.Join(t.TempDir(), "missing.json")
	a, c, _ := start(t, cfg, Options{})
	if a.chain != nil {
		t.Error("a.chain without a manifest")
	}
	if w := warning(t, c, "chain"); !strings.Contains(w, "no deployment manifest") {
		t.Errorf("chain warning = %q", w)
	}
	if _, err := c.GovernanceProposals(context.Background()); apiStatus(err) != 503 {
		t.Errorf("proposals with no chain: %v, want 503", err)
	}
	if a.governanceSkill() != nil {
		t.Error("governance skill with no chain")
	}
}

// fastDelegation shortens the self-delegation service's waits.
func fastDelegation(t *testing.T) {
	t.Helper()
	poll, lo, hi := delegationKeysPoll, delegationRetryMin, delegationRetryMax
	delegationKeysPoll, delegationRetryMin, delegationRetryMax = 20*time.Millisecond, 20*time.Millisecond, 100*time.Millisecond
	t.Cleanup(func() { delegationKeysPoll, delegationRetryMin, delegationRetryMax = poll, lo, hi })
}

// TestGovernanceVote: a fresh device delegates its votes to itself (no
// one delegates for it), its status shows the power, a proposal it makes
// through the API carries the calldata it previewed and is listed with its
// short number, and the device's vote, signed by the keystore and sent
// through the API, counts in the tally with exactly the device's own
// tokens.
func TestGovernanceVote(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	fastDelegation(t)
	d, manifest := testChain(t, ctx)
	cfg := testConfig(t)
	cfg.Chain.RPCURL, cfg.Chain.Manifest = d.URL, manifest
	a, c, _ := start(t, cfg, Options{})
	if st, err := c.Status(ctx); err != nil || !strings.Contains(string(st.Components["governance"]), delegationWaitingKeys) {
		t.Fatalf("governance status before keys = %s, %v; want %q", st.Components["governance"], err, delegationWaitingKeys)
	}
	ini, err := c.KeysInit(ctx, testPass)
	if err != nil {
		t.Fatal(err)
	}
	device := common.HexToAddress(ini.Address)
	own := devnet.Units(1234, devnet.MYC)
	// Tokens first, then gas: the device delegates once it has gas, so the
	// transfer is not estimated before and mined after the delegation
	// (which makes it write a checkpoint and cost more than estimated).
	if err := d.Fund(ctx, device, nil, own); err != nil {
		t.Fatal(err)
	}
	if err := d.Fund(ctx, device, devnet.Units(1, devnet.Ether), nil); err != nil {
		t.Fatal(err)
	}
	dep, err := d.Client(ctx, d.Deployer)
	if err != nil {
		t.Fatal(err)
	}
	defer dep.Close()

	// The device delegates to itself, by its own signed delegateBySig.
	var gs apiclient.GovernanceStatus
	chainWaitFor(ctx, t, "the device to delegate to itself", func() bool {
		gs, err = c.GovernanceStatus(ctx)
		return err == nil && gs.Delegate == device.Hex() && gs.Delegation == delegationSelf
	})
	if gs.Delegation != delegationSelf || gs.TxHash == "" {
		t.Errorf("governance status after delegating = %+v, want delegation %q and its transaction", gs, delegationSelf)
	}
	tokenABI := bindings.NewToken().GetABI()
	tx, _, err := dep.Backend().TransactionByHash(ctx, common.HexToHash(gs.TxHash))
	if err != nil {
		t.Fatalf("delegation transaction %s: %v", gs.TxHash, err)
	}
	if m, err := tokenABI.MethodById(tx.Data()); err != nil || tx.To() == nil || *tx.To() != d.Manifest.Token || m.Name != "delegateBySig" {
		t.Errorf("delegation transaction to %v calls %v (%v), want Token.delegateBySig", tx.To(), m, err)
	}
	if err := d.AdvanceTime(ctx, time.Second); err != nil {
		t.Fatal(err)
	}
	gs, err = c.GovernanceStatus(ctx)
	if err != nil || gs.Votes != own.String() || gs.Balance != own.String() || gs.Why != "" {
		t.Fatalf("governance status = %+v, %v; want votes = balance = %s and no why", gs, err, own)
	}
	if vp, ok := a.governanceSkill().(skills.VotingPower); !ok {
		t.Error("the governance skill does not say the voting power")
	} else if votes, why, err := vp.VotingPower(ctx); err != nil || votes.Cmp(own) != 0 || why != "" {
		t.Errorf("spoken voting power = %v, %q, %v; want %s", votes, why, err, own)
	}
	if st, _ := c.Status(ctx); !strings.Contains(string(st.Components["governance"]), `"delegation": "self"`) {
		t.Errorf("status governance = %s", st.Components["governance"])
	}

	// A treasury payout, previewed then proposed by the device.
	payee := common.HexToAddress("0x00000000000000000000000000000000000000b1")
	req := apiclient.GovernanceProposeRequest{Kind: "payout", To: payee.Hex(), Amount: "12.5",
		Description: "# Pay for a Welsh voice\nThe treasury pays 12.5 MYC.", Preview: true}
	pv, err := c.GovernancePropose(ctx, req)
	if err != nil || len(pv.Actions) != 1 || pv.ID != "" {
		t.Fatalf("preview = %+v, %v", pv, err)
	}
	data, err := hexutil.Decode(pv.Actions[0].Calldata)
	if err != nil {
		t.Fatal(err)
	}
	if pv.Actions[0].Target != d.Manifest.Token.Hex() || pv.Actions[0].Value != "0" {
		t.Errorf("payout action to %s value %s, want the Token and 0", pv.Actions[0].Target, pv.Actions[0].Value)
	}
	m, err := tokenABI.MethodById(data)
	if err != nil {
		t.Fatalf("payout calldata: %v", err)
	}
	args, err := m.Inputs.Unpack(data[4:])
	if err != nil || m.Name != "transfer" || args[0].(common.Address) != payee || args[1].(*big.Int).Cmp(new(big.Int).Div(devnet.Units(125, devnet.MYC), big.NewInt(10))) != 0 {
		t.Fatalf("payout calldata decodes to %s%v (%v), want transfer(%s, 12.5 MYC)", m.Name, args, err, payee.Hex())
	}
	if _, err := c.GovernancePropose(ctx, apiclient.GovernanceProposeRequest{Kind: "payout", To: payee.Hex(), Amount: "1"}); apiStatus(err) != 400 {
		t.Errorf("proposal without a description: %v, want 400", err)
	}
	req.Preview = false
	pr, err := c.GovernancePropose(ctx, req)
	if err != nil {
		t.Fatalf("propose: %v", err)
	}
	id, ok := new(big.Int).SetString(pr.ID, 10)
	if !ok || pr.TxHash == "" || pr.Number != 1 || pr.Actions[0].Calldata != pv.Actions[0].Calldata {
		t.Fatalf("proposed = %+v", pr)
	}
	listed, err := dep.Proposals(ctx, 0)
	if err != nil || len(listed) != 1 || listed[0].Proposer != device || !bytes.Equal(listed[0].Calldatas[0], data) || listed[0].Targets[0] != d.Manifest.Token {
		t.Fatalf("on-chain proposals = %+v, %v; want the device's payout", listed, err)
	}
	if err := d.AdvanceTime(ctx, 2*time.Second); err != nil {
		t.Fatal(err)
	}

	ps, err := c.GovernanceProposals(ctx)
	if err != nil {
		t.Fatalf("proposals: %v", err)
	}
	if len(ps) != 1 || ps[0].Number != 1 || ps[0].ID != id.String() || ps[0].Title != "Pay for a Welsh voice" || ps[0].State != "active" {
		t.Fatalf("proposals = %+v, want proposal 1 (%s) active", ps, id)
	}
	open, err := a.governanceSkill().OpenProposals(ctx)
	if err != nil || len(open) != 1 || open[0].Number != 1 || open[0].ID.Cmp(id) != 0 {
		t.Fatalf("OpenProposals = %+v, %v", open, err)
	}

	// A ballot for a relayer: signed, not sent.
	b, err := c.GovernanceBallot(ctx, "1", "yes")
	if err != nil {
		t.Fatalf("ballot: %v", err)
	}
	sig, err := hexutil.Decode(b.Signature)
	if err != nil {
		t.Fatal(err)
	}
	td := chain.BallotTypedData(big.NewInt(devnet.ChainID), d.Manifest.Governor, id, chain.VoteFor, device, big.NewInt(0))
	if err := chain.VerifyTypedData(td, sig, device); err != nil || b.Voter != device.Hex() || b.ProposalID != id.String() {
		t.Fatalf("ballot %+v does not verify: %v", b, err)
	}
	if _, forVotes, _, _ := dep.ProposalVotes(ctx, id); forVotes.Sign() != 0 {
		t.Fatal("the ballot endpoint sent the vote")
	}

	if _, err := c.GovernanceVote(ctx, "1", "maybe"); apiStatus(err) != 400 {
		t.Errorf("vote maybe: %v, want 400", err)
	}
	if _, err := c.GovernanceVote(ctx, "7", "yes"); apiStatus(err) != 404 {
		t.Errorf("vote on proposal 7: %v, want 404", err)
	}
	v, err := c.GovernanceVote(ctx, "1", "yes")
	if err != nil {
		t.Fatalf("vote: %v", err)
	}
	if v.Voter != device.Hex() || v.TxHash == "" || v.Proposal != id.String() {
		t.Errorf("vote = %+v", v)
	}
	// The tally holds the device's own tokens, no more and no less: no
	// one else delegated to it.
	against, forVotes, abstain, err := dep.ProposalVotes(ctx, id)
	if err != nil || forVotes.Cmp(own) != 0 || against.Sign() != 0 || abstain.Sign() != 0 {
		t.Fatalf("votes against %v for %v abstain %v (%v), want for = %v", against, forVotes, abstain, err, own)
	}
	if got, err := dep.Delegates(ctx, dep.Address()); err != nil || got == device {
		t.Errorf("the deployer delegates to %s (%v)", got.Hex(), err)
	}
	// Voting twice is refused by the Governor.
	if err := a.governanceSkill().Vote(ctx, id, skills.Against); err == nil {
		t.Error("second vote accepted")
	}
	ps, _ = c.GovernanceProposals(ctx)
	if len(ps) != 1 || ps[0].For != own.String() {
		t.Errorf("listed votes = %+v", ps)
	}
}

// TestSelfDelegationNoGas: a device with tokens and no gas signs its
// self-delegation and waits (the status says so and the votes are zero,
// with why); a relayer submits the signed delegation it hands out, and
// the device's tokens then count.
func TestSelfDelegationNoGas(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	fastDelegation(t)
	d, manifest := testChain(t, ctx)
	cfg := testConfig(t)
	cfg.Chain.RPCURL, cfg.Chain.Manifest = d.URL, manifest
	a, c, _ := start(t, cfg, Options{})
	ini, err := c.KeysInit(ctx, testPass)
	if err != nil {
		t.Fatal(err)
	}
	device := common.HexToAddress(ini.Address)
	own := devnet.Units(40, devnet.MYC)
	if err := d.Fund(ctx, device, nil, own); err != nil {
		t.Fatal(err)
	}
	var gs apiclient.GovernanceStatus
	chainWaitFor(ctx, t, "the delegation to wait for gas", func() bool {
		gs, err = c.GovernanceStatus(ctx)
		return err == nil && gs.Delegation == delegationNoGas
	})
	if gs.Delegate != "" || gs.Votes != "0" || !strings.Contains(gs.Why, "not delegated yet") {
		t.Errorf("status without gas = %+v, want no delegate, no votes and why", gs)
	}
	if votes, why, err := a.governanceSkill().(skills.VotingPower).VotingPower(ctx); err != nil || votes.Sign() != 0 || !strings.Contains(why, "gas") {
		t.Errorf("spoken voting power without gas = %v, %q, %v; want none, for want of gas", votes, why, err)
	}
	if w := warning(t, c, "governance"); !strings.Contains(w, "relayer") {
		t.Errorf("governance warning without gas = %q", w)
	}

	sd, err := c.GovernanceDelegation(ctx)
	if err != nil {
		t.Fatalf("delegation: %v", err)
	}
	sig, err := hexutil.Decode(sd.Signature)
	if err != nil {
		t.Fatal(err)
	}
	nonce, _ := new(big.Int).SetString(sd.Nonce, 10)
	expiry, _ := new(big.Int).SetString(sd.Expiry, 10)
	if sd.Delegatee != device.Hex() || sd.Token != d.Manifest.Token.Hex() || sd.ChainID != devnet.ChainID {
		t.Fatalf("signed delegation = %+v", sd)
	}
	relayer, err := d.Client(ctx, d.Deployer)
	if err != nil {
		t.Fatal(err)
	}
	defer relayer.Close()
	if _, err := relayer.DelegateBySig(ctx, chain.SignedDelegation{Token: d.Manifest.Token, Delegatee: device, Nonce: nonce, Expiry: expiry, Signature: sig}); err != nil {
		t.Fatalf("relayed delegation: %v", err)
	}
	if err := d.AdvanceTime(ctx, time.Second); err != nil {
		t.Fatal(err)
	}
	gs, err = c.GovernanceStatus(ctx)
	if err != nil || gs.Delegate != device.Hex() || gs.Votes != own.String() {
		t.Fatalf("status after the relayed delegation = %+v, %v; want votes %s", gs, err, own)
	}
	if gas, _ := relayer.NativeBalance(ctx, device); gas.Sign() != 0 {
		t.Errorf("device has %s wei; the test needs it to have none", gas)
	}
	chainWaitFor(ctx, t, "the service to see the delegation", func() bool {
		gs, err = c.GovernanceStatus(ctx)
		return err == nil && gs.Delegation == delegationSelf
	})
	chainWaitFor(ctx, t, "the governance warning to clear", func() bool { return warning(t, c, "governance") == "" })
}

// TestWhyNoVotes: the reasons a device has no voting power.
func TestWhyNoVotes(t *testing.T) {
	self := common.HexToAddress("0x00000000000000000000000000000000000000a1")
	other := common.HexToAddress("0x00000000000000000000000000000000000000a2")
	for _, c := range []struct {
		name string
		del  common.Address
		bal  int64
		want []string
	}{
		{"no tokens, not delegated", common.Address{}, 0, []string{"no tokens", "not delegated yet"}},
		{"not delegated", common.Address{}, 5, []string{"not delegated yet"}},
		{"no tokens, delegated to self", self, 0, []string{"no tokens"}},
		{"delegated elsewhere", other, 5, []string{"delegated to " + other.Hex()}},
	} {
		got := whyNoVotes(self, c.del, big.NewInt(c.bal), "")
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: why = %q, want it to say %q", c.name, got, w)
			}
		}
		if c.bal > 0 && strings.Contains(got, "no tokens") {
			t.Errorf("%s: why = %q says no tokens with a balance", c.name, got)
		}
	}
}

// TestChainWrongChainID: an endpoint serving another chain than the
// manifest is a warning, and calls through a.chain are refused.
func TestChainWrongChainID(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	d, err := devnet.Start(ctx, devnet.Config{BlockPeriod: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	m := d.Manifest
	m.ChainID = 31337
	manifest := filepath.Join(t.TempDir(), "deployment.json")
	if err := chain.WriteManifest(manifest, m); err != nil {
		t.Fatal(err)
	}
	cfg := testConfig(t)
	cfg.Chain.RPCURL = d.URL
	cfg.Chain.Manifest = manifest
	a, c, _ := start(t, cfg, Options{})
	if w := warning(t, c, "chain"); !strings.Contains(w, "chain id") || !strings.Contains(w, "31337") {
		t.Errorf("chain warning = %q, want a chain id mismatch", w)
	}
	if _, err := a.chain.TokenSupply(ctx); !errors.Is(err, chain.ErrChainID) {
		t.Errorf("call on the wrong chain: %v, want ErrChainID", err)
	}
}
