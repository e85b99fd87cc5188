//go:build !linux

package keystore

func totalRAM() int64 { return 0 }
