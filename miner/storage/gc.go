package storage

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/miner/pause"
)

// CollectGarbage drops sets whose commitment expired more than grace ago
// and deletes chunks no remaining set names, unless written less than grace
// ago (an upload whose commit has not come yet). Each chunk is one piece of
// mining work under gate (nil: none). It returns the chunks deleted.
func (n *Node) CollectGarbage(ctx context.Context, gate *pause.Gate, grace time.Duration) (int, error) {
	now := n.cfg.Now()
	keep := map[common.Hash]bool{}
	n.mu.Lock()
	for root, s := range n.sets {
		if time.Unix(s.Expiry, 0).Add(grace).Before(now) {
			err := os.Remove(filepath.Join(n.st.dir, "sets", root.Hex()[2:]+".json"))
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				n.mu.Unlock()
				return 0, fmt.Errorf("storage: gc: %w", err)
			}
			delete(n.sets, root)
			delete(n.trees, root)
			n.st.release(s.bytes)
			n.log.Info("storage: set expired", "root", root, "owner", s.Owner)
			continue
		}
		for _, h := range s.Leaves {
			keep[h] = true
		}
	}
	n.mu.Unlock()
	n.st.mu.Lock()
	var all []common.Hash
	for h := range n.st.size {
		if !keep[h] {
			all = append(all, h)
		}
	}
	n.st.mu.Unlock()
	deleted := 0
	for _, h := range all {
		if gate != nil {
			tk, err := gate.Acquire(ctx)
			if err != nil {
				return deleted, err
			}
			tk.Release()
		}
		info, err := os.Stat(n.st.chunkPath(h))
		if err != nil || now.Sub(info.ModTime()) < grace {
			continue
		}
		// A commit may have named it since the scan began.
		if n.referenced(h) {
			continue
		}
		if err := n.st.Delete(h); err != nil {
			return deleted, fmt.Errorf("storage: gc: %w", err)
		}
		deleted++
	}
	return deleted, nil
}

func (n *Node) referenced(h common.Hash) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	for _, s := range n.sets {
		for _, l := range s.Leaves {
			if l == h {
				return true
			}
		}
	}
	return false
}
