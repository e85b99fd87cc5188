package wakeword

import (
	"context"
	"fmt"
	"path/filepath"
	"sort"
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
	prose, err := mk.Prose(ctx)
	if err != nil {
		b.Fatal(err)
	}
	near, err := mk.NearMiss(ctx)
	if err != nil {
		b.Fatal(err)
	}
	pos, err := mk.Positive(ctx)
	if err != nil {
		b.Fatal(err)
	}
	sets := append(append(append([]wakecorpus.Set(nil), prose...), near...), pos...)
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
	type tally struct{ n, hit, fa int }
	var out strings.Builder
	for _, th := range accuracyThresholds {
		groups := map[string]*tally{}
		var proseHours float64
		var proseFA int
		nearBy := map[string]int{} // phrase -> voices that were accepted
		for i, s := range sets {
			g := groups[s.Group]
			if g == nil {
				g = &tally{}
				groups[s.Group] = g
			}
			per, outside := s.Attribute(fires(i, th))
			if len(s.Segments) == 0 { // prose
				g.n += len(s.PCM) // samples
				g.fa += outside
				proseHours += s.Seconds() / 3600
				proseFA += outside
				if th == DefaultThreshold && outside > 0 {
					b.Logf("prose %s %s: %d false accepts at %v", s.Group, s.Name, outside, fires(i, th))
				}
				continue
			}
			for k, c := range per {
				g.n++
				if c > 0 {
					g.hit++
					if s.Group == "near-miss" {
						nearBy[phrase(s.Segments[k].Label)]++
					}
				}
			}
			g.fa += outside
		}
		fmt.Fprintf(&out, "\nthreshold %.1f: prose %.2f h, %d false accepts, %.2f FA/h\n", th, proseHours, proseFA, float64(proseFA)/proseHours)
		names := make([]string, 0, len(groups))
		for n := range groups {
			names = append(names, n)
		}
		sort.Strings(names)
		var rec, esp, fl tally
		for _, n := range names {
			g := groups[n]
			switch {
			case n == "clean" || strings.HasSuffix(n, "dB") && !strings.HasPrefix(n, "recording"):
				h := float64(g.n) / wakecorpus.Rate / 3600
				fmt.Fprintf(&out, "  prose %-6s %.2f h  %3d FA  %6.2f FA/h\n", n, h, g.fa, float64(g.fa)/h)
				continue
			case n == "near-miss":
				fmt.Fprintf(&out, "  near-miss      %d of %d accepted:", g.hit, g.n)
				for _, p := range wakecorpus.NearMissPhrases {
					fmt.Fprintf(&out, " %q %d of %d;", p, nearBy[p], len(wakecorpus.ProseVoices))
				}
				out.WriteString("\n")
				b.ReportMetric(float64(g.hit), fmt.Sprintf("nearmiss-fa@%.1f", th))
				continue
			case strings.HasPrefix(n, "recording"):
				rec.n, rec.hit = rec.n+g.n, rec.hit+g.hit
			case strings.HasPrefix(n, "espeak-ng ") && n != "espeak-ng text":
				esp.n, esp.hit = esp.n+g.n, esp.hit+g.hit
			case strings.HasPrefix(n, "flite"):
				fl.n, fl.hit = fl.n+g.n, fl.hit+g.hit
			}
			fmt.Fprintf(&out, "  %-22s %3d of %3d missed  FRR %5.1f %%  (%d detections outside utterances)\n", n, g.n-g.hit, g.n, frr(g.n, g.hit), g.fa)
		}
		fmt.Fprintf(&out, "  all recording %d of %d missed (%.1f %%); espeak-ng phonemic %d of %d (%.1f %%); flite %d of %d (%.1f %%)\n",
			rec.n-rec.hit, rec.n, frr(rec.n, rec.hit), esp.n-esp.hit, esp.n, frr(esp.n, esp.hit), fl.n-fl.hit, fl.n, frr(fl.n, fl.hit))
		b.ReportMetric(float64(proseFA)/proseHours, fmt.Sprintf("fa/h@%.1f", th))
		b.ReportMetric(frr(rec.n, rec.hit), fmt.Sprintf("frr-rec-%%@%.1f", th))
		b.ReportMetric(frr(esp.n, esp.hit), fmt.Sprintf("frr-espeak-%%@%.1f", th))
		b.ReportMetric(frr(fl.n, fl.hit), fmt.Sprintf("frr-flite-%%@%.1f", th))
	}
	b.Log(out.String())
}

func frr(n, hit int) float64 {
	if n == 0 {
		return 0
	}
	return 100 * float64(n-hit) / float64(n)
}

// phrase is the text of a near-miss segment's label ("voice: text").
func phrase(label string) string {
	_, p, _ := strings.Cut(label, ": ")
	return p
}
