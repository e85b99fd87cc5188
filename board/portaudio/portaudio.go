package portaudio

import (
	"fmt"

	"github.com/mycroft-network/mycroft/hal"
)

// ErrUnavailable is returned when the binary was built without portaudio,
// or when portaudio finds no default device.
var ErrUnavailable = fmt.Errorf("portaudio: unavailable: %w", hal.ErrUnavailable)

func checkFormat(f hal.AudioFormat) error {
	if f.Bits != 16 || f.Channels != 1 || f.Rate <= 0 {
		return fmt.Errorf("portaudio: format %+v: only 16-bit mono is supported", f)
	}
	return nil
}

// DeviceRate is the rate the Mark II's SJ201 (and many USB devices) offer
// when the asked-for rate is refused: its I2S card runs 48 kHz, 32-bit,
// stereo. OpenMic then opens the device at that format and its Mic reports
// Format{Rate: 48000, Channels: 2, Bits: 16}: the consumer takes channel 0
// (the XMOS ASR output) and resamples to 16 kHz with the one resampler of
// the module (the voice capture does, with voice/tts.Resampler).
const DeviceRate = 48000

// s32ToS16 converts signed 32-bit samples to 16-bit by keeping their top
// 16 bits (the SJ201's samples are left-justified S32_LE).
func s32ToS16(dst []int16, src []int32) int {
	n := min(len(dst), len(src))
	for i := range n {
		dst[i] = int16(src[i] >> 16)
	}
	return n
}

// Counters count the stream's glitches: input overflows (samples the
// device dropped because the reader was late) and output underflows
// (silence played because the writer was late). A Mic and a Speaker
// expose theirs with Counters(); the agent may show them in its status.
type Counters struct {
	Overflows  uint64 `json:"overflows"`
	Underflows uint64 `json:"underflows"`
}
