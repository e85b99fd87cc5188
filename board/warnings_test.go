package board

import (
	"bufio"
	"context"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/creack/pty"
	"golang.org/x/sys/unix"

	"github.com/mycroft-network/mycroft/board/mark2"
	"github.com/mycroft-network/mycroft/hal"
)

// bootingArduino is an Arduino on a pty that ignores its first n
// handshakes (still starting up) and then answers like the firmware. It
// sends on asked each system.version it reads.
func bootingArduino(t *testing.T, n int, asked chan<- struct{}) string {
	t.Helper()
	master, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pty: %v", err)
	}
	fd, err := unix.Dup(int(master.Fd()))
	master.Close()
	if err != nil {
		t.Fatal(err)
	}
	unix.SetNonblock(fd, true)
	m := os.NewFile(uintptr(fd), "ptmx")
	t.Cleanup(func() { m.Close(); tty.Close() })
	go func() {
		br := bufio.NewReader(m)
		for {
			line, err := br.ReadString('\n')
			if err != nil {
				return
			}
			line = strings.TrimSuffix(line, "\n")
			if line == "system.version" {
				asked <- struct{}{}
			}
			if line == "system.version" && n > 0 {
				n--
				continue
			}
			io.WriteString(m, "Command: "+line+"\r\n")
			if line == "system.version" {
				io.WriteString(m, "Mycroft Mark 1 v1.4.2\r\n")
			}
		}
	}()
	return tty.Name()
}

// A configured Mark I whose Arduino answers late: the board opens with the
// faceplate, Check says (on one line) that it waits for it, and says
// nothing once the Arduino has answered.
func TestMark1WaitsForLateArduino(t *testing.T) {
	hooks(t, "", false, nil, true)
	fire := make(chan time.Time)
	asked := make(chan time.Duration, 4)
	after := mark1After
	t.Cleanup(func() { mark1After = after })
	mark1After = func(d time.Duration) <-chan time.Time { asked <- d; return fire }
	handshakes := make(chan struct{}, 4)
	port := bootingArduino(t, 1, handshakes)
	type opened struct {
		b   *hal.Board
		err error
	}
	done := make(chan opened, 1)
	go func() {
		b, err := Open(context.Background(), Config{Kind: KindMark1, SerialPort: port, Log: quiet})
		done <- opened{b, err}
	}()
	<-handshakes
	<-asked
	fire <- time.Now() // the first handshake goes unanswered
	o := <-done
	if o.err != nil {
		t.Fatalf("Open = %v, want the Mark I waiting for its Arduino", o.err)
	}
	b := o.b
	defer b.Close()
	if b.Faceplate == nil || b.Buttons == nil || hasWarning(b, "faceplate") {
		t.Fatalf("board faceplate %v buttons %v warnings %q; want both, and the wait in Check only", b.Faceplate, b.Buttons, b.Warnings)
	}
	got := b.Check()
	if len(got) != 1 || !strings.Contains(got[0], "waiting for the faceplate") || !strings.Contains(got[0], port) ||
		strings.ContainsAny(got[0], "\r\n") || !strings.Contains(got[0], "no Arduino answered system.version; hal: device unavailable") {
		t.Fatalf("Check while waiting = %q, want one line waiting for the faceplate on %s", got, port)
	}
	<-asked
	fire <- time.Now() // the backoff ends; the second handshake is answered
	deadline := time.Now().Add(20 * time.Second)
	for len(b.Check()) != 0 {
		if time.Now().After(deadline) {
			t.Fatalf("Check after the Arduino answered = %q, want nothing", b.Check())
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err := b.Faceplate.Show(context.Background(), hal.Face{State: hal.StateListening, Volume: -1}); err != nil {
		t.Fatalf("Show once the Arduino answered: %v", err)
	}
}

// Warnings and live checks are one line each, whatever the part said.
func TestWarningsAreOneLine(t *testing.T) {
	hooks(t, "R6", true, nil, true)
	multi := errors.Join(errors.New("tas5806: no ack"), errors.New("attiny: bus error\n  at 0x04")).Error()
	openMark2 = func(context.Context, mark2.Config) (*hal.Board, error) {
		return &hal.Board{Name: "mark2", Warnings: []string{"speaker amplifier: " + multi},
			Check: func() []string { return []string{"fan:\nstalled\r\n"} }}, nil
	}
	b, err := Open(context.Background(), Config{Kind: KindMark2, Log: quiet})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	for _, tc := range []struct {
		name string
		got  []string
		want string
	}{
		{"opening warning", b.Warnings, "speaker amplifier: tas5806: no ack; attiny: bus error; at 0x04"},
		{"live check", b.Check(), "fan: stalled"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if len(tc.got) == 0 || tc.got[0] != tc.want {
				t.Fatalf("got %q, want first %q", tc.got, tc.want)
			}
		})
	}
}
