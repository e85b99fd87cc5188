package miner

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"go.etcd.io/bbolt"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/miner/pause"
)

// Bucket is the bbolt bucket holding the settings.
const Bucket = "miner/settings"

var settingsKey = []byte("settings")

// ErrNoChain is returned for staking operations when no Registry is wired.
var ErrNoChain = errors.New("miner: no chain configured")

// Registry is what the miner needs of the on-chain Registry; *chain.Client
// (with the owner's signer) satisfies it. Calls that send a transaction
// return after the receipt.
type Registry interface {
	Address() common.Address
	Node(ctx context.Context, node common.Address) (chain.NodeInfo, error)
	Register(ctx context.Context, endpoint string, prices chain.Prices, capacity uint64, stake *big.Int) (*types.Receipt, error)
	UpdateNode(ctx context.Context, endpoint string, prices chain.Prices, capacity uint64) (*types.Receipt, error)
	AddStake(ctx context.Context, amount *big.Int) (*types.Receipt, error)
	Unbond(ctx context.Context, amount *big.Int) (*types.Receipt, error)
	WithdrawStake(ctx context.Context) (*types.Receipt, error)
}

// Ledger reports what the node earned through vouchers (paid calls and
// storage rent): pending is held in vouchers not yet redeemed, redeemed was
// paid on chain. miner/provider's voucher store offers it.
type Ledger interface {
	Earnings(ctx context.Context) (pending, redeemed *big.Int, err error)
}

// Sensors read the machine's state. Nil functions are treated as "fine".
type Sensors struct {
	// Load returns the 1-minute load average divided by the CPU count.
	Load func() (float64, error)
	// TempC returns the SoC temperature in degrees Celsius.
	TempC func() (float64, error)
}

// Policy are the idle thresholds.
type Policy struct {
	MaxLoad  float64       // per CPU; default 0.8
	MaxTempC float64       // default 70 (the Pi throttles at 80-85)
	Quiet    time.Duration // after the last voice activity; default 30 s
	Interval time.Duration // how often Run re-evaluates; default 5 s
}

func (p Policy) withDefaults() Policy {
	if p.MaxLoad <= 0 {
		p.MaxLoad = 0.8
	}
	if p.MaxTempC <= 0 {
		p.MaxTempC = 70
	}
	if p.Quiet <= 0 {
		p.Quiet = 30 * time.Second
	}
	if p.Interval <= 0 {
		p.Interval = 5 * time.Second
	}
	return p
}

// Config builds a Miner.
type Config struct {
	DB      *bbolt.DB    // required; the miner uses bucket "miner/settings"
	Log     *slog.Logger // nil: discard
	Now     func() time.Time
	Sensors Sensors
	Policy  Policy
	// Gate is shared with every worker; nil makes a new (paused) one.
	Gate *pause.Gate
	// Registry, Ledger and Usage are optional.
	Registry Registry
	Ledger   Ledger
	Usage    func() uint64 // bytes the storage node holds
	// Apply, if set, is called with the settings after New, Enable and
	// Disable, so the agent can pass the quota to the storage node
	// (Store.SetQuota).
	Apply func(Settings)
	// Endpoint and Prices (service name → price) are announced when
	// staking; the disk quota is announced as the storage capacity.
	Endpoint string
	Prices   chain.Prices
	// EndpointFunc, when set, gives the endpoint at the time of staking
	// instead of Endpoint (the agent's libp2p endpoint exists once its
	// host starts, which may be after the miner is made).
	EndpointFunc func() string
}

// Miner is the owner-facing service: consent, caps, idle policy, staking.
type Miner struct {
	cfg  Config
	log  *slog.Logger
	gate *pause.Gate

	lastVoice atomic.Int64 // unix nanoseconds of the last voice activity

	mu       sync.Mutex
	settings Settings
	state    State
}

// State is the outcome of the idle policy.
type State struct {
	Running bool      `json:"running"`
	Reason  string    `json:"reason"` // why it is paused; "" when running
	Since   time.Time `json:"since"`
	Load    float64   `json:"load"`
	TempC   *float64  `json:"temp_c"` // nil: no sensor, or it could not be read
}

// Status is what `mycroft miner status` shows.
type Status struct {
	Settings Settings        `json:"settings"`
	State    State           `json:"state"`
	Used     uint64          `json:"used_bytes"`
	Node     *chain.NodeInfo `json:"node,omitempty"`
	ChainErr string          `json:"chain_error,omitempty"`
}

// Earnings is what `mycroft miner earnings` shows, in MYC base units.
type Earnings struct {
	Stake        *big.Int  `json:"stake"`
	Unbonding    *big.Int  `json:"unbonding"`
	UnbondableAt time.Time `json:"unbondable_at,omitzero"`
	Pending      *big.Int  `json:"pending"`
	Redeemed     *big.Int  `json:"redeemed"`
}

// New loads the settings and returns a Miner whose gate starts paused.
func New(cfg Config) (*Miner, error) {
	if cfg.DB == nil {
		return nil, errors.New("miner: new: no database")
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	cfg.Policy = cfg.Policy.withDefaults()
	if cfg.Gate == nil {
		cfg.Gate = pause.New(true)
	}
	m := &Miner{cfg: cfg, log: cfg.Log, gate: cfg.Gate}
	s, err := LoadSettings(cfg.DB)
	if err != nil {
		return nil, fmt.Errorf("miner: new: %w", err)
	}
	m.settings = s
	m.state = State{Reason: "starting", Since: cfg.Now()}
	m.gate.Pause()
	if s.Enabled {
		m.gate.SetDuty(s.CPUPercent)
	}
	if cfg.Apply != nil {
		cfg.Apply(s)
	}
	return m, nil
}

// LoadSettings reads the settings; missing settings are the zero value (off).
func LoadSettings(db *bbolt.DB) (Settings, error) {
	var s Settings
	err := db.View(func(tx *bbolt.Tx) error {
		b := tx.Bucket([]byte(Bucket))
		if b == nil {
			return nil
		}
		v := b.Get(settingsKey)
		if v == nil {
			return nil
		}
		return json.Unmarshal(v, &s)
	})
	if err != nil {
		return Settings{}, fmt.Errorf("load settings: %w", err)
	}
	return s, nil
}

// SaveSettings writes the settings in one transaction, skipping the write
// when nothing changed.
func SaveSettings(db *bbolt.DB, s Settings) error {
	v, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("save settings: %w", err)
	}
	err = db.Update(func(tx *bbolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists([]byte(Bucket))
		if err != nil {
			return err
		}
		if old := b.Get(settingsKey); string(old) == string(v) {
			return nil
		}
		return b.Put(settingsKey, v)
	})
	if err != nil {
		return fmt.Errorf("save settings: %w", err)
	}
	return nil
}

// Name is the service name.
func (m *Miner) Name() string { return "miner" }

// Gate is the pause gate every piece of mining work must observe.
func (m *Miner) Gate() *pause.Gate { return m.gate }

// VoiceActive is called synchronously by the voice pipeline on any voice
// activity (trigger, speech start). It pauses all mining work at once and
// restarts the quiet period; it never blocks on workers.
func (m *Miner) VoiceActive() {
	now := m.cfg.Now()
	m.lastVoice.Store(now.UnixNano())
	m.gate.Pause()
	m.mu.Lock()
	if m.state.Running || m.state.Reason != "voice activity" {
		m.state = State{Reason: "voice activity", Since: now, Load: m.state.Load, TempC: m.state.TempC}
	}
	m.mu.Unlock()
}

// Settings returns the current settings.
func (m *Miner) Settings() Settings {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.settings
}

// Enable validates s (Enabled is set), stakes through the Registry when one
// is wired (registers, adds stake, or unbonds the excess, and announces the
// endpoint, services and disk quota) and persists s. Mining then starts
// when the idle policy allows.
func (m *Miner) Enable(ctx context.Context, s Settings) error {
	s.Enabled = true
	if s.CPUPercent == 0 {
		s.CPUPercent = DefaultCPUPercent
	}
	if err := s.Validate(); err != nil {
		return fmt.Errorf("miner: enable: %w", err)
	}
	if m.cfg.Registry != nil {
		if err := m.stake(ctx, s); err != nil {
			return fmt.Errorf("miner: enable: %w", err)
		}
	}
	if err := SaveSettings(m.cfg.DB, s); err != nil {
		return fmt.Errorf("miner: enable: %w", err)
	}
	m.mu.Lock()
	m.settings = s
	m.mu.Unlock()
	m.gate.SetDuty(s.CPUPercent)
	if m.cfg.Apply != nil {
		m.cfg.Apply(s)
	}
	m.log.Info("mining enabled", "stake", FormatAmount(s.Stake), "disk", FormatSize(s.DiskQuota),
		"cpu_percent", s.CPUPercent, "hours", s.Hours.String())
	m.Evaluate()
	return nil
}

func (m *Miner) stake(ctx context.Context, s Settings) error {
	r := m.cfg.Registry
	info, err := r.Node(ctx, r.Address())
	if err != nil {
		return fmt.Errorf("stake: %w", err)
	}
	if !info.Registered {
		if _, err := r.Register(ctx, m.endpoint(), m.cfg.Prices, s.DiskQuota, s.Stake); err != nil {
			return fmt.Errorf("stake: register: %w", err)
		}
		return nil
	}
	cur := info.Stake
	if cur == nil {
		cur = new(big.Int)
	}
	switch c := s.Stake.Cmp(cur); {
	case c > 0:
		if _, err := r.AddStake(ctx, new(big.Int).Sub(s.Stake, cur)); err != nil {
			return fmt.Errorf("stake: add: %w", err)
		}
	case c < 0:
		if _, err := r.Unbond(ctx, new(big.Int).Sub(cur, s.Stake)); err != nil {
			return fmt.Errorf("stake: unbond: %w", err)
		}
	}
	if _, err := r.UpdateNode(ctx, m.endpoint(), m.cfg.Prices, s.DiskQuota); err != nil {
		return fmt.Errorf("stake: update: %w", err)
	}
	return nil
}

// endpoint is the endpoint to announce now (Config.EndpointFunc, else
// Config.Endpoint).
func (m *Miner) endpoint() string {
	if m.cfg.EndpointFunc != nil {
		return m.cfg.EndpointFunc()
	}
	return m.cfg.Endpoint
}

// Disable stops mining at once and persists the choice. The stake stays
// bonded (storage agreements are still owed); Unbond releases it.
func (m *Miner) Disable(ctx context.Context) error {
	m.gate.Pause()
	m.mu.Lock()
	s := m.settings
	m.mu.Unlock()
	s.Enabled = false
	if err := SaveSettings(m.cfg.DB, s); err != nil {
		return fmt.Errorf("miner: disable: %w", err)
	}
	m.mu.Lock()
	m.settings = s
	m.mu.Unlock()
	if m.cfg.Apply != nil {
		m.cfg.Apply(s)
	}
	m.log.Info("mining disabled")
	m.Evaluate()
	return nil
}

// Unbond starts unbonding amount of stake (all of it deregisters the node).
func (m *Miner) Unbond(ctx context.Context, amount *big.Int) error {
	if m.cfg.Registry == nil {
		return fmt.Errorf("miner: unbond: %w", ErrNoChain)
	}
	if _, err := m.cfg.Registry.Unbond(ctx, amount); err != nil {
		return fmt.Errorf("miner: unbond: %w", err)
	}
	return nil
}

// Withdraw pays out stake whose unbonding delay has passed.
func (m *Miner) Withdraw(ctx context.Context) error {
	if m.cfg.Registry == nil {
		return fmt.Errorf("miner: withdraw: %w", ErrNoChain)
	}
	if _, err := m.cfg.Registry.WithdrawStake(ctx); err != nil {
		return fmt.Errorf("miner: withdraw: %w", err)
	}
	return nil
}

// Status reports settings, the idle state, storage use and, when a chain is
// wired, the node's Registry record (a chain error is reported, not fatal).
func (m *Miner) Status(ctx context.Context) Status {
	m.mu.Lock()
	st := Status{Settings: m.settings, State: m.state}
	m.mu.Unlock()
	if m.cfg.Usage != nil {
		st.Used = m.cfg.Usage()
	}
	if m.cfg.Registry != nil {
		info, err := m.cfg.Registry.Node(ctx, m.cfg.Registry.Address())
		if err != nil {
			st.ChainErr = err.Error()
		} else {
			st.Node = &info
		}
	}
	return st
}

// Earnings reports stake, unbonding, pending and redeemed earnings.
func (m *Miner) Earnings(ctx context.Context) (Earnings, error) {
	e := Earnings{Stake: new(big.Int), Unbonding: new(big.Int), Pending: new(big.Int), Redeemed: new(big.Int)}
	if m.cfg.Registry != nil {
		info, err := m.cfg.Registry.Node(ctx, m.cfg.Registry.Address())
		if err != nil {
			return e, fmt.Errorf("miner: earnings: %w", err)
		}
		if info.Stake != nil {
			e.Stake.Set(info.Stake)
		}
		if info.Unbonding != nil {
			e.Unbonding.Set(info.Unbonding)
		}
		e.UnbondableAt = info.UnbondableAt
	}
	if m.cfg.Ledger != nil {
		p, r, err := m.cfg.Ledger.Earnings(ctx)
		if err != nil {
			return e, fmt.Errorf("miner: earnings: %w", err)
		}
		if p != nil {
			e.Pending.Set(p)
		}
		if r != nil {
			e.Redeemed.Set(r)
		}
	}
	return e, nil
}

// Evaluate applies the idle policy now: it resumes or pauses the gate and
// returns the new state. Run calls it on every tick.
func (m *Miner) Evaluate() State {
	now := m.cfg.Now()
	p := m.cfg.Policy
	m.mu.Lock()
	s := m.settings
	m.mu.Unlock()
	st := State{Since: now}
	var load, temp float64
	var lerr, terr error
	if m.cfg.Sensors.Load != nil {
		load, lerr = m.cfg.Sensors.Load()
	}
	if m.cfg.Sensors.TempC != nil {
		temp, terr = m.cfg.Sensors.TempC()
	}
	st.Load = load
	if m.cfg.Sensors.TempC != nil && terr == nil {
		st.TempC = &temp
	}
	last := m.lastVoice.Load()
	switch {
	case !s.Enabled:
		st.Reason = "disabled by the owner"
	case last != 0 && now.Sub(time.Unix(0, last)) < p.Quiet:
		st.Reason = "voice activity"
	case !s.Hours.Contains(now):
		st.Reason = "outside allowed hours " + s.Hours.String()
	case lerr != nil:
		st.Reason = "cpu load unknown: " + lerr.Error()
	case load >= p.MaxLoad:
		st.Reason = fmt.Sprintf("cpu load %.2f per core at or above %.2f", load, p.MaxLoad)
	case terr != nil:
		st.Reason = "temperature unknown: " + terr.Error()
	case temp >= p.MaxTempC:
		st.Reason = fmt.Sprintf("temperature %.1f°C at or above %.1f°C", temp, p.MaxTempC)
	default:
		st.Running = true
	}
	if st.Running {
		m.gate.Resume()
	} else {
		m.gate.Pause()
	}
	m.mu.Lock()
	if m.state.Running == st.Running && m.state.Reason == st.Reason {
		st.Since = m.state.Since
	} else {
		m.log.Info("mining state", "running", st.Running, "reason", st.Reason)
	}
	m.state = st
	m.mu.Unlock()
	return st
}

// Run evaluates the idle policy every Policy.Interval until ctx ends; the
// gate is left paused.
func (m *Miner) Run(ctx context.Context) error {
	t := time.NewTicker(m.cfg.Policy.Interval)
	defer t.Stop()
	defer m.gate.Pause()
	m.Evaluate()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
			m.Evaluate()
		}
	}
}

// Close pauses all mining work.
func (m *Miner) Close() error {
	m.gate.Pause()
	return nil
}
