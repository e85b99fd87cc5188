package agent

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/internal/buildinfo"
	"github.com/mycroft-network/mycroft/miner/storage"
	"github.com/mycroft-network/mycroft/update"
)

// UpdateConfig is the [update] table: releases governance approved
// (docs/updates.md).
type UpdateConfig struct {
	// Auto installs approved releases without being asked.
	Auto bool `toml:"auto"`
	// CheckInterval between reads of the Releases contract.
	CheckInterval Duration `toml:"check_interval"`
	// Delay: install a release automatically only this long after it
	// was published.
	Delay Duration `toml:"delay"`
	// Pin, if set ("1.4.2"), is the only version installed
	// automatically (older or newer).
	Pin string `toml:"pin"`
	// HealthTimeout: a new release must be healthy this long after it
	// starts, else the device goes back to the previous one.
	HealthTimeout Duration `toml:"health_timeout"`
	// Mirrors are http(s) URLs of directories holding release binaries
	// under their sha256 (GET <mirror>/<sha256 hex>), tried in order.
	Mirrors []string `toml:"mirrors"`
	// StorageNodes also fetches from the storage nodes in the Registry.
	StorageNodes bool `toml:"storage_nodes"`
	// SlotsDir holds the A/B slots (empty: <agent.state_dir>/slots).
	SlotsDir string `toml:"slots_dir"`
}

func defaultUpdateConfig() UpdateConfig {
	return UpdateConfig{
		Auto:          true,
		CheckInterval: Duration(6 * time.Hour),
		HealthTimeout: Duration(3 * time.Minute),
		Mirrors:       []string{},
		StorageNodes:  true,
	}
}

func (c UpdateConfig) validate(bad badFunc) {
	if c.CheckInterval.Std() < time.Minute {
		bad("update.check_interval", "must be at least 1m, got %s", c.CheckInterval.Std())
	}
	if c.Delay.Std() < 0 {
		bad("update.delay", "must not be negative")
	}
	if d := c.HealthTimeout.Std(); d < 10*time.Second || d > time.Hour {
		bad("update.health_timeout", "must be 10s to 1h, got %s", d)
	}
	if c.Pin != "" {
		if _, err := update.ParseVersion(c.Pin); err != nil {
			bad("update.pin", "must be a version such as \"1.4.2\", got %q", c.Pin)
		}
	}
	for _, m := range c.Mirrors {
		if !strings.HasPrefix(m, "http://") && !strings.HasPrefix(m, "https://") {
			bad("update.mirrors", "must be http(s):// URLs, got %q", m)
		}
	}
}

// SlotsDir is where the A/B slots of cfg live.
func SlotsDir(cfg Config) string {
	if cfg.Update.SlotsDir != "" {
		return cfg.Update.SlotsDir
	}
	return filepath.Join(cfg.Agent.StateDir, "slots")
}

// Launch is the first thing `mycroft agent` does: the installed binary
// is the launcher of the A/B slots. It counts a start of a release on
// trial, rolls back one that failed, and replaces the process with the
// current slot's binary (it returns only when the installed binary itself
// should run, or when the exec failed: then the installed binary runs and
// says why).
func Launch(cfg Config, log *slog.Logger) {
	s := &update.Slots{Dir: SlotsDir(cfg)}
	exe, rolled, err := s.Launch(update.RunningVersion(buildinfo.Read().Version))
	if rolled != nil {
		log.Error("update: rolled back", "version", rolled.Version, "to", rolled.To, "reason", rolled.Reason)
	}
	if err != nil {
		log.Error("update: launch: the installed binary runs", "err", err)
		return
	}
	if exe == "" {
		return
	}
	if err := update.ExecSlot(exe); err != nil {
		log.Error("update: launch: the installed binary runs", "err", err)
	}
}

// updateParts is the updater's wiring.
type updateParts struct {
	u         *update.Updater
	mu        sync.Mutex
	stopRun   context.CancelFunc
	restarted atomic.Bool
}

// wireUpdate adds the updater service and the /update endpoints.
func (a *Agent) wireUpdate(context.Context) error {
	cfg := a.cfg.Update
	dir := SlotsDir(a.cfg)
	p := &updateParts{}
	a.updx = p
	var pin update.Version
	if cfg.Pin != "" {
		pin, _ = update.ParseVersion(cfg.Pin) // validated
	}
	f := &update.Fetcher{Dir: update.DownloadDir(dir), Mirrors: cfg.Mirrors, Log: a.log.With("component", "update")}
	if cfg.StorageNodes {
		f.Nodes = a.updateStorageNodes
	}
	u, err := update.New(update.Config{
		Running: update.RunningVersion(buildinfo.Read().Version), Slot: slotOf(),
		Interval: cfg.CheckInterval.Std(), Delay: cfg.Delay.Std(), Pin: pin, Auto: cfg.Auto,
		HealthTimeout: cfg.HealthTimeout.Std(),
		Source: func() update.Source {
			if a.chain == nil || a.manifest.Releases == ([20]byte{}) {
				return nil
			}
			return a.chain
		},
		Fetcher: f, Slots: &update.Slots{Dir: dir, Now: a.now},
		Busy: a.updateBusy, Healthy: a.updateHealthy, Restart: a.restartForUpdate,
		Now: a.now, Log: a.log.With("component", "update"),
	})
	if err != nil {
		return err
	}
	p.u = u
	a.svcs.list = append(a.svcs.list, u)
	a.addStatus("update", func() any { return u.Status() })
	a.handle("GET /update/status", func(*http.Request) (any, error) { return u.Status(), nil })
	a.handle("POST /update/check", func(r *http.Request) (any, error) {
		st, err := u.Check(r.Context())
		if err != nil {
			return nil, updateError(err)
		}
		return st, nil
	})
	a.handle("POST /update/apply", func(r *http.Request) (any, error) {
		var req struct {
			Version string `json:"version"`
		}
		if err := decodeJSON(r, &req); err != nil {
			return nil, err
		}
		var v update.Version
		if req.Version != "" {
			if v, err = update.ParseVersion(req.Version); err != nil {
				return nil, badRequest("%v", err)
			}
		}
		st, err := u.Apply(r.Context(), v)
		if err != nil {
			return nil, updateError(err)
		}
		return st, nil
	})
	a.handle("POST /update/rollback", func(r *http.Request) (any, error) {
		var req struct {
			Reason string `json:"reason"`
		}
		if err := decodeJSON(r, &req); err != nil {
			return nil, err
		}
		st, err := u.RollBack(req.Reason)
		if err != nil {
			return nil, updateError(err)
		}
		return st, nil
	})
	return nil
}

func updateError(err error) error {
	switch {
	case errors.Is(err, update.ErrNotApproved), errors.Is(err, update.ErrTooOld), errors.Is(err, update.ErrSlots):
		return &apiclient.Error{Status: http.StatusConflict, Message: err.Error()}
	case errors.Is(err, update.ErrBusy):
		return &apiclient.Error{Status: http.StatusConflict, Message: err.Error()}
	case errors.Is(err, update.ErrNoChain), errors.Is(err, update.ErrNoSource):
		return &apiclient.Error{Status: http.StatusServiceUnavailable, Message: err.Error()}
	case errors.Is(err, update.ErrHashMismatch):
		return &apiclient.Error{Status: http.StatusBadGateway, Message: err.Error()}
	}
	return err
}

// slotOf is the slot this process runs from ("" for the installed
// binary).
func slotOf() string { return os.Getenv(update.EnvSlot) }

// updateStorageNodes are the Registry's storage nodes, reached over
// libp2p when their endpoint is a libp2p one.
func (a *Agent) updateStorageNodes(ctx context.Context) []update.StorageNode {
	if a.chain == nil {
		return nil
	}
	nodes, err := a.chain.ListNodes(ctx)
	if err != nil {
		a.log.Warn("update: list storage nodes", "err", err)
		return nil
	}
	var out []update.StorageNode
	for _, n := range nodes {
		if _, ok := n.Prices[chain.ServiceStorage]; !ok || !n.Registered {
			continue
		}
		c := &storage.Client{Base: n.Endpoint}
		if hc, base, ok := a.nodeHTTP(n.Endpoint); ok {
			c.HTTP, c.Base = hc, base
		}
		out = append(out, c)
	}
	return out
}

// updateBusy says why an update must wait: the owner speaking to the
// device (the voice pipeline listening, thinking or speaking: a paid call
// for the owner happens inside such an interaction) or paid calls served
// for others in flight (the miner's work tickets).
func (a *Agent) updateBusy() string {
	if a.voice != nil {
		switch s := a.voice.Status().State; s {
		case hal.StateListening, hal.StateThinking, hal.StateSpeaking:
			return "the owner is speaking to the device (" + s.String() + ")"
		}
	}
	if a.miner != nil {
		if n := a.miner.Gate().Active(); n > 0 {
			return fmt.Sprintf("%d paid calls for others in flight", n)
		}
	}
	return ""
}

// updateHealthy is the health gate of a new release: the agent runs (the
// API listens and READY was sent), the board is open and answers its
// checks, and no degraded warning of the board, the API or the voice
// pipeline is up. The chain, the network and the wallet depend on the
// world outside, not on the release, and do not count.
func (a *Agent) updateHealthy() error {
	if !a.running.Load() {
		return errors.New("the agent has not started")
	}
	if a.board == nil {
		return errors.New("no working board")
	}
	if a.board.Check != nil {
		if msgs := a.board.Check(); len(msgs) > 0 {
			return fmt.Errorf("board: %s", strings.Join(msgs, "; "))
		}
	}
	for _, w := range a.health.Warnings() {
		if w.Severity != Degraded {
			continue
		}
		if w.Component == "api" || w.Component == "voice" || strings.HasPrefix(w.Component, "board") {
			return fmt.Errorf("%s: %s", w.Component, w.Message)
		}
	}
	return nil
}

// restartForUpdate stops the agent; cmd/mycroft then executes the
// launcher (RestartRequested).
func (a *Agent) restartForUpdate() {
	p := a.updx
	p.restarted.Store(true)
	p.mu.Lock()
	stop := p.stopRun
	p.mu.Unlock()
	if stop != nil {
		stop()
	}
}

// onRun keeps Run's cancel for a restart.
func (a *Agent) onRun(cancel context.CancelFunc) {
	if p := a.updx; p != nil {
		p.mu.Lock()
		p.stopRun = cancel
		p.mu.Unlock()
	}
}

// RestartRequested is true once the updater switched slots or rolled
// back: after Run returns, the caller executes the launcher
// (update.Reexec) so the current slot starts.
func (a *Agent) RestartRequested() bool { return a.updx != nil && a.updx.restarted.Load() }
