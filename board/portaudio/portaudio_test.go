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

func TestS32ToS16(t *testing.T) {
	src := []int32{0, 1 << 16, -1 << 16, 0x7fffffff, -0x80000000, 0xffff, -1}
	want := []int16{0, 1, -1, 32767, -32768, 0, -1}
	dst := make([]int16, len(src))
	if n := s32ToS16(dst, src); n != len(src) {
		t.Fatalf("n = %d", n)
	}
	for i := range want {
		if dst[i] != want[i] {
			t.Errorf("s32ToS16(%#x) = %d, want %d", src[i], dst[i], want[i])
		}
	}
	if n := s32ToS16(make([]int16, 2), src); n != 2 {
		t.Fatalf("short dst: n = %d", n)
	}
}
