package wakeword

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mycroft-network/mycroft/internal/wakecorpus"
)

// accuracyThresholds are the thresholds the accuracy is reported at.
var accuracyThresholds = []float32{0.3, 0.5, 0.7, 0.9}

// BenchmarkWakeAccuracy measures the detector's false accepts and false
// rejects (issue 14) on internal/wakecorpus's sets, made with espeak-ng,
// flite and sox in a temporary directory: run it with -benchtime 1x (each
// op scores every set once, about 2.2 hours of audio). The scores are
// computed once per op and the detector's trigger (patience 0, 2 s
// refractory period) applied at each of accuracyThresholds. Metrics at
// threshold T: fa/h@T over all prose, nearmiss-fa@T (near-miss
// utterances detected), frr-rec-%@T (the augmented recording),
// frr-espeak-%@T (phoneme-spelt espeak-ng), frr-flite-%@T; the log has
// the tables per condition and voice (go test shows the whole log only
// with -v).
func BenchmarkWakeAccuracy(b *testing.B) {
	if err := wakecorpus.Missing(); err != nil {
		b.Skipf("wake word accuracy needs espeak-ng, flite and sox: %v", err)
	}
	m := loadModel(b, "")
	ctx := context.Background()
	mk := &wakecorpus.Maker{Dir: b.TempDir(), Recording: filepath.Join("testdata", "hey_mycroft_test.wav")}
	sets, err := mk.All(ctx)
	if err != nil {
		b.Fatal(err)
	}
	var seconds float64
	for _, s := range sets {
		seconds += s.Seconds()
	}
	b.ResetTimer()
	var scores [][]float32
	for range b.N {
		scores = scores[:0]
		for _, s := range sets {
			var sc []float32
			m.NewStream().Write(s.PCM, func(st Step) { sc = append(sc, st.Score) })
			scores = append(scores, sc)
		}
	}
	b.StopTimer()
	b.ReportMetric(seconds/3600, "audio-h")

	// fires is where the detector at threshold th fires in set i: the
	// sample just after each detecting step.
	fires := func(i int, th float32) []int {
		t := (&Detector{Model: m, Threshold: th}).trigger()
		var at []int
		for n, sc := range scores[i] {
			if t.fire(Step{N: n, Score: sc}) {
				at = append(at, (n+1)*StepSamples)
			}
		}
		return at
	}
	var out strings.Builder
	for _, th := range accuracyThresholds {
		r := wakecorpus.Tally(sets, func(i int) []int { return fires(i, th) })
		if th == DefaultThreshold {
			for _, l := range r.ProseFires {
				b.Log(l)
			}
		}
		fmt.Fprintf(&out, "\nthreshold %.1f: %s", th, r.Table)
		b.ReportMetric(float64(r.NearMiss.Hit), fmt.Sprintf("nearmiss-fa@%.1f", th))
		b.ReportMetric(r.FAPerHour(), fmt.Sprintf("fa/h@%.1f", th))
		b.ReportMetric(r.Recording.MissRate(), fmt.Sprintf("frr-rec-%%@%.1f", th))
		b.ReportMetric(r.Espeak.MissRate(), fmt.Sprintf("frr-espeak-%%@%.1f", th))
		b.ReportMetric(r.Flite.MissRate(), fmt.Sprintf("frr-flite-%%@%.1f", th))
	}
	b.Log(out.String())
}
