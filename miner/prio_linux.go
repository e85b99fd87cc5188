//go:build linux

package miner

import (
	"fmt"
	"os"
	"strconv"

	"golang.org/x/sys/unix"
)

// I/O priority encoding of ioprio_set(2).
const (
	ioprioClassShift = 13
	ioprioClassBE    = 2
	ioprioWhoProcess = 1
)

// LowerPriority puts every thread of the calling process at nice 19 and
// best-effort I/O priority level 7 (the lowest that is never starved;
// the idle class can wait forever behind a busy SD card). On Linux both are
// per-thread, so it walks /proc/self/task; threads created later inherit
// the setting from the thread that creates them. Call it first thing in a
// worker process, never in the agent (whose voice threads must stay fast).
func LowerPriority() error {
	tids, err := os.ReadDir("/proc/self/task")
	if err != nil {
		return fmt.Errorf("miner: lower priority: %w", err)
	}
	prio := ioprioClassBE<<ioprioClassShift | 7
	for _, e := range tids {
		tid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if err := unix.Setpriority(unix.PRIO_PROCESS, tid, 19); err != nil {
			return fmt.Errorf("miner: lower priority: setpriority %d: %w", tid, err)
		}
		if _, _, errno := unix.Syscall(unix.SYS_IOPRIO_SET, ioprioWhoProcess, uintptr(tid), uintptr(prio)); errno != 0 {
			return fmt.Errorf("miner: lower priority: ioprio_set %d: %w", tid, errno)
		}
	}
	return nil
}

// Priority reports the calling thread's nice value and I/O priority
// (class<<13 | level).
func Priority() (nice int, ioprio int, err error) {
	// getpriority returns 20-nice on Linux.
	p, err := unix.Getpriority(unix.PRIO_PROCESS, 0)
	if err != nil {
		return 0, 0, fmt.Errorf("miner: priority: %w", err)
	}
	r, _, errno := unix.Syscall(unix.SYS_IOPRIO_GET, ioprioWhoProcess, 0, 0)
	if errno != 0 {
		return 20 - p, 0, fmt.Errorf("miner: priority: ioprio_get: %w", errno)
	}
	return 20 - p, int(r), nil
}

func stopProcess(pid int) error     { return unix.Kill(pid, unix.SIGSTOP) }
func continueProcess(pid int) error { return unix.Kill(pid, unix.SIGCONT) }
