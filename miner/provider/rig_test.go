package provider_test

// A provider on the in-process devnet behind the node port's guard, with
// payers that open real channels: shared by the defence tests and
// BenchmarkHonestUnderAttack.

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"go.etcd.io/bbolt"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/chain/devnet"
	"github.com/mycroft-network/mycroft/internal/netguard"
	"github.com/mycroft-network/mycroft/miner/provider"
)

var (
	netOnce sync.Once
	net0    *devnet.Devnet
	netErr  error
)

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

// countingChain counts what the provider asks of the chain: channel reads
// by id, and scans for Opened events.
type countingChain struct {
	*chain.Client
	mu    sync.Mutex
	reads map[common.Hash]int
	scans atomic.Int64
	down  atomic.Bool // channel reads fail, as with the RPC unreachable
}

func (c *countingChain) Channel(ctx context.Context, id common.Hash) (chain.ChannelState, error) {
	c.mu.Lock()
	c.reads[id]++
	c.mu.Unlock()
	if c.down.Load() {
		return chain.ChannelState{}, errors.New("dial tcp: connect: no route to host")
	}
	return c.Client.Channel(ctx, id)
}

func (c *countingChain) ChannelsOpenedTo(ctx context.Context, payee common.Address, from uint64) ([]common.Hash, uint64, error) {
	c.scans.Add(1)
	return c.Client.ChannelsOpenedTo(ctx, payee, from)
}

// readsOf is how many channel reads named one of ids (all when ids is nil).
func (c *countingChain) readsOf(ids map[common.Hash]bool) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for id, k := range c.reads {
		if ids == nil || ids[id] {
			n += k
		}
	}
	return n
}

// lenService answers the length of the body it read.
type lenService struct{}

func (lenService) Call(ctx context.Context, _ map[string][]string, body io.Reader) ([]byte, error) {
	n, err := io.Copy(io.Discard, body)
	if err != nil {
		return nil, err
	}
	return fmt.Appendf(nil, `{"bytes":%d}`, n), nil
}

// smallService is lenService whose bodies are at most 512 bytes.
type smallService struct{ lenService }

func (smallService) MaxBody() int64 { return 512 }

var price = big.NewInt(1_000_000_000_000)

// rig is one provider behind a guard on a loopback port.
type rig struct {
	skew  *atomic.Int64 // added to the provider's clock (nanoseconds)
	d     *devnet.Devnet
	cc    *countingChain
	prov  *provider.Provider
	guard *netguard.Guard
	addr  string // host:port
	paddr common.Address
	man   chain.Manifest
}

func newRig(t testing.TB, gcfg netguard.Config, maxBody int64) *rig {
	t.Helper()
	d := chainNet(t)
	ctx := context.Background()
	key, _ := crypto.GenerateKey()
	addr := crypto.PubkeyToAddress(key.PublicKey)
	if err := d.Fund(ctx, addr, devnet.Units(1, devnet.Ether), devnet.Units(1, devnet.MYC)); err != nil {
		t.Fatal(err)
	}
	c, err := d.Client(ctx, chain.NewKeySigner(key))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	db, err := bbolt.Open(filepath.Join(t.TempDir(), "provider.db"), 0o600, &bbolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	cc := &countingChain{Client: c, reads: map[common.Hash]int{}}
	skew := new(atomic.Int64)
	p, err := provider.New(provider.Config{
		Now: func() time.Time { return time.Now().Add(time.Duration(skew.Load())) },
		DB:  db, Signer: chain.NewKeySigner(key), Chain: cc, Manifest: c.Manifest(),
		RedeemFee: func(context.Context) (*big.Int, error) { return new(big.Int), nil },
		Endpoint:  "http://127.0.0.1", Prices: chain.Prices{"len": price, "small": price},
		Services:  map[string]provider.Service{"len": lenService{}, "small": smallService{}},
		RateLimit: -1, MaxBody: maxBody,
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { p.Flush() })
	g, err := netguard.New(gcfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := g.Server(p.Handler())
	go srv.Serve(g.Listener(ln))
	t.Cleanup(func() { srv.Close() })
	return &rig{skew: skew, d: d, cc: cc, prov: p, guard: g, addr: ln.Addr().String(), paddr: addr, man: c.Manifest()}
}

// payer is a key with a channel open to the rig's provider.
type payer struct {
	key *ecdsa.PrivateKey
	id  common.Hash
	cum *big.Int // last cumulative sent
	hc  *http.Client
}

// openPayer funds a key and opens a channel to the provider from it.
func (r *rig) openPayer(t testing.TB) *payer {
	t.Helper()
	ctx := context.Background()
	key, _ := crypto.GenerateKey()
	if err := r.d.Fund(ctx, crypto.PubkeyToAddress(key.PublicKey), devnet.Units(1, devnet.Ether), devnet.Units(10, devnet.MYC)); err != nil {
		t.Fatal(err)
	}
	c, err := r.d.Client(ctx, chain.NewKeySigner(key))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	id, _, err := c.OpenChannel(ctx, r.paddr, devnet.Units(5, devnet.MYC), 2*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	return &payer{key: key, id: id, cum: new(big.Int), hc: clientFrom("127.0.0.1")}
}

// clientFrom is an HTTP client whose connections come from the loopback
// address src (Linux routes all of 127.0.0.0/8 to lo).
func clientFrom(src string) *http.Client {
	d := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(src)}}
	return &http.Client{Transport: &http.Transport{DialContext: d.DialContext, MaxIdleConnsPerHost: 4}}
}

// voucher signs cumulative cum on channel id with key.
func (r *rig) voucher(t testing.TB, key *ecdsa.PrivateKey, id common.Hash, cum *big.Int) []byte {
	t.Helper()
	sig, err := chain.SignTypedDataWithKey(key, chain.VoucherTypedData(new(big.Int).SetUint64(r.man.ChainID), r.man.Channels, id, cum))
	if err != nil {
		t.Fatal(err)
	}
	return sig
}

// request builds a paid call of the "len" service.
func (r *rig) request(ctx context.Context, id common.Hash, cum *big.Int, sig []byte, body io.Reader) *http.Request {
	return r.requestTo(ctx, "len", id, cum, sig, body)
}

// requestTo builds a paid call of service.
func (r *rig) requestTo(ctx context.Context, service string, id common.Hash, cum *big.Int, sig []byte, body io.Reader) *http.Request {
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, "http://"+r.addr+"/v1/call/"+service, body)
	req.Header.Set(provider.HeaderChannel, id.Hex())
	req.Header.Set(provider.HeaderCumulative, cum.String())
	req.Header.Set(provider.HeaderSignature, "0x"+common.Bytes2Hex(sig))
	return req
}

// do sends req with hc and returns the status and the error code of a
// refusal ("" when served).
func do(hc *http.Client, req *http.Request) (int, provider.Code, error) {
	resp, err := hc.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<16))
	if err != nil {
		return resp.StatusCode, "", err
	}
	if resp.StatusCode == http.StatusOK {
		return resp.StatusCode, "", nil
	}
	var e provider.ErrorBody
	if err := json.Unmarshal(b, &e); err != nil || e.Error.Code == "" {
		return resp.StatusCode, "", fmt.Errorf("status %d: %s", resp.StatusCode, b)
	}
	return resp.StatusCode, e.Error.Code, nil
}

// pay makes the payer's next call with body and checks it is served.
func (r *rig) pay(t testing.TB, ctx context.Context, p *payer, body []byte) error {
	cum := new(big.Int).Add(p.cum, price)
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req := r.request(ctx, p.id, cum, r.voucher(t, p.key, p.id, cum), rd)
	st, code, err := do(p.hc, req)
	if err != nil || st != http.StatusOK {
		return fmt.Errorf("payer %s call at %s: status %d, code %q, %v", p.id.Hex()[:10], cum, st, code, err)
	}
	p.cum = cum
	return nil
}

func bytesReader(b []byte) io.Reader {
	if b == nil {
		return nil
	}
	return &sliceReader{b: b}
}

// sliceReader is a body whose length net/http does not know (sent chunked).
type sliceReader struct{ b []byte }

func (s *sliceReader) Read(p []byte) (int, error) {
	if len(s.b) == 0 {
		return 0, io.EOF
	}
	n := copy(p, s.b)
	s.b = s.b[n:]
	return n, nil
}

func randomHash() common.Hash {
	var h common.Hash
	_, _ = rand.Read(h[:])
	return h
}

func randomSig() []byte {
	b := make([]byte, 65)
	_, _ = rand.Read(b)
	b[64] = 27
	return b
}
