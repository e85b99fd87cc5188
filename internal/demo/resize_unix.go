//go:build unix

package demo

import (
	"os"
	"os/signal"
	"syscall"
)

// followResize redraws the screen's regions when the terminal changes
// size (SIGWINCH) until the returned stop is called.
func followResize(s *screen) (stop func()) {
	if !s.tty {
		return func() {}
	}
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGWINCH)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-ch:
				s.resize()
			case <-done:
				return
			}
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}
