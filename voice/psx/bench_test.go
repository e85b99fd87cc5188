package psx

import (
	"context"
	"io"
	"strings"
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

// BenchmarkRecognizeSkills is BenchmarkRecognize on the skills' own
// grammar (skillsGrammar: what the agent of a device with no network
// hands the recogniser, about 190 alternatives with number, duration and
// time slots), for a few commands, with the
// pipeline's silence around them (0.3 s before, 0.7 s after); rtf as
// there.
func BenchmarkRecognizeSkills(b *testing.B) {
	d := decoder(b)
	grammar := skillsGrammar(b)
	ctx := context.Background()
	for _, command := range []string{"what time is it", "set a timer for five minutes", "turn up the volume", "how long is left on the timer"} {
		b.Run(strings.ReplaceAll(command, " ", "_"), func(b *testing.B) {
			pcm, err := tts.Flite().Synthesize(ctx, command)
			if err != nil {
				b.Skip(err)
			}
			audio := utterance(pcm)
			seconds := float64(len(audio)/2) / Rate
			if _, err := d.Recognize(ctx, grammar, &trickle{b: audio, end: io.EOF}); err != nil {
				b.Fatal(err) // loads the grammar outside the timing
			}
			cpu0 := cputime.Process()
			b.ResetTimer()
			var res Result
			for range b.N {
				if res, err = d.Recognize(ctx, grammar, &trickle{b: audio, end: io.EOF}); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			cpu := cputime.Process() - cpu0
			b.ReportMetric(cpu.Seconds()/(seconds*float64(b.N)), "rtf")
			b.ReportMetric(seconds, "audio-s")
			b.ReportMetric(res.Cost(), "cost")
			if res.Text != command {
				b.Logf("heard %q (cost %.1f)", res.Text, res.Cost())
			}
		})
	}
}
