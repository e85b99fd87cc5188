package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"strconv"
	"syscall"

	"github.com/mycroft-network/mycroft/board/mark2"
)

func main() {
	log := slog.New(slog.NewTextHandler(os.Stderr, nil))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	open := func() (ringWriter, error) { return mark2.OpenPWMRing() }
	if err := run(ctx, os.Args[1:], os.Getenv, open, dropCapabilities, log); err != nil {
		fmt.Fprintln(os.Stderr, "mycroft-ring:", err)
		os.Exit(1)
	}
}

// ringWriter is the PWM ring channel: an NRZ writer to close at the end.
type ringWriter interface {
	mark2.NRZWriter
	io.Closer
}

// run opens the ring, takes the listening socket (systemd's, or its own at
// -socket), drops its capabilities and serves until ctx is done; then it
// darkens the ring.
func run(ctx context.Context, args []string, getenv func(string) string, open func() (ringWriter, error), drop func() error, log *slog.Logger) error {
	fs := flag.NewFlagSet("mycroft-ring", flag.ContinueOnError)
	path := fs.String("socket", mark2.DefaultRingSocket, "unix socket to listen on when not started by systemd's socket activation")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	ln, err := listener(getenv, *path)
	if err != nil {
		return err
	}
	w, err := open()
	if err != nil {
		_ = ln.Close()
		return fmt.Errorf("open the PWM ring channel: %w", err)
	}
	// The registers are mapped: no capability is needed from here on.
	if err := drop(); err != nil {
		log.Warn("mycroft-ring: capabilities kept", "err", err)
	}
	log.Info("mycroft-ring: serving", "ring", w.String(), "socket", ln.Addr().String())
	serr := mark2.ServeRing(ctx, ln, w, log)
	dark := mark2.EncodeNRZ(nil, make([]byte, mark2.RingLEDs*3))
	return errors.Join(serr, w.WriteNRZ(dark), w.Close())
}

// listener returns systemd's socket (LISTEN_FDS=1 for this process: fd 3)
// or listens on path itself (mode 0660: the group decides who may drive
// the ring).
func listener(getenv func(string) string, path string) (net.Listener, error) {
	if getenv("LISTEN_PID") == strconv.Itoa(os.Getpid()) {
		if n := getenv("LISTEN_FDS"); n != "1" {
			return nil, fmt.Errorf("socket activation: LISTEN_FDS=%q, want exactly one socket", n)
		}
		f := os.NewFile(3, "ring.sock")
		ln, err := net.FileListener(f)
		_ = f.Close()
		if err != nil {
			return nil, fmt.Errorf("socket activation: %w", err)
		}
		return ln, nil
	}
	_ = os.Remove(path)
	old := syscall.Umask(0o117)
	ln, err := net.Listen("unix", path)
	syscall.Umask(old)
	if err != nil {
		return nil, fmt.Errorf("listen: %w", err)
	}
	return ln, nil
}
