package pause

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestGateStates(t *testing.T) {
	g := New(true)
	if !g.Paused() {
		t.Fatal("New(true) is not paused")
	}
	if _, err := g.TryAcquire(); !errors.Is(err, ErrPaused) {
		t.Fatalf("TryAcquire while paused: got %v, want ErrPaused", err)
	}
	select {
	case <-g.Quiesced():
	default:
		t.Fatal("a paused gate with no work is not quiesced")
	}
	var changes []bool
	g.OnChange(func(p bool) { changes = append(changes, p) })
	g.Resume()
	g.Resume() // no second change
	tk, err := g.TryAcquire()
	if err != nil {
		t.Fatalf("TryAcquire while running: %v", err)
	}
	if g.Active() != 1 {
		t.Fatalf("Active = %d, want 1", g.Active())
	}
	g.Pause()
	select {
	case <-g.Done():
	default:
		t.Fatal("Done not closed after Pause")
	}
	select {
	case <-g.Quiesced():
		t.Fatal("quiesced with work in flight")
	default:
	}
	tk.Release()
	select {
	case <-g.Quiesced():
	default:
		t.Fatal("not quiesced after the last Release")
	}
	if len(changes) != 2 || changes[0] != false || changes[1] != true {
		t.Fatalf("OnChange saw %v, want [false true]", changes)
	}
}

func TestAcquireWaitsForResume(t *testing.T) {
	g := New(true)
	got := make(chan error, 1)
	go func() {
		tk, err := g.Acquire(context.Background())
		if err == nil {
			tk.Release()
		}
		got <- err
	}()
	select {
	case err := <-got:
		t.Fatalf("Acquire returned %v while paused", err)
	case <-time.After(20 * time.Millisecond):
	}
	g.Resume()
	if err := <-got; err != nil {
		t.Fatalf("Acquire after Resume: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	g.Pause()
	cancel()
	if _, err := g.Acquire(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("Acquire with a cancelled ctx: got %v", err)
	}
}

func TestDuty(t *testing.T) {
	for _, tc := range []struct {
		percent int
		zero    bool
	}{{100, true}, {50, false}, {0, false}, {200, true}} {
		g := New(false)
		g.SetDuty(tc.percent)
		tk, _ := g.TryAcquire()
		time.Sleep(time.Millisecond)
		rest := tk.Release()
		if (rest == 0) != tc.zero {
			t.Errorf("duty %d: rest %v, want zero=%v", tc.percent, rest, tc.zero)
		}
	}
}

// TestConcurrentPauseResume runs workers against a flapping gate (run it
// with -race): every pause must end quiesced.
func TestConcurrentPauseResume(t *testing.T) {
	g := New(false)
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				tk, err := g.Acquire(ctx)
				if err != nil {
					return
				}
				sha256.Sum256(make([]byte, 1024))
				tk.Release()
			}
		}()
	}
	for range 200 {
		g.Pause()
		<-g.Quiesced()
		if g.Active() != 0 {
			t.Fatalf("quiesced with %d in flight", g.Active())
		}
		g.Resume()
	}
	cancel()
	g.Resume()
	wg.Wait()
}

// BenchmarkPauseToQuiesced measures the time from Pause (what
// Miner.VoiceActive calls) to every worker having stopped, with workers
// hashing 64 KiB chunks (one piece of work each).
//
// MYCROFT_BENCH_LOAD="N@NICE" runs N busy-looping processes at that nice
// level for the duration: "2@19" is the device's own mining load (the
// low-priority worker on both cores), "4@0" other programs competing at
// normal priority. Run the benchmark under `nice -n -5` to see the effect
// of the service's own priority (scripts/mycroft.service).
func BenchmarkPauseToQuiesced(b *testing.B) {
	if spec := os.Getenv("MYCROFT_BENCH_LOAD"); spec != "" {
		stop, err := cpuLoad(spec)
		if err != nil {
			b.Fatal(err)
		}
		defer stop()
	}
	for _, workers := range []int{1, 4} {
		b.Run(map[int]string{1: "workers=1", 4: "workers=4"}[workers], func(b *testing.B) {
			g := New(true)
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			chunk := make([]byte, 64<<10)
			for range workers {
				go func() {
					for {
						tk, err := g.Acquire(ctx)
						if err != nil {
							return
						}
						sha256.Sum256(chunk)
						tk.Release()
					}
				}()
			}
			var worst, total time.Duration
			all := make([]time.Duration, 0, b.N)
			b.ResetTimer()
			for range b.N {
				b.StopTimer()
				g.Resume()
				for g.Active() == 0 { // let the workers get going
					time.Sleep(50 * time.Microsecond)
				}
				b.StartTimer()
				start := time.Now()
				g.Pause()
				<-g.Quiesced()
				d := time.Since(start)
				total += d
				worst = max(worst, d)
				all = append(all, d)
			}
			b.StopTimer()
			slices.Sort(all)
			b.ReportMetric(float64(all[len(all)*99/100].Microseconds()), "p99-µs")
			b.ReportMetric(float64(worst.Microseconds()), "worst-µs")
			b.ReportMetric(float64(total.Microseconds())/float64(b.N), "mean-µs")
		})
	}
}

// cpuLoad starts N busy-looping processes at nice NICE (spec "N@NICE")
// and returns a function that kills them.
func cpuLoad(spec string) (func(), error) {
	ns, nice, ok := strings.Cut(spec, "@")
	n, err1 := strconv.Atoi(ns)
	_, err2 := strconv.Atoi(nice)
	if !ok || err1 != nil || err2 != nil || n < 1 {
		return nil, fmt.Errorf("MYCROFT_BENCH_LOAD %q: want N@NICE", spec)
	}
	var cmds []*exec.Cmd
	stop := func() {
		for _, c := range cmds {
			c.Process.Kill()
			c.Wait()
		}
	}
	for range n {
		c := exec.Command("nice", "-n", nice, "sh", "-c", "while :; do :; done")
		if err := c.Start(); err != nil {
			stop()
			return nil, err
		}
		cmds = append(cmds, c)
	}
	return stop, nil
}
