package agent

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"sync/atomic"
	"time"

	"go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/internal/buildinfo"
	"github.com/mycroft-network/mycroft/keystore"
	"github.com/mycroft-network/mycroft/miner"
	"github.com/mycroft-network/mycroft/miner/provider"
	"github.com/mycroft-network/mycroft/voice"
	"github.com/mycroft-network/mycroft/wallet"
)

// DBFile is the name of the bbolt database in the state directory.
const DBFile = "mycroft.db"

// ErrDatabaseLocked is returned when another process holds the database.
var ErrDatabaseLocked = errors.New("the state database is locked by another process (is another mycroft agent running?)")

// BoardOpener opens the board the agent runs on.
type BoardOpener func(ctx context.Context, cfg BoardConfig, log *slog.Logger) (*hal.Board, error)

// Options are the dependencies of New that tests and cmd/mycroft inject.
type Options struct {
	Logger *slog.Logger
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// OpenBoard opens the board; nil runs with no board (a health warning).
	OpenBoard BoardOpener
}

// Agent is the daemon.
type Agent struct {
	cfg     Config
	log     *slog.Logger
	now     func() time.Time
	started time.Time
	health  *Health
	db      *bbolt.DB
	board   *hal.Board
	mux     *http.ServeMux
	svcs    services
	// status holds each subsystem's summary for `mycroft status`.
	status []namedStatus

	// Subsystems, wired in New in this order; each wire* function lives in
	// the file named after it (keys.go, chain.go, p2p.go, wallet.go,
	// miner.go, voice.go). A nil field means the subsystem is off or degraded.
	keys     *keystore.Store
	chain    *chain.Client
	manifest chain.Manifest
	wallet   *wallet.Wallet
	provider *provider.Provider
	miner    *miner.Miner
	voice    *voice.Pipeline
	earn     *earnParts // wallet, provider, miner, storage and backup wiring (wallet.go, miner.go)
	p2px     *p2pParts  // the libp2p host when [p2p] is on (p2p.go)
	voicex   *voiceParts
	chainx   *chainParts
	updx     *updateParts
	notify   notifier
	running  atomic.Bool
	closed   atomic.Bool
}

// New opens everything the agent needs: the state directory and database,
// the local API socket and the board. It refuses to start when another agent
// answers on the socket or holds the database. A board that cannot be opened
// degrades the agent.
func New(ctx context.Context, cfg Config, opts Options) (_ *Agent, err error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	a := &Agent{
		cfg:    cfg,
		log:    log,
		now:    now,
		health: NewHealth(now),
		mux:    http.NewServeMux(),
		notify: newNotifier(),
	}
	a.svcs = services{log: log, health: a.health}
	defer func() {
		if err != nil { // New failed: that error is the one to report
			_ = a.svcs.closeAll()
			_ = a.closeResources()
		}
	}()

	// The socket comes first: a second agent is told so before it touches
	// anything.
	ln, warn, err := listenSocket(cfg.Agent.Socket, cfg.Agent.SocketGroup)
	if err != nil {
		return nil, fmt.Errorf("agent: %w", err)
	}
	if warn != "" {
		a.health.Set("api", Notice, warn)
	}
	a.svcs.list = append(a.svcs.list, &apiServer{ln: ln, srv: &http.Server{
		Handler:           a.mux,
		ReadHeaderTimeout: 5 * time.Second,
	}})

	if err := ensureStateDir(cfg.Agent.StateDir); err != nil {
		return nil, fmt.Errorf("agent: %w", err)
	}
	a.db, err = bbolt.Open(filepath.Join(cfg.Agent.StateDir, DBFile), 0o600, &bbolt.Options{Timeout: time.Second})
	if errors.Is(err, berrors.ErrTimeout) {
		return nil, fmt.Errorf("agent: %w", ErrDatabaseLocked)
	}
	if err != nil {
		return nil, fmt.Errorf("agent: open database: %w", err)
	}

	if opts.OpenBoard == nil {
		a.health.Set("board", Degraded, "no board support in this build")
	} else if b, err := opts.OpenBoard(ctx, cfg.Board, log); err != nil {
		log.Error("board unavailable", "err", err)
		a.health.Set("board", Degraded, err.Error())
	} else {
		a.board = b
		for i, w := range b.Warnings {
			a.health.Set(fmt.Sprintf("board.%d", i), Degraded, w)
		}
	}
	a.routes()
	for _, wire := range []func(context.Context) error{a.wireKeys, a.wireChain, a.wireP2P, a.wireWallet, a.wireMiner, a.wireVoice, a.wireGrant, a.wireUpdate, a.wireWeb} {
		if err := wire(ctx); err != nil {
			return nil, fmt.Errorf("agent: %w", err)
		}
	}
	return a, nil
}

// ensureStateDir creates dir with mode 0700, or checks that an existing one
// is a directory no one else can read.
func ensureStateDir(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("state directory: %w", err)
	}
	fi, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("state directory: %w", err)
	}
	if !fi.IsDir() {
		return fmt.Errorf("state directory %s is not a directory", dir)
	}
	if fi.Mode().Perm()&0o077 != 0 {
		if err := os.Chmod(dir, 0o700); err != nil {
			return fmt.Errorf("state directory %s is mode %v and cannot be made 0700: %w", dir, fi.Mode().Perm(), err)
		}
	}
	return nil
}

// DB is the agent's state database, for the services it wires.
func (a *Agent) DB() *bbolt.DB { return a.db }

// Health is the agent's health registry.
func (a *Agent) Health() *Health { return a.health }

// Run serves the local API and runs every service until ctx is done, then
// closes them in reverse order within the shutdown timeout.
func (a *Agent) Run(ctx context.Context) error {
	if !a.running.CompareAndSwap(false, true) {
		return errors.New("agent: already running")
	}
	a.started = a.now()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	a.onRun(cancel)
	go a.notify.watchdog(ctx, func() bool { return !a.closed.Load() })
	_ = a.notify.send("READY=1\nSTATUS=listening on " + a.cfg.Agent.Socket)
	a.log.Info("agent running", "socket", a.cfg.Agent.Socket, "board", a.boardName(), "version", buildinfo.Read().Version)
	err := a.svcs.run(ctx, a.cfg.Agent.ShutdownTimeout.Std())
	_ = a.notify.send("STOPPING=1")
	a.closed.Store(true)
	return errors.Join(err, a.closeResources())
}

// Close releases what New opened when Run was never called.
func (a *Agent) Close() error {
	if a.running.Load() {
		return nil // Run closes everything when it returns
	}
	if a.closed.Swap(true) {
		return nil
	}
	return errors.Join(a.svcs.closeAll(), a.closeResources())
}

func (a *Agent) closeResources() error {
	var errs []error
	if a.board != nil && a.board.Close != nil {
		if err := a.board.Close(); err != nil {
			errs = append(errs, fmt.Errorf("board: close: %w", err))
		}
		a.board = nil
	}
	if a.db != nil {
		if err := a.db.Close(); err != nil {
			errs = append(errs, fmt.Errorf("database: close: %w", err))
		}
		a.db = nil
	}
	return errors.Join(errs...)
}

func (a *Agent) boardName() string {
	if a.board == nil {
		return "none"
	}
	return a.board.Name
}

// Status is what `mycroft status` shows.
func (a *Agent) Status() apiclient.Status {
	s := apiclient.Status{
		Version:   buildinfo.Read().Version,
		Board:     a.boardName(),
		StartedAt: a.started,
		Warnings:  a.health.Warnings(),
	}
	if a.board != nil {
		s.BoardRevision = a.board.Revision
		if a.board.Check != nil {
			for i, msg := range a.board.Check() {
				s.Warnings = append(s.Warnings, apiclient.Warning{Component: fmt.Sprintf("board.live.%d", i),
					Severity: Degraded, Message: msg, Since: a.now()})
			}
		}
	}
	if !a.started.IsZero() {
		s.UptimeSeconds = a.now().Sub(a.started).Seconds()
	}
	for _, ns := range a.status {
		b, err := json.Marshal(ns.f())
		if err != nil {
			a.log.Warn("status", "component", ns.name, "err", err)
			continue
		}
		if s.Components == nil {
			s.Components = map[string]json.RawMessage{}
		}
		s.Components[ns.name] = b
	}
	return s
}

type namedStatus struct {
	name string
	f    func() any
}

// addStatus adds a subsystem's summary to `mycroft status`. f must be safe
// to call from any goroutine and must not block on I/O.
func (a *Agent) addStatus(name string, f func() any) {
	a.status = append(a.status, namedStatus{name, f})
}
