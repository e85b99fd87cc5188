package psx

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/mycroft-network/mycroft/internal/cputime"
	"github.com/mycroft-network/mycroft/internal/wyoming"
	"github.com/mycroft-network/mycroft/voice/tts"
)

// BenchmarkSpotter is the spotter on a minute of prose (no wake word, so
// the search runs through without restarts) in the capture's 1024-sample
// chunks; it reports CPU time of the process per second of audio.
func BenchmarkSpotter(b *testing.B) {
	s := spotter(b, SpotterConfig{})
	pcm := speechMinute(b)
	seconds := float64(len(pcm)) / Rate
	cpu0 := cputime.Process()
	b.ResetTimer()
	for range b.N {
		spotAll(b, s, pcm, spotChunk)
	}
	b.StopTimer()
	cpu := cputime.Process() - cpu0
	b.ReportMetric(float64(cpu.Milliseconds())/(seconds*float64(b.N)), "cpu-ms/audio-s")
	b.ReportMetric(seconds, "audio-s")
}

// espeakVoices are the voices the accuracy measurement synthesises with.
var espeakVoices = []string{"en-us", "en-us+m3", "en+f3", "en-gb"}

// Phrases of the accuracy measurement. espeak-ng says "mycroft" as
// "MICK-roft"; the phoneme-spelled ones ([[...]], espeak-ng's phoneme
// input) say "MY-croft" with the last vowel as /ɑː/ (en-us) or /ɒ/ and as
// /ɔː/ (CMUdict's AO).
var (
	nearMisses   = []string{"hey microsoft", "hey my craft", "hey minecraft"}
	phonemeSpelt = []string{"[[h'eI m'aIkr0ft]]", "[[h'eI m'aIkrO:ft]]"}
)

// clip is one measured stream.
type clip struct {
	set  string // what the count is reported as
	name string
	pcm  []int16
}

// accuracyClips are the measurement's streams, each padded with silence.
func accuracyClips(b *testing.B) []clip {
	hey := recording(b, "hey_mycroft_test.wav")
	clips := []clip{
		{"real", "", padded(hey)},
		{"real-quiet", "", padded(scaled(hey, 0.2))},
		{"real-noise20dB", "", padded(noisy(hey, 20))},
		{"real-noise10dB", "", padded(noisy(hey, 10))},
		{"other-wake", "", padded(recording(b, "hey_jane.wav"), recording(b, "alexa_test.wav"))},
		{"prose-minute", "", padded(speechMinute(b))},
	}
	for _, v := range espeakVoices {
		e := &tts.Engine{Program: "espeak-ng", Voice: v}
		for _, p := range nearMisses {
			clips = append(clips, clip{"near-miss", v + " " + p, padded(say(b, e, p))})
		}
		for _, p := range phonemeSpelt {
			clips = append(clips, clip{"phonemes-" + v, p, padded(say(b, e, p))})
		}
		clips = append(clips, clip{"text-" + v, "hey mycroft", padded(say(b, e, "hey mycroft"))})
	}
	return clips
}

// scaled is pcm times gain.
func scaled(pcm []int16, gain float64) []int16 {
	out := make([]int16, len(pcm))
	for i, s := range pcm {
		out[i] = int16(float64(s) * gain)
	}
	return out
}

// noisy is pcm with white noise snr dB under its power (fixed seed).
func noisy(pcm []int16, snr float64) []int16 {
	var power float64
	for _, s := range pcm {
		power += float64(s) * float64(s)
	}
	sigma := math.Sqrt(power/float64(len(pcm))) / math.Pow(10, snr/20)
	r := rand.New(rand.NewPCG(1, 2))
	out := make([]int16, len(pcm))
	for i, s := range pcm {
		out[i] = int16(max(min(float64(s)+r.NormFloat64()*sigma, math.MaxInt16), math.MinInt16))
	}
	return out
}

// BenchmarkSpotterAccuracy measures detections per set of clips at a
// range of thresholds (the sweep the default was chosen from): run it
// with -benchtime=1x. Each metric is detections in that set; the clip
// counts are real 1 (each of real*), other-wake 2 wake words,
// prose-minute 0 wanted, near-miss 12 (3 phrases x 4 voices),
// phonemes-<voice> 2 spellings, text-<voice> 1.
func BenchmarkSpotterAccuracy(b *testing.B) {
	clips := accuracyClips(b)
	for _, th := range []float64{1e-10, 1e-20, 1e-25, 1e-30, 1e-32, 1e-35, 1e-40, 1e-90} {
		b.Run(fmt.Sprintf("threshold=%g", th), func(b *testing.B) {
			s := spotter(b, SpotterConfig{Threshold: th})
			counts := map[string]int{}
			for range b.N {
				clear(counts)
				for _, c := range clips {
					audio := make(chan []int16, 1)
					go func() {
						defer close(audio)
						for p := c.pcm; len(p) > 0; p = p[min(spotChunk, len(p)):] {
							audio <- p[:min(spotChunk, len(p))]
						}
					}()
					n := 0
					if err := s.Run(context.Background(), audio, func(d wyoming.Detection) {
						n++
						if b.N == 1 && !strings.HasPrefix(c.set, "real") && !strings.HasPrefix(c.set, "phonemes") {
							b.Logf("%s %s: detected at %d ms", c.set, c.name, *d.Timestamp)
						}
					}); err != nil {
						b.Fatal(err)
					}
					counts[c.set] += n
				}
			}
			for set, n := range counts {
				b.ReportMetric(float64(n), strings.ReplaceAll(set, "+", "_"))
			}
		})
	}
}
