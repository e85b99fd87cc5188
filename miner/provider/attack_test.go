package provider_test

// The adversarial load: every flood the node port was found open to, at
// once, from loopback addresses other than the honest payers' 127.0.0.1
// (Linux routes all of 127.0.0.0/8 to lo, and the guard keys clients by
// address). Bounded in count; stop ends what is still running.

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/internal/netguard"
)

// attackSize is how big each flood is.
type attackSize struct {
	idle       int // connections opened and left idle
	slow       int // paid calls whose body stalls
	randomIPs  int // source addresses of the made-up-channel flood
	randomEach int // made-up-channel requests per source address
	junk       int // junk signatures on the victim's channel
	oversized  int // bodies over MaxBody
}

type attack struct {
	r       *rig
	size    attackSize
	victim  *payer
	own     *payer // the attacker's own channel (valid vouchers, slow and oversized bodies)
	ctx     context.Context
	cancel  context.CancelFunc
	wg      sync.WaitGroup
	sent    atomic.Int64 // attacking requests sent
	dialled atomic.Int64 // idle connections made
	dialErr atomic.Value // first failed dial
	mu      sync.Mutex
	idle    []net.Conn
	slowW   []*io.PipeWriter
	clients []*http.Client
}

// client is an HTTP client from src whose connections stop closes.
func (a *attack) client(src string) *http.Client {
	hc := clientFrom(src)
	a.mu.Lock()
	a.clients = append(a.clients, hc)
	a.mu.Unlock()
	return hc
}

// raiseFiles lifts the open-file limit to its hard maximum and returns it.
func raiseFiles() uint64 {
	var l syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &l); err != nil {
		return 1024
	}
	if l.Cur < l.Max {
		l.Cur = l.Max
		_ = syscall.Setrlimit(syscall.RLIMIT_NOFILE, &l)
		_ = syscall.Getrlimit(syscall.RLIMIT_NOFILE, &l)
	}
	return l.Cur
}

// startAttack starts every flood against r; own is a channel the attacker
// opened itself.
func startAttack(tb testing.TB, r *rig, victim, own *payer, size attackSize) *attack {
	ctx, cancel := context.WithCancel(context.Background())
	a := &attack{r: r, size: size, victim: victim, own: own, ctx: ctx, cancel: cancel}
	a.goIdle()
	a.goSlow(tb)
	a.goRandom()
	a.goJunk()
	a.goOversized(tb)
	return a
}

// stop ends the floods still running and closes their connections.
func (a *attack) stop() {
	a.cancel()
	a.mu.Lock()
	for _, w := range a.slowW {
		w.CloseWithError(io.ErrUnexpectedEOF)
	}
	for _, c := range a.idle {
		c.Close()
	}
	a.idle = nil
	a.mu.Unlock()
	a.wg.Wait()
	for _, hc := range a.clients {
		hc.CloseIdleConnections()
	}
}

// goIdle opens the idle connections (8 dialers, from 8 addresses) and
// returns once all are made: the other floods and the honest payers run
// while they are held.
func (a *attack) goIdle() {
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			src := fmt.Sprintf("127.0.1.%d", 1+w)
			d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(src)}}
			for i := w; i < a.size.idle; i += 8 {
				c, err := d.DialContext(a.ctx, "tcp", a.r.addr)
				if err != nil {
					a.dialErr.CompareAndSwap(nil, err)
					continue
				}
				a.dialled.Add(1)
				if i%16 < 8 { // a keep-alive connection: one request, then nothing
					a.sent.Add(1)
					c.SetDeadline(time.Now().Add(time.Second)) // a refused one answers nothing
					fmt.Fprintf(c, "GET /v1/offer HTTP/1.1\r\nHost: x\r\n\r\n")
					if resp, err := http.ReadResponse(bufio.NewReader(c), nil); err == nil {
						_, _ = io.Copy(io.Discard, resp.Body)
						resp.Body.Close()
					}
					c.SetDeadline(time.Time{})
				}
				a.mu.Lock()
				a.idle = append(a.idle, c)
				a.mu.Unlock()
			}
		}()
	}
	wg.Wait()
}

func (a *attack) goSlow(tb testing.TB) {
	cum := new(big.Int).Add(a.own.cum, price)
	sig := a.r.voucher(tb, a.own.key, a.own.id, cum)
	hc := a.client("127.0.0.3")
	for range a.size.slow {
		pr, pw := io.Pipe()
		a.mu.Lock()
		a.slowW = append(a.slowW, pw)
		a.mu.Unlock()
		a.wg.Add(1)
		go func() {
			defer a.wg.Done()
			req := a.r.request(a.ctx, a.own.id, cum, sig, pr)
			req.ContentLength = 256 << 10
			a.sent.Add(1)
			go func() { _, _ = pw.Write(make([]byte, 1024)) }() // then stall
			_, _, _ = do(hc, req)
		}()
	}
}

func (a *attack) goRandom() {
	for ip := range a.size.randomIPs {
		a.wg.Add(1)
		go func() {
			defer a.wg.Done()
			hc := a.client(fmt.Sprintf("127.0.2.%d", 1+ip))
			for range a.size.randomEach {
				if a.ctx.Err() != nil {
					return
				}
				a.sent.Add(1)
				_, _, _ = do(hc, a.r.request(a.ctx, randomHash(), price, randomSig(), nil))
			}
		}()
	}
}

func (a *attack) goJunk() {
	a.wg.Add(1)
	go func() {
		defer a.wg.Done()
		hc := a.client("127.0.0.4")
		for i := range a.size.junk {
			if a.ctx.Err() != nil {
				return
			}
			a.sent.Add(1)
			_, _, _ = do(hc, a.r.request(a.ctx, a.victim.id, big.NewInt(int64(i+1)), randomSig(), nil))
		}
	}()
}

func (a *attack) goOversized(tb testing.TB) {
	cum := new(big.Int).Add(a.own.cum, price)
	sig := a.r.voucher(tb, a.own.key, a.own.id, cum)
	a.wg.Add(1)
	go func() {
		defer a.wg.Done()
		hc := a.client("127.0.0.5")
		for i := range a.size.oversized {
			if a.ctx.Err() != nil {
				return
			}
			a.sent.Add(1)
			req := a.r.request(a.ctx, a.own.id, cum, sig, io.LimitReader(zeros{}, 8<<20))
			if i%2 == 0 {
				req.ContentLength = 8 << 20 // declared: refused before a byte is read
			}
			_, _, _ = do(hc, req)
		}
	}()
}

// TestHonestPayersUnderAttack: while every flood runs at once, payers that
// open their channels during the attack are all served, no made-up channel
// is read from the chain, and the idle connections stay under the caps.
func TestHonestPayersUnderAttack(t *testing.T) {
	if testing.Short() {
		t.Skip("adversarial load test: skipped with -short")
	}
	const maxConns, perClient, burst = 1024, 64, 200
	size := attackSize{idle: 2000, slow: 16, randomIPs: 16, randomEach: 40, junk: 1000, oversized: 40}
	if lim := raiseFiles(); lim < uint64(size.idle+maxConns+512) {
		size.idle = int(lim) - maxConns - 512
		if size.idle < 256 {
			t.Skipf("open-file limit %d leaves room for %d idle connections; need at least 256", lim, size.idle)
		}
		t.Logf("open-file limit %d: %d idle connections instead of 2000", lim, size.idle)
	}
	r := newRig(t, netguard.Config{MaxConns: maxConns, MaxConnsPerClient: perClient, Rate: 1, Burst: burst, Now: frozen}, 0)
	victim := r.openPayer(t)
	own := r.openPayer(t)
	ctx := context.Background()
	if err := r.pay(t, ctx, victim, nil); err != nil {
		t.Fatal(err)
	}

	start := time.Now()
	a := startAttack(t, r, victim, own, size)
	defer a.stop()

	const honest, calls = 4, 8
	errs := make(chan error, honest*calls)
	var wg sync.WaitGroup
	payers := make([]*payer, honest)
	for i := range honest {
		wg.Add(1)
		go func() {
			defer wg.Done()
			p := r.openPayer(t) // opened during the attack, called at once
			payers[i] = p
			for j := range calls {
				if err := r.pay(t, ctx, p, make([]byte, 2048)); err != nil {
					errs <- fmt.Errorf("honest payer %d call %d: %w", i, j, err)
				}
			}
		}()
	}
	wg.Wait()
	gs := r.guard.Stats()
	a.stop()
	elapsed := time.Since(start)
	close(errs)
	for err := range errs {
		t.Error(err)
	}

	real := map[common.Hash]bool{victim.id: true, own.id: true}
	for _, p := range payers {
		if p != nil {
			real[p.id] = true
		}
	}
	all, ofReal := r.cc.readsOf(nil), r.cc.readsOf(real)
	if made := all - ofReal; made != 0 {
		t.Errorf("%d attacking requests: %d channel reads of made-up channels, want 0", a.sent.Load(), made)
	}
	// Real channels are read once each and again when the cache is stale.
	if most := len(real) * (1 + int(elapsed/(30*time.Second))); ofReal > most {
		t.Errorf("channel reads of the %d real channels over %s: %d, want at most %d (not one per junk request)", len(real), elapsed, ofReal, most)
	}
	// The junk signatures from one client: at most its burst verified.
	c := r.prov.Counters()
	if most := uint64(1 + honest*calls + size.slow + 2*burst); c.SigChecks > most {
		t.Errorf("signature checks %d with %d junk and %d oversized requests, want at most %d", c.SigChecks, size.junk, size.oversized, most)
	}
	if gs.Open > maxConns {
		t.Errorf("connections open during the attack: %d, over the cap %d", gs.Open, maxConns)
	}
	if gs.RefusedConn == 0 {
		t.Errorf("%d idle connections from 8 addresses with a per-client cap of %d: none refused", size.idle, perClient)
	}
	if err := a.dialErr.Load(); err != nil {
		t.Logf("some idle connections could not be made: %v", err)
	}
	t.Logf("attack: %d requests, %d idle connections tried (%d made), %d refused at accept, %d rate-limited; chain: %d channel reads (all of real channels), %d scans; %d signature checks",
		a.sent.Load(), size.idle, a.dialled.Load(), gs.RefusedConn, gs.Limited, all, r.cc.scans.Load(), c.SigChecks)
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }
