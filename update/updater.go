package update

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"sync"
	"time"

	"github.com/mycroft-network/mycroft/chain"
)

// Errors of the updater.
var (
	// ErrNotApproved: the version asked for is not a release on chain
	// (never published, revoked, or without this architecture).
	ErrNotApproved = errors.New("update: not a release approved on chain")
	// ErrTooOld: the running version is below the release's minimum.
	ErrTooOld = errors.New("update: the running version is too old for this release")
	// ErrBusy: an update is already under way.
	ErrBusy = errors.New("update: an update is already under way")
	// ErrNoChain: the chain (or its Releases contract) is not available.
	ErrNoChain = errors.New("update: the chain is not available")
)

// Source is where releases are read: *chain.Client.
type Source interface {
	LatestReleaseVersion(ctx context.Context) (uint64, error)
	Release(ctx context.Context, version uint64, arch string) (chain.Release, error)
}

// Config configures an Updater.
type Config struct {
	Arch    string  // default Arch()
	Running Version // this binary's version
	// Slot is the slot this process runs from ("": the installed binary).
	Slot string
	// Interval between checks of the chain (default 6 hours).
	Interval time.Duration
	// Delay: a release is installed automatically only this long after
	// it was published.
	Delay time.Duration
	// Pin, if set, is the only version installed automatically.
	Pin Version
	// Auto installs releases without being asked.
	Auto bool
	// HealthTimeout: a new slot must be healthy this long after the
	// switch (default 3 minutes).
	HealthTimeout time.Duration
	// Source reads releases; nil (no chain) makes checks fail clearly.
	Source  func() Source
	Fetcher *Fetcher
	Slots   *Slots
	// Busy says why an update must wait ("" when it need not): the owner
	// speaking, a paid call in flight.
	Busy func() string
	// Healthy reports whether this process is healthy (nil error).
	Healthy func() error
	// Restart stops this process and executes the launcher (which starts
	// the current slot); called after a switch or a rollback.
	Restart func()
	Now     func() time.Time
	Log     *slog.Logger
}

// Status is what `mycroft update status` shows.
type Status struct {
	Running      Version      `json:"running"`
	Slot         string       `json:"slot"`
	Auto         bool         `json:"auto"`
	Pin          Version      `json:"pin,omitempty"`
	Delay        string       `json:"delay,omitempty"`
	Latest       Version      `json:"latest,omitempty"`
	Published    time.Time    `json:"published,omitzero"`
	Available    bool         `json:"available"`
	State        string       `json:"state"`
	LastCheck    time.Time    `json:"last_check,omitzero"`
	LastError    string       `json:"last_error,omitempty"`
	Trial        *Trial       `json:"trial,omitempty"`
	LastRollback *Rollback    `json:"last_rollback,omitempty"`
	Good         Version      `json:"good,omitempty"`
	Fetch        *FetchResult `json:"fetch,omitempty"`
}

// Updater is the service that keeps the device on the release governance
// approved: Run checks every Interval, applies when Auto, and holds the
// health gate of a slot on trial.
type Updater struct {
	cfg  Config
	log  *slog.Logger
	kick chan struct{}

	apply sync.Mutex // held while an update is fetched and switched
	mu    sync.Mutex
	st    Status
	slots State // the slots' state.json as last read (Status does no I/O)
}

// New returns an Updater.
func New(cfg Config) (*Updater, error) {
	if cfg.Slots == nil || cfg.Fetcher == nil {
		return nil, errors.New("update: need slots and a fetcher")
	}
	if cfg.Arch == "" {
		cfg.Arch = Arch()
	}
	if cfg.Interval <= 0 {
		cfg.Interval = 6 * time.Hour
	}
	if cfg.HealthTimeout <= 0 {
		cfg.HealthTimeout = 3 * time.Minute
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Busy == nil {
		cfg.Busy = func() string { return "" }
	}
	if cfg.Healthy == nil {
		cfg.Healthy = func() error { return nil }
	}
	if cfg.Restart == nil {
		cfg.Restart = func() {}
	}
	u := &Updater{cfg: cfg, log: cfg.Log, kick: make(chan struct{}, 1)}
	u.reread()
	u.st = Status{Running: cfg.Running, Slot: cfg.Slot, Auto: cfg.Auto, Pin: cfg.Pin, State: "idle"}
	if cfg.Delay > 0 {
		u.st.Delay = cfg.Delay.String()
	}
	return u, nil
}

// Name is the service's name.
func (u *Updater) Name() string { return "update" }

// Close does nothing: Run stops with its context.
func (u *Updater) Close() error { return nil }

// Status is the updater's state and the slots' (as last read: it does no
// I/O, so the agent's status may call it at any time).
func (u *Updater) Status() Status {
	u.mu.Lock()
	defer u.mu.Unlock()
	s := u.st
	s.Trial, s.LastRollback, s.Good = u.slots.Trial, u.slots.LastRollback, u.slots.Good
	return s
}

// reread refreshes the cached slots state after the slots changed.
func (u *Updater) reread() {
	st, err := u.cfg.Slots.State()
	if err != nil {
		u.log.Warn("update: read slots state", "err", err)
		return
	}
	u.mu.Lock()
	u.slots = st
	u.mu.Unlock()
}

func (u *Updater) set(f func(*Status)) {
	u.mu.Lock()
	f(&u.st)
	u.mu.Unlock()
}

// Run holds the health gate when this slot is on trial, then checks the
// chain every Interval (and when Check is called) and applies an eligible
// release when Auto.
func (u *Updater) Run(ctx context.Context) error {
	if err := u.gate(ctx); err != nil {
		return err
	}
	t := time.NewTimer(0)
	defer t.Stop()
	lastErr := ""
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		case <-u.kick:
		}
		st, err := u.Check(ctx)
		if err != nil && err.Error() != lastErr {
			u.log.Warn("update: check failed", "err", err)
		}
		lastErr = ""
		if err != nil {
			lastErr = err.Error()
		}
		if err == nil && st.Available && u.cfg.Auto {
			if _, err := u.apply1(ctx, 0, true); err != nil && !errors.Is(err, context.Canceled) {
				u.log.Warn("update: automatic update failed", "err", err)
			}
		}
		t.Reset(u.cfg.Interval)
	}
}

// gate waits for this slot, on trial, to be healthy and ends the trial;
// past the deadline it rolls back and restarts.
func (u *Updater) gate(ctx context.Context) error {
	st, err := u.cfg.Slots.State()
	if err != nil || st.Trial == nil || u.cfg.Slot == "" || st.Trial.Slot != u.cfg.Slot {
		return nil
	}
	u.set(func(s *Status) { s.State = "trial: waiting to be healthy" })
	u.log.Info("update: on trial", "version", st.Trial.Version, "deadline", st.Trial.Deadline)
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	for {
		herr := u.cfg.Healthy()
		if herr == nil {
			if err := u.cfg.Slots.MarkGood(u.cfg.Slot); err != nil {
				return err
			}
			u.reread()
			u.log.Info("update: healthy, trial passed", "version", st.Trial.Version)
			u.set(func(s *Status) { s.State = "idle" })
			return nil
		}
		if u.cfg.Now().After(st.Trial.Deadline) {
			rb, err := u.cfg.Slots.RollBack(fmt.Sprintf("%s was not healthy within %s: %v", st.Trial.Version, st.Trial.Deadline.Sub(st.Trial.Started).Round(time.Second), herr))
			u.reread()
			if err != nil {
				return err
			}
			u.log.Error("update: rolled back", "version", rb.Version, "to", rb.To, "reason", rb.Reason)
			u.set(func(s *Status) { s.State = "rolled back; restarting" })
			u.cfg.Restart()
			<-ctx.Done()
			return ctx.Err()
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tick.C:
		}
	}
}

// Kick makes Run check now.
func (u *Updater) Kick() {
	select {
	case u.kick <- struct{}{}:
	default:
	}
}

func (u *Updater) source() (Source, error) {
	if u.cfg.Source == nil {
		return nil, ErrNoChain
	}
	s := u.cfg.Source()
	if s == nil {
		return nil, ErrNoChain
	}
	return s, nil
}

// target is the version Check looks at: the pin, else the latest.
func (u *Updater) target(ctx context.Context, src Source) (Version, error) {
	if u.cfg.Pin != 0 {
		return u.cfg.Pin, nil
	}
	v, err := src.LatestReleaseVersion(ctx)
	return Version(v), err
}

// Check reads the chain: the latest (or pinned) release and whether this
// device would install it now.
func (u *Updater) Check(ctx context.Context) (Status, error) {
	err := u.check(ctx)
	u.set(func(s *Status) {
		s.LastCheck = u.cfg.Now()
		s.LastError = ""
		if err != nil {
			s.LastError = err.Error()
		}
	})
	return u.Status(), err
}

func (u *Updater) check(ctx context.Context) error {
	src, err := u.source()
	if err != nil {
		return err
	}
	v, err := u.target(ctx, src)
	if err != nil {
		return fmt.Errorf("update: check: %w", err)
	}
	if v == 0 {
		u.set(func(s *Status) { s.Latest, s.Available = 0, false })
		return nil
	}
	rel, err := u.release(ctx, src, v)
	if err != nil {
		u.set(func(s *Status) { s.Latest, s.Available = v, false })
		return err
	}
	why := u.eligible(rel)
	u.set(func(s *Status) {
		s.Latest, s.Published, s.Available = v, rel.PublishedAt, why == ""
		if why != "" && s.State == "idle" {
			s.State = "idle: " + why
		} else if why == "" && (s.State == "idle" || len(s.State) > 5 && s.State[:5] == "idle:") {
			s.State = "idle"
		}
	})
	return nil
}

// release reads version v for this architecture and refuses what is not
// approved.
func (u *Updater) release(ctx context.Context, src Source, v Version) (chain.Release, error) {
	rel, err := src.Release(ctx, uint64(v), u.cfg.Arch)
	if errors.Is(err, chain.ErrNoRelease) {
		return chain.Release{}, fmt.Errorf("%w: %s for %s: %w", ErrNotApproved, v, u.cfg.Arch, err)
	}
	if err != nil {
		return chain.Release{}, fmt.Errorf("update: read release %s: %w", v, err)
	}
	if rel.Revoked {
		return chain.Release{}, fmt.Errorf("%w: %s was revoked by governance", ErrNotApproved, v)
	}
	return rel, nil
}

// eligible says why rel would not be installed automatically ("": it
// would).
func (u *Updater) eligible(rel chain.Release) string {
	v := Version(rel.Version)
	switch {
	case v == u.cfg.Running:
		return "up to date"
	case u.cfg.Pin == 0 && v < u.cfg.Running:
		return "running a newer version"
	case u.cfg.Running < Version(rel.MinVersion):
		return fmt.Sprintf("%s needs at least %s to update from", v, Version(rel.MinVersion))
	case u.cfg.Delay > 0 && u.cfg.Now().Before(rel.PublishedAt.Add(u.cfg.Delay)):
		return fmt.Sprintf("waiting until %s (delay %s)", rel.PublishedAt.Add(u.cfg.Delay).Format(time.RFC3339), u.cfg.Delay)
	}
	u.mu.Lock()
	last := u.slots.LastRollback
	u.mu.Unlock()
	if last != nil && last.Version == v {
		return fmt.Sprintf("%s was rolled back (%s); install it by hand with mycroft update apply %s", v, last.Reason, v)
	}
	return ""
}

// Apply installs version v (0: the latest, or the pin) now, whatever
// Auto, Delay or an earlier rollback say; the chain must approve it. It
// returns once the new slot is switched to, and the process then
// restarts into it.
func (u *Updater) Apply(ctx context.Context, v Version) (Status, error) {
	return u.apply1(ctx, v, false)
}

func (u *Updater) apply1(ctx context.Context, v Version, auto bool) (Status, error) {
	if !u.apply.TryLock() {
		return u.Status(), ErrBusy
	}
	defer u.apply.Unlock()
	err := u.applyLocked(ctx, v, auto)
	if err != nil {
		u.set(func(s *Status) { s.State, s.LastError = "idle", err.Error() })
	}
	return u.Status(), err
}

func (u *Updater) applyLocked(ctx context.Context, v Version, auto bool) error {
	src, err := u.source()
	if err != nil {
		return err
	}
	if v == 0 {
		if v, err = u.target(ctx, src); err != nil {
			return fmt.Errorf("update: apply: %w", err)
		}
		if v == 0 {
			return fmt.Errorf("%w: no release has been published", ErrNotApproved)
		}
	}
	rel, err := u.release(ctx, src, v)
	if err != nil {
		return err
	}
	if auto {
		if why := u.eligible(rel); why != "" {
			return fmt.Errorf("update: not now: %s", why)
		}
	} else if v == u.cfg.Running {
		return fmt.Errorf("update: %s is already running", v)
	} else if u.cfg.Running < Version(rel.MinVersion) {
		return fmt.Errorf("%w: %s updates only from %s or newer, this is %s", ErrTooOld, v, Version(rel.MinVersion), u.cfg.Running)
	}
	if err := u.waitIdle(ctx, "waiting to fetch"); err != nil {
		return err
	}
	u.set(func(s *Status) { s.State = "fetching " + v.String() })
	u.log.Info("update: fetching", "version", v, "arch", u.cfg.Arch, "size", rel.Artifact.Size, "sha256", rel.Artifact.SHA256)
	res, err := u.cfg.Fetcher.Fetch(ctx, rel.Artifact)
	if err != nil {
		return err
	}
	u.set(func(s *Status) { s.Fetch = &res })
	slot, err := u.cfg.Slots.Install(res.Path, v)
	if err != nil {
		return err
	}
	if err := u.waitIdle(ctx, "waiting to switch"); err != nil {
		return err
	}
	err = u.cfg.Slots.Switch(slot, u.cfg.Running, u.cfg.HealthTimeout)
	u.reread()
	if err != nil {
		return err
	}
	u.log.Info("update: switched; restarting into the new slot", "version", v, "slot", slot, "from", u.cfg.Running, "fetched", res.Fetched, "source", res.Source)
	u.set(func(s *Status) { s.State = "switched to " + v.String() + " in slot " + slot + "; restarting" })
	go u.cfg.Restart()
	return nil
}

// waitIdle waits until Busy says nothing.
func (u *Updater) waitIdle(ctx context.Context, what string) error {
	for {
		why := u.cfg.Busy()
		if why == "" {
			return nil
		}
		u.set(func(s *Status) { s.State = what + ": " + why })
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(500 * time.Millisecond):
		}
	}
}

// RollBack goes back to the previous slot now (the owner's or a
// maintainer's decision) and restarts.
func (u *Updater) RollBack(reason string) (Status, error) {
	if !u.apply.TryLock() {
		return u.Status(), ErrBusy
	}
	defer u.apply.Unlock()
	if reason == "" {
		reason = "rolled back by hand"
	}
	rb, err := u.cfg.Slots.RollBack(reason)
	u.reread()
	if err != nil {
		return u.Status(), err
	}
	u.log.Warn("update: rolled back", "version", rb.Version, "to", rb.To, "reason", rb.Reason)
	u.set(func(s *Status) { s.State = "rolled back; restarting" })
	go u.cfg.Restart()
	return u.Status(), nil
}

// DownloadDir is where a Fetcher for slots dir keeps its downloads (same
// file system, so an install is a rename).
func DownloadDir(slotsDir string) string { return filepath.Join(slotsDir, "download") }
