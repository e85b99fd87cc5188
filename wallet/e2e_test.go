package wallet_test

// End-to-end tests of paying per call: the wallet and miner/provider over
// real HTTP on 127.0.0.1 against the real EVM (the in-process devnet).
// This test package is the only place the two sides meet.

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"go.etcd.io/bbolt"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/chain/devnet"
	"github.com/mycroft-network/mycroft/keystore"
	"github.com/mycroft-network/mycroft/miner/provider"
	"github.com/mycroft-network/mycroft/wallet"
)

var (
	netOnce sync.Once
	net0    *devnet.Devnet
	netErr  error
)

// chainNet starts one devnet for the whole test binary.
func chainNet(t testing.TB) *devnet.Devnet {
	t.Helper()
	netOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		net0, netErr = devnet.Start(ctx, devnet.Config{BlockPeriod: -1})
	})
	if netErr != nil {
		t.Fatalf("devnet: %v", netErr)
	}
	return net0
}

func TestMain(m *testing.M) {
	code := m.Run()
	if net0 != nil {
		net0.Close()
	}
	os.Exit(code)
}

func myc(n int64) *big.Int { return devnet.Units(n, devnet.MYC) }

// walletSigner is the wallet key's signer as the agent sets it up: it signs
// permits for the deployment's Channels.
func walletSigner(key *ecdsa.PrivateKey, m chain.Manifest) *keystore.Signer {
	s := keystore.NewSigner(key, new(big.Int).SetUint64(m.ChainID))
	s.SetPermitSpenders(m.Channels)
	return s
}

// account is a funded key with a chain client.
type account struct {
	key  *ecdsa.PrivateKey
	addr common.Address
	c    *chain.Client
}

func newAccount(t testing.TB, d *devnet.Devnet, mycAmount *big.Int) account {
	t.Helper()
	ctx := context.Background()
	key, _ := crypto.GenerateKey()
	addr := crypto.PubkeyToAddress(key.PublicKey)
	if err := d.Fund(ctx, addr, devnet.Units(1, devnet.Ether), mycAmount); err != nil {
		t.Fatal(err)
	}
	c, err := d.Client(ctx, chain.NewKeySigner(key))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return account{key: key, addr: addr, c: c}
}

func openDB(t testing.TB, path string) *bbolt.DB {
	t.Helper()
	db, err := bbolt.Open(path, 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

// upstream replays the recorded Open-Meteo and Wikipedia answers.
func upstream(t testing.TB) string {
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
	srv := serve(t, mux)
	return srv
}

// serve runs h on 127.0.0.1 until the test ends and returns its base URL.
func serve(t testing.TB, h http.Handler) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: h}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String()
}

// swap is a handler that can be replaced (a provider restarting on the
// same address) or made to drop every connection (a dead provider).
type swap struct {
	h    atomic.Pointer[http.Handler]
	dead atomic.Bool
}

func (s *swap) set(h http.Handler) { s.h.Store(&h) }
func (s *swap) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if s.dead.Load() {
		if hj, ok := w.(http.Hijacker); ok {
			if c, _, err := hj.Hijack(); err == nil {
				c.Close()
				return
			}
		}
	}
	(*s.h.Load()).ServeHTTP(w, r)
}

var prices = chain.Prices{"weather": big.NewInt(3_000_000_000_000), "knowledge": big.NewInt(5_000_000_000_000),
	"stt": big.NewInt(7_000_000_000_000)}

// node is one provider: its account, database, server and Provider.
type node struct {
	acct     account
	dbPath   string
	db       *bbolt.DB
	p        *provider.Provider
	sw       *swap
	endpoint string
	up       string
	fee      *big.Int
	now      func() time.Time
	rate     float64 // per-payer calls a second; 0 = unlimited
}

func newNode(t testing.TB, d *devnet.Devnet) *node {
	t.Helper()
	n := &node{acct: newAccount(t, d, myc(1000)), dbPath: filepath.Join(t.TempDir(), "provider.db"), sw: &swap{},
		up: upstream(t), fee: new(big.Int), now: time.Now}
	n.endpoint = serve(t, n.sw)
	n.start(t)
	ctx := context.Background()
	if _, err := n.acct.c.Register(ctx, n.endpoint, prices, 0, myc(100)); err != nil {
		t.Fatalf("register: %v", err)
	}
	return n
}

// start (re)opens the provider on its database, as a restart does.
func (n *node) start(t testing.TB) {
	t.Helper()
	if n.db != nil {
		n.db.Close()
	}
	n.db = openDB(t, n.dbPath)
	t.Cleanup(func() { n.db.Close() })
	p, err := provider.New(provider.Config{
		DB: n.db, Signer: chain.NewKeySigner(n.acct.key), Chain: n.acct.c, Manifest: n.acct.c.Manifest(),
		RedeemFee: func(context.Context) (*big.Int, error) { return n.fee, nil },
		Endpoint:  n.endpoint, Prices: prices,
		Services: map[string]provider.Service{
			"weather":   provider.Simple((&provider.OpenMeteo{BaseURL: n.up}).Call),
			"knowledge": provider.Simple((&provider.Wikipedia{BaseURL: n.up}).Call),
			"stt":       &provider.Sphinx{TempDir: t.TempDir()},
		},
		MinCloseDelay: time.Hour, RateLimit: n.rateLimit(), Burst: 1,
		Now: func() time.Time { return n.now() },
	})
	if err != nil {
		t.Fatalf("provider.New: %v", err)
	}
	n.p = p
	n.sw.set(p.Handler())
}

func (n *node) rateLimit() float64 {
	if n.rate == 0 {
		return -1
	}
	return n.rate
}

func (n *node) info() chain.NodeInfo {
	return chain.NodeInfo{Address: n.acct.addr, Endpoint: n.endpoint, Stake: myc(100), Registered: true, Prices: prices}
}

// held is the provider's redeemable cumulative on its only channel.
func (n *node) held(t testing.TB) *big.Int {
	t.Helper()
	recs, err := n.p.Records()
	if err != nil {
		t.Fatal(err)
	}
	sum := new(big.Int)
	for _, r := range recs {
		c, _ := r.Redeemable()
		sum.Add(sum, c)
	}
	return sum
}

// fixedRegistry is the Registry restricted to the test's own nodes (the
// devnet is shared by all tests).
type fixedRegistry struct{ nodes []chain.NodeInfo }

func (r fixedRegistry) ListNodes(context.Context) ([]chain.NodeInfo, error) { return r.nodes, nil }

type payer struct {
	acct   account
	dbPath string
	db     *bbolt.DB
	w      *wallet.Wallet
	reg    wallet.Registry
	keys   *keystore.DataKeys
}

func newPayer(t testing.TB, d *devnet.Devnet, reg wallet.Registry) *payer {
	t.Helper()
	m, err := keystore.NewMnemonic(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	keys, err := keystore.NewDataKeys(m, rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	p := &payer{acct: newAccount(t, d, myc(100)), dbPath: filepath.Join(t.TempDir(), "wallet.db"), reg: reg, keys: keys}
	p.start(t)
	return p
}

func (p *payer) start(t testing.TB) {
	t.Helper()
	if p.db != nil {
		p.db.Close()
	}
	p.db = openDB(t, p.dbPath)
	t.Cleanup(func() { p.db.Close() })
	m := p.acct.c.Manifest()
	w, err := wallet.New(wallet.Config{
		DB: p.db, Signer: walletSigner(p.acct.key, m), Sealer: p.keys,
		Chain: p.acct.c, Registry: p.reg, Manifest: m, CallTimeout: 20 * time.Second,
	})
	if err != nil {
		t.Fatalf("wallet.New: %v", err)
	}
	l := wallet.DefaultLimits()
	l.Deposit = myc(1)
	l.CloseDelay = 7200
	if err := w.SetLimits(l); err != nil {
		t.Fatal(err)
	}
	p.w = w
}

func weather(ctx context.Context, w *wallet.Wallet) error {
	got, err := w.Weather(ctx, 52.52, 13.42)
	if err == nil && got.TemperatureC != 4.3 {
		return fmt.Errorf("weather %+v, want 4.3 °C from the recorded upstream", got)
	}
	return err
}

func tokenBalance(t testing.TB, c *chain.Client, a common.Address) *big.Int {
	t.Helper()
	b, err := c.TokenBalance(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// N paid calls, a redeem, a close and a withdraw leave both token
// balances exact to the wei.
func TestPaidCallsSettleExactly(t *testing.T) {
	d := chainNet(t)
	ctx := context.Background()
	prov := newNode(t, d)
	pay := newPayer(t, d, fixedRegistry{[]chain.NodeInfo{prov.info()}})
	payer0 := tokenBalance(t, pay.acct.c, pay.acct.addr)
	prov0 := tokenBalance(t, prov.acct.c, prov.acct.addr)

	const calls = 7
	for i := 0; i < calls; i++ {
		if err := weather(ctx, pay.w); err != nil {
			t.Fatalf("call %d: %v", i, err)
		}
	}
	sum, err := pay.w.Knowledge(ctx, "Raspberry Pi")
	if err != nil || !strings.HasPrefix(sum.Extract, "Raspberry Pi is a series") {
		t.Fatalf("knowledge: %+v, %v", sum, err)
	}
	owed := new(big.Int).Add(new(big.Int).Mul(big.NewInt(calls), prices["weather"]), prices["knowledge"])
	bal, err := pay.w.Balance(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := new(big.Int).Sub(payer0, myc(1)).String(); bal.Token != want || bal.InChannels != new(big.Int).Sub(myc(1), owed).String() || bal.SpentToday != owed.String() || bal.Native == "0" {
		t.Errorf("balance %+v, want token %s, %s in channels, %s spent", bal, want, new(big.Int).Sub(myc(1), owed), owed)
	}
	if got := prov.held(t); got.Cmp(owed) != 0 {
		t.Fatalf("provider holds %s, want %s", got, owed)
	}
	// A fee above 2% of what is owed: no redeem.
	prov.fee = new(big.Int).Add(new(big.Int).Div(owed, big.NewInt(50)), big.NewInt(1))
	if n, err := prov.p.RedeemOnce(ctx); err != nil || n != 0 {
		t.Fatalf("RedeemOnce with fee %s over 2%% of %s: %d, %v; want no redeem", prov.fee, owed, n, err)
	}
	prov.fee = new(big.Int).Div(owed, big.NewInt(50)) // exactly 2%
	if n, err := prov.p.RedeemOnce(ctx); err != nil || n != 1 {
		t.Fatalf("RedeemOnce at 2%%: %d, %v; want 1", n, err)
	}
	if n, err := prov.p.RedeemOnce(ctx); err != nil || n != 0 {
		t.Fatalf("second RedeemOnce: %d, %v; want nothing left", n, err)
	}
	if got, want := tokenBalance(t, prov.acct.c, prov.acct.addr), new(big.Int).Add(prov0, owed); got.Cmp(want) != 0 {
		t.Errorf("provider balance %s, want %s", got, want)
	}
	if st, err := prov.p.Status(); err != nil || st.Channels != 1 || st.Held != owed.String() || st.Unredeemed != "0" || st.Stats.Served != calls+1 || st.Stats.Redeems != 1 {
		t.Errorf("provider status %+v, %v", st, err)
	}
	// Close and withdraw: the payer gets back the deposit minus what it owes.
	if _, err := pay.w.Close(ctx, prov.acct.addr); err != nil {
		t.Fatal(err)
	}
	if err := d.AdvanceTime(ctx, 2*time.Hour+time.Minute); err != nil {
		t.Fatal(err)
	}
	st, err := pay.w.Withdraw(ctx, prov.acct.addr)
	if err != nil {
		t.Fatal(err)
	}
	if !st.Withdrawn || st.Redeemed != owed.String() {
		t.Errorf("channel after withdraw %+v, want withdrawn with %s redeemed", st, owed)
	}
	if got, want := tokenBalance(t, pay.acct.c, pay.acct.addr), new(big.Int).Sub(payer0, owed); got.Cmp(want) != 0 {
		t.Errorf("payer balance %s, want %s (start %s − owed %s)", got, want, payer0, owed)
	}
	h, err := pay.w.History(0)
	if err != nil || len(h) != calls+1 {
		t.Fatalf("history: %d entries, %v; want %d", len(h), err, calls+1)
	}
	if h[0].Service != "knowledge" || h[0].Status != "paid" || h[0].Cumulative != owed.String() {
		t.Errorf("newest history entry %+v", h[0])
	}
}

func common32(t testing.TB, s string) common.Hash {
	t.Helper()
	if !strings.HasPrefix(s, "0x") || len(s) != 66 {
		t.Fatalf("bad id %q", s)
	}
	return common.HexToHash(s)
}

// rebuildWithRand reopens p's wallet with a fixed random source.
func rebuildWithRand(t testing.TB, p *payer, rnd func(*big.Int) *big.Int) *wallet.Wallet {
	t.Helper()
	m := p.acct.c.Manifest()
	w, err := wallet.New(wallet.Config{
		DB: p.db, Signer: walletSigner(p.acct.key, m), Sealer: p.keys,
		Chain: p.acct.c, Registry: p.reg, Manifest: m, Rand: rnd,
	})
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// A paid transcription: audio streamed to the provider's pocketsphinx with
// the grammar sent along, the text back with a receipt.
func TestTranscribePaid(t *testing.T) {
	if _, err := exec.LookPath("pocketsphinx_continuous"); err != nil {
		if _, err := exec.LookPath("pocketsphinx"); err != nil {
			t.Skip("pocketsphinx not installed (Debian packages pocketsphinx, pocketsphinx-en-us)")
		}
	}
	dir := filepath.Join("..", "miner", "provider", "testdata", "audio")
	audio, err := os.Open(filepath.Join(dir, "weather.raw"))
	if err != nil {
		t.Fatal(err)
	}
	defer audio.Close()
	gram, err := os.ReadFile(filepath.Join(dir, "cmd.gram"))
	if err != nil {
		t.Fatal(err)
	}
	d := chainNet(t)
	n := newNode(t, d)
	p := newPayer(t, d, fixedRegistry{[]chain.NodeInfo{n.info()}})
	text, err := p.w.Transcribe(context.Background(), string(gram), audio)
	if err != nil || text != "what is the weather" {
		t.Fatalf("Transcribe: %q, %v; want \"what is the weather\"", text, err)
	}
	if got := n.held(t); got.Cmp(prices["stt"]) != 0 {
		t.Errorf("provider holds %s, want the stt price %s", got, prices["stt"])
	}
}
