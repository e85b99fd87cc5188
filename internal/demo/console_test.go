//go:build linux

package demo

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
	"golang.org/x/sys/unix"

	"github.com/mycroft-network/mycroft/internal/apiclient"
)

// fakeOwner is the owner's local API as far as the console uses it:
// /voice/ask answers typed questions; /voice/last reports a new spoken
// interaction once the action button was pressed (a space read from the
// keyboard pipe, as the simulated board reads it).
type fakeOwner struct {
	mu      sync.Mutex
	asked   []string
	presses int
	// hold, when set, keeps a spoken interaction in progress (not done)
	// until it is closed.
	hold chan struct{}
	// confirm, when set, makes a typed question wait for a press (a vote
	// waiting for its confirmation) before it is answered.
	confirm bool
}

func (f *fakeOwner) pressed() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.presses
}

func (f *fakeOwner) serve(t *testing.T) *apiclient.Client {
	t.Helper()
	dir, err := os.MkdirTemp("", "dc") // short: unix socket paths are limited
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	sock := filepath.Join(dir, "api.sock")
	ln, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	reply := func(w http.ResponseWriter, v any) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(v)
	}
	mux.HandleFunc("POST "+apiclient.Prefix+"/voice/ask", func(w http.ResponseWriter, r *http.Request) {
		var req apiclient.VoiceAskRequest
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		f.mu.Lock()
		f.asked = append(f.asked, req.Text)
		confirm := f.confirm
		f.mu.Unlock()
		if confirm {
			for f.pressed() == 0 {
				select {
				case <-r.Context().Done():
					return
				case <-time.After(10 * time.Millisecond):
				}
			}
			reply(w, apiclient.VoiceAskReply{Reply: "Your vote is cast."})
			return
		}
		reply(w, apiclient.VoiceAskReply{Reply: "You asked: " + req.Text + "."})
	})
	mux.HandleFunc("GET "+apiclient.Prefix+"/voice/last", func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		n, hold := f.presses, f.hold
		f.mu.Unlock()
		in := apiclient.VoiceInteraction{ID: 7, Trigger: "text", Done: true, Faces: []string{}}
		if n > 0 {
			// One interaction for every press, as the pipeline: a second
			// press while listening ends the same one.
			in = apiclient.VoiceInteraction{ID: 8, Trigger: "button", Transcript: "how much money do i have",
				Reply: "You have 9999 MYC.", Done: true, Faces: []string{"listening", "thinking", "speaking", "idle"}}
			if hold != nil {
				select {
				case <-hold:
				default:
					in.Done, in.Reply = false, ""
				}
			}
		}
		reply(w, in)
	})
	srv := &http.Server{Handler: mux}
	go func() { _ = srv.Serve(ln) }()
	t.Cleanup(func() { _ = srv.Close() })
	return apiclient.New(sock)
}

// keyboard is the owner's keyboard pipe: every space read is a press.
func (f *fakeOwner) keyboard(t *testing.T) io.Writer {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = w.Close(); _ = r.Close() })
	go func() {
		b := make([]byte, 1)
		for {
			if _, err := r.Read(b); err != nil {
				return
			}
			if b[0] == ' ' {
				f.mu.Lock()
				f.presses++
				f.mu.Unlock()
			}
		}
	}()
	return w
}

// ptyScreen collects what the console writes on the terminal.
type ptyScreen struct {
	mu  sync.Mutex
	buf strings.Builder
	ch  chan struct{}
}

func (s *ptyScreen) read(ptmx *os.File) {
	b := make([]byte, 1024)
	for {
		n, err := ptmx.Read(b)
		s.mu.Lock()
		s.buf.Write(b[:n])
		s.mu.Unlock()
		select {
		case s.ch <- struct{}{}:
		default:
		}
		if err != nil {
			return
		}
	}
}

func (s *ptyScreen) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

// waitFor waits until the ptyScreen shows want, or fails (a hang guard, not a
// timing check).
func (s *ptyScreen) waitFor(t *testing.T, want string) {
	t.Helper()
	deadline := time.After(20 * time.Second)
	for !strings.Contains(s.String(), want) {
		select {
		case <-s.ch:
		case <-deadline:
			t.Fatalf("the ptyScreen never showed %q:\n%s", want, s.String())
		}
	}
}

// ptyConsole starts a console on a new pty and returns the side a user
// types on, the ptyScreen, the terminal's mode before, and run's result.
type ptyRun struct {
	ptmx, tty *os.File
	scr       *ptyScreen
	before    *unix.Termios
	done      chan error
	cancel    context.CancelFunc
}

func startConsole(t *testing.T, k *console) *ptyRun {
	t.Helper()
	ptmx, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pty: %v", err)
	}
	t.Cleanup(func() { _ = ptmx.Close(); _ = tty.Close() })
	before, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	p := &ptyRun{ptmx: ptmx, tty: tty, scr: &ptyScreen{ch: make(chan struct{}, 1)}, before: before, done: make(chan error, 1)}
	go p.scr.read(ptmx)
	k.in, k.out, k.fd = tty, tty, int(tty.Fd())
	ctx, cancel := context.WithCancel(context.Background())
	p.cancel = cancel
	t.Cleanup(cancel)
	go func() { p.done <- k.run(ctx) }()
	// The prompt is written once the terminal is raw.
	p.scr.waitFor(t, "   > ")
	now, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	if now.Lflag&(unix.ICANON|unix.ECHO|unix.ISIG) != 0 || now.Oflag&unix.OPOST == 0 {
		t.Fatalf("during the console: lflag %#x oflag %#x; want raw input (no ICANON, ECHO, ISIG) and output processing kept", now.Lflag, now.Oflag)
	}
	return p
}

func (p *ptyRun) typeKeys(t *testing.T, s string) {
	t.Helper()
	if _, err := p.ptmx.Write([]byte(s)); err != nil {
		t.Fatal(err)
	}
}

// end waits for run's result and checks the terminal got its mode back.
func (p *ptyRun) end(t *testing.T) error {
	t.Helper()
	var err error
	select {
	case err = <-p.done:
	case <-time.After(20 * time.Second):
		t.Fatalf("the console did not end:\n%s", p.scr.String())
	}
	after, terr := unix.IoctlGetTermios(int(p.tty.Fd()), unix.TCGETS)
	if terr != nil {
		t.Fatal(terr)
	}
	if after.Lflag != p.before.Lflag || after.Iflag != p.before.Iflag || after.Oflag != p.before.Oflag || after.Cflag != p.before.Cflag {
		t.Errorf("terminal not restored: lflag %#x→%#x iflag %#x→%#x oflag %#x→%#x",
			p.before.Lflag, after.Lflag, p.before.Iflag, after.Iflag, p.before.Oflag, after.Oflag)
	}
	return err
}

// TestConsoleSession: a typed question with a correction, then SPACE and
// the spoken question's answer, then Ctrl-C.
func TestConsoleSession(t *testing.T) {
	f := &fakeOwner{}
	k := &console{c: f.serve(t), press: pressVia(f.keyboard(t)), done: make(chan struct{})}
	p := startConsole(t, k)
	p.scr.waitFor(t, "press SPACE and speak")
	p.typeKeys(t, "whaX\x7ft time is it\x1b[A\r")
	p.scr.waitFor(t, "mycroft: You asked: what time is it.")
	if !strings.Contains(p.scr.String(), "whaX\b \bt time is it") {
		t.Errorf("the typed line and its correction were not echoed:\n%q", p.scr.String())
	}
	p.typeKeys(t, " ")
	p.scr.waitFor(t, `mycroft: "You have 9999 MYC."`)
	if !strings.Contains(p.scr.String(), `you said: "how much money do i have"`) {
		t.Errorf("no transcript shown:\n%s", p.scr.String())
	}
	p.typeKeys(t, "\x03")
	if err := p.end(t); err != nil {
		t.Fatalf("Ctrl-C: %v", err)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.asked) != 1 || f.asked[0] != "what time is it" || f.presses != 1 {
		t.Errorf("asked %q, pressed %d times; want [what time is it] and 1", f.asked, f.presses)
	}
}

// TestConsoleNoMicrophone: SPACE is a character, the prompt says typing
// only, and nothing is pressed.
func TestConsoleNoMicrophone(t *testing.T) {
	f := &fakeOwner{}
	k := &console{c: f.serve(t), done: make(chan struct{})}
	p := startConsole(t, k)
	p.scr.waitFor(t, "no microphone: typing only")
	p.typeKeys(t, " how much money\r")
	p.scr.waitFor(t, "mycroft: You asked: how much money.")
	p.typeKeys(t, "\x04")
	if err := p.end(t); err != nil {
		t.Fatalf("Ctrl-D: %v", err)
	}
	if f.asked[0] != "how much money" || f.presses != 0 {
		t.Errorf("asked %q, %d presses", f.asked, f.presses)
	}
}

// TestConsoleExits: every way out restores the terminal; only the
// agent's exit is an error.
func TestConsoleExits(t *testing.T) {
	tests := []struct {
		name    string
		end     func(p *ptyRun, agentDone chan struct{})
		wantErr bool
	}{
		{"Ctrl-C", func(p *ptyRun, _ chan struct{}) { _, _ = p.ptmx.Write([]byte("half a line\x03")) }, false},
		{"Ctrl-D", func(p *ptyRun, _ chan struct{}) { _, _ = p.ptmx.Write([]byte{byteCtrlD}) }, false},
		{"a signal (ctx done)", func(p *ptyRun, _ chan struct{}) { p.cancel() }, false},
		{"the agent exited", func(_ *ptyRun, d chan struct{}) { close(d) }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := &fakeOwner{}
			agentDone := make(chan struct{})
			k := &console{c: f.serve(t), press: pressVia(f.keyboard(t)), done: agentDone,
				exited: func() error { return errors.New("exit status 1") }}
			p := startConsole(t, k)
			tt.end(p, agentDone)
			err := p.end(t)
			if (err != nil) != tt.wantErr {
				t.Fatalf("run = %v, want error %v", err, tt.wantErr)
			}
			if tt.wantErr && !strings.Contains(err.Error(), "exit status 1") {
				t.Errorf("error %v does not say why the agent exited", err)
			}
			if len(f.asked) != 0 || f.presses != 0 {
				t.Errorf("asked %q, %d presses; want nothing sent", f.asked, f.presses)
			}
		})
	}
}

// TestConsoleNotATerminal: piped input is read as lines, without raw mode
// or echo, until it ends; then the console waits for ctx.
func TestConsoleNotATerminal(t *testing.T) {
	f := &fakeOwner{}
	var out syncBuffer
	k := &console{in: strings.NewReader("what time is it\n"), out: &out, fd: -1, c: f.serve(t), done: make(chan struct{})}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- k.run(ctx) }()
	for !strings.Contains(out.String(), "mycroft: You asked: what time is it.") {
		select {
		case err := <-done:
			t.Fatalf("run ended early: %v\n%s", err, out.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if strings.Contains(out.String(), "> what time") {
		t.Errorf("piped input was echoed:\n%s", out.String())
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestConsoleSecondPress: SPACE while a spoken question is in progress
// presses the button again (ending listening) and the answer is shown once.
func TestConsoleSecondPress(t *testing.T) {
	f := &fakeOwner{hold: make(chan struct{})}
	k := &console{c: f.serve(t), press: pressVia(f.keyboard(t)), done: make(chan struct{})}
	p := startConsole(t, k)
	p.typeKeys(t, " ")
	p.scr.waitFor(t, "(listening: speak now)")
	p.typeKeys(t, " ")
	p.scr.waitFor(t, "(pressed again)")
	for f.pressed() != 2 {
		select {
		case <-p.scr.ch:
		case <-time.After(10 * time.Millisecond):
		}
	}
	close(f.hold)
	p.scr.waitFor(t, `mycroft: "You have 9999 MYC."`)
	p.typeKeys(t, "\x03")
	if err := p.end(t); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(p.scr.String(), "You have 9999 MYC."); n != 1 {
		t.Errorf("the answer shown %d times, want once:\n%s", n, p.scr.String())
	}
	if n := strings.Count(p.scr.String(), "(listening: speak now)"); n != 1 {
		t.Errorf("listening announced %d times, want once", n)
	}
}

// TestConsolePressConfirms: SPACE while a typed question waits (a vote
// asking for the button) presses the button for it: no listening, and the
// typed question gets its answer.
func TestConsolePressConfirms(t *testing.T) {
	f := &fakeOwner{confirm: true}
	k := &console{c: f.serve(t), press: pressVia(f.keyboard(t)), done: make(chan struct{})}
	p := startConsole(t, k)
	p.typeKeys(t, "vote yes on proposal 2\r")
	for {
		f.mu.Lock()
		n := len(f.asked)
		f.mu.Unlock()
		if n == 1 {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	p.typeKeys(t, " ")
	p.scr.waitFor(t, "mycroft: Your vote is cast.")
	p.typeKeys(t, "\x03")
	if err := p.end(t); err != nil {
		t.Fatal(err)
	}
	if got := p.scr.String(); !strings.Contains(got, "(button pressed)") || strings.Contains(got, "listening") {
		t.Errorf("SPACE during a typed question: screen\n%s\nwant \"(button pressed)\" and no listening", got)
	}
	if f.pressed() != 1 {
		t.Errorf("pressed %d times, want 1", f.pressed())
	}
}
