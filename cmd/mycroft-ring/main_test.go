package main

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/board/mark2"
)

// fakeRing stands in for the PWM ring channel (which needs /dev/mem).
type fakeRing struct {
	mu     sync.Mutex
	frames [][]byte
	closed bool
}

func (f *fakeRing) WriteNRZ(line []byte) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.frames = append(f.frames, append([]byte(nil), line...))
	return nil
}
func (f *fakeRing) String() string { return "fake" }
func (f *fakeRing) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.closed = true
	return nil
}

func noEnv(string) string { return "" }

// TestRun: the helper listens (mode 0660), serves the agent's ring link,
// drops its capabilities once the ring is open, and darkens the ring and
// closes it on shutdown.
func TestRun(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ring.sock")
	ring := &fakeRing{}
	var order []string
	open := func() (ringWriter, error) { order = append(order, "open"); return ring, nil }
	drop := func() error { order = append(order, "drop"); return nil }
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-socket", path}, noEnv, open, drop, slog.New(slog.DiscardHandler))
	}()

	c := &mark2.RingClient{Path: path}
	defer c.Close()
	frame := mark2.EncodeNRZ(nil, bytes.Repeat([]byte{0xFF, 0, 0x80}, mark2.RingLEDs))
	var err error
	for i := 0; i < 500; i++ { // until the helper listens
		if err = c.WriteNRZ(frame); err == nil {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("frame to the helper: %v", err)
	}
	fi, err := os.Stat(path)
	if err != nil || fi.Mode().Perm() != 0o660 {
		t.Errorf("socket %v mode %v, want 0660", err, fi.Mode().Perm())
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("run: %v", err)
	}
	if strings.Join(order, ",") != "open,drop" {
		t.Errorf("order %v, want open then drop", order)
	}
	dark := mark2.EncodeNRZ(nil, make([]byte, mark2.RingLEDs*3))
	if len(ring.frames) != 2 || !bytes.Equal(ring.frames[0], frame) || !bytes.Equal(ring.frames[1], dark) || !ring.closed {
		t.Errorf("ring got %d frames (closed %v), want the frame then dark, then closed", len(ring.frames), ring.closed)
	}
}

func TestRunErrors(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ring.sock")
	fail := func() (ringWriter, error) { return nil, errors.New("no /dev/mem") }
	none := func() error { return nil }
	log := slog.New(slog.DiscardHandler)
	if err := run(context.Background(), []string{"-socket", path}, noEnv, fail, none, log); err == nil || !strings.Contains(err.Error(), "no /dev/mem") {
		t.Errorf("open failing: %v", err)
	}
	if err := run(context.Background(), []string{"extra"}, noEnv, fail, none, log); err == nil {
		t.Error("an extra argument was accepted")
	}
	// Socket activation for another process, or with two sockets.
	env := func(k string) string {
		return map[string]string{"LISTEN_PID": itoa(os.Getpid()), "LISTEN_FDS": "2"}[k]
	}
	if err := run(context.Background(), nil, env, fail, none, log); err == nil || !strings.Contains(err.Error(), "LISTEN_FDS") {
		t.Errorf("two activated sockets: %v", err)
	}
}

func itoa(n int) string { return fmtInt(n) }

func fmtInt(n int) string {
	var b []byte
	for {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
		if n == 0 {
			return string(b)
		}
	}
}

// TestDropCapabilities runs dropCapabilities in a child process (it acts on
// the whole process) and reads its effective set back.
func TestDropCapabilities(t *testing.T) {
	if os.Getenv("MYCROFT_RING_DROP_CHILD") == "1" {
		if err := dropCapabilities(); err != nil {
			os.Stdout.WriteString("error " + err.Error())
			os.Exit(0)
		}
		b, _ := os.ReadFile("/proc/self/status")
		os.Stdout.Write(b)
		os.Exit(0)
	}
	if os.Geteuid() != 0 {
		t.Skip("needs root: as another user the capability sets are empty already")
	}
	// capset on every thread needs a build without cgo, as the helper's
	// (make device-pure, make deb); the test binary may have cgo.
	bin := filepath.Join(t.TempDir(), "ring.test")
	build := exec.Command("go", "test", "-c", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go test -c: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "-test.run=^TestDropCapabilities$")
	cmd.Env = append(os.Environ(), "MYCROFT_RING_DROP_CHILD=1")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	if !strings.Contains(string(out), "CapEff:\t0000000000000000") || !strings.Contains(string(out), "CapPrm:\t0000000000000000") {
		t.Errorf("after dropCapabilities, as root:\n%s", out)
	}
}
