package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/internal/apiclient"
)

// runCLI runs the command line in-process and returns its exit code and
// output.
func runCLI(ctx context.Context, args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	e := &env{stdout: &out, stderr: &errb, stdin: strings.NewReader("")}
	code := run(ctx, e, args)
	return code, out.String(), errb.String()
}

func TestAgentAndClients(t *testing.T) {
	dir, err := os.MkdirTemp("", "mc")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	sock := filepath.Join(dir, "a.sock")
	conf := filepath.Join(dir, "agent.toml")
	os.WriteFile(conf, []byte("[agent]\nstate_dir = \""+filepath.Join(dir, "state")+"\"\nsocket_group = \"\"\n[board]\nkind = \"sim\"\n"), 0o600)

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int)
	var agentErr string
	go func() {
		code, _, stderr := runCLI(ctx, "agent", "-config", conf, "-socket", sock)
		agentErr = stderr
		done <- code
	}()
	c := apiclient.New(sock)
	for {
		if _, err := c.Status(ctx); err == nil {
			break
		}
		select {
		case code := <-done:
			t.Fatalf("agent exited with %d: %s", code, agentErr)
		case <-time.After(10 * time.Millisecond):
		}
	}

	code, out, stderr := runCLI(ctx, "-socket", sock, "status", "--json")
	if code != 0 {
		t.Fatalf("status --json: exit %d: %s", code, stderr)
	}
	var st apiclient.Status
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatalf("status --json printed %q: %v", out, err)
	}
	code, out, _ = runCLI(ctx, "-socket", sock, "status")
	// What the README promises: board, uptime, version, health, and the
	// keys, wallet, miner and voice sections; with no chain configured, the
	// wallet-is-off warning.
	for _, want := range []string{"board:", "uptime:", "version:", "\nkeys:", "\nwallet:", "\nminer:", "\nvoice:", "wallet is off: no chain configured"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("status: exit %d, output %q; want %q in it", code, out, want)
		}
	}
	code, out, _ = runCLI(ctx, "-socket", sock, "version")
	if code != 0 || !strings.Contains(out, "agent ") || strings.Contains(out, "not reachable") {
		t.Errorf("version: exit %d, output %q", code, out)
	}
	// A second agent on the same socket refuses with a clear message.
	code, _, stderr = runCLI(ctx, "agent", "-config", conf, "-socket", sock)
	if code != 1 || !strings.Contains(stderr, "already running") {
		t.Errorf("second agent: exit %d, stderr %q", code, stderr)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("agent exit code %d after SIGINT-equivalent: %s", code, agentErr)
	}
	code, _, stderr = runCLI(context.Background(), "-socket", sock, "status")
	if code != 1 || !strings.Contains(stderr, "not running") {
		t.Errorf("status with no agent: exit %d, stderr %q", code, stderr)
	}
}

func TestCommandLineErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.toml")
	os.WriteFile(bad, []byte("[board]\nkind = \"mark9\"\n"), 0o600)
	good := filepath.Join(dir, "good.toml")
	os.WriteFile(good, []byte("[board]\nkind = \"mark2\"\n"), 0o600)
	cases := []struct {
		name       string
		args       []string
		code       int
		wantStdout string
		wantStderr string
	}{
		{"unknown command", []string{"frobnicate"}, 2, "", "unknown command"},
		{"config check bad", []string{"config", "check", bad}, 1, "", "bad.toml:2: board.kind"},
		{"config check good", []string{"config", "check", good}, 0, "good.toml: ok", ""},
		{"config without check", []string{"config"}, 2, "", "usage"},
		{"stray argument", []string{"status", "extra"}, 2, "", "unexpected argument"},
		{"help", []string{"help"}, 0, "commands:", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := runCLI(context.Background(), c.args...)
			if code != c.code || !strings.Contains(out, c.wantStdout) || !strings.Contains(errs, c.wantStderr) {
				t.Errorf("mycroft %v: exit %d, stdout %q, stderr %q; want exit %d, stdout ~%q, stderr ~%q", c.args, code, out, errs, c.code, c.wantStdout, c.wantStderr)
			}
		})
	}
}

// TestStatusNoTokens: `mycroft status` says what a device with an empty
// wallet can still do and how to get tokens, and says nothing of it when
// the wallet holds tokens or a channel, or is off.
func TestStatusNoTokens(t *testing.T) {
	for _, c := range []struct {
		name, wallet string
		note         bool
	}{
		{"empty", `{"address":"0xAbC0000000000000000000000000000000000001","balance":"0","channels":0}`, true},
		{"tokens", `{"address":"0xAbC0000000000000000000000000000000000001","balance":"0.5","channels":0}`, false},
		{"a channel", `{"address":"0xAbC0000000000000000000000000000000000001","balance":"0","channels":1}`, false},
		{"not read yet", `{"address":"0xAbC0000000000000000000000000000000000001","error":"not read yet","channels":0}`, false},
		{"off", `{"off":"no chain configured (chain.rpc_url)"}`, false},
	} {
		got := walletEmpty([]byte(c.wallet))
		if (got != "") != c.note {
			t.Errorf("%s: walletEmpty(%s) = %q, want a note: %v", c.name, c.wallet, got, c.note)
		}
		if c.note && !strings.Contains(noTokensNote(got), got) {
			t.Errorf("%s: the note does not name the address %s", c.name, got)
		}
	}
}
