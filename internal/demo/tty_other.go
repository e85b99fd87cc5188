//go:build !linux

package demo

// keepOutputProcessing does nothing off Linux: output stays raw.
func keepOutputProcessing(int) {}
