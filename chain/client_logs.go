package chain

import (
	"context"
	"fmt"
	"math/big"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/core/types"
)

// FilterLogs returns the logs matching q, read in bounded ranges (see
// LogScanner) from q.FromBlock (default the deployment block) to q.ToBlock
// (default the latest block). A query pinned to one block (q.BlockHash) is
// passed through.
func (c *Client) FilterLogs(ctx context.Context, q ethereum.FilterQuery) ([]types.Log, error) {
	if q.BlockHash != nil {
		logs, err := c.backend.FilterLogs(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("chain: filter logs: %w", err)
		}
		return logs, nil
	}
	from := c.m.DeployBlock
	if q.FromBlock != nil {
		from = q.FromBlock.Uint64()
	}
	s := c.Scanner()
	s.Confirmations = 0
	to := uint64(0)
	if q.ToBlock != nil {
		if to = q.ToBlock.Uint64(); to < from {
			return nil, nil
		}
	}
	res, err := s.Scan(ctx, q, ScanCursor{Next: from}, to)
	if err != nil {
		return nil, fmt.Errorf("chain: filter logs: %w", err)
	}
	return res.Logs, nil
}

// WatchLogs polls for logs matching q (its FromBlock is where to start;
// ToBlock is ignored) and calls fn for each, in order, until ctx ends or fn
// fails. It works over HTTP, reads in bounded ranges and only blocks with
// the client's confirmations on top; a log a reorg took back is passed
// again with Removed set.
func (c *Client) WatchLogs(ctx context.Context, q ethereum.FilterQuery, fn func(types.Log) error) error {
	var cur ScanCursor
	if q.FromBlock != nil {
		cur.Next = q.FromBlock.Uint64()
	}
	s := c.Scanner()
	t := time.NewTicker(c.poll)
	defer t.Stop()
	for {
		res, err := s.Scan(ctx, q, cur, 0)
		if err != nil && ctx.Err() == nil {
			c.log.Warn("chain: watch logs", "err", err)
		}
		cur = res.Cursor
		for _, l := range append(res.Removed, res.Logs...) {
			if err := fn(l); err != nil {
				return err
			}
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

func (c *Client) fromBlock(from uint64) *big.Int {
	if from < c.m.DeployBlock {
		from = c.m.DeployBlock
	}
	return new(big.Int).SetUint64(from)
}
