//go:build !linux

package mark1

import (
	"fmt"
	"io"

	"github.com/mycroft-network/mycroft/hal"
)

// OpenSerial is only implemented on Linux.
func OpenSerial(path string) (io.ReadWriteCloser, error) {
	return nil, fmt.Errorf("mark1: open %s: serial ports need Linux: %w", path, hal.ErrUnavailable)
}
