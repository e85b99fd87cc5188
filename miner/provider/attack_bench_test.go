package provider_test

import (
	"bufio"
	"context"
	"net/netip"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/internal/netguard"
)

// BenchmarkHonestUnderAttack is paid calls by honest payers (8, each on its
// own channel, 2 KiB bodies) through the guarded node port, b.N calls
// without an attack and b.N calls while every flood of the adversarial
// load test runs at once (2,000 idle connections, 16 stalled bodies,
// made-up channel ids from 16 addresses, junk signatures, oversized
// bodies). It reports honest calls/s and p99 latency in both phases, chain
// channel reads per attacking request, and the process's RSS before,
// during and after the attack (after: once the floods stopped and a GC
// returned freed memory). The honest payers' address is trusted (exempt
// from the per-client limits): on a real network each device has its own.
//
//	go test ./miner/provider -run '^$' -bench HonestUnderAttack -benchtime 2000x
func BenchmarkHonestUnderAttack(b *testing.B) {
	raiseFiles()
	r := newRig(b, netguard.Config{MaxConns: 1024, MaxConnsPerClient: 64,
		Exempt: []netip.Prefix{netip.MustParsePrefix("127.0.0.1/32")}}, 0)
	ctx := context.Background()
	victim, own := r.openPayer(b), r.openPayer(b)
	const honest = 8
	payers := make([]*payer, honest)
	for i := range payers {
		payers[i] = r.openPayer(b)
		if err := r.pay(b, ctx, payers[i], nil); err != nil {
			b.Fatal(err)
		}
	}
	body := make([]byte, 2048)
	measure := func(n int) (float64, time.Duration) {
		lat := make([][]time.Duration, honest)
		var wg sync.WaitGroup
		start := time.Now()
		for i, p := range payers {
			k := n / honest
			if i < n%honest {
				k++
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				for range k {
					t0 := time.Now()
					if err := r.pay(b, ctx, p, body); err != nil {
						b.Error(err)
						return
					}
					lat[i] = append(lat[i], time.Since(t0))
				}
			}()
		}
		wg.Wait()
		el := time.Since(start)
		all := slices.Concat(lat...)
		slices.Sort(all)
		if len(all) == 0 {
			return 0, 0
		}
		return float64(len(all)) / el.Seconds(), all[(len(all)*99)/100]
	}

	runtime.GC()
	debug.FreeOSMemory()
	rssBefore := rssMiB()
	b.ResetTimer()
	baseRate, baseP99 := measure(b.N)

	real := map[common.Hash]bool{victim.id: true, own.id: true}
	for _, p := range payers {
		real[p.id] = true
	}
	madeBefore := r.cc.readsOf(nil) - r.cc.readsOf(real)
	const endless = 1 << 30 // floods run until stop
	a := startAttack(b, r, victim, own, attackSize{idle: 2000, slow: 16, randomIPs: 16, randomEach: endless, junk: endless, oversized: endless})
	var rssDuring float64
	stopSampling := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			rssDuring = max(rssDuring, rssMiB())
			select {
			case <-stopSampling:
				return
			case <-t.C:
			}
		}
	}()
	attRate, attP99 := measure(b.N)
	close(stopSampling)
	<-sampled
	sent := a.sent.Load()
	a.stop()
	b.StopTimer()
	made := r.cc.readsOf(nil) - r.cc.readsOf(real) - madeBefore
	gs := r.guard.Stats()

	// Every connection is closed (the honest payers' too); wait until the
	// server has noticed, then let the GC return what they used.
	for _, p := range payers {
		p.hc.CloseIdleConnections()
	}
	for r.guard.Stats().Open > 0 {
		time.Sleep(100 * time.Millisecond)
	}
	runtime.GC()
	debug.FreeOSMemory()
	rssAfter := rssMiB()

	b.ReportMetric(baseRate, "calls/s")
	b.ReportMetric(float64(baseP99.Microseconds())/1000, "p99-ms")
	b.ReportMetric(attRate, "attacked-calls/s")
	b.ReportMetric(float64(attP99.Microseconds())/1000, "attacked-p99-ms")
	b.ReportMetric(float64(sent), "attack-requests")
	b.ReportMetric(float64(made)/float64(max(sent, 1)), "chain-reads/attack-request")
	b.ReportMetric(rssBefore, "rss-before-MiB")
	b.ReportMetric(rssDuring, "rss-during-MiB")
	b.ReportMetric(rssAfter, "rss-after-MiB")
	b.Logf("guard: %d refused at accept, %d rate-limited; chain: %d scans", gs.RefusedConn, gs.Limited, r.cc.scans.Load())
}

// rssMiB is this process's resident set (VmRSS), in MiB; 0 where /proc is
// not there.
func rssMiB() float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb / 1024
		}
	}
	return 0
}
