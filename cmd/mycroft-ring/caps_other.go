//go:build !linux

package main

// dropCapabilities has nothing to drop off Linux.
func dropCapabilities() error { return nil }
