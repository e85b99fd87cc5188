package miner

import (
	"context"
	"errors"
	"math/big"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"go.etcd.io/bbolt"

	"github.com/mycroft-network/mycroft/chain"
)

func openDB(t *testing.T) *bbolt.DB {
	t.Helper()
	db, err := bbolt.Open(filepath.Join(t.TempDir(), "mycroft.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestParseSize(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want uint64
		ok   bool
	}{
		{"2GiB", 2 << 30, true},
		{"2gib", 2 << 30, true},
		{"1.5 MiB", 3 << 19, true},
		{"500MB", 500e6, true},
		{"10G", 10 << 30, true},
		{"1024", 1024, true},
		{"7B", 7, true},
		{"1TiB", 1 << 40, true},
		{"", 0, false},
		{"GiB", 0, false},
		{"-1GiB", 0, false},
		{"1.GiB", 0, false},
		{"1e9", 0, false},
		{"99999999999999999999TiB", 0, false},
		{"2 XB", 0, false},
	} {
		got, err := ParseSize(tc.in)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d, ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
		if err != nil && !errors.Is(err, ErrBadSize) {
			t.Errorf("ParseSize(%q) error %v is not ErrBadSize", tc.in, err)
		}
	}
	if got := FormatSize(2 << 30); got != "2GiB" {
		t.Errorf("FormatSize(2GiB) = %q", got)
	}
}

func TestParseHours(t *testing.T) {
	at := func(h, m int) time.Time { return time.Date(2026, 1, 1, h, m, 0, 0, time.UTC) }
	for _, tc := range []struct {
		in      string
		ok      bool
		inside  []time.Time
		outside []time.Time
	}{
		{"01:00-06:00", true, []time.Time{at(1, 0), at(5, 59)}, []time.Time{at(0, 59), at(6, 0), at(12, 0)}},
		{"22:00-06:00", true, []time.Time{at(23, 0), at(0, 0), at(5, 0)}, []time.Time{at(6, 0), at(21, 59)}},
		{"18:00-24:00", true, []time.Time{at(23, 59)}, []time.Time{at(0, 0)}},
		{"any", true, []time.Time{at(3, 3)}, nil},
		{"", true, []time.Time{at(3, 3)}, nil},
		{"01:00-01:00", false, nil, nil},
		{"1-6", false, nil, nil},
		{"25:00-06:00", false, nil, nil},
		{"24:00-06:00", false, nil, nil},
		{"01:60-06:00", false, nil, nil},
		{"01:00", false, nil, nil},
	} {
		h, err := ParseHours(tc.in)
		if (err == nil) != tc.ok {
			t.Errorf("ParseHours(%q): err %v, want ok=%v", tc.in, err, tc.ok)
			continue
		}
		for _, x := range tc.inside {
			if !h.Contains(x) {
				t.Errorf("%q does not contain %s", tc.in, x.Format("15:04"))
			}
		}
		for _, x := range tc.outside {
			if h.Contains(x) {
				t.Errorf("%q contains %s", tc.in, x.Format("15:04"))
			}
		}
		if tc.ok {
			back, err := ParseHours(h.String())
			if err != nil || back != h {
				t.Errorf("round trip of %q via %q: %v, %v", tc.in, h.String(), back, err)
			}
		}
	}
}

func TestParseAmount(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"10", "10000000000000000000", true},
		{"0.25", "250000000000000000", true},
		{"10 MYC", "10000000000000000000", true},
		{".5", "500000000000000000", true},
		{"1.0000000000000000001", "", false},
		{"-1", "", false},
		{"", "", false},
		{"1e3", "", false},
	} {
		got, err := ParseAmount(tc.in)
		if (err == nil) != tc.ok || tc.ok && got.String() != tc.want {
			t.Errorf("ParseAmount(%q) = %v, %v; want %s ok=%v", tc.in, got, err, tc.want, tc.ok)
		}
		if tc.ok && FormatAmount(got) != ParseBack(t, FormatAmount(got)) {
			t.Errorf("FormatAmount round trip of %q", tc.in)
		}
	}
}

// ParseBack parses and formats again (a helper, so the round trip is visible).
func ParseBack(t *testing.T, s string) string {
	n, err := ParseAmount(s)
	if err != nil {
		t.Fatalf("ParseAmount(%q): %v", s, err)
	}
	return FormatAmount(n)
}

func FuzzParseSize(f *testing.F) {
	for _, s := range []string{"2GiB", "1.5MiB", "500MB", "10G", "0", "", ".", "1.", "18446744073709551616"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseSize(s)
		if err != nil {
			return
		}
		n2, err := ParseSize(FormatSize(n))
		if d := float64(n2) - float64(n); err != nil || d > float64(n)/100+1 || -d > float64(n)/100+1 {
			t.Fatalf("FormatSize(%d)=%q parses to %d, %v", n, FormatSize(n), n2, err)
		}
	})
}

func FuzzParseHours(f *testing.F) {
	for _, s := range []string{"01:00-06:00", "22:00-06:00", "any", "24:00-01:00", "1:00-2:00", "--", ":-:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h, err := ParseHours(s)
		if err != nil {
			return
		}
		if h.Start < 0 || h.Start >= 1440 || h.End < 0 || h.End >= 1440 {
			t.Fatalf("ParseHours(%q) = %+v out of range", s, h)
		}
		if back, err := ParseHours(h.String()); err != nil || back != h {
			t.Fatalf("round trip %q: %+v %v", s, back, err)
		}
	})
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"10", "0.25", "10 MYC", ".5", "1.", "99999999999999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseAmount(s)
		if err != nil {
			return
		}
		if n.Sign() < 0 {
			t.Fatalf("negative amount from %q", s)
		}
		back, err := ParseAmount(FormatAmount(n))
		if err != nil || back.Cmp(n) != 0 {
			t.Fatalf("round trip %q: %v %v", s, back, err)
		}
	})
}

func TestSensors(t *testing.T) {
	if v, err := ParseLoadAvg([]byte("1.60 0.50 0.40 1/200 300\n"), 2); err != nil || v != 0.8 {
		t.Errorf("ParseLoadAvg = %v, %v; want 0.8", v, err)
	}
	for _, bad := range []string{"", "x 1 2", "-1 0 0", "NaN 1 1"} {
		if _, err := ParseLoadAvg([]byte(bad), 1); !errors.Is(err, ErrBadSensor) {
			t.Errorf("ParseLoadAvg(%q) error %v, want ErrBadSensor", bad, err)
		}
	}
	if v, err := ParseMilliCelsius([]byte("54321\n")); err != nil || v != 54.321 {
		t.Errorf("ParseMilliCelsius = %v, %v", v, err)
	}
	if _, err := ParseMilliCelsius([]byte("hot")); !errors.Is(err, ErrBadSensor) {
		t.Errorf("ParseMilliCelsius(hot) error %v", err)
	}
}

// fakeClock is an injectable clock.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }

func TestIdlePolicy(t *testing.T) {
	clock := &fakeClock{t: time.Date(2026, 1, 1, 2, 0, 0, 0, time.UTC)}
	load, temp := 0.1, 40.0
	var loadErr error
	db := openDB(t)
	m, err := New(Config{
		DB:  db,
		Now: clock.now,
		Sensors: Sensors{
			Load:  func() (float64, error) { return load, loadErr },
			TempC: func() (float64, error) { return temp, nil },
		},
		Policy: Policy{Quiet: 30 * time.Second},
	})
	if err != nil {
		t.Fatal(err)
	}
	if st := m.Evaluate(); st.Running || !m.Gate().Paused() {
		t.Fatalf("disabled miner runs: %+v", st)
	}
	hours, _ := ParseHours("01:00-06:00")
	s := Settings{Stake: big.NewInt(1), DiskQuota: 1 << 30, CPUPercent: 10, Hours: hours}
	if err := m.Enable(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name    string
		do      func()
		running bool
		reason  string
	}{
		{"idle", func() {}, true, ""},
		{"voice", func() { m.VoiceActive() }, false, "voice activity"},
		{"quiet not over", func() { clock.t = clock.t.Add(29 * time.Second) }, false, "voice activity"},
		{"quiet over", func() { clock.t = clock.t.Add(time.Second) }, true, ""},
		{"busy cpu", func() { load = 0.9 }, false, "cpu load 0.90 per core at or above 0.80"},
		{"cpu unknown", func() { load = 0.1; loadErr = errors.New("no proc") }, false, "cpu load unknown: no proc"},
		{"hot", func() { loadErr = nil; temp = 75 }, false, "temperature 75.0°C at or above 70.0°C"},
		{"cool", func() { temp = 50 }, true, ""},
		{"outside hours", func() { clock.t = clock.t.Add(5 * time.Hour) }, false, "outside allowed hours 01:00-06:00"},
		{"inside again", func() { clock.t = clock.t.Add(20 * time.Hour) }, true, ""},
		{"disabled", func() {
			if err := m.Disable(context.Background()); err != nil {
				t.Fatal(err)
			}
		}, false, "disabled by the owner"},
	}
	for _, st := range steps {
		st.do()
		got := m.Evaluate()
		if got.Running != st.running || got.Reason != st.reason || m.Gate().Paused() == st.running {
			t.Errorf("%s: state %+v (gate paused %v); want running=%v reason %q", st.name, got, m.Gate().Paused(), st.running, st.reason)
		}
	}
	// VoiceActive pauses synchronously, before any Evaluate.
	if err := m.Enable(context.Background(), s); err != nil {
		t.Fatal(err)
	}
	if !m.Evaluate().Running {
		t.Fatal("not running after enable")
	}
	m.VoiceActive()
	if !m.Gate().Paused() {
		t.Fatal("VoiceActive did not pause the gate at once")
	}
}

func TestSettingsPersist(t *testing.T) {
	db := openDB(t)
	var applied []Settings
	m, err := New(Config{DB: db, Apply: func(s Settings) { applied = append(applied, s) }})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if len(applied) != 2 || applied[0].Enabled || !applied[1].Enabled || applied[1].DiskQuota != 2<<30 {
			t.Errorf("Apply saw %+v; want the off settings at start, then the enabled ones", applied)
		}
	}()
	if m.Settings().Enabled {
		t.Fatal("mining on by default")
	}
	bad := []Settings{
		{DiskQuota: 1, CPUPercent: 10},
		{Stake: big.NewInt(1), CPUPercent: 10},
		{Stake: big.NewInt(1), DiskQuota: 1, CPUPercent: 101},
	}
	for _, s := range bad {
		if err := m.Enable(context.Background(), s); !errors.Is(err, ErrBadSettings) {
			t.Errorf("Enable(%+v) = %v, want ErrBadSettings", s, err)
		}
	}
	hours, _ := ParseHours("22:00-06:00")
	want := Settings{Enabled: true, Stake: big.NewInt(5), DiskQuota: 2 << 30, CPUPercent: 25, Hours: hours, Bandwidth: 1 << 20}
	if err := m.Enable(context.Background(), want); err != nil {
		t.Fatal(err)
	}
	m2, err := New(Config{DB: db})
	if err != nil {
		t.Fatal(err)
	}
	got := m2.Settings()
	if got.Stake.Cmp(want.Stake) != 0 || got.DiskQuota != want.DiskQuota || got.Hours != want.Hours || !got.Enabled || got.Bandwidth != want.Bandwidth {
		t.Fatalf("reloaded %+v, want %+v", got, want)
	}
	if !m2.Gate().Paused() {
		t.Fatal("a new miner starts running before the policy says so")
	}
}

// fakeRegistry records staking calls (the real Registry is exercised on
// the devnet in miner/backup's network test).
type fakeRegistry struct {
	info  chain.NodeInfo
	calls []string
}

func (r *fakeRegistry) Address() common.Address { return common.Address{1} }
func (r *fakeRegistry) Node(context.Context, common.Address) (chain.NodeInfo, error) {
	return r.info, nil
}
func (r *fakeRegistry) Register(_ context.Context, ep string, _ chain.Prices, capa uint64, stake *big.Int) (*types.Receipt, error) {
	r.calls = append(r.calls, "register "+stake.String())
	r.info = chain.NodeInfo{Registered: true, Endpoint: ep, Stake: new(big.Int).Set(stake), Capacity: capa, Unbonding: new(big.Int)}
	return nil, nil
}
func (r *fakeRegistry) UpdateNode(context.Context, string, chain.Prices, uint64) (*types.Receipt, error) {
	r.calls = append(r.calls, "update")
	return nil, nil
}
func (r *fakeRegistry) AddStake(_ context.Context, a *big.Int) (*types.Receipt, error) {
	r.calls = append(r.calls, "add "+a.String())
	r.info.Stake.Add(r.info.Stake, a)
	return nil, nil
}
func (r *fakeRegistry) Unbond(_ context.Context, a *big.Int) (*types.Receipt, error) {
	r.calls = append(r.calls, "unbond "+a.String())
	r.info.Stake.Sub(r.info.Stake, a)
	r.info.Unbonding.Add(r.info.Unbonding, a)
	return nil, nil
}
func (r *fakeRegistry) WithdrawStake(context.Context) (*types.Receipt, error) {
	r.calls = append(r.calls, "withdraw")
	return nil, nil
}

type fakeLedger struct{}

func (fakeLedger) Earnings(context.Context) (*big.Int, *big.Int, error) {
	return big.NewInt(7), big.NewInt(3), nil
}

func TestStaking(t *testing.T) {
	reg := &fakeRegistry{}
	m, err := New(Config{DB: openDB(t), Registry: reg, Ledger: fakeLedger{}, Endpoint: "http://127.0.0.1:1"})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, stake := range []int64{10, 15, 12} {
		if err := m.Enable(ctx, Settings{Stake: big.NewInt(stake), DiskQuota: 1 << 20}); err != nil {
			t.Fatal(err)
		}
	}
	want := []string{"register 10", "add 5", "update", "unbond 3", "update"}
	if len(reg.calls) != len(want) {
		t.Fatalf("calls %v, want %v", reg.calls, want)
	}
	for i := range want {
		if reg.calls[i] != want[i] {
			t.Fatalf("calls %v, want %v", reg.calls, want)
		}
	}
	e, err := m.Earnings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if e.Stake.Int64() != 12 || e.Unbonding.Int64() != 3 || e.Pending.Int64() != 7 || e.Redeemed.Int64() != 3 {
		t.Fatalf("earnings %+v", e)
	}
	if st := m.Status(ctx); st.Node == nil || st.Node.Stake.Int64() != 12 {
		t.Fatalf("status %+v", st)
	}
	if err := (&Miner{cfg: Config{}}).Unbond(ctx, big.NewInt(1)); !errors.Is(err, ErrNoChain) {
		t.Fatalf("Unbond without a chain: %v", err)
	}
}

func FuzzParseSensors(f *testing.F) {
	for _, s := range []string{"0.52 0.58 0.59 1/449 12345\n", "54321\n", "", "-5000", "NaN", "1e400 1 1"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if v, err := ParseLoadAvg(b, 4); err == nil && (v < 0 || v != v) {
			t.Fatalf("load %v from %q", v, b)
		}
		if v, err := ParseMilliCelsius(b); err == nil && (v < -273.15 || v > 1000) {
			t.Fatalf("temperature %v from %q", v, b)
		}
	})
}
