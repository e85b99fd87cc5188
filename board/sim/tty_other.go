//go:build !linux

package sim

import "golang.org/x/term"

// MakeRaw puts the terminal fd in raw mode. Off Linux output processing is
// not restored: the face may be drawn without carriage returns.
func MakeRaw(fd int) (*term.State, error) { return term.MakeRaw(fd) }
