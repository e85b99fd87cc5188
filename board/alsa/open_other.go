//go:build !linux

package alsa

import (
	"errors"
	"fmt"
)

// Open is unavailable: ALSA is Linux's.
func Open(Config) (*Mixer, error) {
	return nil, fmt.Errorf("alsa: %w: ALSA needs Linux", errors.ErrUnsupported)
}
