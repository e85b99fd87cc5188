package portaudio

import (
	"errors"
	"testing"

	"github.com/mycroft-network/mycroft/hal"
)

// TestDevices: without the tag Devices is ErrUnavailable; with it, a
// machine without sound devices reports none (no error, no hang), and one
// with devices reports what OpenMic and OpenSpeaker then open.
func TestDevices(t *testing.T) {
	d, err := Devices()
	if !Built {
		if !errors.Is(err, ErrUnavailable) || !errors.Is(err, hal.ErrUnavailable) || d.Input || d.Output {
			t.Fatalf("Devices without the tag = %+v, %v; want ErrUnavailable", d, err)
		}
		return
	}
	if err != nil {
		if !errors.Is(err, ErrUnavailable) {
			t.Fatalf("Devices = %v, want nil or ErrUnavailable", err)
		}
		t.Skipf("portaudio does not initialise here: %v", err)
	}
	t.Logf("devices: %+v", d)
	if (d.Input && d.InputName == "") || (d.Output && d.OutputName == "") {
		t.Errorf("a device reported without its name: %+v", d)
	}
	// What Devices says agrees with what opening does.
	m, merr := OpenMic(hal.Voice)
	if merr == nil {
		m.Close()
	}
	if d.Input != (merr == nil) {
		t.Errorf("Devices says input %v, OpenMic: %v", d.Input, merr)
	}
	s, serr := OpenSpeaker(hal.Voice)
	if serr == nil {
		s.Close()
	}
	if d.Output != (serr == nil) {
		t.Errorf("Devices says output %v, OpenSpeaker: %v", d.Output, serr)
	}
}
