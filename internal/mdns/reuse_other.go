//go:build !unix

package mdns

import "syscall"

// reuse does nothing where the port cannot be shared.
func reuse(_, _ string, _ syscall.RawConn) error { return nil }
