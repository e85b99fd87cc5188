//go:build !linux

package sim

// keepOutputProcessing is a no-op off Linux: the face may then be drawn
// without carriage returns while the keyboard is in raw mode.
func keepOutputProcessing(fd int) {}
