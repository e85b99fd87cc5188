package agent

import (
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
	"github.com/mycroft-network/mycroft/chain/devnet"
)

// waitFor polls cond until it holds or the test's context ends.
func chainWaitFor(ctx context.Context, t *testing.T, what string, cond func() bool) {
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
	old := chainCheckInterval
	chainCheckInterval = 50 * time.Millisecond
	t.Cleanup(func() { chainCheckInterval = old })

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	// The devnet's fixed deployer gives the same contract addresses every
	// time: write the manifest from a first run.
	manifest := filepath.Join(t.TempDir(), "deployment.json")
	probe, err := devnet.Start(ctx, devnet.Config{BlockPeriod: -1, ManifestPath: manifest})
	if err != nil {
		t.Fatal(err)
	}
	probe.Close()

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

// TestGovernanceVote: a proposal made on the devnet is listed with its
// short number, and the device's vote, signed by the keystore and sent
// through the API, is counted on chain.
func TestGovernanceVote(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	manifest := filepath.Join(t.TempDir(), "deployment.json")
	d, err := devnet.Start(ctx, devnet.Config{BlockPeriod: -1, ManifestPath: manifest})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	cfg := testConfig(t)
	cfg.Chain.RPCURL = d.URL
	cfg.Chain.Manifest = manifest
	a, c, _ := start(t, cfg, Options{})
	ini, err := c.KeysInit(ctx, testPass)
	if err != nil {
		t.Fatal(err)
	}
	device := common.HexToAddress(ini.Address)
	if err := d.Fund(ctx, device, devnet.Units(1, devnet.Ether), nil); err != nil {
		t.Fatal(err)
	}
	// The deployer holds the MYC: it delegates its votes to the device
	// before the proposal's snapshot.
	dep, err := d.Client(ctx, d.Deployer)
	if err != nil {
		t.Fatal(err)
	}
	defer dep.Close()
	if _, err := dep.Delegate(ctx, device); err != nil {
		t.Fatalf("delegate: %v", err)
	}
	if err := d.AdvanceTime(ctx, time.Second); err != nil {
		t.Fatal(err)
	}
	weight, err := dep.Votes(ctx, device)
	if err != nil || weight.Sign() == 0 {
		t.Fatalf("device votes = %v, %v", weight, err)
	}
	desc := "# Lower the storage price\nThe network pays storage nodes less."
	id, _, err := dep.Propose(ctx, []common.Address{d.Manifest.Token}, nil, [][]byte{nil}, desc)
	if err != nil {
		t.Fatalf("propose: %v", err)
	}
	if err := d.AdvanceTime(ctx, 2*time.Second); err != nil {
		t.Fatal(err)
	}

	ps, err := c.GovernanceProposals(ctx)
	if err != nil {
		t.Fatalf("proposals: %v", err)
	}
	if len(ps) != 1 || ps[0].Number != 1 || ps[0].ID != id.String() || ps[0].Title != "Lower the storage price" || ps[0].State != "active" {
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
	against, forVotes, abstain, err := dep.ProposalVotes(ctx, id)
	if err != nil || forVotes.Cmp(weight) != 0 || against.Sign() != 0 || abstain.Sign() != 0 {
		t.Fatalf("votes against %v for %v abstain %v (%v), want for = %v", against, forVotes, abstain, err, weight)
	}
	// Voting twice is refused by the Governor.
	if err := a.governanceSkill().Vote(ctx, id, skills.Against); err == nil {
		t.Error("second vote accepted")
	}
	ps, _ = c.GovernanceProposals(ctx)
	if len(ps) != 1 || ps[0].For != weight.String() {
		t.Errorf("listed votes = %+v", ps)
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
