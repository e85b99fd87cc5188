package registrar

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"math/big"
	"os"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"

	"github.com/mycroft-network/mycroft/chain"
)

// FileConfig is the registrar's TOML file (docs/registrar.md). Flags of
// `mycroft registrar` override its keys.
type FileConfig struct {
	Listen         string   `toml:"listen"`
	RPCURLs        []string `toml:"rpc_urls"`
	Manifest       string   `toml:"manifest"`
	Key            string   `toml:"key"`
	PassphraseFile string   `toml:"passphrase_file"`
	DB             string   `toml:"db"`
	AllowList      string   `toml:"allow_list"`
	// ClaimsPerHour and ClaimsPerHourPerIP: 0 the default, -1 no limit.
	ClaimsPerHour      int    `toml:"claims_per_hour"`
	ClaimsPerHourPerIP int    `toml:"claims_per_hour_per_ip"`
	MaxExpiry          string `toml:"max_expiry"` // a Go duration
	GasDrop            string `toml:"gas_drop"`   // wei, decimal
}

// DefaultListen is the registrar's default address.
const DefaultListen = "127.0.0.1:8650"

// LoadFile reads a registrar TOML file; an unknown key is an error.
func LoadFile(path string) (FileConfig, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return FileConfig{}, fmt.Errorf("registrar: config: %w", err)
	}
	var fc FileConfig
	dec := toml.NewDecoder(bytes.NewReader(b)).DisallowUnknownFields()
	if err := dec.Decode(&fc); err != nil {
		var strict *toml.StrictMissingError
		if errors.As(err, &strict) && len(strict.Errors) > 0 {
			de := &strict.Errors[0]
			row, _ := de.Position()
			return FileConfig{}, fmt.Errorf("registrar: config %s:%d: unknown key %s", path, row, strings.Join(de.Key(), "."))
		}
		return FileConfig{}, fmt.Errorf("registrar: config %s: %w", path, err)
	}
	return fc, nil
}

// Policy turns the file's policy keys into a Config (without Chain, Key
// and DBPath).
func (fc FileConfig) Policy() (Config, error) {
	cfg := Config{ClaimsPerHour: fc.ClaimsPerHour, ClaimsPerHourPerIP: fc.ClaimsPerHourPerIP}
	if fc.MaxExpiry != "" {
		d, err := time.ParseDuration(fc.MaxExpiry)
		if err != nil || d <= 0 {
			return Config{}, fmt.Errorf("registrar: max_expiry %q is not a positive Go duration", fc.MaxExpiry)
		}
		cfg.MaxExpiry = d
	}
	if fc.GasDrop != "" {
		v, ok := new(big.Int).SetString(fc.GasDrop, 10)
		if !ok || v.Sign() < 0 || v.Cmp(MaxGasDrop) > 0 {
			return Config{}, fmt.Errorf("registrar: gas_drop %q must be wei as a decimal number from 0 to %s", fc.GasDrop, MaxGasDrop)
		}
		cfg.GasDrop = v
	}
	if fc.AllowList != "" {
		l, err := LoadAllowList(fc.AllowList)
		if err != nil {
			return Config{}, err
		}
		cfg.AllowSerials = l
	}
	return cfg, nil
}

// LoadAllowList reads an allow-list of device serials: one a line, blank
// lines and lines starting with # ignored. A serial that a device could
// not send (chain.SignUpRequest's rule) is an error, with its line.
func LoadAllowList(path string) (map[string]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("registrar: allow list: %w", err)
	}
	defer f.Close()
	out := map[string]bool{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		if err := chain.CheckSerial(s); err != nil {
			return nil, fmt.Errorf("registrar: allow list %s:%d: %w", path, n, err)
		}
		out[s] = true
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("registrar: allow list %s: %w", path, err)
	}
	return out, nil
}
