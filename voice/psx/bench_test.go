package psx

import (
	"context"
	"io"
	"testing"

	"github.com/mycroft-network/mycroft/internal/cputime"
	"github.com/mycroft-network/mycroft/voice/tts"
)

// BenchmarkRecognize is local recognition of a 2-3 s flite utterance (with
// half a second of silence each side); it reports the real-time factor,
// CPU time of the process over audio time (rtf; under 1 keeps up).
func BenchmarkRecognize(b *testing.B) {
	d := decoder(b)
	audio := speech(b, tts.Flite(), "set a timer for five minutes")
	seconds := float64(len(audio)/2) / Rate
	ctx := context.Background()
	cpu0 := cputime.Process()
	b.ResetTimer()
	for range b.N {
		r, err := d.Recognize(ctx, commands, &trickle{b: audio, end: io.EOF})
		if err != nil || r.Text == "" {
			b.Fatalf("Recognize = %+v, %v", r, err)
		}
	}
	b.StopTimer()
	cpu := cputime.Process() - cpu0
	b.ReportMetric(cpu.Seconds()/(seconds*float64(b.N)), "rtf")
	b.ReportMetric(seconds, "audio-s")
}
