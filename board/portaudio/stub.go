//go:build !portaudio

package portaudio

import (
	"fmt"

	"github.com/mycroft-network/mycroft/hal"
)

// Built reports whether this binary has portaudio support.
const Built = false

// Mic is a hal.Mic on the default input device. Without the portaudio
// build tag it cannot be opened.
type Mic struct{ format hal.AudioFormat }

// Speaker is a hal.Speaker on the default output device. Without the
// portaudio build tag it cannot be opened.
type Speaker struct{ format hal.AudioFormat }

// OpenMic fails: this binary was built without the portaudio tag.
func OpenMic(f hal.AudioFormat) (*Mic, error) {
	if err := checkFormat(f); err != nil {
		return nil, err
	}
	return nil, fmt.Errorf("%w (built without the portaudio tag)", ErrUnavailable)
}

// OpenSpeaker fails: this binary was built without the portaudio tag.
func OpenSpeaker(f hal.AudioFormat) (*Speaker, error) {
	if err := checkFormat(f); err != nil {
		return nil, err
	}
	return nil, fmt.Errorf("%w (built without the portaudio tag)", ErrUnavailable)
}

// Format implements hal.Mic.
func (m *Mic) Format() hal.AudioFormat { return m.format }

// Read implements hal.Mic.
func (m *Mic) Read(p []int16) (int, error) { return 0, ErrUnavailable }

// Close does nothing.
func (m *Mic) Close() error { return nil }

// Format implements hal.Speaker.
func (s *Speaker) Format() hal.AudioFormat { return s.format }

// Write implements hal.Speaker.
func (s *Speaker) Write(p []int16) (int, error) { return 0, ErrUnavailable }

// Halt implements hal.Speaker.
func (s *Speaker) Halt() error { return nil }

// Close does nothing.
func (s *Speaker) Close() error { return nil }

// Counters reports no glitches: nothing runs without the tag.
func (m *Mic) Counters() Counters { return Counters{} }

// Counters reports no glitches: nothing runs without the tag.
func (s *Speaker) Counters() Counters { return Counters{} }

// Devices fails: this binary was built without the portaudio tag.
func Devices() (Defaults, error) {
	return Defaults{}, fmt.Errorf("%w (built without the portaudio tag)", ErrUnavailable)
}
