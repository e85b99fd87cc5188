//go:build pocketsphinx

package psx

import (
	"context"
	"testing"

	"github.com/mycroft-network/mycroft/internal/wakecorpus"
)

// BenchmarkWakeAccuracy measures the pocketsphinx spotter at its default
// threshold on the same sets as voice/wakeword's BenchmarkWakeAccuracy
// (internal/wakecorpus, made with espeak-ng, flite and sox in a temporary
// directory), fed in the capture's 1024-sample chunks, one Run per set:
// run it with -benchtime 1x. Metrics: fa/h over all prose, nearmiss-fa
// (near-miss utterances detected), frr-rec-% (the augmented recording),
// frr-espeak-% (phoneme-spelt espeak-ng), frr-flite-%; the log has the
// table per condition and voice (whole only with -v).
func BenchmarkWakeAccuracy(b *testing.B) {
	if err := wakecorpus.Missing(); err != nil {
		b.Skipf("wake word accuracy needs espeak-ng, flite and sox: %v", err)
	}
	s := spotter(b, SpotterConfig{})
	ctx := context.Background()
	mk := &wakecorpus.Maker{Dir: b.TempDir(), Recording: wakeData + "hey_mycroft_test.wav"}
	sets, err := mk.All(ctx)
	if err != nil {
		b.Fatal(err)
	}
	var seconds float64
	for _, set := range sets {
		seconds += set.Seconds()
	}
	b.ResetTimer()
	fires := make([][]int, len(sets))
	for range b.N {
		for i, set := range sets {
			fires[i] = fires[i][:0]
			for _, d := range spotAll(b, s, set.PCM, spotChunk) {
				fires[i] = append(fires[i], int(*d.Timestamp)*wakecorpus.Rate/1000)
			}
		}
	}
	b.StopTimer()
	b.ReportMetric(seconds/3600, "audio-h")

	r := wakecorpus.Tally(sets, func(i int) []int { return fires[i] })
	for _, l := range r.ProseFires {
		b.Log(l)
	}
	b.ReportMetric(float64(r.NearMiss.Hit), "nearmiss-fa")
	b.ReportMetric(r.FAPerHour(), "fa/h")
	b.ReportMetric(r.Recording.MissRate(), "frr-rec-%")
	b.ReportMetric(r.Espeak.MissRate(), "frr-espeak-%")
	b.ReportMetric(r.Flite.MissRate(), "frr-flite-%")
	b.Logf("\nthreshold %g: %s", DefaultSpotThreshold, r.Table)
}
