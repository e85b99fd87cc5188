package storage

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/miner/pause"
	"github.com/mycroft-network/mycroft/miner/provider"
)

func testKey(t testing.TB, seed string) *ecdsa.PrivateKey {
	k, err := crypto.ToECDSA(crypto.Keccak256([]byte(seed)))
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func chunks(n, size int) [][]byte {
	out := make([][]byte, n)
	for i := range out {
		out[i] = make([]byte, size)
		for j := range out[i] {
			out[i][j] = byte(i*7 + j)
		}
	}
	return out
}

func openStore(t testing.TB, dir string, quota uint64, free func(string) (uint64, error)) *Store {
	t.Helper()
	s, err := OpenStore(StoreConfig{Dir: dir, Quota: quota, Headroom: 1, FreeSpace: free})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestStorePutGetQuota(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir, 250, nil)
	cs := chunks(3, 100)
	for i, c := range cs[:2] {
		if err := s.Put(chain.LeafHash(c), c); err != nil {
			t.Fatalf("put %d: %v", i, err)
		}
	}
	if err := s.Put(chain.LeafHash(cs[0]), cs[0]); err != nil {
		t.Fatalf("second put of a held chunk: %v", err)
	}
	if err := s.Put(chain.LeafHash(cs[2]), cs[2]); !errors.Is(err, ErrQuota) {
		t.Fatalf("put over quota: got %v, want ErrQuota", err)
	}
	if err := s.Put(chain.LeafHash(cs[1]), cs[2]); !errors.Is(err, ErrBadChunk) {
		t.Fatalf("put under the wrong address: got %v, want ErrBadChunk", err)
	}
	if err := s.Put(common.Hash{}, make([]byte, MaxChunk+1)); !errors.Is(err, ErrBadChunk) {
		t.Fatalf("put too large: got %v", err)
	}
	if s.Used() != 200 || s.Len() != 2 {
		t.Fatalf("used %d, len %d; want 200, 2", s.Used(), s.Len())
	}
	got, err := s.Get(chain.LeafHash(cs[1]))
	if err != nil || string(got) != string(cs[1]) {
		t.Fatalf("get: %v", err)
	}
	if _, err := s.Get(chain.LeafHash(cs[2])); !errors.Is(err, ErrNotFound) {
		t.Fatalf("get missing: %v", err)
	}
	// Restart: the index is rebuilt from the files; stray temp files go.
	os.WriteFile(filepath.Join(dir, "tmp", "w-crashed"), []byte("half"), 0o600)
	s2 := openStore(t, dir, 250, nil)
	if s2.Used() != 200 || s2.Len() != 2 {
		t.Fatalf("after restart used %d len %d", s2.Used(), s2.Len())
	}
	if ents, _ := os.ReadDir(filepath.Join(dir, "tmp")); len(ents) != 0 {
		t.Fatalf("tmp not cleared: %v", ents)
	}
}

func TestStoreDiskFull(t *testing.T) {
	dir := t.TempDir()
	free := uint64(150)
	s := openStore(t, dir, 1<<20, func(string) (uint64, error) { return free, nil })
	cs := chunks(2, 100)
	if err := s.Put(chain.LeafHash(cs[0]), cs[0]); err != nil {
		t.Fatal(err)
	}
	free = 50
	if err := s.Put(chain.LeafHash(cs[1]), cs[1]); !errors.Is(err, ErrDiskFull) {
		t.Fatalf("put on a full disk: got %v, want ErrDiskFull", err)
	}
	if s.Len() != 1 || s.Used() != 100 {
		t.Fatalf("refused chunk counted: len %d used %d", s.Len(), s.Used())
	}
	if b, err := s.Get(chain.LeafHash(cs[0])); err != nil || string(b) != string(cs[0]) {
		t.Fatalf("held chunk damaged after a full disk: %v", err)
	}
}

// TestStoreWriteFailure makes the real write fail (the temp directory is
// gone, as when the file system refuses) and checks nothing is left.
func TestStoreWriteFailure(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir, 1<<20, nil)
	os.RemoveAll(filepath.Join(dir, "tmp"))
	c := chunks(1, 10)[0]
	if err := s.Put(chain.LeafHash(c), c); err == nil {
		t.Fatal("put without a temp directory succeeded")
	}
	if s.Len() != 0 || s.Used() != 0 || s.Has(chain.LeafHash(c)) {
		t.Fatal("failed write left the chunk in the index")
	}
	if _, err := os.Stat(s.chunkPath(chain.LeafHash(c))); !os.IsNotExist(err) {
		t.Fatal("failed write left a file under the chunk's name")
	}
}

func TestVerifyQuarantines(t *testing.T) {
	dir := t.TempDir()
	s := openStore(t, dir, 1<<20, nil)
	cs := chunks(3, 64)
	for _, c := range cs {
		s.Put(chain.LeafHash(c), c)
	}
	bad := chain.LeafHash(cs[1])
	os.WriteFile(s.chunkPath(bad), []byte("bit rot"), 0o600)
	s2 := openStore(t, dir, 1<<20, nil) // restart, then verify
	g := pause.New(false)
	got, err := s2.Verify(context.Background(), g)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0] != bad {
		t.Fatalf("quarantined %v, want [%s]", got, bad.Hex())
	}
	if s2.Has(bad) || s2.Len() != 2 {
		t.Fatal("corrupt chunk still indexed")
	}
	if _, err := os.Stat(filepath.Join(dir, "quarantine", bad.Hex()[2:])); err != nil {
		t.Fatalf("not in quarantine: %v", err)
	}
	// A paused gate holds the scan.
	g.Pause()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	if _, err := s2.Verify(ctx, g); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("verify while paused: %v", err)
	}
}

// TestSharedVerifyAndRecheck is the node and the verify worker on one
// directory: the worker's store (Shared) leaves the node's write in
// progress alone, quarantines the rotten chunk, and the node's index learns
// it with Recheck, so the chunk is no longer counted, served or skipped on
// a new upload.
func TestSharedVerifyAndRecheck(t *testing.T) {
	dir := t.TempDir()
	node := openStore(t, dir, 1<<20, nil)
	cs := chunks(3, 64)
	for _, c := range cs {
		if err := node.Put(chain.LeafHash(c), c); err != nil {
			t.Fatal(err)
		}
	}
	bad := chain.LeafHash(cs[2])
	os.WriteFile(node.chunkPath(bad), []byte("bit rot"), 0o600)
	inFlight := filepath.Join(dir, "tmp", "upload-in-progress")
	os.WriteFile(inFlight, []byte("half a chunk"), 0o600)

	worker, err := OpenStore(StoreConfig{Dir: dir, Quota: 1 << 62, Shared: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(inFlight); err != nil {
		t.Fatalf("the worker cleared the node's write in progress: %v", err)
	}
	got, err := worker.Verify(context.Background(), nil)
	if err != nil || len(got) != 1 || got[0] != bad {
		t.Fatalf("worker quarantined %v, %v; want [%s]", got, err, bad.Hex())
	}
	if !node.Has(bad) {
		t.Fatal("test setup: the node's index should not know yet")
	}
	if n := node.Recheck(append(got, chain.LeafHash(cs[0]))...); n != 1 {
		t.Fatalf("Recheck: %d no longer held, want 1", n)
	}
	if node.Has(bad) || !node.Has(chain.LeafHash(cs[0])) || node.Used() != 2*64 {
		t.Fatalf("after Recheck: has bad %v, has good %v, used %d", node.Has(bad), node.Has(chain.LeafHash(cs[0])), node.Used())
	}
	// The owner uploads the chunk again: it is written, not skipped.
	if err := node.Put(bad, cs[2]); err != nil {
		t.Fatal(err)
	}
	if b, err := node.Get(bad); err != nil || !bytes.Equal(b, cs[2]) {
		t.Fatalf("re-uploaded chunk: %v", err)
	}
	if _, err := OpenStore(StoreConfig{Dir: filepath.Join(dir, "nothing"), Shared: true}); err == nil {
		t.Error("a shared open of a directory without a store succeeded")
	}
}

func newNode(t testing.TB, dir string, key *ecdsa.PrivateKey, gate *pause.Gate) *Node {
	t.Helper()
	n, err := NewNode(NodeConfig{Store: openStore(t, dir, 1<<30, nil), Signer: chain.NewKeySigner(key),
		ChainID: big.NewInt(1337), Registry: common.Address{9}, Gate: gate})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestCommitAuditHTTP(t *testing.T) {
	dir := t.TempDir()
	key := testKey(t, "node")
	n := newNode(t, dir, key, nil)
	srv := httptest.NewServer(n.Handler(nil))
	defer srv.Close()
	c := &Client{Base: srv.URL}
	ctx := context.Background()
	ownerKey := testKey(t, "owner")
	owner := crypto.PubkeyToAddress(ownerKey.PublicKey)
	cs := chunks(5, 1000)
	var leaves []common.Hash
	for _, ch := range cs {
		h := chain.LeafHash(ch)
		leaves = append(leaves, h)
		if err := c.Put(ctx, h, ch); err != nil {
			t.Fatal(err)
		}
	}
	tree, _ := chain.NewMerkleTree(cs)
	expiry := time.Now().Add(time.Hour).Truncate(time.Second)
	if _, err := c.Commit(ctx, signedRequest(t, ownerKey, n, common.Hash{1}, leaves, expiry)); !errors.Is(err, ErrRemote) {
		t.Fatalf("commit with a wrong root: %v", err)
	}
	set, err := c.Commit(ctx, signedRequest(t, ownerKey, n, tree.Root(), leaves, expiry))
	if err != nil {
		t.Fatal(err)
	}
	td := chain.StorageTypedData(big.NewInt(1337), common.Address{9}, owner, tree.Root(), 5, uint64(expiry.Unix()))
	if err := chain.VerifyTypedData(td, common.FromHex(set.Signature), crypto.PubkeyToAddress(key.PublicKey)); err != nil {
		t.Fatalf("commitment signature: %v", err)
	}
	for i := range uint64(5) {
		p, err := c.Audit(ctx, tree.Root(), i)
		if err != nil {
			t.Fatal(err)
		}
		if err := p.Verify(tree.Root(), 5, i); err != nil {
			t.Fatalf("audit %d: %v", i, err)
		}
	}
	if _, err := c.Audit(ctx, tree.Root(), 5); !errors.Is(err, ErrRemote) {
		t.Fatalf("audit out of range: %v", err)
	}
	// The node loses a chunk: the audit of that index fails.
	n.Store().Delete(leaves[3])
	if _, err := c.Audit(ctx, tree.Root(), 3); !errors.Is(err, ErrRemote) {
		t.Fatalf("audit of a deleted chunk: %v", err)
	}
	// Restart: sets come back from disk.
	n2 := newNode(t, dir, key, nil)
	if p, err := n2.Audit(tree.Root(), 1); err != nil || p.Verify(tree.Root(), 5, 1) != nil {
		t.Fatalf("audit after restart: %v", err)
	}
	if got, err := c.Get(ctx, leaves[0]); err != nil || string(got) != string(cs[0]) {
		t.Fatalf("get: %v", err)
	}
	// Bad requests.
	for _, u := range []string{"/v1/chunks/zz", "/v1/audit?root=0x01&index=1", "/v1/manifests/bob"} {
		resp, err := http.Get(srv.URL + u)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadRequest {
			t.Errorf("GET %s: %s, want 400", u, resp.Status)
		}
	}
}

func TestServingHeldWhilePaused(t *testing.T) {
	g := pause.New(true)
	n := newNode(t, t.TempDir(), testKey(t, "n"), g)
	srv := httptest.NewServer(n.Handler(nil))
	defer srv.Close()
	c := &Client{Base: srv.URL, HTTP: &http.Client{Timeout: 50 * time.Millisecond}}
	ch := []byte("chunk")
	if err := c.Put(context.Background(), chain.LeafHash(ch), ch); err == nil {
		t.Fatal("upload served while the owner speaks")
	}
	g.Resume()
	// The held request may still be finishing (its client gave up): a
	// second upload of the same chunk is then told to retry (503).
	var err error
	for range 100 {
		if err = c.Put(context.Background(), chain.LeafHash(ch), ch); err == nil {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("upload after resume: %v", err)
	}
}

func FuzzParseAuditQuery(f *testing.F) {
	for _, s := range []string{"root=0x" + fmt.Sprintf("%064x", 1) + "&index=3", "root=&index=", "index=1&index=2", "root=zz&index=-1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		root, idx, err := ParseAuditQuery(q)
		if err != nil {
			if !errors.Is(err, ErrBadRequest) {
				t.Fatalf("error %v is not ErrBadRequest", err)
			}
			return
		}
		q2 := url.Values{"root": {root.Hex()}, "index": {fmt.Sprint(idx)}}
		r2, i2, err := ParseAuditQuery(q2)
		if err != nil || r2 != root || i2 != idx {
			t.Fatalf("round trip: %v %v %v", r2, i2, err)
		}
	})
}

func FuzzParseHashPath(f *testing.F) {
	for _, s := range []string{fmt.Sprintf("0x%064x", 5), fmt.Sprintf("%064x", 5), "0x", "xyz"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h, err := ParseHashPath(s)
		if err != nil {
			return
		}
		if h2, err := ParseHashPath(h.Hex()); err != nil || h2 != h {
			t.Fatalf("round trip of %q", s)
		}
	})
}

// signManifest is an owner's signed manifest with content and sequence seq.
func signManifest(t testing.TB, key *ecdsa.PrivateKey, chainID *big.Int, registry common.Address, content string, seq uint64) []byte {
	t.Helper()
	m := &SignedManifest{Version: ManifestVersion, Sequence: seq, Sealed: []byte(content), KeyTable: []byte("table " + content)}
	sig, err := chain.SignTypedDataWithKey(key, m.TypedData(chainID, registry, crypto.PubkeyToAddress(key.PublicKey)))
	if err != nil {
		t.Fatal(err)
	}
	m.Signature = sig
	b, err := m.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestSignedManifests: a node keeps only manifests the owner signed, of
// owners it holds data for, the newest by sequence; junk, another signer's manifest, a manifest for
// another chain, a tampered one and a replayed older one are refused with
// distinct errors and remove nothing kept.
func TestSignedManifests(t *testing.T) {
	dir := t.TempDir()
	n := newNode(t, dir, testKey(t, "node"), nil)
	srv := httptest.NewServer(n.Handler(nil))
	defer srv.Close()
	c := &Client{Base: srv.URL}
	ctx := context.Background()
	ownerKey, stranger := testKey(t, "owner"), testKey(t, "stranger")
	owner := crypto.PubkeyToAddress(ownerKey.PublicKey)
	cid, reg := big.NewInt(1337), common.Address{9}
	// Only owners whose data the node has accepted may leave manifests.
	if err := c.PutManifest(ctx, owner, signManifest(t, ownerKey, cid, reg, "m0", 1)); !errors.Is(err, ErrNoData) {
		t.Fatalf("manifest of an owner without data here: %v, want ErrNoData", err)
	}
	chunk := []byte("the owner's one chunk")
	if err := n.Store().PutPaid(chain.LeafHash(chunk), chunk, owner); err != nil {
		t.Fatal(err)
	}
	if _, err := n.Commit(signedRequest(t, ownerKey, n, chain.LeafHash(chunk), []common.Hash{chain.LeafHash(chunk)}, time.Now().Add(time.Hour))); err != nil {
		t.Fatal(err)
	}
	for i := uint64(1); i <= 10; i++ {
		if err := c.PutManifest(ctx, owner, signManifest(t, ownerKey, cid, reg, fmt.Sprint("m", i), i*100)); err != nil {
			t.Fatal(err)
		}
	}
	kept, err := c.Manifests(ctx, owner)
	if err != nil || len(kept) != 8 {
		t.Fatalf("manifests: %d, %v; want 8", len(kept), err)
	}
	for i, b := range kept {
		m, err := ParseManifest(b)
		if err != nil || m.Verify(cid, reg, owner) != nil || m.Sequence != uint64(10-i)*100 {
			t.Fatalf("manifest %d: %+v, %v", i, m, err)
		}
	}
	tampered, _ := ParseManifest(signManifest(t, ownerKey, cid, reg, "m11", 1100))
	tampered.Sealed = []byte("swapped by a node")
	tamperedBlob, _ := tampered.Marshal()
	unsigned, _ := (&SignedManifest{Version: ManifestVersion, Sequence: 1 << 60, Sealed: []byte("junk")}).Marshal()
	cases := []struct {
		name string
		blob []byte
		want error
	}{
		{"not a manifest", []byte("junk pushed under the owner's address"), ErrBadRequest},
		{"legacy unsigned envelope", []byte(`{"v":1,"sealed":"AAAA"}`), ErrBadRequest},
		{"unsigned", unsigned, ErrManifestSignature},
		{"signed by a stranger", signManifest(t, stranger, cid, reg, "junk", 1<<60), ErrManifestSignature},
		{"signed for another chain", signManifest(t, ownerKey, big.NewInt(1), reg, "m12", 1200), ErrManifestSignature},
		{"signed for another registry", signManifest(t, ownerKey, cid, common.Address{8}, "m12", 1200), ErrManifestSignature},
		{"tampered after signing", tamperedBlob, ErrManifestSignature},
		{"replay of an evicted one", signManifest(t, ownerKey, cid, reg, "m1", 100), ErrStaleManifest},
		{"replay of a kept older one", kept[3], ErrStaleManifest},
		{"another manifest with the newest sequence", signManifest(t, ownerKey, cid, reg, "other", 1000), ErrStaleManifest},
	}
	for _, tc := range cases {
		if err := c.PutManifest(ctx, owner, tc.blob); !errors.Is(err, ErrRemote) || (tc.want != ErrBadRequest && !errors.Is(err, tc.want)) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
		if err := n.PutManifest(owner, tc.blob); !errors.Is(err, tc.want) {
			t.Errorf("%s (in process): %v, want %v", tc.name, err, tc.want)
		}
	}
	// The same upload again (a retry) is fine.
	if err := c.PutManifest(ctx, owner, kept[0]); err != nil {
		t.Errorf("retry of the newest: %v", err)
	}
	// Nothing was lost, also after a restart.
	n2 := newNode(t, dir, testKey(t, "node"), nil)
	after, err := n2.Manifests(owner)
	if err != nil || len(after) != len(kept) {
		t.Fatalf("after the refusals: %d manifests, %v", len(after), err)
	}
	for i := range kept {
		if !bytes.Equal(after[i], kept[i]) {
			t.Fatalf("manifest %d changed", i)
		}
	}
	// A newer one from the owner goes in and evicts the oldest.
	if err := c.PutManifest(ctx, owner, signManifest(t, ownerKey, cid, reg, "m11", 1100)); err != nil {
		t.Fatal(err)
	}
	if ms, _ := n.Manifests(owner); len(ms) != 8 || !bytes.Contains(ms[0], []byte(`"seq":1100`)) {
		t.Fatalf("newest after a new put: %s", ms[0])
	}
}

func FuzzParseManifest(f *testing.F) {
	key := testKey(f, "owner")
	cid, reg := big.NewInt(1337), common.Address{9}
	f.Add(signManifest(f, key, cid, reg, "sealed manifest", 7))
	f.Add([]byte(`{"v":2,"seq":1,"sealed":"AAAA","sig":"AAAA"}`))
	f.Add([]byte(`{"v":1,"sealed":"AAAA"}`))
	f.Add([]byte(`{"v":2,"seq":1,"sealed":"AAAA","sig":"AAAA","extra":1}`))
	f.Add([]byte(`{"v":2} {}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := ParseManifest(b)
		if err != nil {
			if !errors.Is(err, ErrBadRequest) && !errors.Is(err, ErrManifestSignature) {
				t.Fatalf("error %v is neither ErrBadRequest nor ErrManifestSignature", err)
			}
			return
		}
		if m.Version != ManifestVersion || m.Sequence == 0 || len(m.Sealed) == 0 || len(m.Signature) != 65 {
			t.Fatalf("accepted %+v", m)
		}
		err = m.Verify(cid, reg, crypto.PubkeyToAddress(key.PublicKey)) // must not panic
		if err != nil && !errors.Is(err, ErrManifestSignature) {
			t.Fatalf("verify: %v", err)
		}
	})
}

func FuzzParseProof(f *testing.F) {
	f.Add([]byte(`{"root":"0x` + fmt.Sprintf("%064x", 1) + `","leafCount":1,"index":0,"chunk":"aGk=","proof":[]}`))
	f.Add([]byte(`{"chunk":5}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := ParseProof(b)
		if err != nil {
			return
		}
		p.Verify(p.Root, p.LeafCount, p.Index) // must not panic
	})
}

// TestCallForProvider: uploads paid through the provider's route reach the
// store through Node.Call; refusals are errors (the payer is not charged).
func TestCallForProvider(t *testing.T) {
	g := pause.New(false)
	n := newNode(t, t.TempDir(), testKey(t, "p"), g)
	payer := common.Address{0xbe}
	ctx := provider.WithPayer(context.Background(), payer)
	ch := []byte("paid chunk")
	h := chain.LeafHash(ch)
	for _, tc := range []struct {
		name   string
		params map[string][]string
		body   []byte
		want   error
	}{
		{"wrong content", map[string][]string{"hash": {h.Hex()}}, []byte("other"), ErrBadChunk},
		{"no hash", map[string][]string{}, ch, ErrBadRequest},
		{"bad hash", map[string][]string{"hash": {"0x12"}}, ch, ErrBadRequest},
		{"stored", map[string][]string{"hash": {h.Hex()}}, ch, nil},
	} {
		_, err := n.Call(ctx, tc.params, bytesReader(tc.body))
		if !errors.Is(err, tc.want) && !(tc.want == nil && err == nil) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.want)
		}
	}
	if !n.Store().Has(h) {
		t.Fatal("paid chunk not stored")
	}
	if got := n.Store().Payers(h); len(got) != 1 || got[0] != payer {
		t.Fatalf("payers of the paid chunk = %v, want [%s]", got, payer.Hex())
	}
	// Not through the provider: no payer, refused.
	other := []byte("unpaid chunk")
	if _, err := n.Call(context.Background(), map[string][]string{"hash": {chain.LeafHash(other).Hex()}}, bytesReader(other)); !errors.Is(err, ErrBadRequest) || n.Store().Has(chain.LeafHash(other)) {
		t.Fatalf("call without a payer: %v (stored %v), want ErrBadRequest and nothing stored", err, n.Store().Has(chain.LeafHash(other)))
	}
	g.Pause()
	cctx, cancel := context.WithTimeout(ctx, 20*time.Millisecond)
	defer cancel()
	if _, err := n.Call(cctx, map[string][]string{"hash": {h.Hex()}}, bytesReader(ch)); err == nil {
		t.Fatal("paid upload served while the owner speaks")
	}
}

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }

// TestConcurrentPuts: many uploads of the same and of different chunks at
// once (run with -race) end with every chunk stored once and counted once.
func TestConcurrentPuts(t *testing.T) {
	s := openStore(t, t.TempDir(), 1<<20, nil)
	cs := chunks(8, 512)
	done := make(chan error, 64)
	for i := range 64 {
		go func() {
			c := cs[i%8]
			for {
				err := s.Put(chain.LeafHash(c), c)
				if errors.Is(err, ErrBusy) {
					continue
				}
				done <- err
				return
			}
		}()
	}
	for range 64 {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	if s.Len() != 8 || s.Used() != 8*512 {
		t.Fatalf("len %d used %d; want 8, %d", s.Len(), s.Used(), 8*512)
	}
}

func TestCollectGarbage(t *testing.T) {
	now := time.Now()
	st := openStore(t, t.TempDir(), 1<<20, nil)
	n, err := NewNode(NodeConfig{Store: st, Signer: chain.NewKeySigner(testKey(t, "gc")), ChainID: big.NewInt(1),
		Now: func() time.Time { return now }})
	ownerKey := testKey(t, "gc owner")
	if err != nil {
		t.Fatal(err)
	}
	cs := chunks(4, 100)
	var hs []common.Hash
	for _, c := range cs {
		h := chain.LeafHash(c)
		hs = append(hs, h)
		st.PutPaid(h, c, Free)
	}
	short, _ := chain.NewMerkleTreeFromLeaves(hs[:2])
	long, _ := chain.NewMerkleTreeFromLeaves(hs[1:3])
	shortSet, err := n.Commit(signedRequest(t, ownerKey, n, short.Root(), hs[:2], now.Add(time.Hour)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := n.Commit(signedRequest(t, ownerKey, n, long.Root(), hs[1:3], now.Add(48*time.Hour))); err != nil {
		t.Fatal(err)
	}
	usedBefore := st.Used()
	// hs[3] was uploaded but never committed.
	if d, _ := n.CollectGarbage(context.Background(), nil, time.Hour); d != 0 {
		t.Fatalf("deleted %d chunks before anything expired", d)
	}
	now = now.Add(3 * time.Hour)
	d, err := n.CollectGarbage(context.Background(), nil, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	if d != 2 || st.Has(hs[0]) || st.Has(hs[3]) || !st.Has(hs[1]) || !st.Has(hs[2]) {
		t.Fatalf("deleted %d; held %v %v %v %v; want hs[0] and hs[3] gone", d, st.Has(hs[0]), st.Has(hs[1]), st.Has(hs[2]), st.Has(hs[3]))
	}
	if _, err := n.Audit(short.Root(), 0); !errors.Is(err, ErrNotFound) {
		t.Fatalf("expired set still audited: %v", err)
	}
	// The expired set's record no longer counts against the quota.
	if want := usedBefore - 2*100 - shortSet.bytes; st.Used() != want {
		t.Fatalf("used after gc = %d, want %d (two chunks and the expired set's record released)", st.Used(), want)
	}
	if _, err := n.Audit(long.Root(), 1); err != nil {
		t.Fatalf("live set after gc: %v", err)
	}
}

func TestSetQuotaAndBandwidth(t *testing.T) {
	s := openStore(t, t.TempDir(), 100, nil)
	c := chunks(1, 150)[0]
	if err := s.Put(chain.LeafHash(c), c); !errors.Is(err, ErrQuota) {
		t.Fatalf("over quota: %v", err)
	}
	s.SetQuota(200)
	if err := s.Put(chain.LeafHash(c), c); err != nil || s.Quota() != 200 {
		t.Fatalf("after raising the quota: %v", err)
	}
	if err := (*bandwidth)(nil).wait(context.Background(), 1<<30); err != nil {
		t.Fatalf("no cap: %v", err)
	}
	b := newBandwidth(10)
	if err := b.wait(context.Background(), 10); err != nil {
		t.Fatalf("within the burst: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := b.wait(ctx, 100); !errors.Is(err, context.Canceled) {
		t.Fatalf("over the cap with a cancelled ctx: %v, want the wait to be cut short", err)
	}
}

func FuzzParseAddressPath(f *testing.F) {
	for _, s := range []string{"0x0700000000000000000000000000000000000000", "0700000000000000000000000000000000000000", "bob", "0x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := ParseAddressPath(s)
		if err != nil {
			return
		}
		if a2, err := ParseAddressPath(a.Hex()); err != nil || a2 != a {
			t.Fatalf("round trip of %q", s)
		}
	})
}
