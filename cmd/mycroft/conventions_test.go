package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/internal/apiclient"
)

// startSimAgent runs `mycroft agent` on the simulated board (no chain) in
// process, with extra appended to its configuration, until the test ends,
// and returns its socket once it answers.
func startSimAgent(t *testing.T, extra string) string {
	t.Helper()
	// A unix socket path must be short: t.TempDir() can be too long.
	dir, err := os.MkdirTemp("", "mc")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	sock := filepath.Join(dir, "a.sock")
	conf := filepath.Join(dir, "agent.toml")
	if err := os.WriteFile(conf, []byte("[agent]\nstate_dir = \""+filepath.Join(dir, "state")+"\"\nsocket_group = \"\"\n[board]\nkind = \"sim\"\n"+extra), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int, 1)
	var agentErr string
	go func() {
		code, _, stderr := runCLI(ctx, "agent", "-config", conf, "-socket", sock)
		agentErr = stderr
		done <- code
	}()
	t.Cleanup(func() { cancel(); <-done })
	c := apiclient.New(sock)
	for {
		if _, err := c.Status(ctx); err == nil {
			return sock
		}
		select {
		case code := <-done:
			done <- code
			t.Fatalf("agent exited with %d: %s", code, agentErr)
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// subcommands lists "COMMAND SUB" for every subcommand a command's summary
// names ("keys init|restore|..." gives keys init, keys restore, ...).
func subcommands(c command) []string {
	if !c.hasSubcommands() {
		return nil
	}
	var out []string
	for _, part := range strings.Split(strings.TrimPrefix(c.summary, c.name+" "), "|") {
		word := strings.Fields(strings.TrimSpace(strings.TrimSuffix(strings.SplitN(part, ":", 2)[0], " ")))
		if len(word) == 0 || strings.ToLower(word[0]) != word[0] || strings.HasPrefix(word[0], "-") {
			continue
		}
		if w := word[0]; regexp.MustCompile(`^[a-z][a-z-]*$`).MatchString(w) && !map[string]bool{"yes": true, "no": true, "abstain": true}[w] {
			out = append(out, c.name+" "+w)
		}
	}
	return out
}

// Every command and subcommand answers -h, --help and `help` the same way:
// the usage on stdout, nothing on stderr, exit 0; internal commands are
// not listed in the help.
func TestHelpConventions(t *testing.T) {
	_, top, _ := runCLI(context.Background(), "help")
	for _, c := range commands() {
		listed := strings.Contains(top, "\n  "+c.name+" ")
		if listed == c.internal() {
			t.Errorf("command %q (summary %q): listed in help = %v", c.name, c.summary, listed)
		}
		if c.internal() {
			continue
		}
		forms := [][]string{{c.name, "-h"}, {c.name, "--help"}, {"help", c.name}}
		if c.hasSubcommands() {
			forms = append(forms, []string{c.name, "help"})
		}
		var first string
		for i, args := range forms {
			code, out, errs := runCLI(context.Background(), append([]string{"-socket", "/nonexistent/agent.sock"}, args...)...)
			if code != 0 || errs != "" || !strings.HasPrefix(out, "usage: mycroft "+c.name) {
				t.Errorf("mycroft %s: exit %d, stdout %q, stderr %q; want exit 0, usage on stdout, empty stderr", strings.Join(args, " "), code, out, errs)
			}
			if i == 0 {
				first = out
			} else if out != first {
				t.Errorf("mycroft %s printed %q, but %s -h printed %q", strings.Join(args, " "), out, c.name, first)
			}
		}
		for _, sub := range subcommands(c) {
			for _, h := range []string{"-h", "--help"} {
				args := append(strings.Fields(sub), h)
				code, out, errs := runCLI(context.Background(), append([]string{"-socket", "/nonexistent/agent.sock"}, args...)...)
				if code != 0 || errs != "" || !strings.HasPrefix(out, "usage: mycroft "+sub) && !strings.HasPrefix(out, "usage: mycroft "+c.name) {
					t.Errorf("mycroft %s: exit %d, stdout %q, stderr %q; want exit 0, usage on stdout, empty stderr", strings.Join(args, " "), code, out, errs)
				}
			}
		}
	}
	// A mistake prints to stderr with exit 2 and one prefix.
	code, out, errs := runCLI(context.Background(), "status", "--bogus")
	if code != 2 || out != "" || strings.Count(errs, "mycroft status:") != 1 {
		t.Errorf("status --bogus: exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

var snakeKey = regexp.MustCompile(`^([a-z][a-z0-9]*(_[a-z0-9]+)*|0x[0-9a-fA-F]+)$`)

// badKeys returns the object keys in a JSON document that are not
// snake_case (addresses and hashes as keys are data, not names).
func badKeys(v any, path string, out *[]string) {
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			if !snakeKey.MatchString(k) {
				*out = append(*out, path+"."+k)
			}
			badKeys(val, path+"."+k, out)
		}
	case []any:
		for _, val := range x {
			badKeys(val, path+"[]", out)
		}
	}
}

// Every --json output uses snake_case keys, whatever the agent's field names.
func TestJSONConventions(t *testing.T) {
	sock := startSimAgent(t, "")
	ok := 0
	for _, args := range [][]string{
		{"status"}, {"version"}, {"keys", "address"}, {"voice", "status"}, {"voice", "faces"}, {"voice", "last"},
		{"miner", "status"}, {"miner", "earnings"}, {"backup", "status"}, {"provider", "status"},
		{"wallet", "balance"}, {"wallet", "channels"}, {"wallet", "history"}, {"wallet", "limits"},
		{"governance", "proposals"}, {"governance", "status"},
	} {
		code, out, errs := runCLI(context.Background(), append(append([]string{"-socket", sock}, args...), "--json")...)
		if code != 0 {
			// Without a chain or keys some commands refuse; they must say why.
			if errs == "" {
				t.Errorf("mycroft %s --json: exit %d with nothing on stderr", strings.Join(args, " "), code)
			}
			continue
		}
		var v any
		dec := json.NewDecoder(bytes.NewReader([]byte(out)))
		if err := dec.Decode(&v); err != nil {
			t.Errorf("mycroft %s --json printed %q: %v", strings.Join(args, " "), out, err)
			continue
		}
		var bad []string
		badKeys(v, "", &bad)
		if len(bad) > 0 {
			t.Errorf("mycroft %s --json: keys not in snake_case: %v", strings.Join(args, " "), bad)
		}
		ok++
	}
	if ok < 5 {
		t.Errorf("only %d commands printed JSON on the simulated agent; want at least 5", ok)
	}
}

func TestSnakeCase(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"lastBackup", "last_backup"},
		{"chainId", "chain_id"},
		{"chainID", "chain_id"},
		{"WakeConnected", "wake_connected"},
		{"temp_c", "temp_c"},
		{"inChannels", "in_channels"},
		{"HTTPServer", "http_server"},
		{"p99", "p99"},
		{"0xAbCdEf0123", "0xAbCdEf0123"},
		{"stt.en-US", "stt.en-US"},
	} {
		if got := snakeCase(tc.in); got != tc.want {
			t.Errorf("snakeCase(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
