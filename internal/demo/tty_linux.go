//go:build linux

package demo

import "golang.org/x/sys/unix"

// keepOutputProcessing turns output processing back on after term.MakeRaw
// so that "\n" written to the terminal (the owner's face, drawn by a child
// process) still returns the carriage. Input stays raw.
func keepOutputProcessing(fd int) {
	t, err := unix.IoctlGetTermios(fd, unix.TCGETS)
	if err != nil {
		return
	}
	t.Oflag |= unix.OPOST | unix.ONLCR
	_ = unix.IoctlSetTermios(fd, unix.TCSETS, t)
}
