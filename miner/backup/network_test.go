package backup_test

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"math/big"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"go.etcd.io/bbolt"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/chain/devnet"
	"github.com/mycroft-network/mycroft/keystore"
	"github.com/mycroft-network/mycroft/miner"
	"github.com/mycroft-network/mycroft/miner/backup"
	"github.com/mycroft-network/mycroft/miner/pause"
	"github.com/mycroft-network/mycroft/miner/storage"
)

// storageNode is one device serving storage on loopback.
type storageNode struct {
	key    *ecdsa.PrivateKey
	addr   common.Address
	node   *storage.Node
	srv    *httptest.Server
	client *chain.Client
	gate   *pause.Gate
	miner  *miner.Miner
}

type network struct {
	dn    *devnet.Devnet
	nodes []*storageNode
}

func key(t *testing.T, seed string) *ecdsa.PrivateKey {
	k, err := crypto.ToECDSA(crypto.Keccak256([]byte(seed)))
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// startNetwork boots the devnet and n storage nodes, each staked and
// registered through miner.Miner.Enable against the real Registry.
func startNetwork(t *testing.T, ctx context.Context, n int) *network {
	t.Helper()
	var keys []*ecdsa.PrivateKey
	var accts []common.Address
	for i := range n {
		k := key(t, fmt.Sprint("storage node ", i))
		keys = append(keys, k)
		accts = append(accts, crypto.PubkeyToAddress(k.PublicKey))
	}
	dn, err := devnet.Start(ctx, devnet.Config{Accounts: accts, BlockPeriod: -1})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { dn.Close() })
	nw := &network{dn: dn}
	for i, k := range keys {
		signer := chain.NewKeySigner(k)
		c, err := dn.Client(ctx, signer)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		dir := t.TempDir()
		st, err := storage.OpenStore(storage.StoreConfig{Dir: filepath.Join(dir, "storage"), Quota: 64 << 20})
		if err != nil {
			t.Fatal(err)
		}
		gate := pause.New(false)
		node, err := storage.NewNode(storage.NodeConfig{Store: st, Signer: signer, ChainID: c.ChainID(),
			Registry: dn.Manifest.Registry, Gate: gate})
		if err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewServer(node.Handler(nil))
		t.Cleanup(srv.Close)
		db, err := bbolt.Open(filepath.Join(dir, "mycroft.db"), 0o600, nil)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		m, err := miner.New(miner.Config{DB: db, Gate: gate, Registry: c, Endpoint: srv.URL,
			Prices: chain.Prices{"storage": big.NewInt(1000)}, Usage: st.Used})
		if err != nil {
			t.Fatal(err)
		}
		if err := m.Enable(ctx, miner.Settings{Stake: devnet.Units(200, devnet.MYC), DiskQuota: 64 << 20}); err != nil {
			t.Fatalf("node %d: enable: %v", i, err)
		}
		nw.nodes = append(nw.nodes, &storageNode{key: k, addr: accts[i], node: node, srv: srv, client: c, gate: gate, miner: m})
	}
	return nw
}

func newKeystore(t *testing.T) *keystore.Store {
	ks, err := keystore.New(keystore.Options{Dir: t.TempDir(), ChainID: big.NewInt(devnet.ChainID), ScryptLogN: keystore.MinScryptLogN})
	if err != nil {
		t.Fatal(err)
	}
	return ks
}

// TestNetwork is the loopback network: a devnet, four storage nodes and an
// owner. Backup on three, audit, a node that deletes the data is detected
// and replaced, a node that ignores an on-chain challenge is slashed while
// an honest one answers, and a fresh device restores from the mnemonic.
func TestNetwork(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	nw := startNetwork(t, ctx, 4)

	// The owner.
	ks := newKeystore(t)
	words, err := ks.Init(ctx, []byte("owner passphrase long enough"))
	if err != nil {
		t.Fatal(err)
	}
	owner := ks.Address()
	if err := nw.dn.Fund(ctx, owner, devnet.Units(1, devnet.Ether), nil); err != nil {
		t.Fatal(err)
	}
	oc, err := nw.dn.Client(ctx, ks)
	if err != nil {
		t.Fatal(err)
	}
	defer oc.Close()
	cfg := backup.Config{Owner: owner, Sealer: ks, Signer: ks, KeyTables: ks, Directory: oc, ChainID: oc.ChainID(), Registry: nw.dn.Manifest.Registry,
		Copies: 3, ChunkSize: 1024}
	b, err := backup.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	data := bytes.Repeat([]byte("settings and history, already sealed by the agent; "), 300) // ~15 KiB, 16 chunks
	m, err := b.Save(ctx, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Replicas) != 3 || len(m.Leaves) != (len(data)+1023)/1024 {
		t.Fatalf("manifest: %d replicas, %d leaves", len(m.Replicas), len(m.Leaves))
	}
	byAddr := map[common.Address]*storageNode{}
	for _, n := range nw.nodes {
		byAddr[n.addr] = n
	}
	for _, r := range m.Replicas {
		if byAddr[r.Node].node.Store().Len() != len(m.Leaves) {
			t.Fatalf("node %s holds %d chunks, want %d", r.Node, byAddr[r.Node].node.Store().Len(), len(m.Leaves))
		}
	}

	// Audit: all pass.
	res, err := b.Audit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		if r.Err != "" {
			t.Fatalf("healthy node failed audit: %+v", r)
		}
	}

	// A node deletes the data: detected and repaired on the spare node.
	cheat := byAddr[m.Replicas[0].Node]
	for _, h := range m.Leaves {
		cheat.node.Store().Delete(h)
	}
	res, err = b.Audit(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if res[0].Err == "" || res[0].Repaired == (common.Address{}) {
		t.Fatalf("deleting node not detected and repaired: %+v", res[0])
	}
	m2 := b.Manifest()
	for _, r := range m2.Replicas {
		if r.Node == cheat.addr {
			t.Fatal("the deleting node is still a replica")
		}
		if byAddr[r.Node].node.Store().Len() != len(m.Leaves) {
			t.Fatalf("replica %s holds %d chunks after repair", r.Node, byAddr[r.Node].node.Store().Len())
		}
	}
	if res, _ := b.Audit(ctx); res[0].Err != "" || res[1].Err != "" || res[2].Err != "" {
		t.Fatalf("audit after repair: %+v", res)
	}

	// On-chain challenges: an honest node answers, a lazy one is slashed.
	honest, lazy := byAddr[m2.Replicas[0].Node], byAddr[m2.Replicas[1].Node]
	wctx, wcancel := context.WithCancel(ctx)
	defer wcancel()
	go honest.node.AnswerChallenges(wctx, honest.client, nw.dn.Manifest.DeployBlock, 0)
	idHonest, err := b.Challenge(ctx, oc, honest.addr)
	if err != nil {
		t.Fatal(err)
	}
	idLazy, err := b.Challenge(ctx, oc, lazy.addr)
	if err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, func() bool {
		st, err := oc.ChallengeState(ctx, idHonest)
		return err == nil && st.Status == chain.ChallengeAnswered
	})
	before, err := oc.Node(ctx, lazy.addr)
	if err != nil {
		t.Fatal(err)
	}
	params, _ := oc.RegistryParams(ctx)
	if err := nw.dn.AdvanceTime(ctx, params.ChallengeWindow+time.Minute); err != nil {
		t.Fatal(err)
	}
	if _, err := oc.SlashUnanswered(ctx, idHonest); !errors.Is(err, chain.ErrReverted) {
		t.Fatalf("slashing an answered challenge: %v", err)
	}
	if _, err := oc.SlashUnanswered(ctx, idLazy); err != nil {
		t.Fatalf("slash the lazy node: %v", err)
	}
	after, _ := oc.Node(ctx, lazy.addr)
	total := func(n chain.NodeInfo) *big.Int { return new(big.Int).Add(n.Stake, n.Unbonding) }
	if lost := new(big.Int).Sub(total(before), total(after)); lost.Cmp(params.ChallengeSlash) != 0 {
		t.Fatalf("lazy node lost %s, want %s", lost, params.ChallengeSlash)
	}
	if e, err := lazy.miner.Earnings(ctx); err != nil || e.Stake.Cmp(after.Stake) != 0 {
		t.Fatalf("lazy node's earnings view: %+v, %v", e, err)
	}

	// The owner rotates its backups and queries keys, seals a record under
	// the new queries epoch and backs up again: the manifest, the chunks
	// and the record are all under epochs the words alone do not give.
	for _, c := range []keystore.Category{keystore.CategoryBackups, keystore.CategoryQueries} {
		if _, err := ks.Rotate(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	record, err := ks.Seal(keystore.CategoryQueries, "q/after-rotation", []byte("asked after the rotation"))
	if err != nil {
		t.Fatal(err)
	}
	data2 := append(bytes.Clone(data), record...)
	m3, err := b.Save(ctx, bytes.NewReader(data2))
	if err != nil {
		t.Fatal(err)
	}

	// Nobody but the owner can push the owner's manifests out of a node:
	// junk and a stranger's manifest under the owner's address are refused,
	// a replayed older manifest does not replace a newer one.
	other := newKeystore(t)
	if _, err := other.Init(ctx, []byte("someone else entirely here")); err != nil {
		t.Fatal(err)
	}
	var holder *storageNode // the replica keeping the most manifests
	var kept [][]byte
	for _, r := range m3.Replicas {
		ms, err := byAddr[r.Node].node.Manifests(owner)
		if err != nil {
			t.Fatal(err)
		}
		if holder == nil || len(ms) > len(kept) {
			holder, kept = byAddr[r.Node], ms
		}
	}
	if len(kept) < 2 {
		t.Fatalf("manifests kept for the owner: %d; want at least 2", len(kept))
	}
	newest, err := storage.ParseManifest(kept[0])
	if err != nil || newest.Verify(oc.ChainID(), nw.dn.Manifest.Registry, owner) != nil {
		t.Fatalf("newest kept manifest is not the owner's: %v", err)
	}
	forged := &storage.SignedManifest{Version: storage.ManifestVersion, Sequence: newest.Sequence + 1, Sealed: []byte("junk")}
	if forged.Signature, err = other.SignTypedData(forged.TypedData(oc.ChainID(), nw.dn.Manifest.Registry, owner)); err != nil {
		t.Fatal(err)
	}
	forgedBlob, _ := forged.Marshal()
	hc := &storage.Client{Base: holder.srv.URL}
	for name, tc := range map[string]struct {
		blob []byte
		want error
	}{
		"junk":                {[]byte("junk under the owner's address"), storage.ErrRemote},
		"stranger's manifest": {forgedBlob, storage.ErrManifestSignature},
		"older manifest":      {kept[len(kept)-1], storage.ErrStaleManifest},
	} {
		for range 10 { // as often as the node keeps manifests, and more
			if err := hc.PutManifest(ctx, owner, tc.blob); !errors.Is(err, tc.want) {
				t.Fatalf("%s: %v, want %v", name, err, tc.want)
			}
		}
	}
	if after, _ := holder.node.Manifests(owner); len(after) != len(kept) || !bytes.Equal(after[0], kept[0]) {
		t.Fatalf("the refused pushes changed the owner's manifests")
	}

	// A fresh device: keyring from the words alone, backup from the
	// network. The newest signed manifest carries the key table; imported,
	// it opens the manifest, the chunks and the record of rotated epochs.
	fresh := newKeystore(t)
	if _, err := fresh.Restore(ctx, words, []byte("a new passphrase for the new box"), keystore.RestoreOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := fresh.Open(keystore.CategoryQueries, "q/after-rotation", record); !errors.Is(err, keystore.ErrUnknownEpoch) {
		t.Fatalf("test setup: the words alone open the rotated record: %v", err)
	}
	rcfg := cfg
	rcfg.Sealer, rcfg.Signer, rcfg.KeyTables = fresh, fresh, fresh
	rcfg.Owner = fresh.Address()
	got, rm, err := backup.Restore(ctx, rcfg)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, data2) || rm.Root != m3.Root {
		t.Fatalf("restored %d bytes (root %s), want %d (root %s)", len(got), rm.Root, len(data2), m3.Root)
	}
	if p, err := fresh.Open(keystore.CategoryQueries, "q/after-rotation", got[len(data):]); err != nil || string(p) != "asked after the rotation" {
		t.Fatalf("record sealed after the rotation, on the fresh device: %q, %v", p, err)
	}
	// Without the key table the newest backup does not open: what the
	// table is for.
	bare := newKeystore(t)
	if _, err := bare.Restore(ctx, words, []byte("a new passphrase for the new box"), keystore.RestoreOptions{}); err != nil {
		t.Fatal(err)
	}
	bcfg := rcfg
	bcfg.Sealer, bcfg.Signer, bcfg.KeyTables = bare, bare, nil
	if got, rm, err := backup.Restore(ctx, bcfg); err == nil && rm.Root == m3.Root {
		t.Fatalf("restored the rotated backup (%d bytes) without the key table", len(got))
	}
	// A stranger's keyring finds nothing under its own address.
	ocfg := cfg
	ocfg.Sealer, ocfg.Signer, ocfg.KeyTables, ocfg.Owner = other, other, other, other.Address()
	if _, _, err := backup.Restore(ctx, ocfg); !errors.Is(err, backup.ErrNoBackup) {
		t.Fatalf("stranger's restore: %v", err)
	}
}

// TestMiningPausedByVoice: the owner speaking holds a storage node's
// serving (an audit waits) and releases it after the quiet period.
func TestMiningPausedByVoice(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	now := time.Date(2026, 1, 1, 3, 0, 0, 0, time.UTC)
	db, err := bbolt.Open(filepath.Join(t.TempDir(), "mycroft.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	gate := pause.New(true)
	m, err := miner.New(miner.Config{DB: db, Gate: gate, Now: func() time.Time { return now }, Policy: miner.Policy{Quiet: 10 * time.Second}})
	if err != nil {
		t.Fatal(err)
	}
	if err := m.Enable(ctx, miner.Settings{Stake: big.NewInt(1), DiskQuota: 1 << 20}); err != nil {
		t.Fatal(err)
	}
	st, _ := storage.OpenStore(storage.StoreConfig{Dir: t.TempDir(), Quota: 1 << 20})
	node, _ := storage.NewNode(storage.NodeConfig{Store: st, Signer: chain.NewKeySigner(key(t, "n")), ChainID: big.NewInt(1), Gate: gate})
	srv := httptest.NewServer(node.Handler(nil))
	defer srv.Close()
	c := &storage.Client{Base: srv.URL}
	chunk := []byte("a chunk")
	if err := c.Put(ctx, chain.LeafHash(chunk), chunk); err != nil {
		t.Fatalf("serving while idle: %v", err)
	}
	m.VoiceActive()
	if s := m.Status(ctx); s.State.Running || !gate.Paused() {
		t.Fatalf("not paused by voice: %+v", s.State)
	}
	done := make(chan error, 1)
	go func() { _, err := c.Get(ctx, chain.LeafHash(chunk)); done <- err }()
	select {
	case err := <-done:
		t.Fatalf("request served while the owner speaks: %v", err)
	case <-time.After(50 * time.Millisecond):
	}
	now = now.Add(5 * time.Second)
	if m.Evaluate().Running {
		t.Fatal("resumed before the quiet period")
	}
	now = now.Add(5 * time.Second)
	if !m.Evaluate().Running {
		t.Fatalf("not resumed after the quiet period: %+v", m.Status(ctx).State)
	}
	if err := <-done; err != nil {
		t.Fatalf("held request after resume: %v", err)
	}
}

func waitFor(t *testing.T, ctx context.Context, ok func() bool) {
	t.Helper()
	for !ok() {
		select {
		case <-ctx.Done():
			t.Fatal("timed out waiting")
		case <-time.After(20 * time.Millisecond):
		}
	}
}
