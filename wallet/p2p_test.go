package wallet_test

// The wallet and miner/provider over real libp2p hosts on 127.0.0.1 (the
// agent's wiring in miniature): the provider's handler served with
// p2p.Server, its Registry endpoint a /p2p/ multiaddr, the wallet's calls
// through p2p.NodeTransport with the registered address expected.

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/p2p"
	"github.com/mycroft-network/mycroft/wallet"
)

// p2pHost starts a libp2p host with key on 127.0.0.1 (TCP).
func p2pHost(t testing.TB, key *ecdsa.PrivateKey) *p2p.Host {
	t.Helper()
	id, err := p2p.IdentityFromECDSA(key)
	if err != nil {
		t.Fatal(err)
	}
	h, err := p2p.New(context.Background(), p2p.Config{Identity: id, ListenAddrs: []string{"/ip4/127.0.0.1/tcp/0"}, PublishPrivateAddrs: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Close() })
	return h
}

// p2pEndpoint is h's endpoint: its first listen address and its peer id.
func p2pEndpoint(t testing.TB, h *p2p.Host) string {
	t.Helper()
	ep, err := p2p.EndpointOf(h.AddrInfo().Addrs[0], h.ID())
	if err != nil {
		t.Fatal(err)
	}
	return ep
}

// newP2PNode is newNode with the provider served over libp2p by a host
// whose key is the provider's, registered under its multiaddr endpoint.
// register, if not empty, is the endpoint put in the Registry instead.
func newP2PNode(t testing.TB, register string) (*node, *p2p.Host) {
	t.Helper()
	d := chainNet(t)
	n := &node{acct: newAccount(t, d, myc(1000)), dbPath: filepath.Join(t.TempDir(), "provider.db"), sw: &swap{},
		up: upstream(t), fee: new(big.Int), now: time.Now}
	h := p2pHost(t, n.acct.key)
	n.endpoint = p2pEndpoint(t, h)
	if register != "" {
		n.endpoint = register
	}
	n.start(t)
	l, err := h.Listen(p2p.ProtocolHTTP, 0)
	if err != nil {
		t.Fatal(err)
	}
	srv := p2p.Server(n.sw, p2p.DefaultServerLimits(), nil)
	done := make(chan struct{})
	go func() { defer close(done); _ = srv.Serve(l) }()
	t.Cleanup(func() { srv.Close(); <-done })
	if _, err := n.acct.c.Register(context.Background(), n.endpoint, prices, 0, myc(100)); err != nil {
		t.Fatalf("register %q: %v", n.endpoint, err)
	}
	return n, h
}

// newP2PPayer is newPayer whose wallet reaches libp2p endpoints through a
// host of its own key.
func newP2PPayer(t testing.TB, reg wallet.Registry, rnd func(*big.Int) *big.Int) *payer {
	t.Helper()
	p := newPayer(t, chainNet(t), reg)
	h := p2pHost(t, p.acct.key)
	m := p.acct.c.Manifest()
	w, err := wallet.New(wallet.Config{
		DB: p.db, Signer: walletSigner(p.acct.key, m), Sealer: p.keys, Chain: p.acct.c, Registry: p.reg, Manifest: m,
		CallTimeout: 20 * time.Second, Peers: p2p.NodeTransport{Host: h}, Rand: rnd,
	})
	if err != nil {
		t.Fatal(err)
	}
	p.w = w
	return p
}

// A paid speech-to-text call with the audio streamed to a provider over
// libp2p, and a weather call: the provider redeems, the payer closes and
// withdraws, and both token balances are exact to the wei.
func TestPaidCallsOverLibp2p(t *testing.T) {
	d := chainNet(t)
	ctx := context.Background()
	prov, _ := newP2PNode(t, "")
	if !strings.HasPrefix(prov.endpoint, "/ip4/127.0.0.1/tcp/") || !strings.Contains(prov.endpoint, "/p2p/16Uiu2HA") {
		t.Fatalf("endpoint %q, want a loopback TCP multiaddr with a secp256k1 peer id", prov.endpoint)
	}
	reg := &chainRegistry{c: prov.acct.c, only: prov.acct.addr}
	pay := newP2PPayer(t, reg, nil)
	payer0 := tokenBalance(t, pay.acct.c, pay.acct.addr)
	prov0 := tokenBalance(t, prov.acct.c, prov.acct.addr)

	owed := new(big.Int)
	if err := weather(ctx, pay.w); err != nil {
		t.Fatalf("weather over libp2p: %v", err)
	}
	owed.Add(owed, prices["weather"])
	if haveSphinx() {
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
		// The audio goes as a reader of unknown length: streamed, chunked.
		text, err := pay.w.Transcribe(ctx, string(gram), struct{ *os.File }{audio})
		if err != nil || text != "what is the weather" {
			t.Fatalf("Transcribe over libp2p: %q, %v; want \"what is the weather\"", text, err)
		}
		owed.Add(owed, prices["stt"])
	} else {
		t.Log("pocketsphinx not installed: the speech-to-text call is left out")
	}
	if got := prov.held(t); got.Cmp(owed) != 0 {
		t.Fatalf("provider holds %s, want %s", got, owed)
	}
	chs, err := pay.w.Channels()
	if err != nil || len(chs) != 1 || chs[0].Endpoint != prov.endpoint || chs[0].Confirmed != owed.String() {
		t.Fatalf("channels %+v, %v; want one at %s with %s confirmed", chs, err, prov.endpoint, owed)
	}
	if n, err := prov.p.RedeemOnce(ctx); err != nil || n != 1 {
		t.Fatalf("RedeemOnce: %d, %v; want 1", n, err)
	}
	if got, want := tokenBalance(t, prov.acct.c, prov.acct.addr), new(big.Int).Add(prov0, owed); got.Cmp(want) != 0 {
		t.Errorf("provider balance %s, want %s", got, want)
	}
	if _, err := pay.w.Close(ctx, prov.acct.addr); err != nil {
		t.Fatal(err)
	}
	if err := d.AdvanceTime(ctx, 2*time.Hour+time.Minute); err != nil {
		t.Fatal(err)
	}
	if st, err := pay.w.Withdraw(ctx, prov.acct.addr); err != nil || !st.Withdrawn || st.Redeemed != owed.String() {
		t.Fatalf("withdraw: %+v, %v; want withdrawn with %s redeemed", st, err, owed)
	}
	if got, want := tokenBalance(t, pay.acct.c, pay.acct.addr), new(big.Int).Sub(payer0, owed); got.Cmp(want) != 0 {
		t.Errorf("payer balance %s, want %s (start %s − owed %s)", got, want, payer0, owed)
	}
}

// A provider whose registered endpoint carries another node's peer id is
// refused before a byte is sent (p2p.ErrWrongPeer): no channel is opened
// to it and it is not paid. With an honest provider over TCP beside it,
// the call fails over and only the honest one is paid.
func TestWrongPeerRefused(t *testing.T) {
	ctx := context.Background()
	other, _ := newP2PNode(t, "")
	// victim is registered at other's host: address A, peer id of B.
	victim, _ := newP2PNode(t, other.endpoint)
	honest := newNode(t, chainNet(t))
	first := func(*big.Int) *big.Int { return new(big.Int) } // the first listed node is tried first

	for _, tc := range []struct {
		name  string
		nodes []*node
	}{
		{"alone", []*node{victim}},
		{"beside an honest TCP provider", []*node{victim, honest}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var infos []chain.NodeInfo
			for _, n := range tc.nodes {
				infos = append(infos, n.info())
			}
			pay := newP2PPayer(t, fixedRegistry{infos}, first)
			payer0 := tokenBalance(t, pay.acct.c, pay.acct.addr)
			honest0 := honest.held(t)
			err := weather(ctx, pay.w)
			if len(tc.nodes) == 1 {
				if !errors.Is(err, p2p.ErrWrongPeer) || !errors.Is(err, wallet.ErrNoProvider) {
					t.Fatalf("weather from a provider registered at another's peer id: %v; want ErrNoProvider wrapping p2p.ErrWrongPeer", err)
				}
				if got := tokenBalance(t, pay.acct.c, pay.acct.addr); got.Cmp(payer0) != 0 {
					t.Errorf("payer balance %s, want %s untouched (no channel)", got, payer0)
				}
			} else {
				if err != nil {
					t.Fatalf("weather with an honest provider beside: %v", err)
				}
				if got, want := honest.held(t), new(big.Int).Add(honest0, prices["weather"]); got.Cmp(want) != 0 {
					t.Errorf("honest provider holds %s, want %s", got, want)
				}
			}
			chs, err := pay.w.Channels()
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range chs {
				if c.Provider == victim.acct.addr.Hex() {
					t.Errorf("a channel was opened to the refused provider: %+v", c)
				}
			}
			if got := victim.held(t); got.Sign() != 0 {
				t.Errorf("refused provider holds %s, want 0", got)
			}
			if got := other.held(t); got.Sign() != 0 {
				t.Errorf("the node whose peer id was used holds %s, want 0", got)
			}
		})
	}
}

func haveSphinx() bool {
	for _, b := range []string{"pocketsphinx_continuous", "pocketsphinx"} {
		if _, err := exec.LookPath(b); err == nil {
			return true
		}
	}
	return false
}

// chainRegistry is the devnet's Registry restricted to one node (the
// devnet is shared by all tests): the endpoint comes from the chain.
type chainRegistry struct {
	c    *chain.Client
	only common.Address
}

func (r *chainRegistry) ListNodes(ctx context.Context) ([]chain.NodeInfo, error) {
	all, err := r.c.ListNodes(ctx)
	if err != nil {
		return nil, err
	}
	var out []chain.NodeInfo
	for _, n := range all {
		if n.Address == r.only {
			out = append(out, n)
		}
	}
	return out, nil
}

// A wallet without p2p cannot reach a node that registered a multiaddr:
// the call fails like an unreachable provider, with no channel opened.
func TestLibp2pEndpointWithoutP2P(t *testing.T) {
	prov, _ := newP2PNode(t, "")
	pay := newPayer(t, chainNet(t), fixedRegistry{[]chain.NodeInfo{prov.info()}})
	err := weather(context.Background(), pay.w)
	if !errors.Is(err, wallet.ErrNoProvider) || !strings.Contains(err.Error(), "p2p is off") {
		t.Fatalf("weather from a libp2p node without p2p: %v; want ErrNoProvider saying p2p is off", err)
	}
	if chs, err := pay.w.Channels(); err != nil || len(chs) != 0 {
		t.Fatalf("channels %+v, %v; want none", chs, err)
	}
	if got := prov.held(t); got.Sign() != 0 {
		t.Errorf("provider holds %s, want 0", got)
	}
}
