package deploy_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"math/big"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/chain/artifacts"
	"github.com/mycroft-network/mycroft/chain/bindings"
	"github.com/mycroft-network/mycroft/chain/deploy"
	"github.com/mycroft-network/mycroft/internal/gethdev"
)

func ether(n int64) *big.Int { return new(big.Int).Mul(big.NewInt(n), big.NewInt(1e18)) }

// TestDeployGeth deploys to a separate geth --dev process, is interrupted
// after the fourth contract (and loses the fourth one's address, as a
// crash after sending would), resumes from the saved draft and checks
// that nothing was deployed twice, that the code matches the artifacts,
// that an altered artifact is caught and that the roles are set.
func TestDeployGeth(t *testing.T) {
	n := gethdev.Start(t)
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	me := crypto.PubkeyToAddress(key.PublicKey)
	n.Fund(t, ether(100), me)
	ctx := context.Background()
	c, err := deploy.Dial(ctx, []string{n.URL}, gethdev.ChainID, chain.WithSigner(chain.NewKeySigner(key)), chain.WithPollInterval(20*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	registrar := common.HexToAddress("0x00000000000000000000000000000000000000aa")
	params := deploy.DefaultParams()

	// First run, interrupted once Channels (the fourth contract) is on chain.
	var saved []byte
	save := func(d *deploy.Draft) error {
		b, err := json.Marshal(d)
		saved = b
		return err
	}
	ictx, cancel := context.WithCancel(ctx)
	_, err = deploy.Run(ictx, c, deploy.Config{Params: params, Registrar: registrar, Save: func(d *deploy.Draft) error {
		if st := d.Contracts["Channels"]; st != nil && st.Address != nil {
			cancel()
		}
		return save(d)
	}})
	cancel()
	if err == nil {
		t.Fatal("interrupted Run returned no error")
	}
	var draft deploy.Draft
	if err := json.Unmarshal(saved, &draft); err != nil {
		t.Fatal(err)
	}
	first := map[string]common.Address{}
	for _, name := range []string{"Token", "Timelock", "MycroftGovernor", "Channels"} {
		st := draft.Contracts[name]
		if st == nil || st.Address == nil {
			t.Fatalf("draft after the interruption has no address for %s: %s", name, saved)
		}
		first[name] = *st.Address
	}
	if len(draft.Contracts) != 4 {
		t.Fatalf("draft has %d contracts, want 4: %s", len(draft.Contracts), saved)
	}
	// As if the process died after sending Channels' creation.
	draft.Contracts["Channels"].Address = nil

	// A rerun with other parameters is refused.
	other := params
	other.QuorumPercent = 5
	if _, err := deploy.Run(ctx, c, deploy.Config{Params: other, Registrar: registrar, Draft: &draft}); !errors.Is(err, deploy.ErrDraft) {
		t.Fatalf("Run with other params = %v, want ErrDraft", err)
	}

	m, err := deploy.Run(ctx, c, deploy.Config{Params: params, Registrar: registrar, Draft: &draft, Save: save})
	if err != nil {
		t.Fatalf("resumed Run: %v", err)
	}
	for name, got := range map[string]common.Address{"Token": m.Token, "Timelock": m.Timelock, "MycroftGovernor": m.Governor, "Channels": m.Channels} {
		if got != first[name] {
			t.Errorf("%s at %s after the resume, the first run deployed it at %s", name, got, first[name])
		}
	}
	if m.ChainID != gethdev.ChainID || m.DeployBlock != draft.DeployBlock || m.DeployBlock == 0 {
		t.Errorf("manifest chain %d deploy block %d, want %d and the draft's %d", m.ChainID, m.DeployBlock, gethdev.ChainID, draft.DeployBlock)
	}
	// 7 creations and 3 role transactions: nothing sent twice.
	nonce, err := n.Client.NonceAt(ctx, me, nil)
	if err != nil {
		t.Fatal(err)
	}
	if nonce != 10 {
		t.Errorf("deployer sent %d transactions, want 10 (7 contracts, 3 roles)", nonce)
	}
	// The funds check's estimate covers what the deployment used (the
	// deployer's transactions alone fill the blocks since DeployBlock).
	head, err := n.Client.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var used uint64
	for b := m.DeployBlock; b <= head; b++ {
		h, err := n.Client.HeaderByNumber(ctx, new(big.Int).SetUint64(b))
		if err != nil {
			t.Fatal(err)
		}
		used += h.GasUsed
	}
	if est, err := deploy.GasNeeded(nil); err != nil || est < used {
		t.Errorf("GasNeeded(nil) = %d, %v; the deployment used %d gas", est, err, used)
	} else {
		t.Logf("deployment: %d gas used, %d estimated", used, est)
	}

	// Roles: the Governor proposes and cancels, the deployer is no admin,
	// the registrar is Grants' registrar.
	tl := bindings.NewTimelock()
	for _, rc := range []struct {
		name    string
		pack    func() ([]byte, error)
		unpack  func([]byte) ([32]byte, error)
		account common.Address
		want    bool
	}{
		{"proposer", tl.TryPackPROPOSERROLE, tl.UnpackPROPOSERROLE, m.Governor, true},
		{"canceller", tl.TryPackCANCELLERROLE, tl.UnpackCANCELLERROLE, m.Governor, true},
		{"admin", tl.TryPackDEFAULTADMINROLE, tl.UnpackDEFAULTADMINROLE, me, false},
	} {
		data, _ := rc.pack()
		out, err := c.Call(ctx, m.Timelock, data)
		if err != nil {
			t.Fatal(err)
		}
		role, _ := rc.unpack(out)
		data, _ = tl.TryPackHasRole(role, rc.account)
		out, err = c.Call(ctx, m.Timelock, data)
		if err != nil {
			t.Fatal(err)
		}
		if has, _ := tl.UnpackHasRole(out); has != rc.want {
			t.Errorf("timelock %s role of %s = %v, want %v", rc.name, rc.account, has, rc.want)
		}
	}
	gr := bindings.NewGrants()
	for _, gc := range []struct {
		name   string
		pack   func() ([]byte, error)
		unpack func([]byte) (common.Address, error)
		want   common.Address
	}{
		{"registrar", gr.TryPackRegistrar, gr.UnpackRegistrar, registrar},
		{"owner", gr.TryPackOwner, gr.UnpackOwner, m.Timelock},
	} {
		data, _ := gc.pack()
		out, err := c.Call(ctx, m.Grants, data)
		if err != nil {
			t.Fatal(err)
		}
		if got, _ := gc.unpack(out); got != gc.want {
			t.Errorf("Grants.%s() = %s, want %s", gc.name, got, gc.want)
		}
	}

	// The code checks: the committed artifacts pass; one changed byte in
	// Registry's does not.
	if err := deploy.Verify(ctx, c, m); err != nil {
		t.Fatalf("Verify: %v", err)
	}
	altered := func(name string) (artifacts.Runtime, error) {
		rt, err := artifacts.Load(name)
		if err != nil || name != "Registry" {
			return rt, err
		}
		rt.Code = bytes.Clone(rt.Code)
		rt.Code[len(rt.Code)/2] ^= 0x01
		for _, im := range rt.Immutables { // keep the change outside the immutables
			if s := len(rt.Code) / 2; s >= im.Start && s < im.Start+im.Length {
				t.Fatal("test byte falls in an immutable; pick another")
			}
		}
		return rt, nil
	}
	if err := deploy.VerifyWith(ctx, c, m, altered); !errors.Is(err, artifacts.ErrCodeMismatch) {
		t.Fatalf("VerifyWith(altered Registry artifact) = %v, want ErrCodeMismatch", err)
	}

	// A rerun of a finished deployment sends nothing and returns the same
	// manifest.
	var done deploy.Draft
	if err := json.Unmarshal(saved, &done); err != nil {
		t.Fatal(err)
	}
	if !done.Done {
		t.Fatalf("saved draft not done: %s", saved)
	}
	m2, err := deploy.Run(ctx, c, deploy.Config{Params: params, Registrar: registrar, Draft: &done})
	if err != nil {
		t.Fatalf("rerun: %v", err)
	}
	if m2 != m {
		t.Errorf("rerun manifest %+v, want %+v", m2, m)
	}
	if again, _ := n.Client.NonceAt(ctx, me, nil); again != nonce {
		t.Errorf("rerun of a finished deployment sent %d transactions", again-nonce)
	}

	// A Channels contract of another token has the same code (the token is
	// an immutable) but is not this deployment's: the links check says so.
	otherTok, err := bindings.NewToken().GetABI().Pack("", me, big.NewInt(1))
	if err != nil {
		t.Fatal(err)
	}
	tokAddr, _, err := c.Deploy(ctx, common.FromHex(bindings.TokenMetaData.Bin), otherTok)
	if err != nil {
		t.Fatal(err)
	}
	chArgs, err := bindings.NewChannels().GetABI().Pack("", tokAddr, uint64(0))
	if err != nil {
		t.Fatal(err)
	}
	foreign, _, err := c.Deploy(ctx, common.FromHex(bindings.ChannelsMetaData.Bin), chArgs)
	if err != nil {
		t.Fatal(err)
	}
	bad := m
	bad.Channels = foreign
	if err := deploy.Verify(ctx, c, bad); !errors.Is(err, deploy.ErrLinks) {
		t.Fatalf("Verify(manifest with another token's Channels) = %v, want ErrLinks", err)
	}
}

// TestDeployFunds: a deployer that cannot pay for the whole deployment is
// refused before it sends anything.
func TestDeployFunds(t *testing.T) {
	n := gethdev.Start(t)
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	me := crypto.PubkeyToAddress(key.PublicKey)
	n.Fund(t, big.NewInt(1e15), me) // 0.001 ether
	ctx := context.Background()
	c, err := deploy.Dial(ctx, []string{n.URL}, gethdev.ChainID, chain.WithSigner(chain.NewKeySigner(key)), chain.WithPollInterval(20*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := deploy.Run(ctx, c, deploy.Config{Params: deploy.DefaultParams()}); !errors.Is(err, deploy.ErrFunds) {
		t.Fatalf("Run with 0.001 ether = %v, want ErrFunds", err)
	}
	if nonce, _ := n.Client.NonceAt(ctx, me, nil); nonce != 0 {
		t.Errorf("an underfunded deployer sent %d transactions", nonce)
	}
}
