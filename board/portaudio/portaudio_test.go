package portaudio

import (
	"errors"
	"testing"

	"github.com/mycroft-network/mycroft/hal"
)

func TestOpen(t *testing.T) {
	if _, err := OpenMic(hal.AudioFormat{Rate: 16000, Channels: 2, Bits: 16}); err == nil || errors.Is(err, hal.ErrUnavailable) {
		t.Fatalf("stereo mic: %v, want a format error", err)
	}
	m, err := OpenMic(hal.Voice)
	if !Built {
		if !errors.Is(err, hal.ErrUnavailable) || m != nil {
			t.Fatalf("OpenMic without the tag = %v, %v; want hal.ErrUnavailable", m, err)
		}
		if _, err := OpenSpeaker(hal.Voice); !errors.Is(err, hal.ErrUnavailable) {
			t.Fatalf("OpenSpeaker without the tag = %v", err)
		}
		return
	}
	// With portaudio: a machine without sound devices gives ErrUnavailable;
	// one with devices gives a working mic.
	if err != nil {
		if !errors.Is(err, hal.ErrUnavailable) {
			t.Fatalf("OpenMic = %v, want success or hal.ErrUnavailable", err)
		}
		t.Skipf("no input device: %v", err)
	}
	defer m.Close()
	buf := make([]int16, 400)
	n, err := m.Read(buf)
	if err != nil || n == 0 || n > 160 {
		t.Fatalf("Read = %d, %v; want one period of 160 samples at most", n, err)
	}
}
