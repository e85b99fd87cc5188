package wallet_test

// Throughput of paid calls through one provider, next to ERC-20 transfers
// on the devnet, measured in the same run (docs/performance.md, Payments).
//
//	go test ./wallet -run X -bench Throughput -benchtime 4000x
//
// MYCROFT_BENCH_PAYERS overrides the payer counts (default "1,64").
// MYCROFT_BENCH_ERC20_SENDERS is how many accounts send the ERC-20
// transfers, each waiting for its transfer to be mined before the next, as
// a wallet does (default 4; the devnet seals a block as soon as a
// transaction arrives, so more senders give a higher rate).
// MYCROFT_BENCH_PAYER_DIR puts the payers' databases in that directory
// instead of the test's temporary one: on this one machine every payer's
// fsyncs share the provider's disk, where real payers each have their own;
// a tmpfs there measures the provider alone (its database stays on disk).

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"golang.org/x/sync/errgroup"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/chain/devnet"
	"github.com/mycroft-network/mycroft/keystore"
	"github.com/mycroft-network/mycroft/miner/provider"
	"github.com/mycroft-network/mycroft/wallet"
)

// benchPrice is the price of the "bench" service, a constant answer: the
// benchmark measures the payment path, not a service.
var benchPrice = big.NewInt(1_000_000_000_000)

// benchRig is one provider and n payers, each with its own wallet,
// database, HTTP client and channel (as n devices would have).
type benchRig struct {
	prov     *provider.Provider
	endpoint string
	payers   []*wallet.Wallet
	keys     []*ecdsa.PrivateKey
	man      chain.Manifest
	paddr    common.Address
	// held is, per payer, the cumulative the provider holds after the
	// last BenchmarkProviderThroughput round (nil before the first).
	held    []*big.Int
	erc20ps float64
}

var (
	rigMu     sync.Mutex
	rigs      = map[string]*benchRig{}
	erc20Once sync.Once
	erc20Rate float64
	erc20Err  error
)

func payerDir(b *testing.B) string {
	base := os.Getenv("MYCROFT_BENCH_PAYER_DIR")
	if base == "" {
		return b.TempDir()
	}
	dir, err := os.MkdirTemp(base, "payer")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

// BenchmarkCallCrypto is the signature work of one paid call on one core:
// the payer signs the voucher, the provider recovers it, signs the
// receipt, and the payer recovers that (two EIP-712 signs, two
// recoveries). 2 cores / this time bounds calls/s with both sides on one
// machine.
func BenchmarkCallCrypto(b *testing.B) {
	pk, _ := crypto.GenerateKey()
	qk, _ := crypto.GenerateKey()
	ps := keystore.NewSigner(pk, big.NewInt(devnet.ChainID))
	qs := chain.NewKeySigner(qk)
	chans := common.HexToAddress("0x5FbDB2315678afecb367f032d93F642f64180aa3")
	id := common.Hash{1}
	cid := big.NewInt(devnet.ChainID)
	for i := 0; b.Loop(); i++ {
		cum := big.NewInt(int64(i + 1))
		vsig, err := ps.SignTypedData(chain.VoucherTypedData(cid, chans, id, cum))
		if err != nil {
			b.Fatal(err)
		}
		if err := chain.VerifyTypedData(chain.VoucherTypedData(cid, chans, id, cum), vsig, ps.Address()); err != nil {
			b.Fatal(err)
		}
		rsig, err := qs.SignTypedData(chain.ReceiptTypedData(cid, chans, id, cum, common.Hash{2}))
		if err != nil {
			b.Fatal(err)
		}
		if err := chain.VerifyTypedData(chain.ReceiptTypedData(cid, chans, id, cum, common.Hash{2}), rsig, qs.Address()); err != nil {
			b.Fatal(err)
		}
	}
}

func benchPayers() []int {
	s := os.Getenv("MYCROFT_BENCH_PAYERS")
	if s == "" {
		s = "1,64"
	}
	var out []int
	for _, f := range strings.Split(s, ",") {
		if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n > 0 {
			out = append(out, n)
		}
	}
	return out
}

// BenchmarkThroughput is paid calls per second through one provider over
// loopback HTTP with n payers in parallel (one channel each; a channel's
// calls are sequential by construction), every call with a voucher signed
// and persisted (fsync) by its payer, verified and persisted by the
// provider before it is served, and a receipt signed, persisted and
// verified. It reports calls/s, the devnet's ERC-20 transfers/s measured
// in the same process, and their ratio.
func BenchmarkThroughput(b *testing.B) {
	parent := b // rigs live until the whole benchmark ends
	for _, n := range benchPayers() {
		b.Run(fmt.Sprintf("payers=%d", n), func(b *testing.B) {
			rig := getRig(parent, n, "wallets")
			ctx := context.Background()
			var next atomic.Int64
			total := int64(b.N)
			b.ResetTimer()
			start := time.Now()
			var g errgroup.Group
			for _, w := range rig.payers {
				g.Go(func() error {
					for next.Add(1) <= total {
						if _, err := w.Call(ctx, "bench", nil, nil); err != nil {
							return err
						}
					}
					return nil
				})
			}
			if err := g.Wait(); err != nil {
				b.Fatal(err)
			}
			el := time.Since(start)
			b.StopTimer()
			rate := float64(b.N) / el.Seconds()
			b.ReportMetric(rate, "calls/s")
			b.ReportMetric(rig.erc20ps, "erc20/s")
			b.ReportMetric(rate/rig.erc20ps, "ratio")
		})
	}
}

// getRig returns the rig of n payers for the benchmark named use (each
// benchmark has its own: they leave the channels in different states).
func getRig(b *testing.B, n int, use string) *benchRig {
	rigMu.Lock()
	defer rigMu.Unlock()
	name := fmt.Sprint(use, n)
	if r := rigs[name]; r != nil {
		return r
	}
	d := chainNet(b)
	ctx := context.Background()
	erc20Once.Do(func() {
		senders := 4
		if v, err := strconv.Atoi(os.Getenv("MYCROFT_BENCH_ERC20_SENDERS")); err == nil && v > 0 {
			senders = v
		}
		erc20Rate, erc20Err = measureERC20(ctx, d, 50*senders, senders)
	})
	if erc20Err != nil {
		b.Fatal(erc20Err)
	}
	r := &benchRig{erc20ps: erc20Rate}
	// The provider outlives the sub-benchmark (rigs are reused when the
	// benchmark framework calls it again with a larger b.N).
	pacct := newAccount(b, d, myc(10))
	db := openDB(b, filepath.Join(b.TempDir(), "provider.db"))
	sw := &swap{}
	endpoint := serve(b, sw)
	answer := []byte(`{"ok":true}`)
	p, err := provider.New(provider.Config{
		DB: db, Signer: chain.NewKeySigner(pacct.key), Chain: pacct.c, Manifest: pacct.c.Manifest(),
		RedeemFee: func(context.Context) (*big.Int, error) { return new(big.Int), nil },
		Endpoint:  endpoint, Prices: chain.Prices{"bench": benchPrice},
		Services: map[string]provider.Service{"bench": provider.Simple(func(context.Context, map[string][]string) ([]byte, error) {
			return answer, nil
		})},
		MinCloseDelay: time.Hour, RateLimit: -1,
	})
	if err != nil {
		b.Fatal(err)
	}
	sw.set(p.Handler())
	r.prov, r.endpoint, r.paddr = p, endpoint, pacct.addr
	reg := fixedRegistry{[]chain.NodeInfo{{Address: pacct.addr, Endpoint: endpoint, Stake: myc(1), Registered: true,
		Prices: chain.Prices{"bench": benchPrice}}}}
	m := pacct.c.Manifest()
	r.man = m
	r.payers = make([]*wallet.Wallet, n)
	r.keys = make([]*ecdsa.PrivateKey, n)
	var g errgroup.Group
	g.SetLimit(8)
	for i := range n {
		g.Go(func() error {
			key, _ := crypto.GenerateKey()
			addr := crypto.PubkeyToAddress(key.PublicKey)
			if err := d.Fund(ctx, addr, devnet.Units(1, devnet.Ether), myc(10)); err != nil {
				return err
			}
			c, err := d.Client(ctx, chain.NewKeySigner(key))
			if err != nil {
				return err
			}
			b.Cleanup(func() { c.Close() })
			mn, err := keystore.NewMnemonic(rand.Reader)
			if err != nil {
				return err
			}
			keys, err := keystore.NewDataKeys(mn, rand.Reader)
			if err != nil {
				return err
			}
			w, err := wallet.New(wallet.Config{
				DB: openDB(b, filepath.Join(payerDir(b), "wallet.db")), Signer: walletSigner(key, m),
				Sealer: keys, Chain: c, Registry: reg, Manifest: m,
				HTTP: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}},
			})
			if err != nil {
				return err
			}
			l := wallet.DefaultLimits()
			l.Deposit, l.MaxExposure, l.DailyBudget, l.CloseDelay = myc(5), myc(5), myc(5), 7200
			l.MaxPrice = benchPrice
			if err := w.SetLimits(l); err != nil {
				return err
			}
			if _, err := w.Call(ctx, "bench", nil, nil); err != nil { // opens the channel
				return fmt.Errorf("payer %d: first call: %w", i, err)
			}
			r.payers[i], r.keys[i] = w, key
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		b.Fatal(err)
	}
	rigs[name] = r
	return r
}

// BenchmarkProviderThroughput is the provider's own capacity: paid calls
// per second it takes over loopback HTTP, each voucher's signature checked
// against the channel's payer, the voucher persisted (group-committed
// fsync) before the call is served and a receipt signed. The load
// generator is n clients on open channels whose vouchers were signed
// before the clock starts (as a benchmark of a server has its requests
// ready): only their HTTP requests share the machine with the provider.
// Every receipt is checked after the clock stops, and the provider must
// hold exactly what was sent.
func BenchmarkProviderThroughput(b *testing.B) {
	parent := b
	for _, n := range benchPayers() {
		b.Run(fmt.Sprintf("payers=%d", n), func(b *testing.B) {
			rig := getRig(parent, n, "provider")
			m := rig.man
			cid := new(big.Int).SetUint64(m.ChainID)
			type load struct {
				id       common.Hash
				base     *big.Int
				vouchers [][]byte
				receipts []wallet.Receipt
				client   *http.Client
			}
			loads := make([]*load, n)
			for i, w := range rig.payers {
				chs, err := w.Channels()
				if err != nil || len(chs) != 1 {
					b.Fatalf("payer %d: channels %v, %v", i, chs, err)
				}
				base, _ := new(big.Int).SetString(chs[0].Signed, 10)
				if rig.held == nil {
					rig.held = make([]*big.Int, n)
				}
				if rig.held[i] != nil {
					base = rig.held[i]
				}
				l := &load{id: common.HexToHash(chs[0].ID), base: base,
					client: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 1}}}
				k := b.N / n // each client its share: a channel's vouchers are in order
				if i < b.N%n {
					k++
				}
				for j := 1; j <= k; j++ {
					cum := new(big.Int).Add(base, new(big.Int).Mul(benchPrice, big.NewInt(int64(j))))
					sig, err := chain.SignTypedDataWithKey(rig.keys[i], chain.VoucherTypedData(cid, m.Channels, l.id, cum))
					if err != nil {
						b.Fatal(err)
					}
					l.vouchers = append(l.vouchers, sig)
				}
				loads[i] = l
			}
			url := rig.endpoint + "/v1/call/bench"
			b.ResetTimer()
			start := time.Now()
			var g errgroup.Group
			for _, l := range loads {
				g.Go(func() error {
					for j := range l.vouchers {
						cum := new(big.Int).Add(l.base, new(big.Int).Mul(benchPrice, big.NewInt(int64(j+1))))
						req, _ := http.NewRequest(http.MethodPost, url, nil)
						req.Header.Set(wallet.HeaderChannel, l.id.Hex())
						req.Header.Set(wallet.HeaderCumulative, cum.String())
						req.Header.Set(wallet.HeaderSignature, "0x"+common.Bytes2Hex(l.vouchers[j]))
						resp, err := l.client.Do(req)
						if err != nil {
							return err
						}
						_, err = io.Copy(io.Discard, resp.Body)
						resp.Body.Close()
						if err != nil || resp.StatusCode != http.StatusOK {
							return fmt.Errorf("call %d: status %d, %v", j, resp.StatusCode, err)
						}
						rc, err := wallet.ParseReceipt(resp.Header, l.id)
						if err != nil {
							return err
						}
						l.receipts = append(l.receipts, rc)
					}
					return nil
				})
			}
			if err := g.Wait(); err != nil {
				b.Fatal(err)
			}
			el := time.Since(start)
			b.StopTimer()
			for i, l := range loads {
				for j, rc := range l.receipts {
					want := new(big.Int).Add(l.base, new(big.Int).Mul(benchPrice, big.NewInt(int64(j+1))))
					if rc.Cumulative.Cmp(want) != 0 {
						b.Fatalf("receipt %d: cumulative %s, want %s", j, rc.Cumulative, want)
					}
					if err := wallet.VerifyReceipt(rc, cid, m.Channels, rig.paddr); err != nil {
						b.Fatal(err)
					}
				}
				rig.held[i] = l.base
				if len(l.receipts) > 0 {
					rig.held[i] = l.receipts[len(l.receipts)-1].Cumulative
				}
			}
			rate := float64(b.N) / el.Seconds()
			b.ReportMetric(rate, "calls/s")
			b.ReportMetric(rig.erc20ps, "erc20/s")
			b.ReportMetric(rate/rig.erc20ps, "ratio")
		})
	}
}

// measureERC20 sends k MYC transfers from senders accounts in parallel,
// each sender waiting for its transfer to be mined before the next (as a
// wallet does), and returns transfers per second from the first send
// until the last is mined.
func measureERC20(ctx context.Context, d *devnet.Devnet, k, senders int) (float64, error) {
	type sender struct {
		c  *chain.Client
		to common.Address
	}
	ss := make([]sender, senders)
	for i := range ss {
		key, _ := crypto.GenerateKey()
		if err := d.Fund(ctx, crypto.PubkeyToAddress(key.PublicKey), devnet.Units(1, devnet.Ether), myc(1000)); err != nil {
			return 0, err
		}
		c, err := d.Client(ctx, chain.NewKeySigner(key))
		if err != nil {
			return 0, err
		}
		defer c.Close()
		ss[i] = sender{c: c, to: crypto.PubkeyToAddress(mustKey().PublicKey)}
	}
	token := d.Manifest.Token
	start := time.Now()
	var g errgroup.Group
	for i, s := range ss {
		g.Go(func() error {
			for j := i; j < k; j += senders {
				tx, err := s.c.Send(ctx, &token, transferData(s.to, big.NewInt(1)), nil)
				if err != nil {
					return fmt.Errorf("erc20 transfer: %w", err)
				}
				r, err := s.c.WaitMined(ctx, tx)
				if err != nil {
					return err
				}
				if r.Status != types.ReceiptStatusSuccessful {
					return fmt.Errorf("erc20 transfer reverted")
				}
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return 0, err
	}
	return float64(k) / time.Since(start).Seconds(), nil
}

func mustKey() *ecdsa.PrivateKey { k, _ := crypto.GenerateKey(); return k }

// transferData is the calldata of ERC-20 transfer(to, amount).
func transferData(to common.Address, amount *big.Int) []byte {
	out := make([]byte, 4+32+32)
	copy(out, crypto.Keccak256([]byte("transfer(address,uint256)"))[:4])
	copy(out[4+12:], to[:])
	amount.FillBytes(out[4+32:])
	return out
}
