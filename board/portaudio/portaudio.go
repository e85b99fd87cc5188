package portaudio

import (
	"errors"
	"fmt"

	"github.com/mycroft-network/mycroft/hal"
)

// ErrUnavailable is returned when the binary was built without portaudio,
// or when portaudio finds no default device.
var ErrUnavailable = fmt.Errorf("portaudio: unavailable: %w", hal.ErrUnavailable)

// errClosed is returned after Close.
var errClosed = errors.New("portaudio: stream closed")

func checkFormat(f hal.AudioFormat) error {
	if f.Bits != 16 || f.Channels != 1 || f.Rate <= 0 {
		return fmt.Errorf("portaudio: format %+v: only 16-bit mono is supported", f)
	}
	return nil
}
