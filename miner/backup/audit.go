package backup

// Audits of the nodes that hold the backup, and repair of a replica that
// fails them.

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/mycroft-network/mycroft/miner/storage"
)

// Result is the outcome of auditing one replica.
type Result struct {
	Node     common.Address `json:"node"`
	Index    uint64         `json:"index"`
	Err      string         `json:"error,omitempty"`
	Repaired common.Address `json:"repairedTo,omitzero"`
}

// Audit asks every replica for a random chunk and checks its proof against
// the root; a node that answers with a wrong or missing chunk, or misses
// MaxFailures audits in a row, is replaced: the data is uploaded to
// another node and the manifest republished.
func (b *Backup) Audit(ctx context.Context) ([]Result, error) {
	m := b.Manifest()
	if m == nil {
		return nil, fmt.Errorf("backup: audit: %w", ErrNoBackup)
	}
	n := uint64(len(m.Leaves))
	var out []Result
	changed := false
	for i, r := range m.Replicas {
		idx := randIndex(b.cfg.Rand, n)
		res := Result{Node: r.Node, Index: idx}
		err := b.auditOne(ctx, m, r, idx)
		if err == nil {
			if m.Replicas[i].Failures != 0 {
				m.Replicas[i].Failures = 0
				changed = true
			}
			out = append(out, res)
			continue
		}
		res.Err = err.Error()
		m.Replicas[i].Failures++
		changed = true
		if errors.Is(err, ErrAudit) || m.Replicas[i].Failures >= b.cfg.MaxFailures {
			b.log.Warn("backup: node failed audit; repairing elsewhere", "node", r.Node, "err", err)
			rep, rerr := b.repair(ctx, m, i)
			if rerr != nil {
				res.Err += "; repair: " + rerr.Error()
			} else {
				m.Replicas[i] = rep
				res.Repaired = rep.Node
			}
		}
		out = append(out, res)
	}
	if changed {
		if err := b.publish(ctx, m); err != nil {
			return out, fmt.Errorf("backup: audit: %w", err)
		}
		b.mu.Lock()
		b.m = m
		b.mu.Unlock()
	}
	return out, nil
}

// auditOne returns an error wrapping ErrAudit when the node answered with
// wrong data or said it does not hold it, another error when it could not
// be reached.
func (b *Backup) auditOne(ctx context.Context, m *Manifest, r Replica, idx uint64) error {
	actx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	p, err := b.cfg.Client(r.Endpoint).Audit(actx, m.Root, idx)
	if errors.Is(err, storage.ErrRemote) || errors.Is(err, storage.ErrBadRequest) {
		return fmt.Errorf("%w: %v", ErrAudit, err)
	}
	if err != nil {
		return err
	}
	if err := p.Verify(m.Root, uint64(len(m.Leaves)), idx); err != nil {
		return fmt.Errorf("%w: %v", ErrAudit, err)
	}
	return nil
}

func randIndex(r io.Reader, n uint64) uint64 {
	var x [8]byte
	_, _ = io.ReadFull(r, x[:]) // crypto/rand, which never fails, or a test's reader
	return binary.BigEndian.Uint64(x[:]) % n
}

// repair copies the data to a node not yet holding it, replacing replica i.
func (b *Backup) repair(ctx context.Context, m *Manifest, i int) (Replica, error) {
	sealed, err := b.sealedChunks(ctx, m, i)
	if err != nil {
		return Replica{}, err
	}
	exclude := map[common.Address]bool{}
	for _, r := range m.Replicas {
		exclude[r.Node] = true
	}
	nodes, err := b.candidates(ctx, exclude)
	if err != nil {
		return Replica{}, err
	}
	for _, n := range nodes {
		rep, err := b.place(ctx, m, sealed, n)
		if err == nil {
			return rep, nil
		}
		b.log.Warn("backup: repair target refused", "node", n.Address, "err", err)
	}
	return Replica{}, ErrNoNodes
}

// sealedChunks returns the sealed chunks: from memory, else from any
// replica but skip (each chunk checked against its leaf hash).
func (b *Backup) sealedChunks(ctx context.Context, m *Manifest, skip int) ([][]byte, error) {
	b.mu.Lock()
	mem := b.chunks
	same := b.m != nil && b.m.Root == m.Root
	b.mu.Unlock()
	if same && mem != nil {
		return mem, nil
	}
	out := make([][]byte, len(m.Leaves))
	for li, h := range m.Leaves {
		var got bool
		for ri, r := range m.Replicas {
			if ri == skip {
				continue
			}
			c, err := b.cfg.Client(r.Endpoint).Get(ctx, h)
			if err == nil {
				out[li], got = c, true
				break
			}
		}
		if !got {
			return nil, fmt.Errorf("chunk %d (%s) on no healthy node", li, h.Hex())
		}
	}
	return out, nil
}
