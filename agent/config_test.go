package agent

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/pelletier/go-toml/v2"
)

func TestParseConfig(t *testing.T) {
	cases := []struct {
		name     string
		doc      string
		wantErr  string // substring; empty means success
		wantLine int
		check    func(t *testing.T, c Config)
	}{
		{name: "empty file gives defaults", doc: "", check: func(t *testing.T, c Config) {
			if !reflect.DeepEqual(c, DefaultConfig()) {
				t.Errorf("got %+v, want defaults", c)
			}
		}},
		{name: "values override defaults", doc: "[agent]\nstate_dir = \"/data/m\"\nshutdown_timeout = \"3s\"\n[board]\nkind = \"sim\"\n", check: func(t *testing.T, c Config) {
			if c.Agent.StateDir != "/data/m" || c.Agent.ShutdownTimeout.Std() != 3*time.Second || c.Board.Kind != "sim" {
				t.Errorf("got %+v", c)
			}
			if c.Agent.Socket != DefaultConfig().Agent.Socket {
				t.Errorf("socket = %q, want the default", c.Agent.Socket)
			}
		}},
		{name: "unknown key", doc: "[agent]\nstate_dir = \"/x\"\nstate_dri = \"/y\"\n", wantErr: "agent.state_dri: unknown key", wantLine: 3},
		{name: "unknown table", doc: "\n[agnet]\nx = 1\n", wantErr: "agnet: unknown key", wantLine: 2},
		{name: "wrong type", doc: "[board]\n\nkind = 3\n", wantErr: "board.kind", wantLine: 3},
		{name: "bad duration", doc: "[agent]\nshutdown_timeout = \"soon\"\n", wantErr: "agent.shutdown_timeout", wantLine: 2},
		{name: "relative state dir", doc: "[agent]\n# comment\nstate_dir = \"state\"\n", wantErr: "agent.state_dir: must be an absolute path", wantLine: 3},
		{name: "bad board kind", doc: "[board]\nkind = \"mark3\"\n", wantErr: "board.kind: must be one of", wantLine: 2},
		{name: "bad log level", doc: "[agent]\nlog_level = \"loud\"\n", wantErr: "agent.log_level", wantLine: 2},
		{name: "bad rpc url", doc: "[chain]\nrpc_url = \"localhost:8545\"\n", wantErr: "chain.rpc_url", wantLine: 2},
		{name: "bad url in rpc_urls", doc: "[chain]\nrpc_urls = [\"https://a.example\", \"b.example\"]\n", wantErr: "chain.rpc_urls: must be", wantLine: 2},
		{name: "unknown preset", doc: "[chain]\npreset = \"mars\"\n", wantErr: "chain.preset", wantLine: 2},
		{name: "confirmations below -1", doc: "[chain]\nconfirmations = -2\n", wantErr: "chain.confirmations", wantLine: 2},
		{name: "rpc_url and rpc_urls together", doc: "[chain]\nrpc_url = \"http://127.0.0.1:8545\"\nrpc_urls = [\"https://b.example\", \"http://127.0.0.1:8545\"]\n", check: func(t *testing.T, c Config) {
			if got, want := c.Chain.URLs(), []string{"http://127.0.0.1:8545", "https://b.example"}; !reflect.DeepEqual(got, want) {
				t.Errorf("URLs() = %q, want %q (rpc_url first, each once)", got, want)
			}
		}},
		{name: "syntax error", doc: "[agent\nstate_dir = 1\n", wantErr: "agent.toml:1", wantLine: 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg, err := ParseConfig("agent.toml", []byte(c.doc))
			if c.wantErr == "" {
				if err != nil {
					t.Fatalf("ParseConfig(%q): %v", c.doc, err)
				}
				c.check(t, cfg)
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Fatalf("ParseConfig(%q) error = %v, want it to contain %q", c.doc, err, c.wantErr)
			}
			var es ConfigErrors
			if !errors.As(err, &es) || len(es) == 0 {
				t.Fatalf("error %v is not ConfigErrors", err)
			}
			if es[0].Line != c.wantLine {
				t.Errorf("line = %d, want %d (%v)", es[0].Line, c.wantLine, err)
			}
		})
	}
}

func TestLoadConfigMissingFile(t *testing.T) {
	if _, err := LoadConfig(t.TempDir() + "/nope.toml"); err == nil {
		t.Fatal("a missing file that was named explicitly must be an error")
	}
}

// TestConfigDocumented checks that docs/configuration.md names every key
// with its default.
func TestConfigDocumented(t *testing.T) {
	doc, err := os.ReadFile("../docs/configuration.md")
	if err != nil {
		t.Fatal(err)
	}
	b, err := toml.Marshal(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	for key, line := range keyLines(b) {
		if !strings.Contains(string(doc), "`"+key+"`") {
			t.Errorf("docs/configuration.md does not document %s", key)
			continue
		}
		// The default as TOML writes it must appear on the key's row.
		def := strings.TrimSpace(strings.SplitN(strings.Split(string(b), "\n")[line-1], "=", 2)[1])
		def = strings.Trim(def, "'")
		if def == "" {
			def = `""`
		}
		row := ""
		for _, l := range strings.Split(string(doc), "\n") {
			if strings.Contains(l, "`"+key+"`") {
				row = l
				break
			}
		}
		if !strings.Contains(row, def) {
			t.Errorf("docs/configuration.md row for %s does not show the default %s: %q", key, def, row)
		}
	}
}

func FuzzParseConfig(f *testing.F) {
	f.Add([]byte("[agent]\nstate_dir = \"/x\"\n"))
	f.Add([]byte("[board]\nkind = 3\n"))
	f.Add([]byte("[[agent]]\n"))
	f.Add([]byte("a.b.c = [1, {x = 2}]\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		cfg, err := ParseConfig("f.toml", b)
		if err == nil {
			if verr := cfg.Validate(); verr != nil {
				t.Fatalf("ParseConfig accepted a config that Validate refuses: %v", verr)
			}
		}
	})
}
