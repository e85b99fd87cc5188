package backup

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"math/big"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"go.etcd.io/bbolt"
	"golang.org/x/crypto/chacha20poly1305"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/keystore"
	"github.com/mycroft-network/mycroft/miner/storage"
)

// aeadSealer is an in-test Sealer with one key (the keystore itself is
// used in the network test).
type aeadSealer struct{ key []byte }

func (s aeadSealer) Seal(cat keystore.Category, id string, p []byte) ([]byte, error) {
	a, _ := chacha20poly1305.NewX(s.key)
	nonce := make([]byte, a.NonceSize())
	rand.Read(nonce)
	return a.Seal(nonce, nonce, p, []byte(string(cat)+"/"+id)), nil
}

func (s aeadSealer) Open(cat keystore.Category, id string, b []byte) ([]byte, error) {
	a, _ := chacha20poly1305.NewX(s.key)
	if len(b) < a.NonceSize() {
		return nil, errors.New("short")
	}
	return a.Open(nil, b[:a.NonceSize()], b[a.NonceSize():], []byte(string(cat)+"/"+id))
}

// testOwner is the owner's wallet key in tests that use no keystore.
func testOwner() *chain.KeySigner {
	k, _ := crypto.ToECDSA(crypto.Keccak256([]byte("owner")))
	return chain.NewKeySigner(k)
}

// staticDirectory lists fixed nodes.
type staticDirectory []chain.NodeInfo

func (d staticDirectory) ListNodes(context.Context) ([]chain.NodeInfo, error) { return d, nil }

func startNodes(t *testing.T, n int) staticDirectory {
	var dir staticDirectory
	for i := range n {
		key, _ := crypto.ToECDSA(crypto.Keccak256([]byte{byte(i), 'k'}))
		st, err := storage.OpenStore(storage.StoreConfig{Dir: t.TempDir(), Quota: 1 << 20})
		if err != nil {
			t.Fatal(err)
		}
		node, _ := storage.NewNode(storage.NodeConfig{Store: st, Signer: chain.NewKeySigner(key), ChainID: big.NewInt(1)})
		srv := httptest.NewServer(node.Handler(nil))
		t.Cleanup(srv.Close)
		dir = append(dir, chain.NodeInfo{Address: crypto.PubkeyToAddress(key.PublicKey), Endpoint: srv.URL, Registered: true,
			Prices: chain.Prices{"storage": big.NewInt(1)}})
	}
	// Nodes that must never be chosen.
	dir = append(dir, chain.NodeInfo{Address: common.Address{1}, Endpoint: "http://127.0.0.1:1", Registered: true, Prices: chain.Prices{"stt": big.NewInt(1)}})
	dir = append(dir, chain.NodeInfo{Address: common.Address{2}, Endpoint: "http://127.0.0.1:1", Registered: false, Prices: chain.Prices{"storage": big.NewInt(1)}})
	return dir
}

func TestSaveRestoreSizes(t *testing.T) {
	dir := startNodes(t, 2)
	sealer := aeadSealer{key: bytes.Repeat([]byte{3}, 32)}
	for _, size := range []int{0, 1, 100, 128, 129, 1000} {
		cfg := Config{Owner: testOwner().Address(), Signer: testOwner(), Sealer: sealer, Directory: dir, ChainID: big.NewInt(1), Copies: 2, ChunkSize: 64}
		b, err := New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		data := bytes.Repeat([]byte{byte(size)}, size)
		m, err := b.Save(context.Background(), bytes.NewReader(data))
		if err != nil {
			t.Fatalf("size %d: %v", size, err)
		}
		if want := max(1, (size+63)/64); len(m.Leaves) != want {
			t.Errorf("size %d: %d chunks, want %d", size, len(m.Leaves), want)
		}
		got, _, err := Restore(context.Background(), cfg)
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("size %d: restored %d bytes, %v", size, len(got), err)
		}
	}
	cfg := Config{Owner: testOwner().Address(), Signer: testOwner(), Sealer: sealer, Directory: dir, ChainID: big.NewInt(1), Copies: 3}
	b, _ := New(cfg)
	if _, err := b.Save(context.Background(), bytes.NewReader([]byte("x"))); !errors.Is(err, ErrNoNodes) {
		t.Fatalf("three copies on two nodes: %v, want ErrNoNodes", err)
	}
}

func TestManifestKeptLocally(t *testing.T) {
	fixed := time.Now().Truncate(time.Second)
	db, err := bbolt.Open(filepath.Join(t.TempDir(), "mycroft.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	cfg := Config{Owner: testOwner().Address(), Signer: testOwner(), Sealer: aeadSealer{key: make([]byte, 32)}, Directory: startNodes(t, 1),
		ChainID: big.NewInt(1), Copies: 1, DB: db, Now: func() time.Time { return fixed }}
	b, _ := New(cfg)
	m, err := b.Save(context.Background(), bytes.NewReader([]byte("hello")))
	if err != nil {
		t.Fatal(err)
	}
	b2, err := New(cfg) // after a restart
	if err != nil {
		t.Fatal(err)
	}
	if got := b2.Manifest(); got == nil || got.Root != m.Root || got.Generation != m.Generation {
		t.Fatalf("manifest after restart: %+v", got)
	}
	if res, err := b2.Audit(context.Background()); err != nil || res[0].Err != "" {
		t.Fatalf("audit after restart: %+v %v", res, err)
	}
	// The stored manifest is sealed: the plaintext root is not in it.
	var blob []byte
	db.View(func(tx *bbolt.Tx) error { blob = tx.Bucket([]byte(Bucket)).Get([]byte("manifest")); return nil })
	if bytes.Contains(blob, []byte(m.Root.Hex())) {
		t.Fatal("manifest stored in the clear")
	}
}

// TestLargestManifestFits: the signed manifest of a backup of MaxChunks
// chunks on the most copies allowed, with a key table, stays under what a
// node accepts; one chunk more is refused before anything is uploaded.
func TestLargestManifestFits(t *testing.T) {
	s := aeadSealer{key: make([]byte, 32)}
	b := &Backup{cfg: Config{Owner: testOwner().Address(), Signer: testOwner(), Sealer: s, ChainID: big.NewInt(1), Now: time.Now,
		KeyTables: fixedTable(make([]byte, 4096))}}
	m := &Manifest{Version: 1, Generation: time.Now().UnixNano(), Size: MaxChunks << 14, ChunkSize: 16 << 10, Root: common.Hash{0xff}}
	for i := range MaxChunks {
		m.Leaves = append(m.Leaves, crypto.Keccak256Hash([]byte{byte(i), byte(i >> 8)}))
	}
	for i := range 16 {
		m.Replicas = append(m.Replicas, Replica{Node: common.Address{byte(i)}, Endpoint: "https://storage-node-with-a-long-name.example:8443",
			Expiry: 1 << 40, Signature: "0x" + strings.Repeat("ab", 65), Failures: 2})
	}
	blob, _, err := b.sign(m)
	if err != nil {
		t.Fatal(err)
	}
	if len(blob) > storage.MaxManifest {
		t.Fatalf("signed manifest of %d chunks is %d bytes, over %d", MaxChunks, len(blob), storage.MaxManifest)
	}
	t.Logf("signed manifest of %d chunks: %d bytes of %d", MaxChunks, len(blob), storage.MaxManifest)
	tooBig := Config{Owner: testOwner().Address(), Signer: testOwner(), Sealer: s, Directory: staticDirectory{}, ChainID: big.NewInt(1), ChunkSize: 64}
	bb, _ := New(tooBig)
	if _, err := bb.Save(context.Background(), bytes.NewReader(make([]byte, MaxChunks*64+1))); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("backup of MaxChunks+1 chunks: %v, want ErrTooLarge", err)
	}
}

// fixedTable is a key table source for tests.
type fixedTable []byte

func (f fixedTable) KeyTable() ([]byte, error)                           { return f, nil }
func (f fixedTable) ImportKeyTable(context.Context, []byte) (int, error) { return 0, nil }

func FuzzOpenManifest(f *testing.F) {
	s := aeadSealer{key: make([]byte, 32)}
	b := &Backup{cfg: Config{Owner: testOwner().Address(), Signer: testOwner(), Sealer: s, ChainID: big.NewInt(1), Now: time.Now}}
	good, _, err := b.sign(&Manifest{Version: 1, ChunkSize: 1, Leaves: []common.Hash{{1}}})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	legacySealed, _ := sealPlain(s, &Manifest{Version: 1, ChunkSize: 1, Leaves: []common.Hash{{1}}})
	legacy, _ := json.Marshal(envelope{Version: 1, Sealed: legacySealed})
	f.Add(legacy)
	f.Add([]byte(`{"v":1,"sealed":"AAAA"}`))
	f.Add([]byte(`{"v":2}`))
	f.Add([]byte(`not json`))
	forged, _ := json.Marshal(envelope{Version: 1, Sealed: []byte("forged by someone else")})
	f.Add(forged)
	f.Fuzz(func(t *testing.T, b []byte) {
		m, _, err := openStored(s, b)
		if err != nil {
			if !errors.Is(err, ErrNoBackup) {
				t.Fatalf("error %v is not ErrNoBackup", err)
			}
			return
		}
		if m.Version != 1 || len(m.Leaves) == 0 || m.ChunkSize <= 0 {
			t.Fatalf("accepted %+v", m)
		}
	})
}
