package portaudio

import (
	"errors"
	"math"
	"testing"

	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/voice/tts"
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

// BenchmarkDeviceFormatSecond is the CPU, per second of audio, of the
// SJ201 capture path without the device: 48 kHz S32_LE stereo converted to
// 16-bit here, channel 0 taken and resampled to 16 kHz by the voice
// capture's resampler (voice/tts), in 10 ms periods.
func BenchmarkDeviceFormatSecond(b *testing.B) {
	period := DeviceRate / 100
	raw := make([]int32, 2*period)
	for i := range period {
		v := int32(0.25 * math.MaxInt32 * math.Sin(2*math.Pi*1000*float64(i)/DeviceRate))
		raw[2*i], raw[2*i+1] = v, v/2
	}
	s16 := make([]int16, len(raw))
	mono := make([]int16, period)
	rs := tts.NewResampler(DeviceRate, hal.Voice.Rate)
	b.ReportAllocs()
	for b.Loop() {
		for range 100 {
			s32ToS16(s16, raw)
			for i := range mono {
				mono[i] = s16[2*i]
			}
			rs.Process(mono)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e9*100, "%cpu-per-audio-s")
}
