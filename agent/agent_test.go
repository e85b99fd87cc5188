package agent

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"

	"go.etcd.io/bbolt"

	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/internal/apiclient"
)

// testConfig returns a configuration rooted in fresh temporary directories.
// The socket goes in a short directory: unix socket paths are limited.
func testConfig(t testing.TB) Config {
	t.Helper()
	sockDir, err := os.MkdirTemp("", "mc")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(sockDir) })
	cfg := DefaultConfig()
	cfg.Agent.StateDir = filepath.Join(t.TempDir(), "state")
	cfg.Agent.Socket = filepath.Join(sockDir, "agent.sock")
	cfg.Agent.SocketGroup = ""
	// p2p is on by default: agents of one test each take a port of their
	// own on loopback, not 4001 on every interface.
	cfg.P2P.Listen = []string{"/ip4/127.0.0.1/tcp/0"}
	// The owner's web page likewise: a free loopback port, not 8480.
	cfg.Web.Loopback = "127.0.0.1:0"
	// The messagebus likewise: a free loopback port, not 8181.
	cfg.Messagebus.Listen = "127.0.0.1:0"
	return cfg
}

func fakeBoard(closed *bool) BoardOpener {
	return func(context.Context, BoardConfig, *slog.Logger) (*hal.Board, error) {
		return &hal.Board{Name: "sim", Revision: "test", Warnings: []string{"no fan"}, Close: func() error { *closed = true; return nil }}, nil
	}
}

// start runs an agent until the test ends and returns its client.
func start(t testing.TB, cfg Config, opts Options) (*Agent, *apiclient.Client, func() error) {
	t.Helper()
	a, err := New(context.Background(), cfg, opts)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()
	stopped := false
	stop := func() error {
		if stopped {
			return nil
		}
		stopped = true
		cancel()
		return <-done
	}
	t.Cleanup(func() { stop() })
	return a, apiclient.New(cfg.Agent.Socket), stop
}

func TestAgentStatusAndShutdown(t *testing.T) {
	cfg := testConfig(t)
	var boardClosed bool
	_, c, stop := start(t, cfg, Options{OpenBoard: fakeBoard(&boardClosed)})
	st, err := c.Status(context.Background())
	if err != nil {
		t.Fatalf("Status: %v", err)
	}
	if st.Board != "sim" || st.BoardRevision != "test" {
		t.Errorf("board = %q %q, want sim test", st.Board, st.BoardRevision)
	}
	if len(st.Warnings) != 1 || st.Warnings[0].Message != "no fan" || st.Warnings[0].Severity != Degraded {
		t.Errorf("warnings = %+v, want the board's one warning", st.Warnings)
	}
	if st.Version == "" {
		t.Error("empty version")
	}
	fi, err := os.Stat(cfg.Agent.Socket)
	if err != nil || fi.Mode().Perm() != 0o660 {
		t.Errorf("socket mode = %v (%v), want 0660", fi.Mode().Perm(), err)
	}
	fi, err = os.Stat(cfg.Agent.StateDir)
	if err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("state dir mode = %v (%v), want 0700", fi.Mode().Perm(), err)
	}
	if err := stop(); err != nil {
		t.Fatalf("Run returned %v", err)
	}
	if !boardClosed {
		t.Error("board not closed on shutdown")
	}
	if _, err := os.Lstat(cfg.Agent.Socket); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("socket still there after shutdown: %v", err)
	}
	if _, err := c.Status(context.Background()); !errors.Is(err, apiclient.ErrNotRunning) {
		t.Errorf("Status after shutdown = %v, want ErrNotRunning", err)
	}
}

func TestSecondAgentRefused(t *testing.T) {
	cfg := testConfig(t)
	start(t, cfg, Options{})
	_, err := New(context.Background(), cfg, Options{})
	if !errors.Is(err, ErrAlreadyRunning) {
		t.Fatalf("second New = %v, want ErrAlreadyRunning", err)
	}
	// The first agent still answers: the second did not remove its socket.
	if _, err := apiclient.New(cfg.Agent.Socket).Status(context.Background()); err != nil {
		t.Fatalf("first agent lost its socket: %v", err)
	}
}

func TestDatabaseLocked(t *testing.T) {
	cfg := testConfig(t)
	if err := os.MkdirAll(cfg.Agent.StateDir, 0o700); err != nil {
		t.Fatal(err)
	}
	db, err := bbolt.Open(filepath.Join(cfg.Agent.StateDir, DBFile), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	_, err = New(context.Background(), cfg, Options{})
	if !errors.Is(err, ErrDatabaseLocked) {
		t.Fatalf("New with the database held = %v, want ErrDatabaseLocked", err)
	}
	if _, err := os.Lstat(cfg.Agent.Socket); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("refused agent left its socket behind: %v", err)
	}
}

func TestStaleSocketReplaced(t *testing.T) {
	cfg := testConfig(t)
	l, err := net.ListenUnix("unix", &net.UnixAddr{Name: cfg.Agent.Socket, Net: "unix"})
	if err != nil {
		t.Fatal(err)
	}
	l.SetUnlinkOnClose(false)
	l.Close() // the file stays, no one listens: a crashed agent's socket
	_, c, _ := start(t, cfg, Options{})
	if _, err := c.Status(context.Background()); err != nil {
		t.Fatalf("Status: %v", err)
	}
}

func TestSocketPathNotASocket(t *testing.T) {
	cfg := testConfig(t)
	if err := os.WriteFile(cfg.Agent.Socket, []byte("precious"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := New(context.Background(), cfg, Options{}); err == nil || !strings.Contains(err.Error(), "not a socket") {
		t.Fatalf("New = %v, want a refusal naming the file", err)
	}
	if b, _ := os.ReadFile(cfg.Agent.Socket); string(b) != "precious" {
		t.Errorf("the file at the socket path was changed: %q", b)
	}
}

func TestBoardFailureDegrades(t *testing.T) {
	cfg := testConfig(t)
	_, c, _ := start(t, cfg, Options{OpenBoard: func(context.Context, BoardConfig, *slog.Logger) (*hal.Board, error) {
		return nil, errors.New("no serial port")
	}})
	st, err := c.Status(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if st.Board != "none" || len(st.Warnings) != 1 || st.Warnings[0].Component != "board" || st.Warnings[0].Message != "no serial port" {
		t.Errorf("status = %+v, want board none with a board warning", st)
	}
}

func TestLooseStateDirTightened(t *testing.T) {
	cfg := testConfig(t)
	if err := os.MkdirAll(cfg.Agent.StateDir, 0o755); err != nil {
		t.Fatal(err)
	}
	os.Chmod(cfg.Agent.StateDir, 0o755)
	a, err := New(context.Background(), cfg, Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	fi, _ := os.Stat(cfg.Agent.StateDir)
	if fi.Mode().Perm() != 0o700 {
		t.Errorf("state dir mode = %v, want 0700", fi.Mode().Perm())
	}
}

type recordingService struct {
	name string
	log  *[]string
	err  error
}

func (s recordingService) Name() string { return s.name }
func (s recordingService) Run(ctx context.Context) error {
	if s.err != nil {
		return s.err
	}
	<-ctx.Done()
	return ctx.Err()
}
func (s recordingService) Close() error { *s.log = append(*s.log, s.name); return nil }

func TestServicesCloseInReverseOrder(t *testing.T) {
	var log []string
	h := NewHealth(nil)
	s := services{log: slog.New(slog.DiscardHandler), health: h, list: []Service{
		recordingService{name: "a", log: &log},
		recordingService{name: "b", log: &log, err: errors.New("chain unreachable")},
		recordingService{name: "c", log: &log},
	}}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- s.run(ctx, 5e9) }()
	// b fails at once; the agent carries on and shows it.
	for len(h.Warnings()) == 0 {
		select {
		case err := <-done:
			t.Fatalf("services stopped early: %v", err)
		default:
		}
		runtime.Gosched()
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if want := []string{"c", "b", "a"}; !reflect.DeepEqual(log, want) {
		t.Errorf("close order = %v, want %v", log, want)
	}
	if w := h.Warnings(); len(w) != 1 || w[0].Component != "b" || w[0].Message != "chain unreachable" {
		t.Errorf("warnings = %+v", w)
	}
}

func TestSystemdNotify(t *testing.T) {
	dir, err := os.MkdirTemp("", "mcn")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	addr := filepath.Join(dir, "notify")
	conn, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: addr, Net: "unixgram"})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	t.Setenv("NOTIFY_SOCKET", addr)
	_, _, stop := start(t, testConfig(t), Options{})
	buf := make([]byte, 256)
	n, _, err := conn.ReadFromUnix(buf)
	if err != nil || !strings.HasPrefix(string(buf[:n]), "READY=1") {
		t.Fatalf("first notification = %q, %v; want READY=1", buf[:n], err)
	}
	stop()
	n, _, err = conn.ReadFromUnix(buf)
	if err != nil || string(buf[:n]) != "STOPPING=1" {
		t.Fatalf("notification at shutdown = %q, %v; want STOPPING=1", buf[:n], err)
	}
}

// What the board finds while running (a dropped serial line, lost audio)
// is in the status as it is now, and gone once it is fixed.
func TestBoardLiveChecks(t *testing.T) {
	cfg := testConfig(t)
	var down atomic.Bool
	down.Store(true)
	_, c, _ := start(t, cfg, Options{OpenBoard: func(context.Context, BoardConfig, *slog.Logger) (*hal.Board, error) {
		return &hal.Board{Name: "test", Check: func() []string {
			if down.Load() {
				return []string{"faceplate and buttons: the Arduino's serial line is down"}
			}
			return nil
		}}, nil
	}})
	st, err := c.Status(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Warnings) != 1 || st.Warnings[0].Component != "board.live.0" || !strings.Contains(st.Warnings[0].Message, "serial line is down") {
		t.Fatalf("warnings %+v, want the serial line down", st.Warnings)
	}
	down.Store(false)
	if st, err = c.Status(context.Background()); err != nil || len(st.Warnings) != 0 {
		t.Fatalf("after reconnecting: warnings %+v, %v; want none", st.Warnings, err)
	}
}
