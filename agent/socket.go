package agent

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"time"
)

// ErrAlreadyRunning is returned when another agent answers on the socket.
var ErrAlreadyRunning = errors.New("another mycroft agent is already running")

// listenSocket listens on the unix socket at path. If a socket file is
// already there, it dials it: when something answers, another agent is
// running and listenSocket refuses; when nothing answers, the file is stale
// and is replaced. The socket gets mode 0660 and, when group names an
// existing group, that group; the returned warning says if it could not.
func listenSocket(path, group string) (ln *net.UnixListener, warning string, err error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, "", fmt.Errorf("socket: %w", err)
	}
	if fi, err := os.Lstat(path); err == nil {
		if fi.Mode()&os.ModeSocket == 0 {
			return nil, "", fmt.Errorf("socket: %s exists and is not a socket; refusing to remove it", path)
		}
		c, err := net.DialTimeout("unix", path, time.Second)
		if err == nil {
			c.Close()
			return nil, "", fmt.Errorf("socket %s: %w", path, ErrAlreadyRunning)
		}
		if err := os.Remove(path); err != nil {
			return nil, "", fmt.Errorf("socket: remove stale %s: %w", path, err)
		}
	}
	l, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
	if err != nil {
		return nil, "", fmt.Errorf("socket: %w", err)
	}
	l.SetUnlinkOnClose(true)
	if err := os.Chmod(path, 0o660); err != nil {
		l.Close()
		return nil, "", fmt.Errorf("socket: %w", err)
	}
	if group != "" {
		g, err := user.LookupGroup(group)
		if err != nil {
			return l, fmt.Sprintf("socket group %q not found; only the agent's own user and group can use %s", group, path), nil
		}
		gid, _ := strconv.Atoi(g.Gid)
		if err := os.Chown(path, -1, gid); err != nil {
			return l, fmt.Sprintf("cannot give %s to group %q: %v", path, group, err), nil
		}
	}
	return l, "", nil
}
