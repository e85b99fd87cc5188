package main

import (
	"fmt"
	"syscall"
	"unsafe"
)

// dropCapabilities clears the effective, permitted and inheritable
// capability sets of every thread (capset(2) is per thread, hence
// AllThreadsSyscall; it needs a build without cgo, which this helper is).
func dropCapabilities() error {
	hdr := struct {
		version uint32
		pid     int32
	}{version: 0x20080522} // _LINUX_CAPABILITY_VERSION_3
	var data [2]struct{ effective, permitted, inheritable uint32 }
	_, _, errno := syscall.AllThreadsSyscall(syscall.SYS_CAPSET,
		uintptr(unsafe.Pointer(&hdr)), uintptr(unsafe.Pointer(&data[0])), 0)
	if errno != 0 {
		return fmt.Errorf("capset: %w", errno)
	}
	return nil
}
