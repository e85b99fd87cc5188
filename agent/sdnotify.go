package agent

import (
	"context"
	"net"
	"os"
	"strconv"
	"time"
)

// notifier speaks systemd's sd_notify protocol: datagrams to the unix socket
// named by $NOTIFY_SOCKET. Without it (not under systemd) every call is a
// no-op.
type notifier struct {
	addr string
}

func newNotifier() notifier { return notifier{addr: os.Getenv("NOTIFY_SOCKET")} }

func (n notifier) send(state string) error {
	if n.addr == "" {
		return nil
	}
	addr := n.addr
	if addr[0] == '@' { // abstract namespace
		addr = "\x00" + addr[1:]
	}
	c, err := net.DialUnix("unixgram", nil, &net.UnixAddr{Name: addr, Net: "unixgram"})
	if err != nil {
		return err
	}
	defer c.Close()
	_, err = c.Write([]byte(state))
	return err
}

// watchdogInterval is half of $WATCHDOG_USEC when the watchdog is meant for
// this process, else 0.
func watchdogInterval() time.Duration {
	if pid := os.Getenv("WATCHDOG_PID"); pid != "" && pid != strconv.Itoa(os.Getpid()) {
		return 0
	}
	usec, err := strconv.ParseInt(os.Getenv("WATCHDOG_USEC"), 10, 64)
	if err != nil || usec <= 0 {
		return 0
	}
	return time.Duration(usec) * time.Microsecond / 2
}

// watchdog pings systemd while alive reports true, until ctx is done.
func (n notifier) watchdog(ctx context.Context, alive func() bool) {
	every := watchdogInterval()
	if every == 0 || n.addr == "" {
		return
	}
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if alive() {
				_ = n.send("WATCHDOG=1")
			}
		}
	}
}
