package agent

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// DefaultConfigPath is where the daemon and `mycroft config check` look for
// the configuration file unless told otherwise.
const DefaultConfigPath = "/etc/mycroft/agent.toml"

// Config is the agent's configuration file. Every key, with its default, is
// documented in docs/configuration.md; TestConfigDocumented keeps the two in
// step.
type Config struct {
	Agent AgentConfig `toml:"agent"`
	Board BoardConfig `toml:"board"`
	Chain ChainConfig `toml:"chain"`
	// The tables below are defined, with their defaults and validation,
	// in the file of the subsystem they configure.
	Keys     KeysConfig     `toml:"keys"`
	Wallet   WalletConfig   `toml:"wallet"`
	Provider ProviderConfig `toml:"provider"`
	P2P      P2PConfig      `toml:"p2p"`
	Miner    MinerConfig    `toml:"miner"`
	Voice    VoiceConfig    `toml:"voice"`
	Grant    GrantConfig    `toml:"grant"`
	Update   UpdateConfig   `toml:"update"`
	Relay    RelayConfig    `toml:"relay"`
	Web      WebConfig      `toml:"web"`

	// The voice pipeline's faces (agent/faces.go).
	Messagebus MessagebusConfig `toml:"messagebus"`
	Satellite  SatelliteConfig  `toml:"satellite"`
}

// AgentConfig is the [agent] table.
type AgentConfig struct {
	StateDir        string   `toml:"state_dir"`
	Socket          string   `toml:"socket"`
	SocketGroup     string   `toml:"socket_group"`
	LogLevel        string   `toml:"log_level"`
	ShutdownTimeout Duration `toml:"shutdown_timeout"`
	// Where the device is, for weather and local time.
	Latitude  float64 `toml:"latitude"`
	Longitude float64 `toml:"longitude"`
	TimeZone  string  `toml:"timezone"`
}

// BoardConfig is the [board] table.
type BoardConfig struct {
	Kind         string `toml:"kind"`
	SerialPort   string `toml:"serial_port"`
	MixerCard    string `toml:"mixer_card"`
	MixerControl string `toml:"mixer_control"`
	XMOSFirmware string `toml:"xmos_firmware"`
	ThermalZone  string `toml:"thermal_zone"`
	SimFace      string `toml:"sim_face"`
	SimMic       string `toml:"sim_mic"`
	SimSpeaker   string `toml:"sim_speaker"`
	SimKeyboard  bool   `toml:"sim_keyboard"`
}

// ChainConfig is the [chain] table; its validation and the choice of
// endpoints and preset are in chain.go.
type ChainConfig struct {
	RPCURL   string   `toml:"rpc_url"`
	RPCURLs  []string `toml:"rpc_urls"`
	Manifest string   `toml:"manifest"`
	// Preset names the chain's preset (chain.PresetByName); empty: the
	// one of the manifest's chain id, if any.
	Preset string `toml:"preset"`
	// Confirmations overrides the preset's (-1: the preset's).
	Confirmations int `toml:"confirmations"`
	// LogRange overrides the preset's eth_getLogs range (0: the preset's).
	LogRange int `toml:"log_range"`
}

// DefaultConfig returns the configuration used when a key is not in the
// file.
func DefaultConfig() Config {
	return Config{
		Agent: AgentConfig{
			StateDir:        "/var/lib/mycroft",
			Socket:          "/run/mycroft/agent.sock",
			SocketGroup:     "mycroft",
			LogLevel:        "info",
			ShutdownTimeout: Duration(5 * time.Second),
		},
		Board: BoardConfig{
			Kind:        "auto",
			SerialPort:  "/dev/ttyAMA0",
			MixerCard:   "sndrpiproto",
			ThermalZone: "/sys/class/thermal/thermal_zone0/temp",
			SimFace:     "mark1",
		},
		Chain: ChainConfig{
			RPCURLs:       []string{},
			Manifest:      "/etc/mycroft/deployment.json",
			Confirmations: -1,
		},
		Keys:     defaultKeysConfig(),
		Wallet:   defaultWalletConfig(),
		Provider: defaultProviderConfig(),
		P2P:      defaultP2PConfig(),
		Miner:    defaultMinerConfig(),
		Voice:    defaultVoiceConfig(),
		Update:   defaultUpdateConfig(),
		Relay:    defaultRelayConfig(),
		Web:      defaultWebConfig(),

		Messagebus: defaultMessagebusConfig(),
		Satellite:  defaultSatelliteConfig(),
	}
}

// Duration is a time.Duration written in the file as a Go duration string
// ("5s", "1m30s").
type Duration time.Duration

// UnmarshalText implements encoding.TextUnmarshaler.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return fmt.Errorf("not a duration (want e.g. \"5s\"): %q", b)
	}
	*d = Duration(v)
	return nil
}

// MarshalText implements encoding.TextMarshaler.
func (d Duration) MarshalText() ([]byte, error) { return []byte(time.Duration(d).String()), nil }

// Std returns d as a time.Duration.
func (d Duration) Std() time.Duration { return time.Duration(d) }

// ConfigError is a problem with one key of the configuration file.
type ConfigError struct {
	File string
	Line int // 0 when the key is not in the file (a bad flag or default)
	Key  string
	Msg  string
}

func (e *ConfigError) Error() string {
	loc := e.File
	if e.Line > 0 {
		loc = fmt.Sprintf("%s:%d", e.File, e.Line)
	}
	if loc == "" {
		loc = "config"
	}
	if e.Key == "" {
		return fmt.Sprintf("%s: %s", loc, e.Msg)
	}
	return fmt.Sprintf("%s: %s: %s", loc, e.Key, e.Msg)
}

// ConfigErrors is every problem found in one file.
type ConfigErrors []*ConfigError

func (es ConfigErrors) Error() string {
	msgs := make([]string, len(es))
	for i, e := range es {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// LoadConfig reads the file at path over the defaults and validates the
// result. A missing file is not an error when path is the default path (a
// device with no file runs on defaults); any other missing file is.
func LoadConfig(path string) (Config, error) {
	cfg := DefaultConfig()
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) && path == DefaultConfigPath {
		return cfg, cfg.Validate()
	}
	if err != nil {
		return cfg, fmt.Errorf("config: %w", err)
	}
	return ParseConfig(path, b)
}

// ParseConfig parses the TOML document b (named name in errors) over the
// defaults and validates it. Unknown keys and bad values are errors that name
// the key and its line.
func ParseConfig(name string, b []byte) (Config, error) {
	cfg := DefaultConfig()
	dec := toml.NewDecoder(bytes.NewReader(b)).DisallowUnknownFields()
	if err := dec.Decode(&cfg); err != nil {
		return cfg, decodeError(name, b, err)
	}
	lines := keyLines(b)
	if err := cfg.validate(name, lines); err != nil {
		return cfg, err
	}
	return cfg, nil
}

func decodeError(name string, b []byte, err error) error {
	var strict *toml.StrictMissingError
	if errors.As(err, &strict) {
		var es ConfigErrors
		for i := range strict.Errors {
			de := &strict.Errors[i]
			row, _ := de.Position()
			es = append(es, &ConfigError{File: name, Line: row, Key: strings.Join(de.Key(), "."), Msg: "unknown key"})
		}
		return es
	}
	var de *toml.DecodeError
	if errors.As(err, &de) {
		row, _ := de.Position()
		return ConfigErrors{{File: name, Line: row, Key: strings.Join(de.Key(), "."), Msg: de.Error()}}
	}
	// Type mismatches carry no position: find the key named in the message.
	msg := err.Error()
	key, line := "", 0
	for k, l := range keyLines(b) {
		if strings.Contains(msg, k) && len(k) > len(key) {
			key, line = k, l
		}
	}
	return ConfigErrors{{File: name, Line: line, Key: key, Msg: msg}}
}

// keyLines maps every dotted key in the document to the line it is on.
func keyLines(b []byte) map[string]int {
	lines := map[string]int{}
	var p unstable.Parser
	p.Reset(b)
	var table []string
	keyOf := func(n *unstable.Node) []string {
		var parts []string
		it := n.Key()
		for it.Next() {
			parts = append(parts, string(it.Node().Data))
		}
		return parts
	}
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			table = keyOf(e)
		case unstable.KeyValue:
			full := append(append([]string{}, table...), keyOf(e)...)
			line := 0
			if v := e.Value(); v != nil && v.Raw.Length > 0 {
				line = p.Shape(v.Raw).Start.Line
			}
			if line == 0 {
				line = lineOfKey(b, full[len(full)-1])
			}
			lines[strings.Join(full, ".")] = line
		}
	}
	return lines
}

func lineOfKey(b []byte, key string) int {
	for i, l := range bytes.Split(b, []byte("\n")) {
		t := bytes.TrimSpace(l)
		if bytes.HasPrefix(t, []byte(key)) {
			rest := bytes.TrimSpace(t[len(key):])
			if bytes.HasPrefix(rest, []byte("=")) {
				return i + 1
			}
		}
	}
	return 0
}

// badFunc records a problem with a key (its dotted name) of the file.
type badFunc func(key, format string, args ...any)

// Validate checks values that parse but make no sense.
func (c Config) Validate() error { return c.validate("", nil) }

func (c Config) validate(name string, lines map[string]int) error {
	var es ConfigErrors
	bad := func(key, format string, args ...any) {
		es = append(es, &ConfigError{File: name, Line: lines[key], Key: key, Msg: fmt.Sprintf(format, args...)})
	}
	if !filepath.IsAbs(c.Agent.StateDir) {
		bad("agent.state_dir", "must be an absolute path, got %q", c.Agent.StateDir)
	}
	if !filepath.IsAbs(c.Agent.Socket) {
		bad("agent.socket", "must be an absolute path, got %q", c.Agent.Socket)
	} else if len(c.Agent.Socket) > 100 {
		bad("agent.socket", "path is %d bytes; unix sockets allow at most 100", len(c.Agent.Socket))
	}
	if _, err := parseLevel(c.Agent.LogLevel); err != nil {
		bad("agent.log_level", "%v", err)
	}
	if c.Agent.Latitude < -90 || c.Agent.Latitude > 90 {
		bad("agent.latitude", "must be between -90 and 90, got %v", c.Agent.Latitude)
	}
	if c.Agent.Longitude < -180 || c.Agent.Longitude > 180 {
		bad("agent.longitude", "must be between -180 and 180, got %v", c.Agent.Longitude)
	}
	if c.Agent.TimeZone != "" {
		if _, err := time.LoadLocation(c.Agent.TimeZone); err != nil {
			bad("agent.timezone", "unknown time zone %q", c.Agent.TimeZone)
		}
	}
	if d := c.Agent.ShutdownTimeout.Std(); d <= 0 || d > time.Minute {
		bad("agent.shutdown_timeout", "must be between 0 and 1m, got %s", d)
	}
	switch c.Board.Kind {
	case "auto", "mark1", "mark2", "sim":
	default:
		bad("board.kind", "must be one of auto, mark1, mark2, sim; got %q", c.Board.Kind)
	}
	switch c.Board.SimFace {
	case "mark1", "mark2":
	default:
		bad("board.sim_face", "must be mark1 or mark2, got %q", c.Board.SimFace)
	}
	c.Chain.validate(bad)
	c.Keys.validate(bad)
	c.Wallet.validate(bad)
	c.Provider.validate(bad)
	c.Provider.validatePlain(c.P2P.Enabled, bad)
	c.P2P.validate(bad)
	c.Miner.validate(bad)
	c.Voice.validate(bad)
	c.Grant.validate(bad)
	c.Update.validate(bad)
	c.Relay.validate(bad)
	c.Web.validate(bad)
	validateSTT(c.Voice.STT, bad)
	c.Messagebus.validate(bad)
	c.Satellite.validate(bad)
	if len(es) == 0 {
		return nil
	}
	sort.SliceStable(es, func(i, j int) bool { return es[i].Line < es[j].Line })
	return es
}

func parseLevel(s string) (slog.Level, error) {
	var l slog.Level
	switch s {
	case "debug", "info", "warn", "error":
		return l, l.UnmarshalText([]byte(s))
	}
	return l, fmt.Errorf("must be debug, info, warn or error, got %q", s)
}
