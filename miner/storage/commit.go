package storage

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"path/filepath"
	"slices"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/mycroft-network/mycroft/chain"
)

// MaxLeaves caps the leaves of one committed set. An owner's backup is at
// most 10,000 chunks (miner/backup.MaxChunks, bounded by what its signed
// manifest can list); 2^14 = 16,384 covers that with room and keeps a set
// record under 1.2 MB.
const MaxLeaves = 1 << 14

// MaxCommitBody bounds the body of POST /v1/sets: about 69 bytes of JSON
// per leaf ("0x" and 64 hex digits, quotes, a comma) for MaxLeaves leaves,
// plus the owner, root, expiry and signature.
const MaxCommitBody = MaxLeaves*70 + 4096

// Commit refusals.
var (
	// ErrNotOwner: the commit request is not signed by the owner it names
	// (for this node, root, leaf count, expiry, chain and Registry). HTTP
	// 403.
	ErrNotOwner = errors.New("storage: commit not signed by the data owner")
	// ErrUnpaid: a leaf was not paid for by the owner asking for the
	// commitment. HTTP 402.
	ErrUnpaid = errors.New("storage: chunk not paid for by the data owner")
	// ErrRootTaken: another owner already holds a commitment for this root
	// here. HTTP 409.
	ErrRootTaken = errors.New("storage: root committed for another owner")
	// ErrTooLarge: a request body is over what its endpoint takes; it is
	// refused without being read. HTTP 413.
	ErrTooLarge = errors.New("storage: request too large")
)

// CommitRequest is the body of POST /v1/sets: the data owner asks this node
// to commit to keeping the chunks Leaves (Merkle root Root) until Expiry
// (unix seconds), and signs the request (Signature, 0x hex of the 65-byte
// EIP-712 StorageRequest signature, chain.StorageRequestTypedData, with the
// node's address in it: TypedData).
type CommitRequest struct {
	Owner     common.Address `json:"owner"`
	Root      common.Hash    `json:"root"`
	Leaves    []common.Hash  `json:"leaves"`
	Expiry    int64          `json:"expiry"`
	Signature string         `json:"signature"`
}

// TypedData is the StorageRequest the owner signs for node.
func (c *CommitRequest) TypedData(chainID *big.Int, registry, node common.Address) apitypes.TypedData {
	return chain.StorageRequestTypedData(chainID, registry, c.Owner, node, c.Root, uint64(len(c.Leaves)), uint64(max(c.Expiry, 0)))
}

// Sign sets c.Signature: the owner's signature (s signs with the owner's
// key; the keystore has StorageRequest on its allow-list) for node.
func (c *CommitRequest) Sign(s interface {
	SignTypedData(apitypes.TypedData) ([]byte, error)
}, chainID *big.Int, registry, node common.Address) error {
	sig, err := s.SignTypedData(c.TypedData(chainID, registry, node))
	if err != nil {
		return fmt.Errorf("storage: sign commit request: %w", err)
	}
	c.Signature = hexutil.Encode(sig)
	return nil
}

// check applies the limits every commit request must meet and returns its
// signature.
func (c *CommitRequest) check() ([]byte, error) {
	switch {
	case c.Owner == (common.Address{}):
		return nil, fmt.Errorf("%w: commit: no owner", ErrBadRequest)
	case len(c.Leaves) == 0:
		return nil, fmt.Errorf("%w: commit: no leaves", ErrBadRequest)
	case len(c.Leaves) > MaxLeaves:
		return nil, fmt.Errorf("%w: %d leaves, at most %d", ErrBadSet, len(c.Leaves), MaxLeaves)
	case c.Expiry <= 0:
		return nil, fmt.Errorf("%w: commit: expiry %d", ErrBadRequest, c.Expiry)
	}
	sig, err := hexutil.Decode(c.Signature)
	if err != nil || len(sig) != 65 {
		return nil, fmt.Errorf("%w: commit: signature %q: want 0x and 65 bytes of hex", ErrNotOwner, clip(c.Signature))
	}
	return sig, nil
}

// ParseCommitRequest reads and checks a commit body (outside input): strict
// JSON, at most MaxCommitBody bytes and MaxLeaves leaves, an owner, an
// expiry and a signature of the right form. It does not check whose
// signature it is (Commit does).
func ParseCommitRequest(b []byte) (CommitRequest, error) {
	if len(b) > MaxCommitBody {
		return CommitRequest{}, fmt.Errorf("%w: commit of %d bytes, at most %d", ErrTooLarge, len(b), MaxCommitBody)
	}
	var c CommitRequest
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return CommitRequest{}, fmt.Errorf("%w: commit: %v", ErrBadRequest, err)
	}
	if dec.More() {
		return CommitRequest{}, fmt.Errorf("%w: commit: trailing data", ErrBadRequest)
	}
	if _, err := c.check(); err != nil {
		return CommitRequest{}, err
	}
	return c, nil
}

// Commit checks that the owner named signed the request for this node,
// that every leaf is held and was paid for by that owner (or stored free),
// that the leaves give the root and that the set's record fits the quota;
// then it persists the set and returns it signed: the Storage commitment
// the owner can take to the Registry. A root another owner holds here is
// refused; the same owner committing it again replaces its set. Nothing
// stored changes on a refusal.
func (n *Node) Commit(req CommitRequest) (*Set, error) {
	sig, err := req.check()
	if err != nil {
		return nil, err
	}
	expiry := time.Unix(req.Expiry, 0)
	now := n.cfg.Now()
	if !expiry.After(now) || expiry.Sub(now) > n.cfg.MaxExpiry {
		return nil, fmt.Errorf("%w: expiry %s not within %s", ErrBadSet, expiry.UTC().Format(time.RFC3339), n.cfg.MaxExpiry)
	}
	// The signature first: one recovery, before any work for a stranger.
	if err := chain.VerifyTypedData(req.TypedData(n.cfg.ChainID, n.cfg.Registry, n.Address()), sig, req.Owner); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotOwner, err)
	}
	for i, h := range req.Leaves {
		if !n.st.Has(h) {
			return nil, fmt.Errorf("%w: leaf %d (%s) not held", ErrBadSet, i, h.Hex())
		}
		if !n.st.PaidBy(h, req.Owner) {
			return nil, fmt.Errorf("%w: leaf %d (%s) by %s", ErrUnpaid, i, h.Hex(), req.Owner.Hex())
		}
	}
	tree, err := chain.NewMerkleTreeFromLeaves(req.Leaves)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadSet, err)
	}
	if tree.Root() != req.Root {
		return nil, fmt.Errorf("%w: leaves give root %s, not %s", ErrBadSet, tree.Root().Hex(), req.Root.Hex())
	}

	n.commitMu.Lock() // one commit at a time: the quota check and the write go together
	defer n.commitMu.Unlock()
	n.mu.Lock()
	old := n.sets[req.Root]
	n.mu.Unlock()
	if old != nil && old.Owner != req.Owner {
		return nil, fmt.Errorf("%w: %s", ErrRootTaken, req.Root.Hex())
	}
	td := chain.StorageTypedData(n.cfg.ChainID, n.cfg.Registry, req.Owner, req.Root, uint64(len(req.Leaves)), uint64(req.Expiry))
	nodeSig, err := n.cfg.Signer.SignTypedData(td)
	if err != nil {
		return nil, fmt.Errorf("storage: commit: sign: %w", err)
	}
	s := &Set{Owner: req.Owner, Root: req.Root, LeafCount: uint64(len(req.Leaves)), Expiry: req.Expiry, Leaves: slices.Clone(req.Leaves),
		Signature: "0x" + common.Bytes2Hex(nodeSig)}
	b, err := json.Marshal(s)
	if err != nil {
		return nil, fmt.Errorf("storage: commit: %w", err)
	}
	s.bytes = uint64(len(b))
	var had uint64
	if old != nil {
		had = old.bytes
	}
	if s.bytes > had {
		if err := n.st.reserve(s.bytes - had); err != nil {
			return nil, fmt.Errorf("storage: commit: %w", err)
		}
	}
	path := filepath.Join(n.st.dir, "sets", req.Root.Hex()[2:]+".json")
	if err := writeAtomic(filepath.Join(n.st.dir, "tmp"), path, b); err != nil {
		if s.bytes > had {
			n.st.release(s.bytes - had)
		}
		return nil, fmt.Errorf("storage: commit: %w", err)
	}
	if had > s.bytes {
		n.st.release(had - s.bytes)
	}
	n.mu.Lock()
	n.sets[req.Root] = s
	n.trees[req.Root] = tree
	n.mu.Unlock()
	return s, nil
}
