package sim

import (
	"context"
	"testing"

	"github.com/creack/pty"
	"golang.org/x/sys/unix"

	"github.com/mycroft-network/mycroft/hal"
)

func TestKeyboardOnATerminal(t *testing.T) {
	master, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pty: %v", err)
	}
	defer master.Close()
	defer tty.Close()
	s, err := New(Config{Keys: tty, Fast: true})
	if err != nil {
		t.Fatal(err)
	}
	// In canonical mode a lone space would wait for a newline: getting
	// the event proves the terminal is raw.
	master.Write([]byte(" "))
	ev, err := s.Buttons.Wait(context.Background())
	if err != nil || ev.Button != hal.ButtonAction {
		t.Fatalf("key press gave %v %v", ev, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if st, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS); err != nil || st.Lflag&unix.ICANON == 0 {
		t.Fatalf("terminal not restored to canonical mode after Close (%v)", err)
	}
}
