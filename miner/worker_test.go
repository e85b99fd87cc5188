package miner

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/miner/pause"
	"github.com/mycroft-network/mycroft/miner/storage"
)

// TestMain lets the test binary act as `mycroft miner-worker` (as
// cmd/mycroft does) when StartWorker re-executes it.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == WorkerCommand {
		if len(os.Args) > 2 && os.Args[2] == "spin-test" { // a job that runs until stopped
			LowerPriority()
			for {
				time.Sleep(time.Millisecond)
			}
		}
		if err := WorkerMain(context.Background(), os.Args[2:], os.Stdout); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func TestWorkerVerify(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("worker priorities are Linux-only")
	}
	dir := t.TempDir()
	st, err := storage.OpenStore(storage.StoreConfig{Dir: dir, Quota: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	good, bad := []byte("good chunk"), []byte("soon rotten")
	st.Put(chain.LeafHash(good), good)
	st.Put(chain.LeafHash(bad), bad)
	h := chain.LeafHash(bad).Hex()[2:]
	os.WriteFile(filepath.Join(dir, "chunks", h[:2], h[2:4], h), []byte("rotten"), 0o600)

	w, err := StartWorker(context.Background(), os.Args[0], pause.New(false), "verify", dir)
	if err != nil {
		t.Fatal(err)
	}
	res, err := w.Wait()
	if err != nil {
		t.Fatal(err)
	}
	if res.Nice != 19 || res.IOPrio != 2<<13|7 {
		t.Errorf("worker ran at nice %d, ioprio %#x; want 19, %#x", res.Nice, res.IOPrio, 2<<13|7)
	}
	if res.Checked != 2 || len(res.Quarantined) != 1 || !strings.EqualFold(res.Quarantined[0], chain.LeafHash(bad).Hex()) {
		t.Errorf("result %+v, want 2 checked and %s quarantined", res, chain.LeafHash(bad).Hex())
	}
	w2, err := StartWorker(context.Background(), os.Args[0], nil, "nonsense")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w2.Wait(); err == nil {
		t.Error("a worker with an unknown job succeeded")
	}
	for _, args := range [][]string{{"nonsense"}, {"verify"}, {"verify", dir, "0"}, {"verify", dir, "101"}, {"verify", dir, "half"}, {"verify", dir, "50", "x"}} {
		if err := WorkerMain(context.Background(), args, os.Stdout); !errors.Is(err, ErrBadJob) {
			t.Errorf("worker %q: %v, want ErrBadJob", args, err)
		}
	}
	// With a CPU share the job does the same work (the rests in between
	// are the gate's duty cycle, measured in its benchmarks).
	w3, err := StartWorker(context.Background(), os.Args[0], nil, "verify", dir, "50")
	if err != nil {
		t.Fatal(err)
	}
	if res, err := w3.Wait(); err != nil || res.Checked != 1 || len(res.Quarantined) != 0 {
		t.Errorf("verify at 50%%: %+v, %v; want the one good chunk left checked", res, err)
	}
}

// TestWorkerStoppedWhilePaused checks the kernel state of the worker: "T"
// (stopped) while the gate is paused, running again after resume.
func TestWorkerStoppedWhilePaused(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("process states are read from /proc")
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	g := pause.New(false)
	w, err := StartWorker(ctx, os.Args[0], g, "spin-test")
	if err != nil {
		t.Fatal(err)
	}
	state := func() string {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", w.Pid()))
		if err != nil {
			return "?"
		}
		s := string(b)
		f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
		return f[0]
	}
	waitState := func(want func(string) bool) string {
		deadline := time.Now().Add(10 * time.Second)
		for {
			s := state()
			if want(s) || time.Now().After(deadline) {
				return s
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	g.Pause()
	if s := waitState(func(s string) bool { return s == "T" }); s != "T" {
		t.Fatalf("worker state %q while paused, want T", s)
	}
	g.Resume()
	if s := waitState(func(s string) bool { return s == "S" || s == "R" }); s != "S" && s != "R" {
		t.Fatalf("worker state %q after resume, want running or sleeping", s)
	}
	cancel()
	w.Wait()
}
