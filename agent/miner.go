package agent

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/miner"
	"github.com/mycroft-network/mycroft/miner/backup"
	"github.com/mycroft-network/mycroft/miner/pause"
	"github.com/mycroft-network/mycroft/miner/storage"
)

// MinerConfig is the [miner] table. Whether the owner mines, with what
// stake and caps, is not here: it is the owner's consent, given with
// `mycroft miner enable` and stored in the database.
type MinerConfig struct {
	StorageDir     string   `toml:"storage_dir"`
	MaxLoad        float64  `toml:"max_load"`
	MaxTemp        float64  `toml:"max_temp"`
	QuietPeriod    Duration `toml:"quiet_period"`
	AuditInterval  Duration `toml:"audit_interval"`
	BackupInterval Duration `toml:"backup_interval"`
	BackupCopies   int      `toml:"backup_copies"`
}

func defaultMinerConfig() MinerConfig {
	return MinerConfig{
		MaxLoad:        0.8,
		MaxTemp:        70,
		QuietPeriod:    Duration(30 * time.Second),
		AuditInterval:  Duration(6 * time.Hour),
		BackupInterval: Duration(24 * time.Hour),
		BackupCopies:   3,
	}
}

func (c MinerConfig) validate(bad badFunc) {
	if c.StorageDir != "" && !filepath.IsAbs(c.StorageDir) {
		bad("miner.storage_dir", "must be an absolute path or empty")
	}
	if c.MaxLoad <= 0 || c.MaxLoad > 16 {
		bad("miner.max_load", "must be above 0 and at most 16 (load per CPU)")
	}
	if c.MaxTemp < 30 || c.MaxTemp > 95 {
		bad("miner.max_temp", "must be between 30 and 95 (degrees C)")
	}
	if c.QuietPeriod < 0 {
		bad("miner.quiet_period", "must not be negative")
	}
	if c.AuditInterval < Duration(time.Minute) {
		bad("miner.audit_interval", "must be at least 1m")
	}
	if c.BackupInterval != 0 && c.BackupInterval < Duration(time.Minute) {
		bad("miner.backup_interval", "must be 0 (no scheduled backup) or at least 1m")
	}
	if c.BackupCopies < 1 || c.BackupCopies > 16 {
		bad("miner.backup_copies", "must be between 1 and 16")
	}
}

// minerParts is what the miner wiring keeps beside a.miner.
type minerParts struct {
	store *storage.Store
	node  *storage.Node

	mu       sync.Mutex
	backup   *backup.Backup
	lastRun  time.Time
	lastErr  string
	audits   []backup.Result
	auditAt  time.Time
	earnDay  string
	earnBase *big.Int
	verify   verifyRun
}

// verifyRun is the startup verify pass of the storage node.
type verifyRun struct {
	State       string // "waiting" (for the idle policy), "running", "done", "failed"
	Pid         int
	Started     time.Time
	Finished    time.Time
	Checked     int
	Quarantined []string
	Err         string
}

// workerExe is the binary the verify worker runs (`mycroft miner-worker`);
// in tests it is the test binary, whose TestMain routes the subcommand.
var workerExe = os.Executable

// wireMiner builds the miner, the provider, the storage node and backups
// (a.miner, a.provider).
func (a *Agent) wireMiner(ctx context.Context) error {
	if a.earn == nil {
		a.earn = &earnParts{}
	}
	mp := &minerParts{}
	a.earn.min = mp
	a.minerRoutes()
	a.providerRoutes()

	settings, err := miner.LoadSettings(a.db)
	if err != nil {
		return fmt.Errorf("miner: %w", err)
	}
	gate := pause.New(true)

	// The storage node serves through the provider's HTTP server, so it
	// exists only where the provider does.
	if a.cfg.Provider.Enabled && a.keys != nil && a.chain != nil {
		dir := a.cfg.Miner.StorageDir
		if dir == "" {
			dir = filepath.Join(a.cfg.Agent.StateDir, "chunks")
		}
		st, err := storage.OpenStore(storage.StoreConfig{Dir: dir, Quota: settings.DiskQuota, Log: a.log.With("component", "storage")})
		if err != nil {
			a.health.Set("storage", Degraded, "storage: "+err.Error())
		} else {
			node, err := storage.NewNode(storage.NodeConfig{Store: st, Signer: a.keys, ChainID: new(big.Int).SetUint64(a.manifest.ChainID),
				Registry: a.manifest.Registry, Gate: gate, Bandwidth: settings.Bandwidth, Now: a.now, Log: a.log.With("component", "storage")})
			if err != nil {
				a.health.Set("storage", Degraded, "storage: "+err.Error())
			} else {
				mp.store, mp.node = st, node
			}
		}
	}
	if a.cfg.Provider.Enabled {
		if err := a.buildProvider(gate, mp.node); err != nil {
			return err
		}
		if a.provider == nil {
			mp.node = nil // not reachable without the provider's server
		}
	}

	sensors := miner.Sensors{Load: miner.LoadAvg("/proc/loadavg")}
	if _, err := os.Stat(a.cfg.Board.ThermalZone); err == nil {
		sensors.TempC = miner.ThermalZone(a.cfg.Board.ThermalZone)
	} else {
		// A machine without the thermal zone (a PC running the simulated
		// board) mines without the temperature limit.
		a.log.Info("miner: no thermal zone; the temperature limit is off", "path", a.cfg.Board.ThermalZone)
	}
	mc := miner.Config{
		DB:      a.db,
		Log:     a.log.With("component", "miner"),
		Now:     a.now,
		Sensors: sensors,
		Policy:  miner.Policy{MaxLoad: a.cfg.Miner.MaxLoad, MaxTempC: a.cfg.Miner.MaxTemp, Quiet: a.cfg.Miner.QuietPeriod.Std()},
		Gate:    gate,
	}
	if a.chain != nil && a.keys != nil {
		mc.Registry = a.chain
	}
	if a.provider != nil {
		mc.Ledger = providerLedger{a}
		mc.EndpointFunc = a.earn.prov.endpoint
		mc.Prices = a.sellPrices(mp.node != nil)
	}
	if mp.store != nil {
		store := mp.store
		mc.Usage = store.Used
		mc.Apply = func(s miner.Settings) { store.SetQuota(s.DiskQuota) }
	}
	m, err := miner.New(mc)
	if err != nil {
		return fmt.Errorf("miner: %w", err)
	}
	a.miner = m
	a.svcs.list = append(a.svcs.list, m)
	if mp.node != nil {
		node := mp.node
		mp.verify.State = "waiting"
		a.svcs.list = append(a.svcs.list,
			&funcService{name: "storage.verify", run: func(ctx context.Context) error {
				return a.runStorageVerify(ctx, gate, node.Store())
			}},
			&funcService{name: "storage.challenges", run: func(ctx context.Context) error {
				return node.AnswerChallenges(ctx, a.chain, a.manifest.DeployBlock, 0)
			}},
			&funcService{name: "storage.gc", run: func(ctx context.Context) error {
				for {
					select {
					case <-ctx.Done():
						return nil
					case <-time.After(time.Hour):
					}
					if n, err := node.CollectGarbage(ctx, gate, 24*time.Hour); err != nil && ctx.Err() == nil {
						a.log.Warn("storage: garbage collection", "err", err)
					} else if n > 0 {
						a.log.Info("storage: garbage collected", "chunks", n)
					}
				}
			}})
	}
	if a.keys != nil && a.chain != nil {
		a.svcs.list = append(a.svcs.list, &funcService{name: "backup", run: a.runBackupSchedule})
	}
	a.addStatus("miner", func() any {
		s := m.Settings()
		out := map[string]any{"enabled": s.Enabled}
		if s.Enabled {
			out["stake"] = miner.FormatAmount(s.Stake)
			out["disk"] = miner.FormatSize(s.DiskQuota)
			out["paused"] = m.Gate().Paused()
		}
		if mp.store != nil {
			out["used"] = miner.FormatSize(mp.store.Used())
		}
		mp.mu.Lock()
		if !mp.lastRun.IsZero() {
			out["lastBackup"] = mp.lastRun.UTC().Format(time.RFC3339)
		}
		mp.mu.Unlock()
		if v := a.verifyView(); v != nil {
			out["verify"] = v
		}
		return out
	})
	return nil
}

// runStorageVerify is the startup verify pass: once the idle policy first
// lets mining run, a low-priority worker process (`mycroft miner-worker
// verify DIR`) re-reads every chunk the node holds and quarantines those
// that no longer match their address. The worker is tied to the miner's
// pause gate: SIGSTOP while the owner speaks (or mining is otherwise held),
// SIGCONT after. It runs after every start, not only after an unclean
// shutdown: SD cards rot and lose writes whether or not the agent stopped
// cleanly, the work is bounded by the disk quota and runs only when the
// device is idle, and a chunk an audit asks for is checked on read anyway.
// The node's index then learns what the worker moved away (Store.Recheck).
// The worker keeps to the owner's CPU share (duty cycle) like other mining
// work. Quarantined chunks or a failed pass leave a notice in the health
// warnings (`mycroft status`).
func (a *Agent) runStorageVerify(ctx context.Context, gate *pause.Gate, st *storage.Store) error {
	mp := a.earn.min
	set := func(f func(v *verifyRun)) {
		mp.mu.Lock()
		f(&mp.verify)
		mp.mu.Unlock()
	}
	if err := gate.Wait(ctx); err != nil {
		return nil // stopped before mining ever ran
	}
	fail := func(err error) error {
		set(func(v *verifyRun) { v.State, v.Err, v.Finished, v.Pid = "failed", err.Error(), a.now(), 0 })
		a.log.Warn("storage: verify pass", "err", err)
		a.health.Set("storage.verify", Notice, "storage verify pass failed: "+err.Error())
		return nil // the node still serves: every read checks its chunk
	}
	exe, err := workerExe()
	if err != nil {
		return fail(fmt.Errorf("storage: verify: %w", err))
	}
	cpu := miner.DefaultCPUPercent
	if a.miner != nil && a.miner.Settings().CPUPercent > 0 {
		cpu = a.miner.Settings().CPUPercent
	}
	w, err := miner.StartWorker(ctx, exe, gate, "verify", st.Dir(), strconv.Itoa(cpu))
	if err != nil {
		return fail(err)
	}
	set(func(v *verifyRun) { v.State, v.Pid, v.Started = "running", w.Pid(), a.now() })
	a.log.Info("storage: verify pass started", "pid", w.Pid(), "chunks", st.Len())
	res, err := w.Wait()
	if ctx.Err() != nil {
		return nil
	}
	if err != nil {
		return fail(err)
	}
	var bad []common.Hash
	for _, x := range res.Quarantined {
		bad = append(bad, common.HexToHash(x))
	}
	st.Recheck(bad...)
	set(func(v *verifyRun) {
		v.State, v.Pid, v.Finished, v.Checked, v.Quarantined = "done", 0, a.now(), res.Checked, res.Quarantined
	})
	if len(bad) > 0 {
		a.log.Warn("storage: verify pass quarantined chunks", "checked", res.Checked, "quarantined", len(bad))
		a.health.Set("storage.verify", Notice, fmt.Sprintf("storage verify pass: %d of %d chunks failed their check and were quarantined (owners' audits will move that data elsewhere)", len(bad), res.Checked))
	} else {
		a.log.Info("storage: verify pass done", "checked", res.Checked)
	}
	return nil
}

// verifyView is the verify pass for `mycroft miner status` and `mycroft
// status`; nil without a storage node.
func (a *Agent) verifyView() *apiclient.MinerVerify {
	if a.earn == nil || a.earn.min == nil || a.earn.min.node == nil {
		return nil
	}
	mp := a.earn.min
	mp.mu.Lock()
	v := mp.verify
	mp.mu.Unlock()
	out := &apiclient.MinerVerify{State: v.State, Pid: v.Pid, Checked: v.Checked, Quarantined: v.Quarantined, Error: v.Err,
		Started: v.Started.UTC(), Finished: v.Finished.UTC()}
	if v.State == "running" && a.miner != nil && a.miner.Gate().Paused() {
		out.State = "paused"
	}
	return out
}

// providerLedger reads the miner's voucher earnings from the provider.
type providerLedger struct{ a *Agent }

func (l providerLedger) Earnings(context.Context) (pending, redeemed *big.Int, err error) {
	st, err := l.a.provider.Status()
	if err != nil {
		return nil, nil, err
	}
	pending, ok1 := new(big.Int).SetString(st.Unredeemed, 10)
	redeemed, ok2 := new(big.Int).SetString(st.Redeemed, 10)
	if !ok1 || !ok2 {
		return nil, nil, fmt.Errorf("provider status: bad amounts %q %q", st.Unredeemed, st.Redeemed)
	}
	return pending, redeemed, nil
}

func (a *Agent) needMiner() (*miner.Miner, error) {
	if a.miner == nil {
		return nil, unavailable("the miner is off (see mycroft status)")
	}
	return a.miner, nil
}

func minerStatusView(st miner.Status) apiclient.MinerStatus {
	s := st.Settings
	out := apiclient.MinerStatus{
		Enabled:    s.Enabled,
		Stake:      miner.FormatAmount(orZero(s.Stake)),
		Disk:       miner.FormatSize(s.DiskQuota),
		CPUPercent: s.CPUPercent,
		Hours:      s.Hours.String(),
		Bandwidth:  s.Bandwidth,
		Running:    st.State.Running,
		Reason:     st.State.Reason,
		Load:       st.State.Load,
		TempC:      st.State.TempC,
		Used:       miner.FormatSize(st.Used),
		ChainError: st.ChainErr,
	}
	if n := st.Node; n != nil && n.Registered {
		rn := &apiclient.MinerNode{Address: n.Address.Hex(), Endpoint: n.Endpoint, Stake: miner.FormatAmount(orZero(n.Stake)),
			Capacity: n.Capacity, Prices: map[string]string{}}
		for k, v := range n.Prices {
			rn.Prices[k] = miner.FormatAmount(v)
		}
		out.Node = rn
	}
	return out
}

func orZero(v *big.Int) *big.Int {
	if v == nil {
		return new(big.Int)
	}
	return v
}

func (a *Agent) minerRoutes() {
	a.handle("GET /miner/status", func(r *http.Request) (any, error) {
		m, err := a.needMiner()
		if err != nil {
			return nil, err
		}
		out := minerStatusView(m.Status(r.Context()))
		out.Verify = a.verifyView()
		if a.p2px != nil {
			v := a.p2px.statusView()
			out.Network = &v
		}
		return out, nil
	})
	a.handle("POST /miner/enable", func(r *http.Request) (any, error) {
		m, err := a.needMiner()
		if err != nil {
			return nil, err
		}
		var req apiclient.MinerEnable
		if err := decodeJSON(r, &req); err != nil {
			return nil, err
		}
		s, err := miner.ParseEnableArgs(req.Args)
		if err != nil {
			return nil, badRequest("%v", err)
		}
		if !a.cfg.Provider.Enabled {
			return nil, &apiclient.Error{Status: http.StatusConflict, Message: "mining serves other speakers through the provider: set provider.enabled = true in the configuration and restart the agent"}
		}
		if a.provider == nil {
			return nil, unavailable("the provider could not start (see mycroft status); mining needs it to serve")
		}
		if a.p2px != nil {
			// With p2p on the node registers its libp2p endpoint only.
			if _, err := a.p2px.host(); err != nil {
				return nil, unavailable("mining registers the node's libp2p endpoint: %v", err)
			}
		}
		if err := m.Enable(r.Context(), s); err != nil {
			if errors.Is(err, miner.ErrBadSettings) {
				return nil, badRequest("%v", err)
			}
			return nil, err
		}
		m.Evaluate() // start at once when the idle policy allows
		return minerStatusView(m.Status(r.Context())), nil
	})
	a.handle("POST /miner/disable", func(r *http.Request) (any, error) {
		m, err := a.needMiner()
		if err != nil {
			return nil, err
		}
		if err := m.Disable(r.Context()); err != nil {
			return nil, err
		}
		return minerStatusView(m.Status(r.Context())), nil
	})
	a.handle("GET /miner/earnings", func(r *http.Request) (any, error) {
		m, err := a.needMiner()
		if err != nil {
			return nil, err
		}
		e, err := m.Earnings(r.Context())
		if err != nil {
			return nil, unavailable("%v", err)
		}
		out := apiclient.MinerEarnings{Stake: miner.FormatAmount(e.Stake), Unbonding: miner.FormatAmount(e.Unbonding),
			Pending: miner.FormatAmount(e.Pending), Redeemed: miner.FormatAmount(e.Redeemed)}
		if !e.UnbondableAt.IsZero() {
			out.UnbondableAt = e.UnbondableAt.UTC()
		}
		return out, nil
	})
	a.handle("POST /backup/run", func(r *http.Request) (any, error) {
		if _, _, err := a.runBackup(r.Context()); err != nil {
			var ae *apiclient.Error
			if errors.As(err, &ae) {
				return nil, err
			}
			return nil, fmt.Errorf("backup: %w", err)
		}
		return a.backupStatus(), nil
	})
	a.handle("GET /backup/status", func(r *http.Request) (any, error) {
		if a.keys == nil || a.chain == nil {
			return nil, unavailable("backups need the keystore and the chain (see mycroft status)")
		}
		return a.backupStatus(), nil
	})
	a.handle("POST /backup/restore", func(r *http.Request) (any, error) {
		return a.restoreBackup(r.Context())
	})
}

// earningsToday is what the node earned since the first look of the UTC
// day (kept in memory: after a restart the day starts again at zero).
func (a *Agent) earningsToday(total *big.Int) *big.Int {
	mp := a.earn.min
	day := a.now().UTC().Format("2006-01-02")
	mp.mu.Lock()
	defer mp.mu.Unlock()
	if mp.earnDay != day || mp.earnBase == nil || mp.earnBase.Cmp(total) > 0 {
		mp.earnDay, mp.earnBase = day, new(big.Int).Set(total)
	}
	return new(big.Int).Sub(total, mp.earnBase)
}
