//go:build linux

package sim

import "golang.org/x/sys/unix"

// keepOutputProcessing turns output processing back on after term.MakeRaw,
// so "\n" written to the same terminal (the face, logs on stderr) still
// returns the carriage. Input stays raw.
func keepOutputProcessing(fd int) {
	t, err := unix.IoctlGetTermios(fd, unix.TCGETS)
	if err != nil {
		return
	}
	t.Oflag |= unix.OPOST | unix.ONLCR
	_ = unix.IoctlSetTermios(fd, unix.TCSETS, t)
}
