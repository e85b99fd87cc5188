//go:build linux

package sim

import (
	"golang.org/x/sys/unix"
	"golang.org/x/term"
)

// MakeRaw puts the terminal fd in raw mode for input (keys arrive one by
// one, unechoed) but keeps output processing, so "\n" written to the same
// terminal (the face, logs on stderr, a child process's drawing) still
// returns the carriage. Restore with term.Restore and the returned state.
func MakeRaw(fd int) (*term.State, error) {
	old, err := term.MakeRaw(fd)
	if err != nil {
		return nil, err
	}
	if t, err := unix.IoctlGetTermios(fd, unix.TCGETS); err == nil {
		t.Oflag |= unix.OPOST | unix.ONLCR
		_ = unix.IoctlSetTermios(fd, unix.TCSETS, t)
	}
	return old, nil
}
