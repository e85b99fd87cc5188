package agent

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/chain/devnet"
	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/internal/netlab"
	"github.com/mycroft-network/mycroft/keystore"
	"github.com/mycroft-network/mycroft/miner"
	"github.com/mycroft-network/mycroft/miner/storage"
)

// workerHoldEnv names a file the test's verify worker waits for before it
// starts its job, so the test can watch it paused mid-job.
const workerHoldEnv = "MYCROFT_TEST_WORKER_HOLD"

// TestMain lets the test binary act as `mycroft miner-worker` (as
// cmd/mycroft does) when the agent starts its verify worker.
func TestMain(m *testing.M) {
	netlab.RunHelper(labHelpers) // netlab_helpers_test.go
	if len(os.Args) > 1 && os.Args[1] == miner.WorkerCommand {
		if hold := os.Getenv(workerHoldEnv); hold != "" {
			for {
				if _, err := os.Stat(hold); err == nil {
					break
				}
				time.Sleep(5 * time.Millisecond)
			}
		}
		if err := miner.WorkerMain(context.Background(), os.Args[2:], os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// procState is the kernel state letter of pid ("R", "S", "T", ...).
func procState(t *testing.T, pid int) string {
	t.Helper()
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return ""
	}
	// pid (comm) state ...: comm may hold spaces, so cut after the last ')'.
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 || i+3 > len(s) {
		return ""
	}
	return s[i+2 : i+3]
}

// eventually polls cond until it holds or the test's context ends.
func eventually(t *testing.T, ctx context.Context, what string, cond func() bool) {
	t.Helper()
	for !cond() {
		select {
		case <-ctx.Done():
			t.Fatalf("%s: never happened", what)
		case <-time.After(10 * time.Millisecond):
		}
	}
}

const speakerPass = "a passphrase long enough for tests"

// speakerConfig is the configuration of one speaker of the loopback
// network, with its keyring made in its state directory (cheap scrypt) and
// unlocked at boot from a passphrase file, as on an unattended device.
// restore, if set, restores the keyring from those words instead of making
// a new one.
func speakerConfig(t testing.TB, ctx context.Context, restore *keystore.Mnemonic) (Config, common.Address, keystore.Mnemonic) {
	t.Helper()
	cfg := testConfig(t)
	if err := os.MkdirAll(cfg.Agent.StateDir, 0o700); err != nil {
		t.Fatal(err)
	}
	ks, err := keystore.New(keystore.Options{Dir: cfg.Agent.StateDir, ChainID: big.NewInt(devnet.ChainID), ScryptLogN: keystore.MinScryptLogN})
	if err != nil {
		t.Fatal(err)
	}
	defer ks.Close()
	var words keystore.Mnemonic
	if restore != nil {
		if _, err := ks.Restore(ctx, *restore, []byte(speakerPass), keystore.RestoreOptions{}); err != nil {
			t.Fatal(err)
		}
	} else if words, err = ks.Init(ctx, []byte(speakerPass)); err != nil {
		t.Fatal(err)
	}
	cfg.Keys.PassphraseFile = filepath.Join(t.TempDir(), "pass")
	if err := os.WriteFile(cfg.Keys.PassphraseFile, []byte(speakerPass), 0o600); err != nil {
		t.Fatal(err)
	}
	return cfg, ks.Address(), words
}

// freeAddr returns a loopback address with a port free at the time of the
// call.
func freeAddr(t testing.TB) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// upstreamServer replays the recorded Open-Meteo and Wikipedia answers.
func upstreamServer(t testing.TB) string {
	t.Helper()
	dir := filepath.Join("..", "miner", "provider", "testdata", "upstream")
	weather, err := os.ReadFile(filepath.Join(dir, "open-meteo-forecast.json"))
	if err != nil {
		t.Fatal(err)
	}
	wiki, err := os.ReadFile(filepath.Join(dir, "wikipedia-summary-Raspberry_Pi.json"))
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/forecast", func(w http.ResponseWriter, r *http.Request) { w.Write(weather) })
	mux.HandleFunc("GET /page/summary/Raspberry_Pi", func(w http.ResponseWriter, r *http.Request) { w.Write(wiki) })
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}

func myc(t testing.TB, s string) *big.Int {
	t.Helper()
	v, err := miner.ParseAmount(s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// TestPaidNetwork: an owner's agent, a provider agent that also stores,
// and a second storage agent on a devnet. The providers stake through the
// miner API and appear in the Registry with their prices; the owner's
// wallet pays for a weather call with exact amounts on both sides; the
// owner's backup goes to both storage agents, paid per chunk, and is
// audited. p2p being on by default, nodes register libp2p endpoints and
// all of it goes over libp2p on loopback.
func TestPaidNetwork(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	ocfg, owner, ownerWords := speakerConfig(t, ctx, nil)
	pcfg, prov, _ := speakerConfig(t, ctx, nil)
	scfg, store, _ := speakerConfig(t, ctx, nil)
	dn, manifest := testChain(t, ctx, owner, prov, store)
	reader, err := dn.Client(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	up := upstreamServer(t)

	onChain := func(cfg *Config, provider bool) {
		onTestChain(t, cfg, dn, manifest)
		if provider {
			cfg.Provider.Enabled = true
			cfg.Provider.Listen = freeAddr(t)
			cfg.Provider.PriceWeather = "0.003"
			cfg.Provider.PriceStorage = "0.0002"
		}
	}
	onChain(&pcfg, true)
	pcfg.Provider.WeatherUpstream = up
	pa, pc, _ := start(t, pcfg, Options{})
	onChain(&scfg, true)
	_, sc, _ := start(t, scfg, Options{})
	onChain(&ocfg, false)
	ocfg.Agent.Latitude, ocfg.Agent.Longitude = 52.52, 13.42
	ocfg.Miner.BackupCopies = 2
	ocfg.Miner.BackupInterval = 0
	oa, oc, _ := start(t, ocfg, Options{})
	// The owner changes a limit: the backup carries it to a new device.
	if l, err := oc.SetWalletLimits(ctx, map[string]string{"daily_budget": "2.5"}, speakerPass); err != nil || l.DailyBudget != "2.5" {
		t.Fatalf("set limits: %+v, %v", l, err)
	}
	if oa.provider != nil || pa.provider == nil || oa.wallet == nil {
		t.Fatalf("wiring: owner provider %v, provider's provider %v, owner wallet %v", oa.provider, pa.provider, oa.wallet)
	}

	// Staking through the miner API registers each node with its prices.
	for _, c := range []*apiclient.Client{pc, sc} {
		st, err := c.MinerEnable(ctx, []string{"--stake", "100", "--disk", "16MiB", "--cpu", "50"})
		if err != nil {
			t.Fatalf("miner enable: %v", err)
		}
		if !st.Enabled || st.Node == nil || st.Node.Stake != "100" {
			t.Fatalf("miner enable: %+v", st)
		}
	}
	list, err := reader.ListNodes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[common.Address]chain.Prices{
		prov:  {"weather": myc(t, "0.003"), "storage": myc(t, "0.0002")},
		store: {"storage": myc(t, "0.0002")},
	}
	for _, n := range list {
		w, ok := want[n.Address]
		if !ok {
			continue
		}
		delete(want, n.Address)
		if len(n.Prices) != len(w) || n.Stake.Cmp(myc(t, "100")) != 0 || !strings.HasPrefix(n.Endpoint, "/ip4/127.0.0.1/tcp/") {
			t.Errorf("registry: %s at %s stake %v prices %v, want prices %v", n.Address.Hex(), n.Endpoint, n.Stake, n.Prices, w)
		}
		for k, v := range w {
			if n.Prices[k] == nil || n.Prices[k].Cmp(v) != 0 {
				t.Errorf("registry: %s price %s = %v, want %v", n.Address.Hex(), k, n.Prices[k], v)
			}
		}
	}
	if len(want) != 0 {
		t.Fatalf("nodes missing from the Registry: %v", want)
	}

	// The owner asks for the weather: one paid call at exactly the price.
	cond, err := oa.weatherSkill().Current(ctx)
	if err != nil {
		t.Fatalf("weather: %v", err)
	}
	if cond.TempC != 4.3 || cond.Summary == "" {
		t.Errorf("weather = %+v, want 4.3 °C from the recorded answer", cond)
	}
	price := myc(t, "0.003")
	chs, err := oc.WalletChannels(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(chs) != 1 || !strings.EqualFold(chs[0].Provider, prov.Hex()) || chs[0].Signed != price.String() ||
		chs[0].Confirmed != price.String() || chs[0].Deposit != myc(t, "1").String() {
		t.Fatalf("owner channels = %+v, want one to the provider, deposit 1 MYC, %s signed and confirmed", chs, price)
	}
	ps, err := pc.ProviderStatus(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if ps.Held != price.String() || ps.Channels != 1 || ps.Stats.Served != 1 {
		t.Fatalf("provider status = %+v, want %s held on one channel after one call", ps, price)
	}
	hist, err := oc.WalletHistory(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 1 || hist[0].Service != "weather" || hist[0].Price != price.String() || hist[0].Status != "paid" {
		t.Fatalf("history = %+v", hist)
	}
	bal, err := oc.WalletBalance(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantTok := new(big.Int).Sub(myc(t, "10000"), myc(t, "1")) // funded, less the channel's deposit
	if bal.Token != wantTok.String() || bal.SpentToday != price.String() {
		t.Fatalf("balance = %+v, want token %s and %s spent today", bal, wantTok, price)
	}
	sb, err := oa.walletSkill().SpentToday(ctx)
	if err != nil || sb.Cmp(price) != 0 {
		t.Fatalf("wallet skill spent today = %v, %v", sb, err)
	}

	// The owner rotates its backups key first: the backup is sealed under
	// an epoch the words alone do not give, so the fresh device below needs
	// the key table the manifest carries.
	if r, err := oc.KeysRotate(ctx, "backups"); err != nil || r.Epoch != 1 {
		t.Fatalf("keys rotate backups: %+v, %v", r, err)
	}
	// The owner's backup lands on both storage agents, paid per chunk, and
	// is audited.
	bs, err := oc.BackupRun(ctx)
	if err != nil {
		t.Fatalf("backup run: %v", err)
	}
	if bs.Root == "" || len(bs.Replicas) != 2 || bs.Chunks == 0 {
		t.Fatalf("backup = %+v, want two copies", bs)
	}
	bs, err = oc.BackupStatus(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if bs.AuditedAt.IsZero() || len(bs.Audits) != 2 {
		t.Fatalf("backup status = %+v, want two audits", bs)
	}
	for _, a := range bs.Audits {
		if a.Error != "" || a.RepairedTo != "" {
			t.Errorf("audit of %s: %+v", a.Node, a)
		}
	}
	rent := new(big.Int).Mul(myc(t, "0.0002"), big.NewInt(int64(bs.Chunks)))
	ps, err = pc.ProviderStatus(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := new(big.Int).Add(price, rent); ps.Held != want.String() {
		t.Errorf("provider holds %s after the backup, want %s (weather + %d chunks of rent)", ps.Held, want, bs.Chunks)
	}
	ss, err := sc.ProviderStatus(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if ss.Held != rent.String() {
		t.Errorf("storage agent holds %s, want %s", ss.Held, rent)
	}
	// Mining earnings count what the provider holds.
	e, err := pc.MinerEarnings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if e.Pending != miner.FormatAmount(new(big.Int).Add(price, rent)) || e.Stake != "100" {
		t.Errorf("earnings = %+v", e)
	}
	// A fresh device restores the keyring from the mnemonic, then the
	// backup: the owner's limits come back.
	fcfg, freshAddr, _ := speakerConfig(t, ctx, &ownerWords)
	if freshAddr != owner {
		t.Fatalf("restored keyring is %s, want %s", freshAddr.Hex(), owner.Hex())
	}
	onChain(&fcfg, false)
	_, fc, _ := start(t, fcfg, Options{})
	if l, err := fc.WalletLimits(ctx); err != nil || l.DailyBudget != "1" {
		t.Fatalf("fresh device limits before restore: %+v, %v", l, err)
	}
	r, err := fc.BackupRestore(ctx)
	if err != nil {
		t.Fatalf("restore: %v", err)
	}
	if r.Root != bs.Root {
		t.Errorf("restored %s, want %s", r.Root, bs.Root)
	}
	if l, err := fc.WalletLimits(ctx); err != nil || l.DailyBudget != "2.5" {
		t.Fatalf("fresh device limits after restore: %+v, %v", l, err)
	}
	if ks, err := fc.KeysStatus(ctx); err != nil || ks.Epochs["backups"] != 1 {
		t.Fatalf("fresh device key epochs after restore: %+v, %v; want backups at epoch 1 from the key table", ks.Epochs, err)
	}

	// The owner's status line is there and does not block.
	st, err := oc.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := st.Components["wallet"]; !ok {
		t.Errorf("status has no wallet component: %v", st.Components)
	}
}

// TestStartupVerify: a storage agent starts with a chunk that rotted on
// disk. Once mining may run, the verify worker re-reads every chunk; it is
// stopped by the kernel while the owner speaks (state T, "paused" in the
// status) and continues after the quiet period; the rotten chunk ends in
// quarantine, the running node no longer counts or serves it, and both
// status views report the pass.
func TestStartupVerify(t *testing.T) {
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("needs /proc to watch the worker's kernel state")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cfg, addr, _ := speakerConfig(t, ctx, nil)
	dn, manifest := testChain(t, ctx, addr)
	onTestChain(t, &cfg, dn, manifest)
	cfg.Provider.Enabled, cfg.Provider.Listen, cfg.Provider.PriceStorage = true, freeAddr(t), "0.0002"
	cfg.Miner.StorageDir = filepath.Join(t.TempDir(), "chunks")

	// What the node held before this start: two chunks, one rotten since.
	st, err := storage.OpenStore(storage.StoreConfig{Dir: cfg.Miner.StorageDir, Quota: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	good, rotten := []byte("a chunk that stays good"), []byte("a chunk the SD card will damage")
	gh, rh := chain.LeafHash(good), chain.LeafHash(rotten)
	for _, c := range [][]byte{good, rotten} {
		if err := st.Put(chain.LeafHash(c), c); err != nil {
			t.Fatal(err)
		}
	}
	x := rh.Hex()[2:]
	if err := os.WriteFile(filepath.Join(cfg.Miner.StorageDir, "chunks", x[:2], x[2:4], x), []byte("bit rot"), 0o600); err != nil {
		t.Fatal(err)
	}
	hold := filepath.Join(t.TempDir(), "hold")
	t.Setenv(workerHoldEnv, hold)

	var offset atomic.Int64 // the test moves the agent's clock forward
	now := func() time.Time { return time.Now().Add(time.Duration(offset.Load())) }
	a, c, _ := start(t, cfg, Options{Now: now})
	if a.earn.min.node == nil {
		t.Fatal("no storage node")
	}
	ms, err := c.MinerStatus(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if ms.Verify == nil || ms.Verify.State != "waiting" || ms.Verify.Pid != 0 {
		t.Fatalf("before mining may run: verify = %+v, want waiting without a worker", ms.Verify)
	}
	if _, err := c.MinerEnable(ctx, []string{"--stake", "100", "--disk", "1MiB", "--cpu", "50"}); err != nil {
		t.Fatalf("miner enable: %v", err)
	}
	var pid int
	eventually(t, ctx, "worker started", func() bool {
		v := a.verifyView()
		pid = v.Pid
		return v.State == "running" && pid != 0
	})

	// The owner speaks: the kernel stops the worker.
	a.miner.VoiceActive()
	eventually(t, ctx, "worker stopped", func() bool { return procState(t, pid) == "T" })
	if ms, err = c.MinerStatus(ctx); err != nil || ms.Verify == nil || ms.Verify.State != "paused" || ms.Verify.Pid != pid {
		t.Fatalf("while the owner speaks: verify = %+v, %v; want paused, pid %d", ms.Verify, err, pid)
	}
	if err := os.WriteFile(hold, nil, 0o600); err != nil { // the job may go on now, once continued
		t.Fatal(err)
	}
	if s := procState(t, pid); s != "T" {
		t.Fatalf("worker state %q while the owner speaks, want T", s)
	}
	// Quiet period over: mining resumes and the worker finishes.
	offset.Add(int64(time.Minute))
	if s := a.miner.Evaluate(); !s.Running {
		t.Fatalf("mining not resumed after the quiet period: %+v", s)
	}
	eventually(t, ctx, "verify pass done", func() bool {
		v := a.verifyView()
		return v.State == "done" || v.State == "failed"
	})
	v := a.verifyView()
	if v.State != "done" || v.Checked != 2 || len(v.Quarantined) != 1 || !strings.EqualFold(v.Quarantined[0], rh.Hex()) ||
		v.Started.IsZero() || v.Finished.Before(v.Started) || v.Error != "" {
		t.Fatalf("verify = %+v, want done, 2 checked, %s quarantined", v, rh.Hex())
	}
	node := a.earn.min.node.Store()
	if node.Has(rh) || !node.Has(gh) || node.Used() != uint64(len(good)) {
		t.Fatalf("node index after the pass: has rotten %v, has good %v, used %d", node.Has(rh), node.Has(gh), node.Used())
	}
	if _, err := os.Stat(filepath.Join(cfg.Miner.StorageDir, "quarantine", x)); err != nil {
		t.Fatalf("rotten chunk not in quarantine: %v", err)
	}
	sc := &storage.Client{Base: "http://" + a.earn.prov.ln.Addr().String()} // the plain node port, on loopback
	if _, err := sc.Get(ctx, rh); err == nil {
		t.Fatal("the node served the quarantined chunk")
	}
	if b, err := sc.Get(ctx, gh); err != nil || string(b) != string(good) {
		t.Fatalf("good chunk: %q, %v", b, err)
	}

	// Both status views carry the result.
	ms, err = c.MinerStatus(ctx)
	if err != nil || ms.Verify == nil || ms.Verify.State != "done" || len(ms.Verify.Quarantined) != 1 || ms.Verify.Checked != 2 {
		t.Fatalf("miner status verify = %+v, %v", ms.Verify, err)
	}
	full, err := c.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var comp struct{ Verify apiclient.MinerVerify }
	if err := json.Unmarshal(full.Components["miner"], &comp); err != nil || comp.Verify.State != "done" || comp.Verify.Checked != 2 {
		t.Fatalf("mycroft status miner = %s (%v)", full.Components["miner"], err)
	}
	notice := false
	for _, w := range full.Warnings {
		notice = notice || (w.Component == "storage.verify" && w.Severity == Notice && strings.Contains(w.Message, "1 of 2 chunks"))
	}
	if !notice {
		t.Fatalf("mycroft status warnings = %+v, want a notice of the quarantined chunk", full.Warnings)
	}
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		t.Fatal("timed out")
	}
}
