package chain_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/internal/gethdev"
	"github.com/mycroft-network/mycroft/internal/rpcproxy"
)

// TestPoolScanThroughFlakyProxies scans the logs of a contract on geth
// --dev through two proxies that refuse wide log ranges (Infura's and
// Alchemy's errors), drop requests and rate-limit, and checks that the
// scan, resumed halfway, finds exactly the logs geth has, that a
// rate-limited endpoint is not asked again before its Retry-After, and
// that the client's health shows the failures.
func TestPoolScanThroughFlakyProxies(t *testing.T) {
	n := gethdev.Start(t)
	dev := gethdev.DevKey()
	r := n.Send(t, dev, nil, nil, emitterInit)
	emitter := r.ContractAddress
	for i := range 24 {
		n.Send(t, dev, &emitter, nil, nil)
		if i%4 == 0 {
			n.Mine(t, 2) // blocks without our logs
		}
	}
	a := rpcproxy.Start(t, n.URL, &rpcproxy.Proxy{MaxRange: 8, Code: -32005, Message: "query returned more than 10000 results", DropEvery: 5, LimitEvery: 7})
	b := rpcproxy.Start(t, n.URL, &rpcproxy.Proxy{MaxRange: 16, Code: -32602, Message: "Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range and no limit on the response size, or you can request any block range with a cap of 10K logs in the response.", DropEvery: 6})

	m := chain.Manifest{ChainID: gethdev.ChainID, Token: common.Address{1}, Channels: emitter, Registry: common.Address{3},
		Governor: common.Address{4}, Timelock: common.Address{5}, Grants: common.Address{6}, DeployBlock: r.BlockNumber.Uint64()}
	c, err := chain.DialPool([]string{a.URL, b.URL}, m, chain.WithLogRange(1000))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx := context.Background()
	head, err := n.Client.BlockNumber(ctx)
	if err != nil {
		t.Fatal(err)
	}
	q := ethereum.FilterQuery{Addresses: []common.Address{emitter}}
	want, err := n.Client.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: big.NewInt(0), ToBlock: new(big.Int).SetUint64(head), Addresses: q.Addresses})
	if err != nil {
		t.Fatal(err)
	}
	if len(want) != 24 {
		t.Fatalf("geth has %d logs of the emitter, want 24", len(want))
	}

	sc := c.Scanner()
	half := m.DeployBlock + (head-m.DeployBlock)/2
	res1, err := sc.Scan(ctx, q, chain.ScanCursor{Next: m.DeployBlock}, half)
	if err != nil {
		t.Fatalf("scan to block %d: %v", half, err)
	}
	if res1.Cursor.Next != half+1 {
		t.Fatalf("first scan stopped at %d, want %d", res1.Cursor.Next, half+1)
	}
	// The cursor survives a restart (JSON).
	js, err := json.Marshal(res1.Cursor)
	if err != nil {
		t.Fatal(err)
	}
	var cur chain.ScanCursor
	if err := json.Unmarshal(js, &cur); err != nil {
		t.Fatal(err)
	}
	res2, err := sc.Scan(ctx, q, cur, 0)
	if err != nil {
		t.Fatalf("resumed scan: %v", err)
	}
	got := append(res1.Logs, res2.Logs...)
	if g, w := keys(got), keys(want); !equalKeys(g, w) {
		t.Errorf("scanned logs differ from geth's:\n got %v\nwant %v", g, w)
	}

	// The same through the client's FilterLogs (what the wallet calls).
	all, err := c.FilterLogs(ctx, ethereum.FilterQuery{Addresses: q.Addresses})
	if err != nil {
		t.Fatalf("FilterLogs: %v", err)
	}
	if g, w := keys(all), keys(want); !equalKeys(g, w) {
		t.Errorf("FilterLogs differs from geth's logs: got %d, want %d", len(g), len(w))
	}

	st := a.Stats()
	if st.Drops == 0 || st.Limits == 0 || st.Refused == 0 {
		t.Errorf("proxy a: %d drops, %d 429s, %d refused ranges; the test needs each to happen", st.Drops, st.Limits, st.Refused)
	}
	if st.Early != 0 {
		t.Errorf("proxy a was asked %d times before its Retry-After ran out", st.Early)
	}
	h := c.Endpoints()
	if len(h) != 2 || h[0].Failures == 0 || h[0].RateLimited == 0 || h[1].OK == 0 {
		t.Errorf("endpoint health %+v: want failures and 429s on the first, answers from the second", h)
	}
}

// TestPoolAllDown: with every endpoint refusing connections a call fails
// with ErrNoEndpoint (after backing off), and a cancelled context ends
// the wait.
func TestPoolAllDown(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	down := srv.URL
	srv.Close()
	m := chain.Manifest{ChainID: 1337, Token: common.Address{1}, Channels: common.Address{2}, Registry: common.Address{3},
		Governor: common.Address{4}, Timelock: common.Address{5}, Grants: common.Address{6}}
	c, err := chain.DialPool([]string{down}, m)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := c.BlockNumber(ctx); err == nil {
		t.Fatal("BlockNumber with every endpoint down: no error")
	}
	if h := c.Endpoints(); len(h) != 1 || h[0].URL != chain.RedactURL(down) {
		t.Errorf("Endpoints() = %+v, want the one endpoint", h)
	}
	if _, err := chain.DialPool(nil, m); err == nil {
		t.Error("DialPool(no urls): no error")
	}
}

func TestRedactURL(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://mainnet.example/v3/0123456789abcdef", "https://mainnet.example/…"},
		{"https://user:pw@rpc.example", "https://rpc.example/…"},
		{"http://127.0.0.1:8545", "http://127.0.0.1:8545"},
		{"wss://rpc.example/?key=s3cret", "wss://rpc.example/…"},
		{"/run/geth.ipc", "/run/geth.ipc"},
	} {
		if got := chain.RedactURL(tc.in); got != tc.want {
			t.Errorf("RedactURL(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestPoolSendAnswerLost: the first eth_sendRawTransaction reaches geth but
// its answer is lost (the proxy closes the connection); the client tries
// again, geth says "already known", and the transfer happens once.
func TestPoolSendAnswerLost(t *testing.T) {
	n := gethdev.Start(t)
	key, err := crypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	me := crypto.PubkeyToAddress(key.PublicKey)
	n.Fund(t, big.NewInt(1e18), me)
	target, _ := url.Parse(n.URL)
	rp := httputil.NewSingleHostReverseProxy(target)
	var mu sync.Mutex
	lost := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		mu.Lock()
		first := lost == 0 && bytes.Contains(body, []byte(`"eth_sendRawTransaction"`))
		if first {
			lost++
		}
		mu.Unlock()
		if !first {
			rp.ServeHTTP(w, r)
			return
		}
		rec := httptest.NewRecorder()
		rp.ServeHTTP(rec, r) // geth takes the transaction
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				conn.Close() // and the answer is lost
			}
		}
	}))
	defer srv.Close()

	m := chain.Manifest{ChainID: gethdev.ChainID, Token: common.Address{1}, Channels: common.Address{2}, Registry: common.Address{3},
		Governor: common.Address{4}, Timelock: common.Address{5}, Grants: common.Address{6}}
	c, err := chain.DialPool([]string{srv.URL}, m, chain.WithSigner(chain.NewKeySigner(key)), chain.WithPollInterval(20*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	ctx := context.Background()
	to := common.HexToAddress("0x00000000000000000000000000000000000000bb")
	if _, err := c.SendNative(ctx, to, big.NewInt(12345)); err != nil {
		t.Fatalf("SendNative: %v", err)
	}
	if _, err := c.SendNative(ctx, to, big.NewInt(1)); err != nil {
		t.Fatalf("second SendNative: %v", err)
	}
	if lost != 1 {
		t.Fatalf("the proxy lost %d answers, want 1", lost)
	}
	bal, err := n.Client.BalanceAt(ctx, to, nil)
	if err != nil {
		t.Fatal(err)
	}
	nonce, err := n.Client.NonceAt(ctx, me, nil)
	if err != nil {
		t.Fatal(err)
	}
	if bal.Int64() != 12346 || nonce != 2 {
		t.Errorf("after two sends (one answer lost): balance %s, nonce %d; want 12346 and 2", bal, nonce)
	}
}
