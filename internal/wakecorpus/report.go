package wakecorpus

import (
	"fmt"
	"sort"
	"strings"
)

// Count is how many utterances a group had and how many were detected.
type Count struct{ N, Hit int }

// MissRate is the percentage of the utterances not detected.
func (c Count) MissRate() float64 {
	if c.N == 0 {
		return 0
	}
	return 100 * float64(c.N-c.Hit) / float64(c.N)
}

// Report is what one engine's detections on the sets come to.
type Report struct {
	ProseHours float64
	ProseFA    int   // detections in the prose, which has no wake word
	NearMiss   Count // near-miss utterances detected (false accepts)
	// False rejects: the augmented recording, phoneme-spelt espeak-ng,
	// flite with the lexicon entry.
	Recording, Espeak, Flite Count
	// Table is the per-condition and per-voice table, for the log.
	Table string
	// ProseFires lists, for the log, the prose sets with false accepts.
	ProseFires []string
}

// FAPerHour is the prose's false accepts per hour.
func (r Report) FAPerHour() float64 { return float64(r.ProseFA) / r.ProseHours }

// Tally attributes each set's detections (fires(i): the sample offsets of
// set i's detections) to its utterances and sums them by group: what both
// engines' accuracy benchmarks report.
func Tally(sets []Set, fires func(i int) []int) Report {
	type tally struct{ n, hit, fa int }
	var r Report
	groups := map[string]*tally{}
	nearBy := map[string]int{} // phrase -> voices that were accepted
	for i, s := range sets {
		g := groups[s.Group]
		if g == nil {
			g = &tally{}
			groups[s.Group] = g
		}
		at := fires(i)
		per, outside := s.Attribute(at)
		g.fa += outside
		if len(s.Segments) == 0 { // prose
			g.n += len(s.PCM) // samples
			r.ProseHours += s.Seconds() / 3600
			r.ProseFA += outside
			if outside > 0 {
				r.ProseFires = append(r.ProseFires, fmt.Sprintf("prose %s %s: %d false accepts at samples %v", s.Group, s.Name, outside, at))
			}
			continue
		}
		for k, c := range per {
			g.n++
			if c > 0 {
				g.hit++
				if s.Group == "near-miss" {
					_, p, _ := strings.Cut(s.Segments[k].Label, ": ")
					nearBy[p]++
				}
			}
		}
	}
	var out strings.Builder
	fmt.Fprintf(&out, "prose %.2f h, %d false accepts, %.2f FA/h\n", r.ProseHours, r.ProseFA, r.FAPerHour())
	names := make([]string, 0, len(groups))
	for n := range groups {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		g := groups[n]
		c := Count{N: g.n, Hit: g.hit}
		switch {
		case n == "clean" || strings.HasSuffix(n, "dB") && !strings.HasPrefix(n, "recording"):
			h := float64(g.n) / Rate / 3600
			fmt.Fprintf(&out, "  prose %-6s %.2f h  %3d FA  %6.2f FA/h\n", n, h, g.fa, float64(g.fa)/h)
			continue
		case n == "near-miss":
			r.NearMiss = c
			fmt.Fprintf(&out, "  near-miss      %d of %d accepted:", g.hit, g.n)
			for _, p := range NearMissPhrases {
				fmt.Fprintf(&out, " %q %d of %d;", p, nearBy[p], len(ProseVoices))
			}
			out.WriteString("\n")
			continue
		case strings.HasPrefix(n, "recording"):
			r.Recording.N, r.Recording.Hit = r.Recording.N+g.n, r.Recording.Hit+g.hit
		case strings.HasPrefix(n, "espeak-ng ") && n != "espeak-ng text":
			r.Espeak.N, r.Espeak.Hit = r.Espeak.N+g.n, r.Espeak.Hit+g.hit
		case strings.HasPrefix(n, "flite"):
			r.Flite.N, r.Flite.Hit = r.Flite.N+g.n, r.Flite.Hit+g.hit
		}
		fmt.Fprintf(&out, "  %-22s %3d of %3d missed  FRR %5.1f %%  (%d detections outside utterances)\n", n, g.n-g.hit, g.n, c.MissRate(), g.fa)
	}
	fmt.Fprintf(&out, "  all recording %d of %d missed (%.1f %%); espeak-ng phonemic %d of %d (%.1f %%); flite %d of %d (%.1f %%)\n",
		r.Recording.N-r.Recording.Hit, r.Recording.N, r.Recording.MissRate(), r.Espeak.N-r.Espeak.Hit, r.Espeak.N, r.Espeak.MissRate(),
		r.Flite.N-r.Flite.Hit, r.Flite.N, r.Flite.MissRate())
	r.Table = out.String()
	return r
}
