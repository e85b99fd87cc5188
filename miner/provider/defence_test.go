package provider_test

import (
	"context"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/internal/netguard"
	"github.com/mycroft-network/mycroft/miner/provider"
)

func frozen() time.Time { return time.Unix(1_800_000_000, 0) }

// A flood of made-up channel ids reads no channel from the chain, and
// costs at most one shared scan per ScanGap; a payer that opens a channel
// and calls at once is still served.
func TestUnknownChannelsNoChainRead(t *testing.T) {
	r := newRig(t, netguard.Config{Rate: -1}, 0)
	ctx := context.Background()
	const flood = 128
	start := time.Now()
	var wg sync.WaitGroup
	errs := make(chan error, flood)
	hc := clientFrom("127.0.0.2")
	const workers = 16 // below the per-client connection cap
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < flood; i += workers {
				st, code, err := do(hc, r.request(ctx, randomHash(), price, randomSig(), nil))
				if err != nil || code != provider.CodeUnknownChannel {
					errs <- fmt.Errorf("made-up channel %d: status %d, code %q, %v; want unknown_channel", i, st, code, err)
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if n := r.cc.readsOf(nil); n != 0 {
		t.Errorf("%d requests naming made-up channels made %d channel reads on the chain, want 0", flood, n)
	}
	// One scan per gap (500 ms) at most, plus the first.
	if n, most := r.cc.scans.Load(), 1+int64(elapsed/(500*time.Millisecond))+1; n > most {
		t.Errorf("%d made-up channels over %s: %d scans, want at most %d", flood, elapsed, n, most)
	}
	if got := r.prov.Counters().SigChecks; got != 0 {
		t.Errorf("signature checks for made-up channels: %d, want 0", got)
	}

	p := r.openPayer(t)
	if err := r.pay(t, ctx, p, []byte("hello")); err != nil {
		t.Errorf("payer calling right after opening its channel: %v", err)
	}
	if n := r.cc.readsOf(map[common.Hash]bool{p.id: true}); n != 1 {
		t.Errorf("channel reads of the honest channel: %d, want 1", n)
	}
}

// A body that is slow to arrive does not hold its channel: another call
// on the same channel is answered meanwhile.
func TestSlowBodyDoesNotBlockChannel(t *testing.T) {
	r := newRig(t, netguard.Config{Rate: -1}, 0)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	p := r.openPayer(t)
	cum := new(big.Int).Set(price)
	sig := r.voucher(t, p.key, p.id, cum)

	pr, pw := io.Pipe()
	slow := make(chan error, 1)
	go func() {
		st, code, err := do(clientFrom("127.0.0.1"), r.request(ctx, p.id, cum, sig, pr))
		slow <- fmt.Errorf("status %d, code %q, %v", st, code, err)
	}()
	if _, err := pw.Write([]byte("first bytes of a body that stalls")); err != nil {
		t.Fatal(err)
	}
	// The slow call has been verified and is reading its body; wait until
	// the provider holds it (its bytes are buffered).
	for r.prov.Counters().Buffered == 0 {
		time.Sleep(time.Millisecond)
	}
	// Old code: the slow call holds the channel's lock while its body
	// streams, and this call waits behind it until ctx ends.
	fast := make(chan error, 1)
	go func() {
		st, code, err := do(p.hc, r.request(ctx, p.id, cum, sig, bytesReader([]byte("quick"))))
		if err != nil || st != http.StatusOK {
			fast <- fmt.Errorf("status %d, code %q, %v", st, code, err)
			return
		}
		fast <- nil
	}()
	select {
	case err := <-fast:
		if err != nil {
			t.Errorf("call on the channel while another's body stalls: %v; want served", err)
		}
	case err := <-slow:
		t.Fatalf("the slow call ended first (%v): the other call was blocked behind it", err)
	case <-ctx.Done():
		t.Fatal("call on the channel while another's body stalls: blocked until the deadline")
	}
	pw.Close()
	if err := <-slow; err == nil || !containsCode(err, provider.CodeReplayed) {
		t.Errorf("slow call once its body ends: %v; want replayed (its voucher was used meanwhile)", err)
	}
}

func containsCode(err error, c provider.Code) bool {
	return err != nil && strings.Contains(err.Error(), `"`+string(c)+`"`)
}

// Junk signatures on a real channel from one client are refused by the
// client's bucket before any is verified.
func TestJunkSignaturesLimitedBeforeVerify(t *testing.T) {
	const burst, junk = 20, 200
	r := newRig(t, netguard.Config{Rate: 1, Burst: burst, Now: frozen}, 0)
	ctx := context.Background()
	p := r.openPayer(t)
	before := r.prov.Counters().SigChecks
	hc := clientFrom("127.0.0.3")
	limited := 0
	for i := range junk {
		cum := big.NewInt(int64(i + 1))
		st, code, err := do(hc, r.request(ctx, p.id, cum, randomSig(), nil))
		switch {
		case err != nil:
			t.Fatalf("junk %d: %v", i, err)
		case code == provider.CodeRateLimited:
			limited++
		case code != provider.CodeBadSignature:
			t.Fatalf("junk %d: status %d, code %q; want bad_signature or rate_limited", i, st, code)
		}
	}
	if got := r.prov.Counters().SigChecks - before; got != burst {
		t.Errorf("%d junk signatures from one client with a bucket of %d: %d verified, want %d", junk, burst, got, burst)
	}
	if limited != junk-burst {
		t.Errorf("rate-limited answers %d, want %d", limited, junk-burst)
	}
	// Another client is not affected by the first one's flood.
	if err := r.pay(t, ctx, p, nil); err != nil {
		t.Errorf("honest payer from another address after the flood: %v", err)
	}
}

// A body over MaxBody is refused before the channel's voucher is taken.
func TestOversizedBodyRefused(t *testing.T) {
	r := newRig(t, netguard.Config{Rate: -1}, 1<<10)
	ctx := context.Background()
	p := r.openPayer(t)
	cases := []struct {
		name, service string
		size          int64
		declared      bool
	}{
		{"declared length", "len", 4 << 10, true},
		{"chunked", "len", 4 << 10, false},
		{"over the service's own cap", "small", 768, false},
	}
	for _, tc := range cases {
		cum := new(big.Int).Add(p.cum, price)
		req := r.requestTo(ctx, tc.service, p.id, cum, r.voucher(t, p.key, p.id, cum), bytesReader(make([]byte, tc.size)))
		if tc.declared {
			req.ContentLength = tc.size
		}
		st, code, err := do(p.hc, req)
		if err != nil || code != provider.CodeBadRequest {
			t.Errorf("%s: %d-byte body to %s (caps: 1 KiB, small 512 B): status %d, code %q, %v; want bad_request", tc.name, tc.size, tc.service, st, code, err)
		}
	}
	if err := r.pay(t, ctx, p, []byte("small")); err != nil {
		t.Errorf("the same voucher with a small body after the refusals: %v", err)
	}
}
