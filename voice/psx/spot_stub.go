//go:build !pocketsphinx

package psx

import (
	"context"
	"fmt"

	"github.com/mycroft-network/mycroft/internal/wyoming"
)

// Spotter is unavailable without the tag pocketsphinx.
type Spotter struct{}

// NewSpotter returns ErrUnavailable (after checking c): this binary was
// built without the tag pocketsphinx.
func NewSpotter(c SpotterConfig) (*Spotter, error) {
	if _, _, err := c.resolve(); err != nil {
		return nil, err
	}
	return nil, fmt.Errorf("%w: wake word: built without the tag pocketsphinx", ErrUnavailable)
}

// Run returns ErrUnavailable.
func (s *Spotter) Run(context.Context, <-chan []int16, func(wyoming.Detection)) error {
	return ErrUnavailable
}

// Close does nothing.
func (s *Spotter) Close() error { return nil }
