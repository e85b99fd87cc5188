package chain

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"strings"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/rpc"
)

// LogReader is what a LogScanner reads: a Backend, the simulated backend's
// client, or an ethclient.
type LogReader interface {
	ethereum.LogFilterer
	ethereum.BlockNumberReader
	HeaderByNumber(ctx context.Context, number *big.Int) (*types.Header, error)
}

// ErrLogRange: the endpoint refused even a one-block eth_getLogs range.
var ErrLogRange = errors.New("chain: log range refused")

// BlockRef names a block by number and hash.
type BlockRef struct {
	Number uint64      `json:"number"`
	Hash   common.Hash `json:"hash"`
}

// ScanCursor is where a scan stopped: the next block to read and what the
// scanner needs to notice a reorg of the blocks it already read. Keep it
// (it marshals to JSON) to resume a scan.
type ScanCursor struct {
	// Next is the first block not yet scanned.
	Next uint64 `json:"next"`
	// Tip is the last block scanned (zero before the first scan).
	Tip BlockRef `json:"tip"`
	// Recent are the logs reported within the reorg window, oldest first:
	// a reorg reports them again as removed.
	Recent []types.Log `json:"recent,omitempty"`
}

// ScanResult is what one Scan found.
type ScanResult struct {
	// Logs are the new logs, in chain order.
	Logs []types.Log
	// Removed are logs reported by earlier scans whose block left the
	// chain in a reorg (Removed is true on each); act on them as undone.
	Removed []types.Log
	// Cursor resumes the scan.
	Cursor ScanCursor
	// Head is the chain head seen; the scan read up to Head minus the
	// confirmations.
	Head uint64
}

// LogScanner reads the logs of a filter in block ranges public RPC services
// accept: at most MaxRange blocks per eth_getLogs, halved (down to one
// block) when an endpoint refuses a range or its result size, and grown
// back after a success. It reads only blocks at least Confirmations deep,
// resumes from a ScanCursor, and reports the logs of blocks a reorg
// replaced as removed.
type LogScanner struct {
	R LogReader
	// MaxRange is the widest range asked for (default 2000).
	MaxRange uint64
	// Confirmations: only blocks with at least this many blocks on top
	// are read.
	Confirmations uint64
	// ReorgWindow is how many blocks below the tip a reorg is looked for
	// in (default 128 or 2*Confirmations, whichever is larger).
	ReorgWindow uint64
	Log         *slog.Logger
	span        uint64
}

// Scanner returns a LogScanner over this client's backend with its log
// range and confirmations.
func (c *Client) Scanner() *LogScanner {
	return &LogScanner{R: c.backend, MaxRange: c.logRange, Confirmations: c.confirmations, Log: c.log}
}

func (s *LogScanner) maxRange() uint64 {
	if s.MaxRange == 0 {
		return 2000
	}
	return s.MaxRange
}

func (s *LogScanner) window() uint64 {
	return max(s.ReorgWindow, 128, 2*s.Confirmations)
}

// IsLogRangeError reports whether err is an endpoint refusing the block
// range or the result size of eth_getLogs (the messages of Infura, Alchemy,
// QuickNode, Ankr, Chainstack and public endpoints; code -32005).
func IsLogRangeError(err error) bool {
	if err == nil || isRateLimit(err) {
		return false
	}
	var re rpc.Error
	if errors.As(err, &re) && re.ErrorCode() == -32005 {
		return true
	}
	s := strings.ToLower(err.Error())
	for _, m := range []string{
		"query returned more than", "log response size exceeded", "response size",
		"block range", "range is too large", "range too large", "range limit",
		"exceed maximum block range", "exceeds the range", "too many blocks",
		"query timeout exceeded", "limited to", "max range",
	} {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}

// isRateLimit reports whether err's message says the caller sends too
// much (Infura answers that with -32005 too, the code of its log cap).
func isRateLimit(err error) bool {
	s := strings.ToLower(err.Error())
	if strings.Contains(s, "execution reverted") {
		return false // a contract's message
	}
	for _, m := range []string{"rate limit", "too many requests", "exceeded its", "capacity", "throttl", "daily request count"} {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}

// Scan reads q's logs (its addresses and topics; its FromBlock is where a
// fresh cursor starts) from cur up to the head minus the confirmations, or
// up to `to` when not zero and lower. On an error it returns what it found
// so far, with a cursor that resumes after it.
func (s *LogScanner) Scan(ctx context.Context, q ethereum.FilterQuery, cur ScanCursor, to uint64) (ScanResult, error) {
	if cur.Next == 0 && cur.Tip == (BlockRef{}) && q.FromBlock != nil {
		cur.Next = q.FromBlock.Uint64()
	}
	res := ScanResult{Cursor: cur}
	head, err := s.R.BlockNumber(ctx)
	if err != nil {
		return res, fmt.Errorf("chain: scan: block number: %w", err)
	}
	res.Head = head
	if err := s.unwind(ctx, &res); err != nil {
		return res, err
	}
	if head < s.Confirmations {
		return res, nil
	}
	last := head - s.Confirmations
	if to != 0 && to < last {
		last = to
	}
	if s.span == 0 {
		s.span = s.maxRange()
	}
	stale := 0
	for res.Cursor.Next <= last {
		from := res.Cursor.Next
		end := min(last, from+s.span-1)
		qq := q
		qq.BlockHash = nil
		qq.FromBlock, qq.ToBlock = new(big.Int).SetUint64(from), new(big.Int).SetUint64(end)
		logs, err := s.R.FilterLogs(ctx, qq)
		if err != nil {
			if IsLogRangeError(err) && ctx.Err() == nil {
				if s.span == 1 {
					return res, fmt.Errorf("%w: block %d: %v", ErrLogRange, from, err)
				}
				s.span = max(1, s.span/2)
				if s.Log != nil {
					s.Log.Debug("chain: scan: range refused, halving", "from", from, "blocks", end-from+1, "err", err)
				}
				continue
			}
			return res, fmt.Errorf("chain: scan: blocks %d-%d: %w", from, end, err)
		}
		h, err := s.R.HeaderByNumber(ctx, new(big.Int).SetUint64(end))
		if err != nil {
			return res, fmt.Errorf("chain: scan: header %d: %w", end, err)
		}
		// A log from a block that is no longer the chain's at its height
		// (the reorg happened between the two reads) is read again.
		if staleLogs(logs, end, h.Hash()) {
			if stale++; stale > 3 {
				return res, fmt.Errorf("chain: scan: block %d: the endpoint's logs and headers disagree", end)
			}
			continue
		}
		for _, l := range logs {
			if l.Removed {
				continue
			}
			res.Logs = append(res.Logs, l)
			res.Cursor.Recent = append(res.Cursor.Recent, l)
		}
		res.Cursor.Next = end + 1
		res.Cursor.Tip = BlockRef{Number: end, Hash: h.Hash()}
		s.span = min(s.maxRange(), s.span*2)
	}
	// Forget logs below the reorg window.
	if floor := res.Cursor.Tip.Number; floor > s.window() {
		floor -= s.window()
		i := 0
		for i < len(res.Cursor.Recent) && res.Cursor.Recent[i].BlockNumber < floor {
			i++
		}
		res.Cursor.Recent = append([]types.Log(nil), res.Cursor.Recent[i:]...)
	}
	return res, nil
}

// unwind checks that the last block scanned is still the chain's; if not
// it finds the newest remembered block that still is, reports the logs
// above it as removed and moves the cursor back to the block after it.
// Block hashes chain, so one header read tells that nothing below the tip
// changed.
func (s *LogScanner) unwind(ctx context.Context, res *ScanResult) error {
	cur := &res.Cursor
	if cur.Tip == (BlockRef{}) {
		return nil
	}
	same, err := s.canonical(ctx, cur.Tip)
	if err != nil || same {
		return err
	}
	// The tip changed. The newest remembered log block still on the
	// chain bounds the reorg; without one, rewind the whole window.
	keep := len(cur.Recent)
	back := uint64(0)
	if cur.Tip.Number > s.window() {
		back = cur.Tip.Number - s.window()
	}
	for keep > 0 {
		l := cur.Recent[keep-1]
		ok, err := s.canonical(ctx, BlockRef{Number: l.BlockNumber, Hash: l.BlockHash})
		if err != nil {
			return err
		}
		if ok {
			back = l.BlockNumber + 1
			break
		}
		keep--
	}
	// Logs of the kept block itself (same hash) stay; everything after
	// it is removed.
	var removed []types.Log
	kept := cur.Recent[:0:0]
	for _, l := range cur.Recent {
		if l.BlockNumber < back {
			kept = append(kept, l)
			continue
		}
		l.Removed = true
		removed = append(removed, l)
	}
	if s.Log != nil {
		s.Log.Info("chain: scan: reorg", "tip", cur.Tip.Number, "rescan_from", back, "removed", len(removed))
	}
	res.Removed = append(res.Removed, removed...)
	cur.Recent = kept
	cur.Next = min(cur.Next, back)
	cur.Tip = BlockRef{}
	if back > 0 {
		h, err := s.R.HeaderByNumber(ctx, new(big.Int).SetUint64(back-1))
		if err != nil {
			return fmt.Errorf("chain: scan: header %d: %w", back-1, err)
		}
		cur.Tip = BlockRef{Number: back - 1, Hash: h.Hash()}
	}
	return nil
}

func staleLogs(logs []types.Log, end uint64, hash common.Hash) bool {
	for _, l := range logs {
		if l.BlockNumber == end && l.BlockHash != hash {
			return true
		}
	}
	return false
}

func (s *LogScanner) canonical(ctx context.Context, b BlockRef) (bool, error) {
	h, err := s.R.HeaderByNumber(ctx, new(big.Int).SetUint64(b.Number))
	if errors.Is(err, ethereum.NotFound) {
		return false, nil // the chain is shorter now
	}
	if err != nil {
		return false, fmt.Errorf("chain: scan: header %d: %w", b.Number, err)
	}
	return h.Hash() == b.Hash, nil
}
