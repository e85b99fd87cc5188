package agent

import (
	"context"
	"crypto/ecdsa"
	"math/big"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/chain/deploy"
	"github.com/mycroft-network/mycroft/internal/gethdev"
	"github.com/mycroft-network/mycroft/internal/rpcproxy"
	"github.com/mycroft-network/mycroft/registrar"
)

// TestFirstDayOnGeth: a fresh device on a separate geth --dev, reading the
// chain through a proxy that behaves like a public RPC service (narrow
// log ranges, dropped requests, 429s), from first boot to its first paid
// answer and a vote that counts, with never a wei of gas of its own: the
// grants carry no gas and the registrar sends none. Keys are created; the
// registrar signs the sign-up claim and a provider relays it (paid the
// Grants' relay fee out of the grant); the same provider opens the
// device's channel for the fee in its offer (one transaction, the token's
// permit); the device's delegation of its votes to itself and its ballot
// are relayed as paid calls; the weather answer is paid by voucher. Every
// token is accounted for.
func TestFirstDayOnGeth(t *testing.T) {
	r := firstDay(t)
	t.Logf("first boot to first paid answer: %s (grant claimed %s, votes delegated %s), %d transactions, all relayed; device RPC through the proxy: %+v",
		r.answer, r.grant, r.delegated, r.txs, r.rpc)
}

// BenchmarkFirstDay is the time and the transactions from a device's
// first keys to its first paid answer, with no gas of its own, on geth
// --dev behind the misbehaving proxy (the test's run, once per b.N).
func BenchmarkFirstDay(b *testing.B) {
	var sum time.Duration
	var txs int
	for b.Loop() {
		r := firstDay(b)
		sum += r.answer
		txs = r.txs
	}
	b.ReportMetric(sum.Seconds()/float64(b.N), "s-to-first-answer")
	b.ReportMetric(float64(txs), "tx-to-first-answer")
}

// firstDayResult is how long each step of the first day took from the
// first keys, and the transactions before the first answer.
type firstDayResult struct {
	grant, delegated, answer time.Duration
	txs                      int
	rpc                      rpcproxy.Stats
}

func firstDay(t testing.TB) firstDayResult {
	var res firstDayResult
	n := gethdev.Start(t)
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	fastGrant(t)
	ether := big.NewInt(1e18)
	key := func() (*ecdsa.PrivateKey, common.Address) {
		k, _ := crypto.GenerateKey()
		return k, crypto.PubkeyToAddress(k.PublicKey)
	}
	deployerKey, deployerAddr := key()
	regKey, regAddr := key()
	n.Fund(t, new(big.Int).Mul(big.NewInt(100), ether), deployerAddr, regAddr)

	dial := func(url string, m chain.Manifest, k *ecdsa.PrivateKey) *chain.Client {
		c, err := chain.Dial(ctx, url, m, chain.WithSigner(chain.NewKeySigner(k)), chain.WithPollInterval(20*time.Millisecond))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		return c
	}
	dc, err := deploy.Dial(ctx, []string{n.URL}, gethdev.ChainID, chain.WithSigner(chain.NewKeySigner(deployerKey)), chain.WithPollInterval(20*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer dc.Close()
	params := deploy.DefaultParams()
	params.GasGrant = new(big.Int) // a chain where grants carry no gas
	params.VotingDelay, params.VotingPeriod, params.TimelockDelay = time.Second, time.Hour, time.Second
	params.ProposalThreshold = new(big.Int)
	m, err := deploy.Run(ctx, dc, deploy.Config{Params: params, Registrar: regAddr})
	if err != nil {
		t.Fatalf("deploy: %v", err)
	}
	manifest := filepath.Join(t.TempDir(), "deployment.json")
	if err := chain.WriteManifest(manifest, m); err != nil {
		t.Fatal(err)
	}
	deployer := dial(n.URL, m, deployerKey)
	if _, err := deployer.TransferToken(ctx, m.Grants, new(big.Int).Mul(big.NewInt(1000), ether)); err != nil {
		t.Fatalf("fund the Grants pool: %v", err)
	}

	// The registrar signs claims and sends no gas.
	r, err := registrar.New(registrar.Config{Chain: dial(n.URL, m, regKey), Key: chain.NewKeySigner(regKey),
		DBPath: filepath.Join(t.TempDir(), "registrar.db"), GasDrop: new(big.Int)})
	if err != nil {
		t.Fatal(err)
	}
	regURL := serveRegistrar(t, r)

	// The provider: weather and relaying, staked in the Registry, on geth
	// directly.
	pcfg, prov, _ := speakerConfig(t, ctx, nil)
	n.Fund(t, ether, prov)
	if _, err := deployer.TransferToken(ctx, prov, myc(t, "1000")); err != nil {
		t.Fatal(err)
	}
	pcfg.Chain.RPCURL, pcfg.Chain.Manifest = n.URL, manifest
	pcfg.Provider.Enabled = true
	pcfg.Provider.Listen = freeAddr(t)
	pcfg.Provider.PriceWeather = "0.003"
	pcfg.Provider.WeatherUpstream = upstreamServer(t)
	pcfg.Relay.Serve = true
	pcfg.Relay.Price, pcfg.Relay.OpenFee = "0.01", "0.05"
	_, pc, _ := start(t, pcfg, Options{})
	if st, err := pc.MinerEnable(ctx, []string{"--stake", "100", "--disk", "16MiB", "--cpu", "50"}); err != nil || !st.Enabled {
		full, _ := pc.Status(ctx)
		t.Fatalf("provider miner enable: %+v, %v\nstatus: %+v", st, err, full)
	}

	// The device reads the chain through a misbehaving public RPC.
	px := rpcproxy.Start(t, n.URL, &rpcproxy.Proxy{MaxRange: 50, Code: -32005, Message: "query returned more than 10000 results", DropEvery: 9, LimitEvery: 13})
	dcfg := testConfig(t)
	dcfg.Chain.RPCURLs, dcfg.Chain.Manifest = []string{px.URL}, manifest
	dcfg.Grant.RegistrarURL = regURL
	dcfg.Agent.Latitude, dcfg.Agent.Longitude = 52.52, 13.42
	da, dcl, _ := start(t, dcfg, Options{})

	// First boot: the keys.
	booted := time.Now()
	ini, err := dcl.KeysInit(ctx, testPass)
	if err != nil {
		t.Fatal(err)
	}
	device := common.HexToAddress(ini.Address)
	provBefore, err := deployer.TokenBalance(ctx, prov)
	if err != nil {
		t.Fatal(err)
	}
	nonceBefore, _, err := deployer.Nonces(ctx, prov)
	if err != nil {
		t.Fatal(err)
	}

	// The grant, claimed through the provider.
	var g grantStatus
	gctx, gcancel := context.WithTimeout(ctx, 30*time.Second)
	for g = grantState(t, ctx, dcl); g.State != grantClaimed && gctx.Err() == nil; g = grantState(t, ctx, dcl) {
		time.Sleep(200 * time.Millisecond)
	}
	gcancel()
	if g.State != grantClaimed {
		t.Fatalf("grant %+v, want claimed through the relayer", g)
	}
	res.grant = time.Since(booted)
	// The delegation, relayed as a paid call (which opens the channel
	// through the relayer first).
	chainWaitFor(ctx, t, "the device's votes to be delegated to itself", func() bool {
		to, err := deployer.Delegates(ctx, device)
		return err == nil && to == device
	})
	res.delegated = time.Since(booted)
	// The first paid answer.
	cond, err := da.weatherSkill().Current(ctx)
	if err != nil || cond.TempC != 4.3 {
		t.Fatalf("weather: %+v, %v; want 4.3 °C", cond, err)
	}
	res.answer = time.Since(booted)
	nonceAfter, _, err := deployer.Nonces(ctx, prov)
	if err != nil {
		t.Fatal(err)
	}
	res.txs = int(nonceAfter - nonceBefore)

	// A proposal, and the device's ballot relayed: it counts.
	target, data, err := deployer.RewardAction(deployerAddr, myc(t, "1"), chain.RewardOther, "first day")
	if err != nil {
		t.Fatal(err)
	}
	id, _, err := deployer.Propose(ctx, []common.Address{target}, nil, [][]byte{data}, "Reward the first day")
	if err != nil {
		t.Fatalf("propose: %v", err)
	}
	chainWaitFor(ctx, t, "the proposal to be active", func() bool {
		// A block after the voting delay (geth --dev seals on demand).
		if _, err := deployer.SendNative(ctx, deployerAddr, big.NewInt(1)); err != nil {
			t.Fatal(err)
		}
		st, err := deployer.ProposalState(ctx, id)
		return err == nil && st == chain.ProposalActive
	})
	vote, err := dcl.GovernanceVote(ctx, id.String(), "yes")
	if err != nil {
		t.Fatalf("vote: %v", err)
	}
	snap, err := deployer.ProposalSnapshot(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	weight, err := deployer.PastVotes(ctx, device, snap)
	if err != nil {
		t.Fatal(err)
	}
	_, forVotes, _, err := deployer.ProposalVotes(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if weight.Sign() == 0 || forVotes.Cmp(weight) != 0 || vote.TxHash == "" {
		t.Fatalf("for votes %s, device's weight at the snapshot %s (vote %+v); want the device's weight counted", forVotes, weight, vote)
	}

	// Every token: the grant less the claim's relay fee and the open's
	// fee, the rest in the channel, of which the provider holds the three
	// calls (delegation, weather, ballot).
	native, err := deployer.NativeBalance(ctx, device)
	if err != nil || native.Sign() != 0 {
		t.Fatalf("device native balance %v, %v; it never had gas", native, err)
	}
	chs, err := dcl.WalletChannels(ctx)
	if err != nil || len(chs) != 1 {
		t.Fatalf("device channels %+v, %v; want one", chs, err)
	}
	st, err := deployer.Channel(ctx, common.HexToHash(chs[0].ID))
	if err != nil {
		t.Fatal(err)
	}
	bal, err := deployer.TokenBalance(ctx, device)
	if err != nil {
		t.Fatal(err)
	}
	grant := new(big.Int).Sub(params.GrantAmount, params.GrantRelayFee)
	wantBal := new(big.Int).Sub(new(big.Int).Sub(grant, myc(t, "0.05")), st.Deposit)
	if bal.Cmp(wantBal) != 0 || st.Payer != device || st.Payee != prov {
		t.Fatalf("device holds %s with channel %+v; want %s (grant %s less the open fee and the deposit)", bal, st, wantBal, grant)
	}
	calls := myc(t, "0.023")
	ps, err := pc.ProviderStatus(ctx)
	if err != nil || ps.Held != calls.String() || ps.Channels != 1 {
		t.Fatalf("provider status %+v, %v; want %s held on one channel (two relays and one weather)", ps, err, calls)
	}
	provAfter, err := deployer.TokenBalance(ctx, prov)
	if err != nil {
		t.Fatal(err)
	}
	if earned := new(big.Int).Sub(provAfter, provBefore); earned.Cmp(new(big.Int).Add(params.GrantRelayFee, myc(t, "0.05"))) != 0 {
		t.Errorf("provider earned %s on chain, want the claim's relay fee and the open's fee", earned)
	}
	stats := px.Stats()
	if stats.Drops == 0 || stats.Limits == 0 {
		t.Errorf("the proxy dropped %d requests and rate-limited %d: the test needs both", stats.Drops, stats.Limits)
	}
	res.rpc = stats
	if !strings.EqualFold(vote.Voter, device.Hex()) {
		t.Errorf("vote by %s, want the device %s", vote.Voter, device.Hex())
	}
	return res
}
