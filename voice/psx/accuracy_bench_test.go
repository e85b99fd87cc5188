//go:build pocketsphinx

package psx

import (
	"context"
	"fmt"
	"sort"
	"strings"
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

	type tally struct{ n, hit, fa int }
	groups := map[string]*tally{}
	var proseHours float64
	var proseFA int
	nearBy := map[string]int{} // phrase -> voices that were accepted
	for i, set := range sets {
		g := groups[set.Group]
		if g == nil {
			g = &tally{}
			groups[set.Group] = g
		}
		per, outside := set.Attribute(fires[i])
		g.fa += outside
		if len(set.Segments) == 0 {
			g.n += len(set.PCM)
			proseHours += set.Seconds() / 3600
			proseFA += outside
			if outside > 0 {
				b.Logf("prose %s %s: %d false accepts at samples %v", set.Group, set.Name, outside, fires[i])
			}
			continue
		}
		for k, c := range per {
			g.n++
			if c > 0 {
				g.hit++
				if set.Group == "near-miss" {
					_, p, _ := strings.Cut(set.Segments[k].Label, ": ")
					nearBy[p]++
				}
			}
		}
	}
	var out strings.Builder
	fmt.Fprintf(&out, "\nthreshold %g: prose %.2f h, %d false accepts, %.2f FA/h\n", DefaultSpotThreshold, proseHours, proseFA, float64(proseFA)/proseHours)
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
			b.ReportMetric(float64(g.hit), "nearmiss-fa")
			continue
		case strings.HasPrefix(n, "recording"):
			rec.n, rec.hit = rec.n+g.n, rec.hit+g.hit
		case strings.HasPrefix(n, "espeak-ng ") && n != "espeak-ng text":
			esp.n, esp.hit = esp.n+g.n, esp.hit+g.hit
		case strings.HasPrefix(n, "flite"):
			fl.n, fl.hit = fl.n+g.n, fl.hit+g.hit
		}
		fmt.Fprintf(&out, "  %-22s %3d of %3d missed  FRR %5.1f %%  (%d detections outside utterances)\n", n, g.n-g.hit, g.n, missRate(g.n, g.hit), g.fa)
	}
	fmt.Fprintf(&out, "  all recording %d of %d missed (%.1f %%); espeak-ng phonemic %d of %d (%.1f %%); flite %d of %d (%.1f %%)\n",
		rec.n-rec.hit, rec.n, missRate(rec.n, rec.hit), esp.n-esp.hit, esp.n, missRate(esp.n, esp.hit), fl.n-fl.hit, fl.n, missRate(fl.n, fl.hit))
	b.ReportMetric(float64(proseFA)/proseHours, "fa/h")
	b.ReportMetric(missRate(rec.n, rec.hit), "frr-rec-%")
	b.ReportMetric(missRate(esp.n, esp.hit), "frr-espeak-%")
	b.ReportMetric(missRate(fl.n, fl.hit), "frr-flite-%")
	b.Log(out.String())
}

// missRate is the percentage of n utterances not detected.
func missRate(n, hit int) float64 {
	if n == 0 {
		return 0
	}
	return 100 * float64(n-hit) / float64(n)
}
