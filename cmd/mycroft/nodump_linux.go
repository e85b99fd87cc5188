package main

import "golang.org/x/sys/unix"

// noCoreDumps keeps the daemon's memory (keys, passphrases) out of core
// dumps, whatever the system's settings.
func noCoreDumps() error {
	if err := unix.Setrlimit(unix.RLIMIT_CORE, &unix.Rlimit{}); err != nil {
		return err
	}
	return unix.Prctl(unix.PR_SET_DUMPABLE, 0, 0, 0, 0)
}
