//go:build unix

// Package cputime reads the process's CPU time, for benchmarks that report
// cost per second of audio independently of other load on the machine.
package cputime

import (
	"syscall"
	"time"
)

// Process is the process's user+system CPU time so far (0 if unknown).
func Process() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
