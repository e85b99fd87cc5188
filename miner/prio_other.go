//go:build !linux

package miner

import "errors"

// errNoPriority is returned where priorities are not implemented.
var errNoPriority = errors.New("miner: process priority: only on Linux")

// LowerPriority is implemented on Linux only.
func LowerPriority() error { return errNoPriority }

// Priority is implemented on Linux only.
func Priority() (nice int, ioprio int, err error) { return 0, 0, errNoPriority }

func stopProcess(int) error     { return errNoPriority }
func continueProcess(int) error { return errNoPriority }
