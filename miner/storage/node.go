package storage

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/miner/pause"
)

// More sentinel errors.
var (
	// ErrBadSet: a commit request is malformed, names chunks the node does
	// not hold, or its leaves do not give its root.
	ErrBadSet = errors.New("storage: bad data set")
	// ErrBadRequest: a request does not parse.
	ErrBadRequest = errors.New("storage: bad request")
)

// Signer signs the node's storage commitments (the keystore; its allow-list
// must include the Registry's "Storage" type, domain "Mycroft Registry").
type Signer interface {
	Address() common.Address
	SignTypedData(td apitypes.TypedData) ([]byte, error)
}

// Set is a committed data set: the node promised Owner to keep the chunks
// with leaf hashes Leaves (Merkle root Root) until Expiry.
type Set struct {
	Owner     common.Address `json:"owner"`
	Root      common.Hash    `json:"root"`
	LeafCount uint64         `json:"leafCount"`
	Expiry    int64          `json:"expiry"` // unix seconds
	Leaves    []common.Hash  `json:"leaves"`
	Signature string         `json:"signature,omitempty"` // 0x hex, the node's Storage signature

	bytes uint64 // size of its record on disk, counted against the quota
}

// NodeConfig configures a Node.
type NodeConfig struct {
	Store   *Store
	Signer  Signer
	ChainID *big.Int
	// Registry is the contract address in the commitment's domain.
	Registry common.Address
	// Gate holds serving while the owner speaks; nil: never held.
	Gate *pause.Gate
	// Bandwidth caps bytes per second in and out; 0: no cap.
	Bandwidth uint64
	// MaxExpiry bounds how far ahead a commitment may run (default 1 year).
	MaxExpiry time.Duration
	// ManifestsKept is how many manifests are kept per owner (default 8).
	// Only manifests the owner signed for ChainID and Registry are kept.
	ManifestsKept int
	Now           func() time.Time
	Log           *slog.Logger
}

// Node is a storage node: a Store plus committed sets, audits and
// manifests.
type Node struct {
	cfg NodeConfig
	st  *Store
	log *slog.Logger
	bw  *bandwidth

	mu    sync.Mutex
	sets  map[common.Hash]*Set
	trees map[common.Hash]*chain.MerkleTree
	manMu sync.Mutex // manifest writes

	commitMu sync.Mutex    // commits, one at a time
	commits  chan struct{} // commit requests being read and checked
}

// NewNode loads the committed sets from disk.
func NewNode(cfg NodeConfig) (*Node, error) {
	if cfg.Store == nil || cfg.Signer == nil || cfg.ChainID == nil {
		return nil, errors.New("storage: new node: Store, Signer and ChainID are required")
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.MaxExpiry == 0 {
		cfg.MaxExpiry = 365 * 24 * time.Hour
	}
	if cfg.ManifestsKept == 0 {
		cfg.ManifestsKept = 8
	}
	n := &Node{cfg: cfg, st: cfg.Store, log: cfg.Log, sets: map[common.Hash]*Set{}, trees: map[common.Hash]*chain.MerkleTree{},
		bw: newBandwidth(cfg.Bandwidth), commits: make(chan struct{}, commitSlots)}
	dir := filepath.Join(n.st.dir, "sets")
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("storage: new node: %w", err)
	}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("storage: new node: %w", err)
		}
		var s Set
		if err := json.Unmarshal(b, &s); err != nil || uint64(len(s.Leaves)) != s.LeafCount {
			n.log.Warn("storage: unreadable set file; skipped", "file", e.Name(), "err", err)
			continue
		}
		s.bytes = uint64(len(b))
		n.st.account(s.bytes) // sets count against the quota, even one that no longer fits
		n.sets[s.Root] = &s
	}
	return n, nil
}

// Store is the node's chunk store.
func (n *Node) Store() *Store { return n.st }

// Address is the node's address.
func (n *Node) Address() common.Address { return n.cfg.Signer.Address() }

// Sets returns the committed sets.
func (n *Node) Sets() []*Set {
	n.mu.Lock()
	defer n.mu.Unlock()
	out := make([]*Set, 0, len(n.sets))
	for _, s := range n.sets {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Root.Hex() < out[j].Root.Hex() })
	return out
}

func (n *Node) tree(root common.Hash) (*Set, *chain.MerkleTree, error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	s, ok := n.sets[root]
	if !ok {
		return nil, nil, fmt.Errorf("%w: set %s", ErrNotFound, root.Hex())
	}
	t, ok := n.trees[root]
	if !ok {
		var err error
		if t, err = chain.NewMerkleTreeFromLeaves(s.Leaves); err != nil {
			return nil, nil, fmt.Errorf("storage: tree %s: %w", root.Hex(), err)
		}
		n.trees[root] = t
	}
	return s, t, nil
}

// Proof is an audit answer.
type Proof struct {
	Root      common.Hash   `json:"root"`
	LeafCount uint64        `json:"leafCount"`
	Index     uint64        `json:"index"`
	Chunk     []byte        `json:"chunk"` // base64 in JSON
	Proof     []common.Hash `json:"proof"`
}

// Verify checks the answer against the root the owner holds.
func (p *Proof) Verify(root common.Hash, leafCount, index uint64) error {
	if p.Root != root || p.LeafCount != leafCount || p.Index != index {
		return fmt.Errorf("%w: answer for another question", chain.ErrMerkle)
	}
	return chain.VerifyChunk(root, leafCount, index, p.Chunk, p.Proof)
}

// Audit answers with chunk index of set root and its Merkle proof.
func (n *Node) Audit(root common.Hash, index uint64) (*Proof, error) {
	s, t, err := n.tree(root)
	if err != nil {
		return nil, err
	}
	if index >= s.LeafCount {
		return nil, fmt.Errorf("%w: index %d of %d", ErrBadRequest, index, s.LeafCount)
	}
	chunk, err := n.st.Get(s.Leaves[index])
	if err != nil {
		return nil, err
	}
	proof, err := t.Proof(index)
	if err != nil {
		return nil, err
	}
	return &Proof{Root: root, LeafCount: s.LeafCount, Index: index, Chunk: chunk, Proof: proof}, nil
}

// MaxManifest bounds a stored manifest.
const MaxManifest = 1 << 20

// PutManifest keeps a manifest owner signed (SignedManifest): the newest
// ManifestsKept by sequence are kept, older ones dropped. A manifest that is
// unsigned or signed by anyone but owner is refused (ErrManifestSignature),
// and so is one whose sequence is not above every one kept
// (ErrStaleManifest; the newest one's exact bytes again are accepted,
// for a retried upload): nobody but the owner can push the owner's manifests out, and a
// replayed older one replaces nothing. Only owners the node has committed a
// set for may leave manifests (ErrNoData otherwise), so made-up addresses
// cannot fill the disk. Nothing kept is touched on a refusal.
// The node cannot read the manifest; it only checks who signed it.
func (n *Node) PutManifest(owner common.Address, blob []byte) error {
	sm, err := ParseManifest(blob)
	if err != nil {
		return fmt.Errorf("storage: put manifest: %w", err)
	}
	if err := sm.Verify(n.cfg.ChainID, n.cfg.Registry, owner); err != nil {
		return fmt.Errorf("storage: put manifest: %w", err)
	}
	if !n.holdsFor(owner) {
		return fmt.Errorf("storage: put manifest: %w: %s", ErrNoData, owner.Hex())
	}
	dir := filepath.Join(n.st.dir, "manifests", owner.Hex())
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("storage: put manifest: %w", err)
	}
	n.manMu.Lock() // one owner's puts must not interleave between the check and the write
	defer n.manMu.Unlock()
	seqs, err := manifestSeqs(dir)
	if err != nil {
		return fmt.Errorf("storage: put manifest: %w", err)
	}
	if len(seqs) > 0 && sm.Sequence <= seqs[len(seqs)-1] {
		if sm.Sequence == seqs[len(seqs)-1] {
			if old, err := os.ReadFile(filepath.Join(dir, strconv.FormatUint(sm.Sequence, 10))); err == nil && bytes.Equal(old, blob) {
				return nil // a retried upload of the newest
			}
		}
		return fmt.Errorf("storage: put manifest: %w: sequence %d, newest kept %d", ErrStaleManifest, sm.Sequence, seqs[len(seqs)-1])
	}
	if free, err := n.st.free(n.st.dir); err == nil && free < uint64(len(blob))+n.st.headroom {
		return fmt.Errorf("%w: %d bytes free", ErrDiskFull, free)
	}
	if err := writeAtomic(filepath.Join(n.st.dir, "tmp"), filepath.Join(dir, strconv.FormatUint(sm.Sequence, 10)), blob); err != nil {
		return fmt.Errorf("storage: put manifest: %w", err)
	}
	seqs = append(seqs, sm.Sequence)
	for len(seqs) > n.cfg.ManifestsKept {
		os.Remove(filepath.Join(dir, strconv.FormatUint(seqs[0], 10)))
		seqs = seqs[1:]
	}
	return nil
}

// holdsFor reports whether the node has committed a set of owner's.
func (n *Node) holdsFor(owner common.Address) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	for _, s := range n.sets {
		if s.Owner == owner {
			return true
		}
	}
	return false
}

// Manifests returns owner's kept manifests, newest first.
func (n *Node) Manifests(owner common.Address) ([][]byte, error) {
	dir := filepath.Join(n.st.dir, "manifests", owner.Hex())
	seqs, err := manifestSeqs(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("storage: manifests: %w", err)
	}
	var out [][]byte
	for i := len(seqs) - 1; i >= 0; i-- {
		b, err := os.ReadFile(filepath.Join(dir, strconv.FormatUint(seqs[i], 10)))
		if err != nil {
			continue
		}
		out = append(out, b)
	}
	return out, nil
}

func manifestSeqs(dir string) ([]uint64, error) {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var seqs []uint64
	for _, e := range ents {
		if v, err := strconv.ParseUint(e.Name(), 10, 64); err == nil {
			seqs = append(seqs, v)
		}
	}
	slices.Sort(seqs)
	return seqs, nil
}
