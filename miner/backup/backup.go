package backup

import (
	"bytes"
	"context"
	crand "crypto/rand"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
	"go.etcd.io/bbolt"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/keystore"
	"github.com/mycroft-network/mycroft/miner/storage"
)

// Bucket is the bbolt bucket holding the sealed manifest.
const Bucket = "miner/backup"

// ManifestRecord is the record id the manifest is sealed under.
const ManifestRecord = "backup/manifest"

// Sentinel errors.
var (
	// ErrNoNodes: too few storage nodes in the Registry.
	ErrNoNodes = errors.New("backup: not enough storage nodes")
	// ErrNoBackup: no manifest found that opens with this keyring.
	ErrNoBackup = errors.New("backup: no backup found")
	// ErrAudit: a node failed an audit.
	ErrAudit = errors.New("backup: audit failed")
	// ErrTooLarge: the backup is larger than MaxSize, or has more than
	// MaxChunks chunks.
	ErrTooLarge = errors.New("backup: too large")
)

// Sealer is the keystore's data sealing (category "backups" is used).
type Sealer interface {
	Seal(cat keystore.Category, recordID string, plaintext []byte) ([]byte, error)
	Open(cat keystore.Category, recordID string, sealed []byte) ([]byte, error)
}

// Signer signs the owner's manifests and commit requests (the keystore:
// BackupManifest and StorageRequest are on its allow-list).
type Signer interface {
	SignTypedData(td apitypes.TypedData) ([]byte, error)
}

// KeyTables exports the keystore's key table into every manifest and
// imports it back on restore (*keystore.Store satisfies it). The table is
// sealed by the keystore under a key derived from the backup words, not
// with the backups key: that key may itself have been rotated, and a
// device restored from the words alone could not open it.
type KeyTables interface {
	KeyTable() ([]byte, error)
	ImportKeyTable(ctx context.Context, blob []byte) (int, error)
}

// Directory lists the Registry's nodes; *chain.Client satisfies it.
type Directory interface {
	ListNodes(ctx context.Context) ([]chain.NodeInfo, error)
}

// Challenger opens and settles on-chain storage challenges; *chain.Client
// (with the owner's signer) satisfies it.
type Challenger interface {
	Challenge(ctx context.Context, sc chain.StorageCommitment, index uint64) (*big.Int, *types.Receipt, error)
	ChallengeState(ctx context.Context, id *big.Int) (chain.ChallengeState, error)
	SlashUnanswered(ctx context.Context, id *big.Int) (*types.Receipt, error)
}

// Config configures the owner's backup.
type Config struct {
	Owner  common.Address // the owner's wallet address
	Sealer Sealer
	// Signer signs every manifest published and every request for a
	// node's commitment (the owner's wallet key); required to save and
	// repair. Restore does not sign.
	Signer Signer
	// KeyTables, if set, puts the key table in every manifest and imports
	// it before opening one on restore, so data sealed after a key
	// rotation opens on a device restored from the words.
	KeyTables KeyTables
	Directory Directory
	ChainID   *big.Int
	Registry  common.Address // the commitment's verifying contract
	// Copies is N, the number of nodes holding the data (default 3).
	Copies int
	// ChunkSize is the plaintext size of a chunk (default 16 KiB; sealed
	// it must stay under the Registry's 64 KiB answer limit).
	ChunkSize int
	// Term is how long nodes commit to keep the data (default 30 days).
	Term time.Duration
	// MaxFailures: consecutive audits a node may miss (timeouts, errors)
	// before it is replaced; a wrong or missing chunk replaces it at once.
	// Default 3.
	MaxFailures int
	// Client returns the client for a node endpoint (default a plain
	// storage.Client; the agent passes one that pays rent).
	Client func(endpoint string) *storage.Client
	// DB, if set, keeps the sealed manifest locally (bucket "miner/backup").
	DB   *bbolt.DB
	Rand io.Reader
	Now  func() time.Time
	Log  *slog.Logger
}

// MaxSize bounds one backup (the whole set is read into memory).
const MaxSize = 256 << 20

// MaxChunks bounds the chunks of one backup so that its signed manifest
// (69 bytes of JSON per leaf, sealed, then base64 in the envelope) stays
// under the nodes' storage.MaxManifest: with the default 16 KiB chunks a
// backup is at most about 156 MiB.
const MaxChunks = 10_000

func (c *Config) defaults() error {
	if c.Sealer == nil || c.Directory == nil || c.ChainID == nil || c.Owner == (common.Address{}) {
		return errors.New("backup: Owner, Sealer, Directory and ChainID are required")
	}
	if c.Copies <= 0 {
		c.Copies = 3
	}
	if c.ChunkSize <= 0 {
		c.ChunkSize = 16 << 10
	}
	if c.ChunkSize > storage.MaxChunk-1024 {
		return fmt.Errorf("backup: chunk size %d too large", c.ChunkSize)
	}
	if c.Term <= 0 {
		c.Term = 30 * 24 * time.Hour
	}
	if c.MaxFailures <= 0 {
		c.MaxFailures = 3
	}
	if c.Client == nil {
		c.Client = func(ep string) *storage.Client { return &storage.Client{Base: ep} }
	}
	if c.Rand == nil {
		c.Rand = crand.Reader
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.Log == nil {
		c.Log = slog.New(slog.DiscardHandler)
	}
	return nil
}

// Replica is one node holding the data, with its signed commitment.
type Replica struct {
	Node      common.Address `json:"node"`
	Endpoint  string         `json:"endpoint"`
	Expiry    int64          `json:"expiry"`
	Signature string         `json:"signature"`
	Failures  int            `json:"failures"`
}

// Manifest describes one backup generation.
type Manifest struct {
	Version    int           `json:"version"`
	Generation int64         `json:"generation"` // creation time, unix nanoseconds; also in the chunk record ids
	Size       int64         `json:"size"`
	ChunkSize  int           `json:"chunkSize"`
	Root       common.Hash   `json:"root"`
	Leaves     []common.Hash `json:"leaves"`
	Replicas   []Replica     `json:"replicas"`
}

// Commitment is replica r's commitment in the form the Registry takes.
func (m *Manifest) Commitment(owner common.Address, r Replica) chain.StorageCommitment {
	return chain.StorageCommitment{Node: r.Node, Owner: owner, Root: m.Root, LeafCount: uint64(len(m.Leaves)),
		Expiry: time.Unix(r.Expiry, 0), Signature: common.FromHex(r.Signature)}
}

func chunkRecord(gen int64, i int) string { return fmt.Sprintf("backup/%d/%d", gen, i) }

// Backup keeps the owner's backup on storage nodes.
type Backup struct {
	cfg Config
	log *slog.Logger

	mu     sync.Mutex
	m      *Manifest
	seq    uint64   // sequence of the last manifest published
	chunks [][]byte // sealed chunks of the current generation, nil after restart
}

// New returns the owner's backup, loading the last manifest from DB.
func New(cfg Config) (*Backup, error) {
	if err := cfg.defaults(); err != nil {
		return nil, err
	}
	b := &Backup{cfg: cfg, log: cfg.Log}
	if cfg.DB != nil {
		var blob []byte
		_ = cfg.DB.View(func(tx *bbolt.Tx) error { // no manifest kept is the same as none
			if bk := tx.Bucket([]byte(Bucket)); bk != nil {
				blob = slices.Clone(bk.Get([]byte("manifest")))
			}
			return nil
		})
		if blob != nil {
			m, seq, err := openStored(cfg.Sealer, blob)
			if err != nil {
				return nil, fmt.Errorf("backup: new: %w", err)
			}
			b.m, b.seq = m, seq
		}
	}
	return b, nil
}

// Manifest returns a copy of the current manifest (nil before the first
// backup).
func (b *Backup) Manifest() *Manifest {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.m == nil {
		return nil
	}
	c := *b.m
	c.Leaves = slices.Clone(b.m.Leaves)
	c.Replicas = slices.Clone(b.m.Replicas)
	return &c
}

// Save reads the backup (records the agent has already sealed, or any
// bytes), splits, seals, uploads to Copies nodes and stores the manifest.
func (b *Backup) Save(ctx context.Context, r io.Reader) (*Manifest, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("backup: save: read: %w", err)
	}
	if len(data) > MaxSize {
		return nil, fmt.Errorf("%w: over %d bytes", ErrTooLarge, MaxSize)
	}
	if n := max(1, (len(data)+b.cfg.ChunkSize-1)/b.cfg.ChunkSize); n > MaxChunks {
		return nil, fmt.Errorf("%w: %d chunks of %d bytes, at most %d", ErrTooLarge, n, b.cfg.ChunkSize, MaxChunks)
	}
	gen := b.cfg.Now().UnixNano()
	var sealed [][]byte
	for i := 0; i == 0 || i*b.cfg.ChunkSize < len(data); i++ {
		part := data[i*b.cfg.ChunkSize : min(len(data), (i+1)*b.cfg.ChunkSize)]
		s, err := b.cfg.Sealer.Seal(keystore.CategoryBackups, chunkRecord(gen, i), part)
		if err != nil {
			return nil, fmt.Errorf("backup: save: seal: %w", err)
		}
		if len(s) > storage.MaxChunk {
			return nil, fmt.Errorf("backup: save: sealed chunk of %d bytes over %d", len(s), storage.MaxChunk)
		}
		sealed = append(sealed, s)
	}
	tree, err := chain.NewMerkleTree(sealed)
	if err != nil {
		return nil, fmt.Errorf("backup: save: %w", err)
	}
	m := &Manifest{Version: 1, Generation: gen, Size: int64(len(data)), ChunkSize: b.cfg.ChunkSize, Root: tree.Root()}
	for _, s := range sealed {
		m.Leaves = append(m.Leaves, chain.LeafHash(s))
	}
	nodes, err := b.candidates(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("backup: save: %w", err)
	}
	for _, n := range nodes {
		if len(m.Replicas) == b.cfg.Copies {
			break
		}
		rep, err := b.place(ctx, m, sealed, n)
		if err != nil {
			b.log.Warn("backup: node refused the backup; trying another", "node", n.Address, "err", err)
			continue
		}
		m.Replicas = append(m.Replicas, rep)
	}
	if len(m.Replicas) < b.cfg.Copies {
		return nil, fmt.Errorf("backup: save: %w: %d of %d placed", ErrNoNodes, len(m.Replicas), b.cfg.Copies)
	}
	if err := b.publish(ctx, m); err != nil {
		return nil, fmt.Errorf("backup: save: %w", err)
	}
	b.mu.Lock()
	b.m, b.chunks = m, sealed
	b.mu.Unlock()
	b.log.Info("backup saved", "root", m.Root, "chunks", len(m.Leaves), "bytes", m.Size, "copies", len(m.Replicas))
	return b.Manifest(), nil
}

// candidates lists registered storage nodes other than the owner and the
// excluded ones, in random order.
func (b *Backup) candidates(ctx context.Context, exclude map[common.Address]bool) ([]chain.NodeInfo, error) {
	all, err := b.cfg.Directory.ListNodes(ctx)
	if err != nil {
		return nil, fmt.Errorf("list nodes: %w", err)
	}
	var out []chain.NodeInfo
	for _, n := range all {
		if !n.Registered || n.Address == b.cfg.Owner || exclude[n.Address] || n.Endpoint == "" {
			continue
		}
		if _, ok := n.Prices["storage"]; !ok {
			continue
		}
		out = append(out, n)
	}
	keys := make(map[common.Address]uint64, len(out))
	for _, n := range out {
		var x [8]byte
		_, _ = io.ReadFull(b.cfg.Rand, x[:]) // crypto/rand, which never fails, or a test's reader
		keys[n.Address] = binary.BigEndian.Uint64(x[:])
	}
	sort.Slice(out, func(i, j int) bool { return keys[out[i].Address] < keys[out[j].Address] })
	return out, nil
}

// place uploads every chunk to node n and gets its signed commitment.
func (b *Backup) place(ctx context.Context, m *Manifest, sealed [][]byte, n chain.NodeInfo) (Replica, error) {
	c := b.cfg.Client(n.Endpoint)
	for i, s := range sealed {
		if err := c.Put(ctx, m.Leaves[i], s); err != nil {
			return Replica{}, err
		}
	}
	expiry := b.cfg.Now().Add(b.cfg.Term).Unix()
	if b.cfg.Signer == nil {
		return Replica{}, errors.New("no signer for the commit request")
	}
	// The node commits only to a request its owner signed for it, over
	// chunks that owner paid for.
	req := storage.CommitRequest{Owner: b.cfg.Owner, Root: m.Root, Leaves: m.Leaves, Expiry: expiry}
	if err := req.Sign(b.cfg.Signer, b.cfg.ChainID, b.cfg.Registry, n.Address); err != nil {
		return Replica{}, err
	}
	set, err := c.Commit(ctx, req)
	if err != nil {
		return Replica{}, err
	}
	sig := common.FromHex(set.Signature)
	td := chain.StorageTypedData(b.cfg.ChainID, b.cfg.Registry, b.cfg.Owner, m.Root, uint64(len(m.Leaves)), uint64(expiry))
	if err := chain.VerifyTypedData(td, sig, n.Address); err != nil {
		return Replica{}, fmt.Errorf("commitment not signed by the node: %w", err)
	}
	return Replica{Node: n.Address, Endpoint: n.Endpoint, Expiry: expiry, Signature: set.Signature}, nil
}

// envelope is the stored form before manifests were signed (version 1):
// still read from the local database.
type envelope struct {
	Version int    `json:"v"`
	Sealed  []byte `json:"sealed"`
}

func sealPlain(s Sealer, m *Manifest) ([]byte, error) {
	plain, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	return s.Seal(keystore.CategoryBackups, ManifestRecord, plain)
}

// openSealed opens a sealed manifest; anything that is not ours fails.
func openSealed(s Sealer, sealed []byte) (*Manifest, error) {
	plain, err := s.Open(keystore.CategoryBackups, ManifestRecord, sealed)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNoBackup, err)
	}
	var m Manifest
	if err := json.Unmarshal(plain, &m); err != nil || m.Version != 1 || len(m.Leaves) == 0 || m.ChunkSize <= 0 {
		return nil, fmt.Errorf("%w: manifest does not parse", ErrNoBackup)
	}
	return &m, nil
}

// openStored opens a manifest as kept in the local database: a signed
// manifest (storage.SignedManifest) or the older unsigned envelope. It
// returns the signed one's sequence (0 for the older form).
func openStored(s Sealer, blob []byte) (*Manifest, uint64, error) {
	if sm, err := storage.ParseManifest(blob); err == nil {
		m, err := openSealed(s, sm.Sealed)
		return m, sm.Sequence, err
	}
	var e envelope
	if err := json.Unmarshal(blob, &e); err != nil || e.Version != 1 {
		return nil, 0, fmt.Errorf("%w: not a manifest", ErrNoBackup)
	}
	m, err := openSealed(s, e.Sealed)
	return m, 0, err
}

// sign seals m, adds the key table and signs the whole with the next
// sequence: the current time in nanoseconds, or one more than the last
// published if the clock went back.
func (b *Backup) sign(m *Manifest) ([]byte, uint64, error) {
	if b.cfg.Signer == nil {
		return nil, 0, errors.New("no signer for the manifest")
	}
	sealed, err := sealPlain(b.cfg.Sealer, m)
	if err != nil {
		return nil, 0, fmt.Errorf("seal manifest: %w", err)
	}
	sm := &storage.SignedManifest{Version: storage.ManifestVersion, Sealed: sealed}
	if b.cfg.KeyTables != nil {
		if sm.KeyTable, err = b.cfg.KeyTables.KeyTable(); err != nil {
			return nil, 0, fmt.Errorf("key table: %w", err)
		}
	}
	b.mu.Lock()
	sm.Sequence = max(uint64(max(b.cfg.Now().UnixNano(), 0)), b.seq+1)
	b.mu.Unlock()
	if sm.Signature, err = b.cfg.Signer.SignTypedData(sm.TypedData(b.cfg.ChainID, b.cfg.Registry, b.cfg.Owner)); err != nil {
		return nil, 0, fmt.Errorf("sign manifest: %w", err)
	}
	blob, err := sm.Marshal()
	if err != nil {
		return nil, 0, err
	}
	return blob, sm.Sequence, nil
}

// publish stores the signed manifest locally and on every replica.
func (b *Backup) publish(ctx context.Context, m *Manifest) error {
	blob, seq, err := b.sign(m)
	if err != nil {
		return err
	}
	if err := b.storeLocal(blob, seq); err != nil {
		return err
	}
	stored := 0
	for _, r := range m.Replicas {
		if err := b.cfg.Client(r.Endpoint).PutManifest(ctx, b.cfg.Owner, blob); err != nil {
			b.log.Warn("backup: manifest not stored on node", "node", r.Node, "err", err)
			continue
		}
		stored++
	}
	if stored == 0 {
		return fmt.Errorf("%w: no node kept the manifest", ErrNoNodes)
	}
	return nil
}

func (b *Backup) storeLocal(blob []byte, seq uint64) error {
	b.mu.Lock()
	b.seq = max(b.seq, seq)
	b.mu.Unlock()
	if b.cfg.DB == nil {
		return nil
	}
	err := b.cfg.DB.Update(func(tx *bbolt.Tx) error {
		bk, err := tx.CreateBucketIfNotExists([]byte(Bucket))
		if err != nil {
			return err
		}
		return bk.Put([]byte("manifest"), blob)
	})
	if err != nil {
		return fmt.Errorf("store manifest: %w", err)
	}
	return nil
}

// Run audits every interval until ctx ends.
func (b *Backup) Run(ctx context.Context, interval time.Duration) error {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
			if b.Manifest() == nil {
				continue
			}
			if _, err := b.Audit(ctx); err != nil {
				b.log.Warn("backup: audit", "err", err)
			}
		}
	}
}

// Challenge opens an on-chain challenge against replica node for a random
// chunk: the node must answer on chain within the challenge window or
// SlashUnanswered slashes it.
func (b *Backup) Challenge(ctx context.Context, c Challenger, node common.Address) (*big.Int, error) {
	m := b.Manifest()
	if m == nil {
		return nil, fmt.Errorf("backup: challenge: %w", ErrNoBackup)
	}
	for _, r := range m.Replicas {
		if r.Node == node {
			id, _, err := c.Challenge(ctx, m.Commitment(b.cfg.Owner, r), randIndex(b.cfg.Rand, uint64(len(m.Leaves))))
			if err != nil {
				return nil, fmt.Errorf("backup: challenge: %w", err)
			}
			return id, nil
		}
	}
	return nil, fmt.Errorf("backup: challenge: %s holds no replica", node.Hex())
}

// Restore finds the newest backup the owner signed on the Registry's
// storage nodes and returns its plaintext: what a fresh device does after
// restoring its keyring from the mnemonic. cfg.Owner and cfg.Sealer come
// from the restored keyring. Manifests whose signature does not recover to
// cfg.Owner (for cfg.ChainID and cfg.Registry) are ignored; of the rest the
// highest sequence whose manifest opens and whose chunks can all be fetched
// wins. With cfg.KeyTables, the manifest's key table is imported first, so
// a manifest, chunks and records sealed under rotated epochs open.
func Restore(ctx context.Context, cfg Config) ([]byte, *Manifest, error) {
	if err := cfg.defaults(); err != nil {
		return nil, nil, err
	}
	b := &Backup{cfg: cfg, log: cfg.Log}
	nodes, err := b.candidates(ctx, nil)
	if err != nil {
		return nil, nil, fmt.Errorf("backup: restore: %w", err)
	}
	var found []*storage.SignedManifest
	seen := map[common.Hash]bool{}
	for _, n := range nodes {
		blobs, err := cfg.Client(n.Endpoint).Manifests(ctx, cfg.Owner)
		if err != nil {
			continue
		}
		for _, blob := range blobs {
			sm, err := storage.ParseManifest(blob)
			if err != nil || sm.Verify(cfg.ChainID, cfg.Registry, cfg.Owner) != nil {
				continue
			}
			if d := sm.Digest(); !seen[d] {
				seen[d] = true
				found = append(found, sm)
			}
		}
	}
	sort.SliceStable(found, func(i, j int) bool { return found[i].Sequence > found[j].Sequence })
	lastErr := fmt.Errorf("backup: restore: %w", ErrNoBackup)
	for _, sm := range found {
		data, m, err := b.restoreOne(ctx, sm)
		if err == nil {
			return data, m, nil
		}
		cfg.Log.Warn("backup: restore: manifest unusable; trying an older one", "sequence", sm.Sequence, "err", err)
		lastErr = fmt.Errorf("backup: restore: %w", err)
	}
	return nil, nil, lastErr
}

// restoreOne restores the backup of one signed manifest.
func (b *Backup) restoreOne(ctx context.Context, sm *storage.SignedManifest) ([]byte, *Manifest, error) {
	cfg := b.cfg
	if cfg.KeyTables != nil && len(sm.KeyTable) > 0 {
		if _, err := cfg.KeyTables.ImportKeyTable(ctx, sm.KeyTable); err != nil {
			return nil, nil, fmt.Errorf("key table: %w", err)
		}
	}
	m, err := openSealed(cfg.Sealer, sm.Sealed)
	if err != nil {
		return nil, nil, err
	}
	sealed, err := b.sealedChunks(ctx, m, -1)
	if err != nil {
		return nil, nil, err
	}
	var out bytes.Buffer
	for i, s := range sealed {
		p, err := cfg.Sealer.Open(keystore.CategoryBackups, chunkRecord(m.Generation, i), s)
		if err != nil {
			return nil, nil, fmt.Errorf("chunk %d: %w", i, err)
		}
		out.Write(p)
	}
	if int64(out.Len()) != m.Size {
		return nil, nil, fmt.Errorf("%d bytes, manifest says %d", out.Len(), m.Size)
	}
	if cfg.DB != nil {
		// The fresh device keeps auditing this backup from now on; its
		// next manifest follows this one's sequence.
		blob, err := sm.Marshal()
		if err == nil {
			err = b.storeLocal(blob, sm.Sequence)
		}
		if err != nil {
			return nil, nil, err
		}
	}
	return out.Bytes(), m, nil
}
