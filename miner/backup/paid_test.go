package backup_test

import (
	"bytes"
	"context"
	"fmt"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"go.etcd.io/bbolt"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/chain/devnet"
	"github.com/mycroft-network/mycroft/miner"
	"github.com/mycroft-network/mycroft/miner/backup"
	"github.com/mycroft-network/mycroft/miner/pause"
	"github.com/mycroft-network/mycroft/miner/provider"
	"github.com/mycroft-network/mycroft/miner/storage"
)

// TestPaidUpload: the owner's backup pays rent per chunk with vouchers
// through the node's provider ("storage" service served by Node.Call); the
// provider holds exactly chunks × price, and a chunk with a bad voucher is
// neither stored nor charged. The STT service for others is wrapped in
// miner.Pausable the way the agent wires it.
func TestPaidUpload(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	nodeKey := key(t, "paid storage node")
	nodeSigner := chain.NewKeySigner(nodeKey)
	dn, err := devnet.Start(ctx, devnet.Config{Accounts: []common.Address{nodeSigner.Address()}, BlockPeriod: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer dn.Close()
	nc, err := dn.Client(ctx, nodeSigner)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	db, err := bbolt.Open(filepath.Join(t.TempDir(), "mycroft.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	st, _ := storage.OpenStore(storage.StoreConfig{Dir: t.TempDir(), Quota: 1 << 20})
	gate := pause.New(false)
	node, _ := storage.NewNode(storage.NodeConfig{Store: st, Signer: nodeSigner, ChainID: nc.ChainID(), Registry: dn.Manifest.Registry, Gate: gate})
	price := big.NewInt(1_000_000_000_000)
	prices := chain.Prices{"storage": price, "stt": price}
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	p, err := provider.New(provider.Config{DB: db, Signer: nodeSigner, Chain: nc, Manifest: nc.Manifest(), Endpoint: srv.URL,
		Prices: prices, RateLimit: -1, MinCloseDelay: time.Hour,
		Services: map[string]provider.Service{
			"storage": node,
			"stt":     miner.Pausable(gate, provider.Simple(func(context.Context, map[string][]string) ([]byte, error) { return []byte(`{}`), nil })),
		}})
	if err != nil {
		t.Fatal(err)
	}
	mux.Handle("/v1/call/", p.Handler())
	mux.Handle("/v1/", node.Handler(nil))
	if _, err := nc.Register(ctx, srv.URL, prices, 1<<20, devnet.Units(100, devnet.MYC)); err != nil {
		t.Fatal(err)
	}

	// The owner opens a channel to the node and pays per chunk.
	ks := newKeystore(t)
	if _, err := ks.Init(ctx, []byte("owner passphrase long enough")); err != nil {
		t.Fatal(err)
	}
	if err := dn.Fund(ctx, ks.Address(), devnet.Units(1, devnet.Ether), devnet.Units(10, devnet.MYC)); err != nil {
		t.Fatal(err)
	}
	oc, err := dn.Client(ctx, ks)
	if err != nil {
		t.Fatal(err)
	}
	defer oc.Close()
	ch, _, err := oc.OpenChannel(ctx, nodeSigner.Address(), devnet.Units(1, devnet.MYC), 2*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	cum := new(big.Int)
	badNext := false
	upload := func(ctx context.Context, h common.Hash, chunk []byte) error {
		next := new(big.Int).Add(cum, price)
		sig, err := ks.SignTypedData(chain.VoucherTypedData(oc.ChainID(), dn.Manifest.Channels, ch, next))
		if err != nil {
			return err
		}
		if badNext {
			sig[10] ^= 1
		}
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL+"/v1/call/storage?"+url.Values{"hash": {h.Hex()}}.Encode(), bytes.NewReader(chunk))
		req.Header.Set(provider.HeaderChannel, ch.Hex())
		req.Header.Set(provider.HeaderCumulative, next.String())
		req.Header.Set(provider.HeaderSignature, fmt.Sprintf("0x%x", sig))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			return err
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("paid upload: %s", resp.Status)
		}
		cum = next
		return nil
	}
	cfg := backup.Config{Owner: ks.Address(), Sealer: ks, Signer: ks, KeyTables: ks, Directory: oc, ChainID: oc.ChainID(), Registry: dn.Manifest.Registry,
		Copies: 1, ChunkSize: 1024, Client: func(ep string) *storage.Client { return &storage.Client{Base: ep, Upload: upload} }}
	b, err := backup.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	m, err := b.Save(ctx, bytes.NewReader(bytes.Repeat([]byte("paid backup "), 400)))
	if err != nil {
		t.Fatal(err)
	}
	held := func() *big.Int {
		recs, err := p.Records()
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
	want := new(big.Int).Mul(price, big.NewInt(int64(len(m.Leaves))))
	if held().Cmp(want) != 0 || st.Len() != len(m.Leaves) {
		t.Fatalf("provider holds %s for %d chunks stored; want %s for %d", held(), st.Len(), want, len(m.Leaves))
	}
	// A bad voucher: refused, not stored, not charged.
	badNext = true
	extra := []byte("one more chunk")
	if err := upload(ctx, chain.LeafHash(extra), extra); err == nil {
		t.Fatal("upload with a bad voucher accepted")
	}
	if st.Has(chain.LeafHash(extra)) || held().Cmp(want) != 0 {
		t.Fatal("refused upload stored or charged")
	}
	// STT for others is refused while the owner speaks and not charged.
	badNext = false
	gate.Pause()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL+"/v1/call/stt", nil)
	next := new(big.Int).Add(cum, price)
	sig, _ := ks.SignTypedData(chain.VoucherTypedData(oc.ChainID(), dn.Manifest.Channels, ch, next))
	req.Header.Set(provider.HeaderChannel, ch.Hex())
	req.Header.Set(provider.HeaderCumulative, next.String())
	req.Header.Set(provider.HeaderSignature, fmt.Sprintf("0x%x", sig))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode == http.StatusOK || held().Cmp(want) != 0 {
		t.Fatalf("stt for others while the owner speaks: %s, held %s", resp.Status, held())
	}
}
