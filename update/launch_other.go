//go:build !unix

package update

import "errors"

var errNoExec = errors.New("update: slots need a unix system")

// ExecSlot is unavailable off unix.
func ExecSlot(string) error { return errNoExec }

// Reexec is unavailable off unix.
func Reexec() error { return errNoExec }
