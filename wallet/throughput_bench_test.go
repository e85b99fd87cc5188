package wallet_test

// Throughput of paid calls through one provider, next to ERC-20 transfers
// on the devnet, measured in the same run (docs/performance.md, Payments).
//
//	go test ./wallet -run X -bench Throughput -benchtime 4000x
//
// MYCROFT_BENCH_PAYERS overrides the payer counts (default "1,64").
// MYCROFT_BENCH_PAYER_DIR puts the payers' databases in that directory
// instead of the test's temporary one: on this one machine every payer's
// fsyncs share the provider's disk, where real payers each have their own;
// a tmpfs there measures the provider alone (its database stays on disk).

import (
	"context"
	"crypto/ecdsa"
	"crypto/rand"
	"fmt"
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
	prov    *provider.Provider
	payers  []*wallet.Wallet
	erc20ps float64
}

var (
	rigMu     sync.Mutex
	rigs      = map[int]*benchRig{}
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
			rig := getRig(parent, n)
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

func getRig(b *testing.B, n int) *benchRig {
	rigMu.Lock()
	defer rigMu.Unlock()
	if r := rigs[n]; r != nil {
		return r
	}
	d := chainNet(b)
	ctx := context.Background()
	erc20Once.Do(func() { erc20Rate, erc20Err = measureERC20(ctx, d, 200, 4) })
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
	r.prov = p
	reg := fixedRegistry{[]chain.NodeInfo{{Address: pacct.addr, Endpoint: endpoint, Stake: myc(1), Registered: true,
		Prices: chain.Prices{"bench": benchPrice}}}}
	m := pacct.c.Manifest()
	r.payers = make([]*wallet.Wallet, n)
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
				DB: openDB(b, filepath.Join(payerDir(b), "wallet.db")), Signer: keystore.NewSigner(key, new(big.Int).SetUint64(m.ChainID)),
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
			r.payers[i] = w
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		b.Fatal(err)
	}
	rigs[n] = r
	return r
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
