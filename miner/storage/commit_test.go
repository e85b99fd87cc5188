package storage

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/miner/provider"
)

// signedRequest is owner's commit request for node n (chain 1337 or n's,
// Registry 9 or n's), signed with ownerKey.
func signedRequest(t testing.TB, ownerKey *ecdsa.PrivateKey, n *Node, root common.Hash, leaves []common.Hash, expiry time.Time) CommitRequest {
	t.Helper()
	req := CommitRequest{Owner: crypto.PubkeyToAddress(ownerKey.PublicKey), Root: root, Leaves: leaves, Expiry: expiry.Unix()}
	if err := req.Sign(chain.NewKeySigner(ownerKey), n.cfg.ChainID, n.cfg.Registry, n.Address()); err != nil {
		t.Fatal(err)
	}
	return req
}

// setFiles is the number of set records on disk.
func setFiles(t testing.TB, n *Node) int {
	t.Helper()
	ents, err := os.ReadDir(filepath.Join(n.st.dir, "sets"))
	if err != nil {
		t.Fatal(err)
	}
	return len(ents)
}

// putChunks stores cs as paid for by payer and returns their leaves and root.
func putChunks(t testing.TB, n *Node, payer common.Address, cs [][]byte) ([]common.Hash, common.Hash) {
	t.Helper()
	var leaves []common.Hash
	for _, c := range cs {
		h := chain.LeafHash(c)
		if err := n.st.PutPaid(h, c, payer); err != nil {
			t.Fatal(err)
		}
		leaves = append(leaves, h)
	}
	tree, err := chain.NewMerkleTreeFromLeaves(leaves)
	if err != nil {
		t.Fatal(err)
	}
	return leaves, tree.Root()
}

// TestCommitOnlyForOwner: a node signs a commitment only for a request the
// named owner signed for this node, chain and Registry; a stranger naming a
// victim is refused with 403 and nothing is stored.
func TestCommitOnlyForOwner(t *testing.T) {
	n := newNode(t, t.TempDir(), testKey(t, "node"), nil)
	srv := httptest.NewServer(n.Handler(nil))
	defer srv.Close()
	c := &Client{Base: srv.URL}
	ctx := context.Background()
	victimKey, strangerKey := testKey(t, "victim"), testKey(t, "stranger")
	victim := crypto.PubkeyToAddress(victimKey.PublicKey)
	leaves, root := putChunks(t, n, Free, chunks(3, 200))
	expiry := time.Now().Add(time.Hour)
	resign := func(mut func(*CommitRequest) (chainID *big.Int, registry, node common.Address), key *ecdsa.PrivateKey) CommitRequest {
		req := CommitRequest{Owner: victim, Root: root, Leaves: leaves, Expiry: expiry.Unix()}
		cid, reg, nd := mut(&req)
		if err := req.Sign(chain.NewKeySigner(key), cid, reg, nd); err != nil {
			t.Fatal(err)
		}
		return req
	}
	same := func(*CommitRequest) (*big.Int, common.Address, common.Address) {
		return n.cfg.ChainID, n.cfg.Registry, n.Address()
	}
	cases := []struct {
		name string
		req  CommitRequest
	}{
		{"a stranger signs naming the victim", resign(same, strangerKey)},
		{"the victim's signature for another node", resign(func(*CommitRequest) (*big.Int, common.Address, common.Address) {
			return n.cfg.ChainID, n.cfg.Registry, common.Address{0xee}
		}, victimKey)},
		{"the victim's signature for another chain", resign(func(*CommitRequest) (*big.Int, common.Address, common.Address) {
			return big.NewInt(1), n.cfg.Registry, n.Address()
		}, victimKey)},
		{"the victim's signature for another expiry", func() CommitRequest {
			r := resign(same, victimKey)
			r.Expiry += 3600
			return r
		}()},
		{"no signature", CommitRequest{Owner: victim, Root: root, Leaves: leaves, Expiry: expiry.Unix()}},
		{"a signature of the wrong length", func() CommitRequest {
			r := resign(same, victimKey)
			r.Signature = r.Signature[:40]
			return r
		}()},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := c.Commit(ctx, tc.req)
			if !errors.Is(err, ErrRemote) || !bytes.Contains([]byte(err.Error()), []byte("403")) {
				t.Errorf("commit over HTTP: %v, want 403", err)
			}
			if _, err := n.Commit(tc.req); !errors.Is(err, ErrNotOwner) {
				t.Errorf("commit in process: %v, want ErrNotOwner", err)
			}
			if len(n.Sets()) != 0 || setFiles(t, n) != 0 {
				t.Errorf("after the refusal: %d sets, %d set files; want none", len(n.Sets()), setFiles(t, n))
			}
		})
	}
	// The stranger cannot leave manifests under the victim either: the
	// node holds nothing of the victim's.
	if !errors.Is(n.PutManifest(victim, signManifest(t, victimKey, n.cfg.ChainID, n.cfg.Registry, "m", 1)), ErrNoData) {
		t.Error("manifest accepted for an owner with no set here")
	}
	// The victim's own request goes through.
	set, err := c.Commit(ctx, resign(same, victimKey))
	if err != nil || set.Owner != victim {
		t.Fatalf("the owner's own request: %+v, %v", set, err)
	}
}

// TestCommitOnlyPaidChunks: a commit is refused unless the owner who signs
// paid for every leaf; a chunk paid for by two owners may be committed by
// both, and a chunk stored free by anyone who signs.
func TestCommitOnlyPaidChunks(t *testing.T) {
	dir := t.TempDir()
	n := newNode(t, dir, testKey(t, "node"), nil)
	aliceKey, bobKey := testKey(t, "alice"), testKey(t, "bob")
	alice, bob := crypto.PubkeyToAddress(aliceKey.PublicKey), crypto.PubkeyToAddress(bobKey.PublicKey)
	cs := chunks(4, 300)
	// Alice pays for her chunks through the provider's route.
	var leaves []common.Hash
	for _, c := range cs {
		h := chain.LeafHash(c)
		if _, err := n.Call(provider.WithPayer(context.Background(), alice), map[string][]string{"hash": {h.Hex()}}, bytes.NewReader(c)); err != nil {
			t.Fatal(err)
		}
		leaves = append(leaves, h)
	}
	tree, _ := chain.NewMerkleTreeFromLeaves(leaves)
	expiry := time.Now().Add(time.Hour)

	// Bob asks for a year of Alice's chunks without paying.
	if _, err := n.Commit(signedRequest(t, bobKey, n, tree.Root(), leaves, expiry)); !errors.Is(err, ErrUnpaid) {
		t.Fatalf("bob commits alice's chunks: %v, want ErrUnpaid", err)
	}
	srv := httptest.NewServer(n.Handler(nil))
	defer srv.Close()
	c := &Client{Base: srv.URL}
	if _, err := c.Commit(context.Background(), signedRequest(t, bobKey, n, tree.Root(), leaves, expiry)); err == nil || !bytes.Contains([]byte(err.Error()), []byte("402")) {
		t.Fatalf("bob over HTTP: %v, want 402", err)
	}
	// One chunk Bob paid for does not make the set his.
	if _, err := n.Call(provider.WithPayer(context.Background(), bob), map[string][]string{"hash": {leaves[0].Hex()}}, bytes.NewReader(cs[0])); err != nil {
		t.Fatal(err)
	}
	if _, err := n.Commit(signedRequest(t, bobKey, n, tree.Root(), leaves, expiry)); !errors.Is(err, ErrUnpaid) {
		t.Fatalf("bob paid one chunk of four: %v, want ErrUnpaid", err)
	}
	if len(n.Sets()) != 0 || setFiles(t, n) != 0 {
		t.Fatalf("after the refusals: %d sets", len(n.Sets()))
	}
	// Alice paid for all of them.
	if _, err := n.Commit(signedRequest(t, aliceKey, n, tree.Root(), leaves, expiry)); err != nil {
		t.Fatalf("alice commits her chunks: %v", err)
	}
	// Who paid survives a restart; chunk 0 was paid for by both.
	n2 := newNode(t, dir, testKey(t, "node"), nil)
	if got := n2.st.Payers(leaves[0]); len(got) != 2 || got[0] != alice || got[1] != bob {
		t.Fatalf("payers of chunk 0 after restart = %v, want [alice bob]", got)
	}
	one, _ := chain.NewMerkleTreeFromLeaves(leaves[:1])
	if _, err := n2.Commit(signedRequest(t, bobKey, n2, one.Root(), leaves[:1], expiry)); err != nil {
		t.Fatalf("bob commits the chunk he paid for too: %v", err)
	}
	// A plain upload to a node that charges records who paid.
	rent := prepaid{bob: 1 << 20}
	rsrv := httptest.NewServer(n2.Handler(rent))
	defer rsrv.Close()
	extra := []byte("bob's chunk by plain upload")
	req, _ := http.NewRequest(http.MethodPut, rsrv.URL+"/v1/chunks/"+chain.LeafHash(extra).Hex(), bytes.NewReader(extra))
	req.Header.Set("X-Prepaid", bob.Hex())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated || !n2.st.PaidBy(chain.LeafHash(extra), bob) || n2.st.PaidBy(chain.LeafHash(extra), alice) {
		t.Fatalf("plain paid upload: %s, paid by bob %v, by alice %v", resp.Status, n2.st.PaidBy(chain.LeafHash(extra), bob), n2.st.PaidBy(chain.LeafHash(extra), alice))
	}
}

// prepaid is a Rent over balances paid in advance, the payer named in a
// header: enough to show that the node records whom a Rent charged.
type prepaid map[common.Address]int

func (p prepaid) Collect(_ context.Context, h http.Header, n int) (common.Address, error) {
	who := common.HexToAddress(h.Get("X-Prepaid"))
	if p[who] < n {
		return common.Address{}, fmt.Errorf("no balance for %s", who.Hex())
	}
	p[who] -= n
	return who, nil
}

// TestCommitLeafCap: a set of more than MaxLeaves leaves is refused even
// when every leaf is held, paid for and gives the root.
func TestCommitLeafCap(t *testing.T) {
	n := newNode(t, t.TempDir(), testKey(t, "node"), nil)
	ownerKey := testKey(t, "owner")
	leaves, _ := putChunks(t, n, Free, [][]byte{[]byte("one chunk, named many times")})
	for _, count := range []int{MaxLeaves, MaxLeaves + 1, 4 * MaxLeaves} {
		t.Run(fmt.Sprint(count, " leaves"), func(t *testing.T) {
			many := make([]common.Hash, count)
			for i := range many {
				many[i] = leaves[0]
			}
			tree, _ := chain.NewMerkleTreeFromLeaves(many)
			_, err := n.Commit(signedRequest(t, ownerKey, n, tree.Root(), many, time.Now().Add(time.Hour)))
			if count <= MaxLeaves && err != nil {
				t.Fatalf("commit of %d leaves: %v, want it taken", count, err)
			}
			if count > MaxLeaves && !errors.Is(err, ErrBadSet) {
				t.Fatalf("commit of %d leaves: %v, want ErrBadSet", count, err)
			}
		})
	}
	if len(n.Sets()) != 1 {
		t.Fatalf("%d sets, want the one within the cap", len(n.Sets()))
	}
}

// TestSetsCountAgainstQuota: a set's record counts against the quota, so a
// node full of chunks takes no new set, before or after a restart.
func TestSetsCountAgainstQuota(t *testing.T) {
	dir := t.TempDir()
	key, ownerKey := testKey(t, "node"), testKey(t, "owner")
	st := openStore(t, dir, 1<<20, nil)
	n, err := NewNode(NodeConfig{Store: st, Signer: chain.NewKeySigner(key), ChainID: big.NewInt(1337), Registry: common.Address{9}})
	if err != nil {
		t.Fatal(err)
	}
	leaves, root := putChunks(t, n, Free, chunks(8, 100))
	held := st.Used() // chunks and their payer records
	if want := uint64(8*100 + 8*payerRecSize); held != want {
		t.Fatalf("used after 8 chunks = %d, want %d", held, want)
	}
	st.SetQuota(held + 64) // no room for a record of 8 leaves
	req := signedRequest(t, ownerKey, n, root, leaves, time.Now().Add(time.Hour))
	if _, err := n.Commit(req); !errors.Is(err, ErrQuota) {
		t.Fatalf("commit over quota: %v, want ErrQuota", err)
	}
	srv := httptest.NewServer(n.Handler(nil))
	defer srv.Close()
	if _, err := (&Client{Base: srv.URL}).Commit(context.Background(), req); err == nil || !bytes.Contains([]byte(err.Error()), []byte("507")) {
		t.Fatalf("commit over quota over HTTP: %v, want 507", err)
	}
	if len(n.Sets()) != 0 || setFiles(t, n) != 0 || st.Used() != held {
		t.Fatalf("after the refusal: %d sets, %d files, used %d (want %d)", len(n.Sets()), setFiles(t, n), st.Used(), held)
	}
	st.SetQuota(1 << 20)
	set, err := n.Commit(req)
	if err != nil {
		t.Fatal(err)
	}
	if st.Used() != held+set.bytes || set.bytes < 8*66 {
		t.Fatalf("used after the commit = %d, want %d + the record (%d bytes)", st.Used(), held, set.bytes)
	}
	// The same set again (a retry) counts once.
	if _, err := n.Commit(req); err != nil || st.Used() != held+set.bytes {
		t.Fatalf("commit again: %v, used %d, want %d", err, st.Used(), held+set.bytes)
	}
	// After a restart the set still counts.
	st2 := openStore(t, dir, 1<<20, nil)
	if _, err := NewNode(NodeConfig{Store: st2, Signer: chain.NewKeySigner(key), ChainID: big.NewInt(1337), Registry: common.Address{9}}); err != nil {
		t.Fatal(err)
	}
	if st2.Used() != held+set.bytes {
		t.Fatalf("used after restart = %d, want %d", st2.Used(), held+set.bytes)
	}
}

// counting is an endless body that counts what was read of it.
type counting struct{ n int64 }

func (c *counting) Read(p []byte) (int, error) {
	clear(p)
	c.n += int64(len(p))
	return len(p), nil
}

// TestOversizedBodies: every endpoint that takes a body refuses one over
// its limit with 413: a declared length over it without reading a byte, an
// undeclared one after at most limit+1 bytes; nothing is stored.
func TestOversizedBodies(t *testing.T) {
	n := newNode(t, t.TempDir(), testKey(t, "node"), nil)
	h := n.Handler(nil)
	owner := common.Address{7}
	cases := []struct {
		name, method, path string
		limit              int64
	}{
		{"commit", http.MethodPost, "/v1/sets", MaxCommitBody},
		{"manifest", http.MethodPut, "/v1/manifests/" + owner.Hex(), MaxManifest},
		{"chunk", http.MethodPut, "/v1/chunks/" + common.Hash{1}.Hex(), MaxChunk},
	}
	for _, tc := range cases {
		for _, declared := range []bool{true, false} {
			t.Run(fmt.Sprintf("%s declared %v", tc.name, declared), func(t *testing.T) {
				body := &counting{}
				r := httptest.NewRequest(tc.method, tc.path, io.LimitReader(body, 100<<20))
				r.ContentLength = -1
				if declared {
					r.ContentLength = 100 << 20
				}
				w := httptest.NewRecorder()
				h.ServeHTTP(w, r)
				if w.Code != http.StatusRequestEntityTooLarge {
					t.Errorf("%s %s with 100 MiB: %d %s, want 413", tc.method, tc.path, w.Code, w.Body)
				}
				want := tc.limit + 1
				if declared {
					want = 0
				}
				// The reader hands out whole buffers; allow one buffer
				// past the limit, not the 100 MiB.
				if body.n > want+32<<10 || (declared && body.n != 0) {
					t.Errorf("read %d bytes of the body, want at most %d", body.n, want)
				}
			})
		}
	}
	// Over real HTTP too, and nothing was kept.
	srv := httptest.NewServer(h)
	defer srv.Close()
	resp, err := http.Post(srv.URL+"/v1/sets", "application/json", io.LimitReader(&counting{}, MaxCommitBody+1))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("POST /v1/sets of %d bytes: %s, want 413", MaxCommitBody+1, resp.Status)
	}
	if len(n.Sets()) != 0 || n.st.Len() != 0 {
		t.Errorf("after the refusals: %d sets, %d chunks", len(n.Sets()), n.st.Len())
	}
}

// FuzzCommit feeds arbitrary bodies to ParseCommitRequest and to POST
// /v1/sets of a node holding a few chunks: no panic, errors are the
// package's, an accepted request meets every limit, and a refused one
// leaves no set behind. Only a request the owner's key signed may commit.
func FuzzCommit(f *testing.F) {
	n := newNode(f, f.TempDir(), testKey(f, "node"), nil)
	h := n.Handler(nil)
	ownerKey := testKey(f, "owner")
	leaves, root := putChunks(f, n, Free, chunks(2, 64))
	valid := signedRequest(f, ownerKey, n, root, leaves, time.Now().Add(time.Hour))
	b, _ := json.Marshal(valid)
	f.Add(b)
	stranger := signedRequest(f, testKey(f, "stranger"), n, root, leaves, time.Now().Add(time.Hour))
	stranger.Owner = valid.Owner
	b, _ = json.Marshal(stranger)
	f.Add(b)
	f.Add([]byte(`{"owner":"0x0700000000000000000000000000000000000000","root":"0x` + fmt.Sprintf("%064x", 1) + `","leaves":["0x` + fmt.Sprintf("%064x", 2) + `"],"expiry":1700000000,"signature":"0x00"}`))
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"owner":1}`))
	f.Add([]byte(`{"leaves":[]} {}`))
	f.Add([]byte(`{"expiry":-1,"leaves":null,"signature":"0x"}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		c, err := ParseCommitRequest(body)
		if err != nil {
			if !errors.Is(err, ErrBadRequest) && !errors.Is(err, ErrBadSet) && !errors.Is(err, ErrNotOwner) && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("ParseCommitRequest(%q): error %v is not the package's", body, err)
			}
		} else if c.Owner == (common.Address{}) || len(c.Leaves) == 0 || len(c.Leaves) > MaxLeaves || c.Expiry <= 0 || len(c.Signature) != 132 {
			t.Fatalf("ParseCommitRequest(%q) accepted %+v", body, c)
		}
		before := len(n.Sets())
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/v1/sets", bytes.NewReader(body)))
		if w.Code == http.StatusOK {
			// Signed by the owner's key: not necessarily the seed's
			// signature, as each fuzzing worker signs its own seed with
			// an expiry from its own clock.
			var verr error
			if err == nil {
				sig, cerr := c.check()
				verr = errors.Join(cerr, chain.VerifyTypedData(c.TypedData(n.cfg.ChainID, n.cfg.Registry, n.Address()), sig, valid.Owner))
			}
			if err != nil || c.Owner != valid.Owner || verr != nil {
				t.Fatalf("POST /v1/sets %q: committed a request not signed by its owner (parse: %v, signature: %v)", body, err, verr)
			}
			return
		}
		if w.Code == http.StatusInternalServerError {
			t.Fatalf("POST /v1/sets %q: 500 %s", body, w.Body)
		}
		if got := len(n.Sets()); got != before {
			t.Fatalf("POST /v1/sets %q refused (%d) but sets went from %d to %d", body, w.Code, before, got)
		}
	})
}
