package alsa

import "fmt"

// Unavailable is the volume of a board whose mixer could not be opened:
// every call fails with an error that says so, and that the volume skill
// speaks instead of pretending the level changed.
type Unavailable struct {
	Err error // why the mixer could not be opened
}

// UnavailableError is what Unavailable's methods return.
type UnavailableError struct{ Err error }

func (e *UnavailableError) Error() string {
	return fmt.Sprintf("alsa: volume unavailable: %v", e.Err)
}

func (e *UnavailableError) Unwrap() error { return e.Err }

// Speak is the answer the owner hears.
func (e *UnavailableError) Speak() string {
	return "I can't change the volume on this device: its sound card's mixer could not be opened. mycroft status says why."
}

// SetVolume fails.
func (u Unavailable) SetVolume(int) error { return &UnavailableError{Err: u.Err} }

// Volume fails.
func (u Unavailable) Volume() (int, error) { return 0, &UnavailableError{Err: u.Err} }
