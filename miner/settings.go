package miner

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"
)

// Sentinel errors of the settings and their parsers.
var (
	// ErrBadSize is returned for a size that does not parse.
	ErrBadSize = errors.New("miner: bad size")
	// ErrBadHours is returned for an hours range that does not parse.
	ErrBadHours = errors.New("miner: bad hours range")
	// ErrBadAmount is returned for a token amount that does not parse.
	ErrBadAmount = errors.New("miner: bad token amount")
	// ErrBadSettings is returned by Settings.Validate.
	ErrBadSettings = errors.New("miner: bad settings")
)

// Settings are the owner's consent and caps. The zero value is "off".
type Settings struct {
	// Enabled is the owner's consent; nothing runs without it.
	Enabled bool `json:"enabled"`
	// Stake is the MYC stake in base units (18 decimals).
	Stake *big.Int `json:"stake,omitempty"`
	// DiskQuota is the most bytes the storage node may hold for others.
	DiskQuota uint64 `json:"disk_quota"`
	// CPUPercent is the share of one CPU's time mining work may use, 1-100.
	CPUPercent int `json:"cpu_percent"`
	// Hours is when mining may run (local time of the clock); the zero
	// value means at any hour.
	Hours HourRange `json:"hours"`
	// Bandwidth caps what the storage node sends and receives, in bytes
	// per second; 0 means no cap.
	Bandwidth uint64 `json:"bandwidth"`
}

// DefaultCPUPercent is the CPU share when the owner names none.
const DefaultCPUPercent = 25

// Validate checks an enabled configuration.
func (s Settings) Validate() error {
	if !s.Enabled {
		return nil
	}
	if s.Stake == nil || s.Stake.Sign() <= 0 {
		return fmt.Errorf("%w: stake must be positive", ErrBadSettings)
	}
	if s.CPUPercent < 1 || s.CPUPercent > 100 {
		return fmt.Errorf("%w: cpu percent %d not in 1-100", ErrBadSettings, s.CPUPercent)
	}
	if s.DiskQuota == 0 {
		return fmt.Errorf("%w: disk quota must be positive", ErrBadSettings)
	}
	return nil
}

// ---- sizes ----

var sizeUnits = []struct {
	suffix string
	mult   uint64
}{
	// longest first so "KiB" is not read as "B"
	{"kib", 1 << 10}, {"mib", 1 << 20}, {"gib", 1 << 30}, {"tib", 1 << 40}, {"pib", 1 << 50}, {"eib", 1 << 60},
	{"kb", 1e3}, {"mb", 1e6}, {"gb", 1e9}, {"tb", 1e12}, {"pb", 1e15}, {"eb", 1e18},
	{"k", 1 << 10}, {"m", 1 << 20}, {"g", 1 << 30}, {"t", 1 << 40},
	{"b", 1},
}

// ParseSize reads a byte count: a decimal number (fractions allowed) and an
// optional unit: B; KiB to EiB (powers of 1024); kB to EB
// (powers of 1000); K, M, G, T alone mean the binary units. Units are
// case-insensitive. "2GiB" is 2147483648.
func ParseSize(s string) (uint64, error) {
	t := strings.TrimSpace(s)
	if t == "" || len(t) > 40 {
		return 0, fmt.Errorf("%w: %q", ErrBadSize, s)
	}
	lower := strings.ToLower(t)
	mult := uint64(1)
	for _, u := range sizeUnits {
		if strings.HasSuffix(lower, u.suffix) {
			mult = u.mult
			lower = strings.TrimSpace(lower[:len(lower)-len(u.suffix)])
			break
		}
	}
	if lower == "" {
		return 0, fmt.Errorf("%w: %q: no number", ErrBadSize, s)
	}
	whole, frac, hasDot := strings.Cut(lower, ".")
	if whole == "" && frac == "" || !digits(whole) || !digits(frac) || hasDot && frac == "" {
		return 0, fmt.Errorf("%w: %q", ErrBadSize, s)
	}
	r, ok := new(big.Rat).SetString(lower)
	if !ok {
		return 0, fmt.Errorf("%w: %q", ErrBadSize, s)
	}
	r.Mul(r, new(big.Rat).SetInt(new(big.Int).SetUint64(mult)))
	n := new(big.Int).Quo(r.Num(), r.Denom())
	if !n.IsUint64() {
		return 0, fmt.Errorf("%w: %q: too large", ErrBadSize, s)
	}
	return n.Uint64(), nil
}

func digits(s string) bool {
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// FormatSize writes n with the largest binary unit that keeps it whole
// enough to read ("2GiB", "1.5MiB", "100B").
func FormatSize(n uint64) string {
	units := []string{"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"}
	f := float64(n)
	i := 0
	for f >= 1024 && i < len(units)-1 {
		f /= 1024
		i++
	}
	if i == 0 {
		return strconv.FormatUint(n, 10) + "B"
	}
	v := math.Floor(f*100) / 100
	if v*math.Pow(1024, float64(i)) >= 1<<64 {
		// float64(n) rounded n up to 2^64 ("16EiB"), which ParseSize
		// refuses: say a little less.
		v -= 0.01
	}
	return strconv.FormatFloat(v, 'f', -1, 64) + units[i]
}

// ---- token amounts ----

// Decimals of MYC.
const Decimals = 18

// ParseAmount reads a MYC amount in tokens with up to 18 decimals ("10",
// "0.25", "10 MYC") and returns base units.
func ParseAmount(s string) (*big.Int, error) {
	t := strings.TrimSpace(s)
	if len(t) > 80 {
		return nil, fmt.Errorf("%w: too long", ErrBadAmount)
	}
	t = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(t, "MYC"), "myc"))
	whole, frac, hasDot := strings.Cut(t, ".")
	if whole == "" && frac == "" || !digits(whole) || !digits(frac) || hasDot && frac == "" || len(frac) > Decimals {
		return nil, fmt.Errorf("%w: %q", ErrBadAmount, s)
	}
	if whole == "" {
		whole = "0"
	}
	frac += strings.Repeat("0", Decimals-len(frac))
	n, ok := new(big.Int).SetString(whole+frac, 10)
	if !ok {
		return nil, fmt.Errorf("%w: %q", ErrBadAmount, s)
	}
	return n, nil
}

// FormatAmount writes base units as MYC ("10", "0.25").
func FormatAmount(n *big.Int) string {
	if n == nil {
		return "0"
	}
	neg := n.Sign() < 0
	a := new(big.Int).Abs(n)
	unit := new(big.Int).Exp(big.NewInt(10), big.NewInt(Decimals), nil)
	q, r := new(big.Int).QuoRem(a, unit, new(big.Int))
	out := q.String()
	if r.Sign() != 0 {
		fs := fmt.Sprintf("%0*s", Decimals, r.String())
		out += "." + strings.TrimRight(fs, "0")
	}
	if neg {
		out = "-" + out
	}
	return out
}

// ---- hours ----

// HourRange is a daily window [Start, End) in minutes after midnight; it may
// wrap past midnight ("22:00-06:00"). The zero value (both 0) means all day.
type HourRange struct {
	Start int `json:"start"` // minutes after midnight, 0-1439
	End   int `json:"end"`   // minutes after midnight, 0-1439
}

// AllDay reports whether the range places no limit.
func (h HourRange) AllDay() bool { return h.Start == h.End }

// Contains reports whether t's wall-clock time (in t's location) is inside.
func (h HourRange) Contains(t time.Time) bool {
	if h.AllDay() {
		return true
	}
	m := t.Hour()*60 + t.Minute()
	if h.Start < h.End {
		return m >= h.Start && m < h.End
	}
	return m >= h.Start || m < h.End
}

// String writes "HH:MM-HH:MM", or "any" for all day.
func (h HourRange) String() string {
	if h.AllDay() {
		return "any"
	}
	return fmt.Sprintf("%02d:%02d-%02d:%02d", h.Start/60, h.Start%60, h.End/60, h.End%60)
}

// ParseHours reads "HH:MM-HH:MM" (24-hour clock, "24:00" allowed as an end),
// or "", "any" or "always" for all day. A range whose ends are equal is
// refused (write "any").
func ParseHours(s string) (HourRange, error) {
	t := strings.TrimSpace(s)
	switch strings.ToLower(t) {
	case "", "any", "always":
		return HourRange{}, nil
	}
	a, b, ok := strings.Cut(t, "-")
	if !ok {
		return HourRange{}, fmt.Errorf("%w: %q: want HH:MM-HH:MM", ErrBadHours, s)
	}
	start, err := parseClock(strings.TrimSpace(a), false)
	if err != nil {
		return HourRange{}, fmt.Errorf("%w: %q: %v", ErrBadHours, s, err)
	}
	end, err := parseClock(strings.TrimSpace(b), true)
	if err != nil {
		return HourRange{}, fmt.Errorf("%w: %q: %v", ErrBadHours, s, err)
	}
	end %= 24 * 60
	if start == end {
		return HourRange{}, fmt.Errorf("%w: %q: empty range (write \"any\" for all day)", ErrBadHours, s)
	}
	return HourRange{Start: start, End: end}, nil
}

func parseClock(s string, end bool) (int, error) {
	hh, mm, ok := strings.Cut(s, ":")
	if !ok || len(hh) < 1 || len(hh) > 2 || len(mm) != 2 || !digits(hh) || !digits(mm) {
		return 0, fmt.Errorf("bad time %q", s)
	}
	h, _ := strconv.Atoi(hh)
	m, _ := strconv.Atoi(mm)
	if m > 59 || h > 24 || h == 24 && (m != 0 || !end) {
		return 0, fmt.Errorf("bad time %q", s)
	}
	return h*60 + m, nil
}

// MarshalJSON writes the range as its string form.
func (h HourRange) MarshalJSON() ([]byte, error) { return json.Marshal(h.String()) }

// UnmarshalJSON reads the string form.
func (h *HourRange) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("%w: %v", ErrBadHours, err)
	}
	r, err := ParseHours(s)
	if err != nil {
		return err
	}
	*h = r
	return nil
}
