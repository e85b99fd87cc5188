//go:build !device

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/internal/demo"
)

// tmux drives one tmux server of its own (its socket in the test's
// directory) for a test.
type tmux struct {
	t    *testing.T
	sock string
}

func (x tmux) run(args ...string) (string, error) {
	out, err := exec.Command("tmux", append([]string{"-S", x.sock, "-f", os.DevNull}, args...)...).CombinedOutput()
	return string(out), err
}

// screen is the pane as it is now (joined: wrapped lines are one line);
// all adds the scrollback.
func (x tmux) screen(all bool) string {
	args := []string{"capture-pane", "-p", "-J", "-t", "demo"}
	if all {
		args = append(args, "-S", "-", "-E", "-")
	}
	out, err := x.run(args...)
	if err != nil {
		x.t.Fatalf("tmux capture-pane: %v: %s", err, out)
	}
	return out
}

// waitFor polls the screen until ok (a hang guard: the deadline is the
// test's context, not a timing threshold of the demo).
func (x tmux) waitFor(ctx context.Context, what string, ok func(string) bool) string {
	for {
		s := x.screen(false)
		if ok(s) {
			return s
		}
		select {
		case <-ctx.Done():
			x.t.Fatalf("the demo never showed %s; the terminal:\n%s", what, x.screen(true))
		case <-time.After(500 * time.Millisecond):
		}
	}
}

// TestDemoTerminal runs the demo as a newcomer does, in a real terminal
// emulator (tmux) of 80x24 and of 160x50: the backup words stay on screen
// until Enter, a typed question is answered, a typed vote is confirmed by
// typing, and at the end every [ok]
// line of the story and the typed answer are whole in the screen or its
// scrollback (nothing drew over them), with the face in its own rows.
func TestDemoTerminal(t *testing.T) {
	if testing.Short() {
		t.Skip("the end-to-end demo takes about a minute and a half")
	}
	if miss := demo.NeedTools(); len(miss) > 0 {
		t.Skipf("demo needs %s (Debian: flite pocketsphinx pocketsphinx-en-us)", strings.Join(miss, ", "))
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed (Debian: apt-get install tmux): the demo's terminal test needs a terminal emulator")
	}
	dir, err := os.MkdirTemp("", "mct") // short: unix socket paths are limited
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	bin := filepath.Join(dir, "mycroft")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, size := range []struct{ w, h int }{{80, 24}, {160, 50}} {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			t.Parallel()
			runDemoInTmux(t, bin, filepath.Join(dir, fmt.Sprintf("%dx%d", size.w, size.h)), size.w, size.h)
		})
	}
}

func runDemoInTmux(t *testing.T, bin, dir string, w, h int) {
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	report := filepath.Join(dir, "report.json")
	x := tmux{t: t, sock: filepath.Join(dir, "tmux")}
	// The shell prints the demo's exit status; the pane stays after it.
	cmd := fmt.Sprintf("%s demo --wav --workdir %s --report %s; echo demo exit status $?", bin, filepath.Join(dir, "w"), report)
	if out, err := x.run("new-session", "-d", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), "-s", "demo", cmd,
		";", "set-option", "-t", "demo", "remain-on-exit", "on"); err != nil {
		t.Fatalf("tmux new-session: %v: %s", err, out)
	}
	t.Cleanup(func() { x.run("kill-server") })

	// The words stay until Enter: all 24, numbered, on the screen.
	words := regexp.MustCompile(`(?m)\b([0-9]{1,2}) [a-z]{3,8}\b`)
	scr := x.waitFor(ctx, "the backup words", func(s string) bool { return strings.Contains(s, "Press Enter when you have written them down") })
	if n := len(words.FindAllString(scr, -1)); n != 24 {
		t.Errorf("%dx%d: %d numbered backup words on the screen, want 24:\n%s", w, h, n, scr)
	}
	x.run("send-keys", "-t", "demo", "Enter")

	x.waitFor(ctx, "the interactive phase", func(s string) bool { return strings.Contains(s, "your turn") })
	x.run("send-keys", "-t", "demo", "-l", "how much money do i have")
	x.run("send-keys", "-t", "demo", "Enter")
	balance := regexp.MustCompile(`mycroft: You have [0-9,]+(\.[0-9]+)? MYC, plus [0-9.]+ MYC in payment channels\.`)
	x.waitFor(ctx, "the typed answer", balance.MatchString)
	// A typed vote, confirmed by typing (there is no button to press): the
	// prompt comes at once and "confirm" ends the wait for a press.
	x.run("send-keys", "-t", "demo", "-l", "vote yes on proposal 2")
	x.run("send-keys", "-t", "demo", "Enter")
	x.waitFor(ctx, "the vote's prompt", func(s string) bool { return strings.Contains(s, "Press the button, or say confirm, to cast it.") })
	x.run("send-keys", "-t", "demo", "-l", "confirm")
	x.run("send-keys", "-t", "demo", "Enter")
	x.waitFor(ctx, "the vote cast", func(s string) bool { return strings.Contains(s, "mycroft: Your vote is cast.") })
	x.run("send-keys", "-t", "demo", "C-c")
	exit := regexp.MustCompile(`demo exit status ([0-9]+)`)
	status := exit.FindStringSubmatch(x.waitFor(ctx, "the end of the demo", exit.MatchString))[1]

	all := x.screen(true)
	var r demo.Report
	b, err := os.ReadFile(report)
	if err != nil || json.Unmarshal(b, &r) != nil {
		t.Fatalf("%dx%d: no report (%v); the terminal:\n%s", w, h, err, all)
	}
	if status != "0" {
		t.Errorf("%dx%d: the demo exited with status %s", w, h, status)
	}
	checkStory(t, all, r)
	if !balance.MatchString(all) {
		t.Errorf("%dx%d: the typed answer is not in the scrollback", w, h)
	}
	// The face keeps its own rows at the bottom, under the story.
	end := x.screen(false)
	if !strings.Contains(end, "your speaker (simulated Mark I)") || !strings.Contains(end, "●") {
		t.Errorf("%dx%d: no face at the end:\n%s", w, h, end)
	}
	if t.Failed() {
		t.Logf("%dx%d: the terminal with its scrollback:\n%s", w, h, all)
	}
}
