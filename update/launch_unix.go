//go:build unix

package update

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// ExecSlot replaces the process (the launcher) with the binary exe of the
// current slot, with the same arguments; the slot binary learns its slot
// and the launcher's path from the environment. The PID stays the same,
// so systemd (Type=notify, NotifyAccess=main) sees one service.
func ExecSlot(exe string) error {
	self, err := os.Executable()
	if err != nil {
		return fmt.Errorf("update: launch: %w", err)
	}
	slot := filepath.Base(filepath.Dir(exe))
	env := append(without(os.Environ(), EnvSlot, EnvLauncher), EnvSlot+"="+slot, EnvLauncher+"="+self)
	if err := syscall.Exec(exe, os.Args, env); err != nil {
		return fmt.Errorf("update: launch %s: %w", exe, err)
	}
	return nil
}

// Reexec replaces the process with the launcher (the installed binary
// that started this slot, or this binary when it runs without slots),
// which then starts whatever slot is current: how the agent restarts into
// a new slot or after a rollback without systemd's help. Call it after
// every resource is closed.
func Reexec() error {
	launcher := os.Getenv(EnvLauncher)
	if launcher == "" {
		var err error
		if launcher, err = os.Executable(); err != nil {
			return fmt.Errorf("update: restart: %w", err)
		}
	}
	if err := syscall.Exec(launcher, os.Args, without(os.Environ(), EnvSlot, EnvLauncher)); err != nil {
		return fmt.Errorf("update: restart %s: %w", launcher, err)
	}
	return nil
}

func without(env []string, names ...string) []string {
	out := env[:0:0]
next:
	for _, kv := range env {
		for _, n := range names {
			if strings.HasPrefix(kv, n+"=") {
				continue next
			}
		}
		out = append(out, kv)
	}
	return out
}
