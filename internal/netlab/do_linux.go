package netlab

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"

	"golang.org/x/sys/unix"
)

// Do runs fn on an OS thread switched into the namespace and returns its
// error.
//
// Only what fn does on that thread happens in the namespace: goroutines it
// starts run elsewhere, in the test's own namespace. A socket belongs to
// the namespace it was created in for its whole life, so a connection or
// listener opened in fn may be used after Do returns, from any goroutine;
// dial IP literals (name resolution may run on other threads). Child
// processes are the better home for servers (Command, Helper). A socket
// opened here keeps the namespace alive until it is closed.
//
// The thread is never switched back: it stays locked and ends with fn's
// goroutine, so no thread of the test is left in a lab namespace. If the
// switch fails, fn does not run (it would otherwise reach the real
// network).
func (n *Namespace) Do(fn func() error) error {
	errc := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		errc <- n.doLocked(fn)
	}()
	return <-errc
}

func (n *Namespace) doLocked(fn func() error) (err error) {
	f, err := os.Open(filepath.Join(netnsDir, n.name))
	if err != nil {
		return fmt.Errorf("netlab: enter %s: %w", n.name, err)
	}
	err = unix.Setns(int(f.Fd()), unix.CLONE_NEWNET)
	f.Close()
	if err != nil {
		return fmt.Errorf("netlab: enter %s: setns: %w", n.name, err)
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("netlab: panic in %s: %v", n.name, r)
		}
	}()
	return fn()
}
