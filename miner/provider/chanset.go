package provider

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain"
)

// chanSet is the set of channels opened to the provider, learnt from the
// Channels contract's Opened events (payee = the provider), so that a call
// naming any other id is refused without reading the chain.
//
// The set is kept current by a scan of the blocks since the last one: from
// Run every ScanInterval, and on demand when a call names an id the set
// does not hold (a payer that opened a channel and calls at once). An
// on-demand scan is shared by every call waiting for it, and one starts at
// most every gap, so a flood of made-up ids costs at most two RPC requests
// (block number and logs) per gap, whatever its rate. An id that a scan
// started after its call did not find is remembered (at most maxMiss ids,
// each for ttl) and refused at once until then.
type chanSet struct {
	scan func(ctx context.Context, from uint64) ([]common.Hash, uint64, error)
	// save, when set, stores what a scan found (new ids, the cursor). It
	// is called when a scan finds channels or has moved the cursor
	// saveEvery blocks past the stored one, so a quiet chain costs no
	// disk writes (SD cards wear out) and a restart does not rescan.
	save func(ids []common.Hash, next uint64) error
	gap  time.Duration
	ttl  time.Duration
	now  func() time.Time

	mu        sync.Mutex
	ids       map[common.Hash]struct{}
	next      uint64        // first block not scanned yet
	saved     uint64        // the cursor as stored
	running   chan struct{} // closed when the scan in flight ends
	lastStart time.Time     // start of the latest scan (monotonic)
	okStart   time.Time     // start of the latest successful scan
	failStart time.Time     // start of the latest failed scan
	lastErr   error
	miss      map[common.Hash]time.Time
	maxMiss   int

	scans atomic.Uint64
}

// saveEvery is how far the scan cursor moves, without a channel found,
// before it is stored again (about a day of 2-second blocks).
const saveEvery = 50_000

// scanTimeout bounds one scan; it runs detached from the call that started
// it, since other calls wait for it too.
const scanTimeout = 30 * time.Second

func newChanSet(scan func(context.Context, uint64) ([]common.Hash, uint64, error), gap, ttl time.Duration, now func() time.Time) *chanSet {
	return &chanSet{scan: scan, gap: gap, ttl: ttl, now: now, ids: map[common.Hash]struct{}{},
		miss: map[common.Hash]time.Time{}, maxMiss: 4096}
}

// add puts known ids in the set (the channels the store already holds).
func (s *chanSet) add(ids ...common.Hash) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, id := range ids {
		s.ids[id] = struct{}{}
		delete(s.miss, id)
	}
}

// has reports whether id is a channel opened to the provider. It reads the
// chain only through a shared, rate-limited scan, and not at all for an id
// a recent scan did not find.
func (s *chanSet) has(ctx context.Context, id common.Hash) (bool, error) {
	s.mu.Lock()
	if _, ok := s.ids[id]; ok {
		s.mu.Unlock()
		return true, nil
	}
	if at, ok := s.miss[id]; ok && s.now().Sub(at) < s.ttl {
		s.mu.Unlock()
		return false, nil
	}
	s.mu.Unlock()
	if err := s.fresh(ctx, time.Now()); err != nil {
		return false, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.ids[id]; ok {
		return true, nil
	}
	s.remember(id)
	return false, nil
}

// remember puts id in the bounded miss table. Called with mu held.
func (s *chanSet) remember(id common.Hash) {
	now := s.now()
	if len(s.miss) >= s.maxMiss {
		for k, at := range s.miss {
			if now.Sub(at) >= s.ttl {
				delete(s.miss, k)
			}
		}
		for k := range s.miss {
			if len(s.miss) < s.maxMiss/2 {
				break
			}
			delete(s.miss, k)
		}
	}
	s.miss[id] = now
}

// refresh scans the blocks since the last scan (Run calls it).
func (s *chanSet) refresh(ctx context.Context) error { return s.fresh(ctx, time.Now()) }

// fresh returns once a scan that started at or after seen has ended: it
// joins the scan in flight, or waits for it, or starts one when gap has
// passed since the last start. It returns the error of a failed scan that
// started after seen.
func (s *chanSet) fresh(ctx context.Context, seen time.Time) error {
	for {
		s.mu.Lock()
		if !s.okStart.IsZero() && !s.okStart.Before(seen) {
			s.mu.Unlock()
			return nil
		}
		if !s.failStart.IsZero() && !s.failStart.Before(seen) {
			err := s.lastErr
			s.mu.Unlock()
			return err
		}
		if ch := s.running; ch != nil {
			s.mu.Unlock()
			select {
			case <-ch:
				continue
			case <-ctx.Done():
				return fmt.Errorf("%w: waiting for the channel scan: %v", ErrUnavailable, ctx.Err())
			}
		}
		if wait := s.gap - time.Since(s.lastStart); !s.lastStart.IsZero() && wait > 0 {
			s.mu.Unlock()
			t := time.NewTimer(wait)
			select {
			case <-t.C:
				continue
			case <-ctx.Done():
				t.Stop()
				return fmt.Errorf("%w: waiting for the channel scan: %v", ErrUnavailable, ctx.Err())
			}
		}
		ch := make(chan struct{})
		start := time.Now()
		s.running, s.lastStart = ch, start
		from := s.next
		s.mu.Unlock()

		s.scans.Add(1)
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), scanTimeout)
		ids, next, err := s.scan(sctx, from)
		cancel()

		s.mu.Lock()
		var found []common.Hash
		for _, id := range ids {
			if _, ok := s.ids[id]; !ok {
				found = append(found, id)
			}
			s.ids[id] = struct{}{}
			delete(s.miss, id)
		}
		s.next = max(s.next, next)
		if s.save != nil && (len(found) > 0 || s.next >= s.saved+saveEvery) {
			if s.save(found, s.next) == nil { // a failed save is logged by save; the set is right anyway
				s.saved = s.next
			}
		}
		if err != nil {
			s.failStart, s.lastErr = start, fmt.Errorf("%w: channel scan: %v", ErrUnavailable, err)
		} else {
			s.okStart = start
		}
		s.running = nil
		close(ch)
		s.mu.Unlock()
	}
}

// size is how many channels the set holds.
func (s *chanSet) size() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.ids)
}

// flight is one read of a channel's state from the chain, shared by the
// calls that need it meanwhile.
type flight struct {
	done chan struct{}
	st   chain.ChannelState
	err  error
}

// readChannel reads channel id from the chain. Concurrent reads of one id
// share a single RPC request, so the first calls on a channel (a burst of
// uploads, or of junk) cost one read, not one each; a fresh read (after a
// top-up) never joins one that started before it. The read runs detached
// from the caller, whose going away would fail the others.
func (p *Provider) readChannel(ctx context.Context, id common.Hash, fresh bool) (chain.ChannelState, error) {
	p.mu.Lock()
	if f := p.flights[id]; f != nil && !fresh {
		p.mu.Unlock()
		select {
		case <-f.done:
			return f.st, f.err
		case <-ctx.Done():
			return chain.ChannelState{}, ctx.Err()
		}
	}
	f := &flight{done: make(chan struct{})}
	if !fresh {
		p.flights[id] = f
	}
	p.mu.Unlock()
	p.chainRead.Add(1)
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), scanTimeout)
	f.st, f.err = p.cfg.Chain.Channel(rctx, id)
	cancel()
	if !fresh {
		p.mu.Lock()
		delete(p.flights, id)
		p.mu.Unlock()
	}
	close(f.done)
	return f.st, f.err
}
