package wakecorpus

import (
	"context"
	"crypto/sha256"
	_ "embed" // prose.txt
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
)

// Rate is the sample rate of every set.
const Rate = 16000

//go:embed prose.txt
var prose string

// Sentences are the prose's sentences, one per line of prose.txt.
func Sentences() []string {
	var out []string
	for _, l := range strings.Split(prose, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// Voice is one synthetic voice at one speed.
type Voice struct {
	Program string // "espeak-ng" or "flite"
	Name    string // the program's voice
	// Speed: espeak-ng's words per minute; flite's percent of its normal
	// rate (duration_stretch = 100/Speed).
	Speed int
}

func (v Voice) String() string {
	if v.Program == "flite" {
		return fmt.Sprintf("flite %s %d%%", v.Name, v.Speed)
	}
	return fmt.Sprintf("espeak-ng %s %dwpm", v.Name, v.Speed)
}

// ProseVoices read the prose and the near misses.
var ProseVoices = []Voice{
	{"espeak-ng", "en-us", 130},
	{"espeak-ng", "en-us+m3", 160},
	{"espeak-ng", "en+f3", 175},
	{"espeak-ng", "en-gb", 145},
	{"espeak-ng", "en-us+f2", 200},
	{"flite", "slt", 100},
	{"flite", "kal", 90},
	{"flite", "awb", 110},
	{"flite", "rms", 100},
}

// SNRs are the noise conditions (dB of speech power over noise power);
// Clean has no noise.
var SNRs = []float64{20, 10, 5}

// Clean marks a piece without noise.
var Clean = math.Inf(1)

// NearMissPhrases sound like "hey mycroft" without being it.
var NearMissPhrases = []string{
	"hey microsoft", "hey my craft", "hey minecraft", "hey mike", "a microphone",
	"hey my crofts", "hey my croquet", "hey microwave", "hi my car left", "hey hovercraft",
}

// Positive voices: espeak-ng voices and speeds, flite voices and speeds.
var (
	EspeakVoices = []string{"en-us", "en-us+m3", "en+f3", "en-gb", "en-us+f2", "en-gb-x-rp", "en-029", "en-us+m1"}
	EspeakSpeeds = []int{120, 145, 170, 195, 220}
	FliteVoices  = []string{"slt", "kal", "awb", "rms"}
	FliteSpeeds  = []int{80, 90, 100, 110, 120}
	// Phonemic are "hey mycroft" in espeak-ng's phoneme input, "MY-croft"
	// with the last vowel as /ɒ/ and /ɔː/.
	Phonemic = []string{"[[h'eI m'aIkr0ft]]", "[[h'eI m'aIkrO:ft]]"}
	// FliteLexicon gives flite "MY-croft" (its letter-to-sound rules say
	// "m ih k r ax f t"); passed with -add_lex.
	FliteLexicon = "mycroft : m ay1 k r ao0 f t\n"
)

// Segment is one utterance of a set.
type Segment struct {
	Start, End int    // samples of the set's PCM it spans
	Label      string // what was said, by whom, with what noise
}

// Set is one stream to measure.
type Set struct {
	Group    string // what its counts are reported as
	Name     string
	PCM      []int16
	Segments []Segment // the utterances; none for prose
}

// Seconds is the set's duration.
func (s Set) Seconds() float64 { return float64(len(s.PCM)) / Rate }

// Tail is how long after an utterance's end a detection still counts
// for it.
const Tail = 3 * Rate / 2

// Attribute counts detections per segment (a detection at sample x,
// the end of the audio the detector had taken, belongs to the segment
// with Start <= x <= End+Tail) and those in no segment.
func (s Set) Attribute(at []int) (perSegment []int, outside int) {
	perSegment = make([]int, len(s.Segments))
	for _, x := range at {
		found := false
		for i, g := range s.Segments {
			if x >= g.Start && x <= g.End+Tail {
				perSegment[i]++
				found = true
				break
			}
		}
		if !found {
			outside++
		}
	}
	return perSegment, outside
}

// Missing says which of the programs the sets need is not installed.
func Missing() error {
	var errs []error
	for _, p := range []string{"espeak-ng", "flite", "sox"} {
		if _, err := exec.LookPath(p); err != nil {
			errs = append(errs, fmt.Errorf("%s not installed", p))
		}
	}
	return errors.Join(errs...)
}

// Maker makes the sets, caching synthesised audio in Dir.
type Maker struct {
	Dir string
	// Recording is the real "hey mycroft" (a WAV file sox reads).
	Recording string
	// Jobs is how many programs run at once; 0 is 2.
	Jobs int
}

func (m *Maker) jobs() int {
	if m.Jobs > 0 {
		return m.Jobs
	}
	return 2
}

// parallel runs fn(0..n-1), m.jobs() at a time, and returns the first
// error.
func (m *Maker) parallel(n int, fn func(i int) error) error {
	sem := make(chan struct{}, m.jobs())
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			errs[i] = fn(i)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// Say synthesises text in voice v, 16 kHz mono.
func (m *Maker) Say(ctx context.Context, v Voice, text string) ([]int16, error) {
	h := sha256.Sum256([]byte(v.String() + "\n" + text))
	base := filepath.Join(m.Dir, hex.EncodeToString(h[:8]))
	if pcm, err := readRaw(base + ".raw"); err == nil {
		return pcm, nil
	}
	if err := os.WriteFile(base+".txt", []byte(text+"\n"), 0o600); err != nil {
		return nil, err
	}
	var cmd *exec.Cmd
	switch v.Program {
	case "espeak-ng":
		cmd = exec.CommandContext(ctx, "espeak-ng", "-v", v.Name, "-s", fmt.Sprint(v.Speed), "-f", base+".txt", "-w", base+".wav")
	case "flite":
		lex := filepath.Join(m.Dir, "flite.lex")
		if err := os.WriteFile(lex, []byte(FliteLexicon), 0o600); err != nil {
			return nil, err
		}
		cmd = exec.CommandContext(ctx, "flite", "-voice", v.Name, "-add_lex", lex,
			"--setf", fmt.Sprintf("duration_stretch=%.3f", 100/float64(v.Speed)), "-f", base+".txt", "-o", base+".wav")
	default:
		return nil, fmt.Errorf("wakecorpus: unknown program %q", v.Program)
	}
	if out, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("wakecorpus: %s: %w: %s", v, err, out)
	}
	return m.sox(ctx, base+".wav", base+".raw")
}

// sox converts in to 16 kHz mono raw at out with effects after the rate
// conversion, and reads it.
func (m *Maker) sox(ctx context.Context, in, out string, effects ...string) ([]int16, error) {
	// -R: sox's dither uses the same random numbers on every run, so
	// the sets are the same on every run.
	args := append([]string{"-q", "-V1", "-R", in, "-t", "raw", "-r", "16000", "-c", "1", "-b", "16", "-e", "signed-integer", "-L", out}, effects...)
	if o, err := exec.CommandContext(ctx, "sox", args...).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("wakecorpus: sox %s: %w: %s", strings.Join(args, " "), err, o)
	}
	return readRaw(out)
}

func readRaw(path string) ([]int16, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	pcm := make([]int16, len(b)/2)
	for i := range pcm {
		pcm[i] = int16(binary.LittleEndian.Uint16(b[2*i:]))
	}
	return pcm, nil
}

// Prose is the prose read round-robin by ProseVoices (voice i reads
// sentences i, i+9, ...), one set per voice and condition; Group is the
// condition ("clean", "20dB", "10dB", "5dB"). Even voices get white
// noise, odd ones pink.
func (m *Maker) Prose(ctx context.Context) ([]Set, error) {
	sents := Sentences()
	clean := make([][]int16, len(ProseVoices))
	err := m.parallel(len(ProseVoices), func(i int) error {
		var text []string
		for j := i; j < len(sents); j += len(ProseVoices) {
			text = append(text, sents[j])
		}
		pcm, err := m.Say(ctx, ProseVoices[i], strings.Join(text, "\n"))
		clean[i] = pcm
		return err
	})
	if err != nil {
		return nil, err
	}
	var sets []Set
	for _, snr := range append([]float64{Clean}, SNRs...) {
		for i, v := range ProseVoices {
			sets = append(sets, Set{Group: condition(snr), Name: v.String(),
				PCM: AddNoise(clean[i], ActivePower(clean[i]), snr, i%2 == 1, uint64(i))})
		}
	}
	return sets, nil
}

func condition(snr float64) string {
	if math.IsInf(snr, 1) {
		return "clean"
	}
	return fmt.Sprintf("%gdB", snr)
}

// piece is one utterance with silence around it and noise over it.
func piece(utt []int16, snr float64, pink bool, seed uint64) []int16 {
	p := make([]int16, Rate, 3*Rate+len(utt))
	p = append(p, utt...)
	p = append(p, make([]int16, 2*Rate)...)
	return AddNoise(p, ActivePower(utt), snr, pink, seed)
}

// appendPiece adds an utterance as a segment of s.
func (s *Set) appendPiece(utt []int16, snr float64, pink bool, seed uint64, label string) {
	start := len(s.PCM) + Rate
	s.PCM = append(s.PCM, piece(utt, snr, pink, seed)...)
	s.Segments = append(s.Segments, Segment{Start: start, End: start + len(utt), Label: label})
}

// NearMiss is NearMissPhrases said by each voice of ProseVoices, clean;
// one set per voice, Group "near-miss".
func (m *Maker) NearMiss(ctx context.Context) ([]Set, error) {
	sets := make([]Set, len(ProseVoices))
	err := m.parallel(len(ProseVoices), func(i int) error {
		v := ProseVoices[i]
		sets[i] = Set{Group: "near-miss", Name: v.String()}
		for _, p := range NearMissPhrases {
			utt, err := m.Say(ctx, v, p)
			if err != nil {
				return err
			}
			sets[i].appendPiece(utt, Clean, false, 0, v.String()+": "+p)
		}
		return nil
	})
	return sets, err
}

// Augmentation is one sox recipe applied to the recording.
type Augmentation struct {
	Gain   float64 // dB
	Tempo  float64 // factor
	Pitch  int     // cents
	Reverb int     // sox reverberance, 0 for none
	SNR    float64 // Clean or dB
	Pink   bool
}

func (a Augmentation) effects() []string {
	e := []string{"gain", fmt.Sprintf("%.1f", a.Gain), "tempo", "-s", fmt.Sprintf("%.3f", a.Tempo), "pitch", fmt.Sprint(a.Pitch)}
	if a.Reverb > 0 {
		e = append(e, "reverb", fmt.Sprint(a.Reverb))
	}
	return e
}

func (a Augmentation) String() string {
	return fmt.Sprintf("gain %+.1f dB, tempo %.3f, pitch %+d, reverb %d, %s", a.Gain, a.Tempo, a.Pitch, a.Reverb, condition(a.SNR))
}

// Augmentations are n recipes from a fixed seed: gain uniform in
// −20..+6 dB, tempo 0.85..1.15, pitch −200..+200 cents, reverb 20..70
// on half of them, and noise cycling through clean, 20, 10 and 5 dB
// (white or pink at random).
func Augmentations(n int) []Augmentation {
	r := rand.New(rand.NewPCG(14, 2026))
	out := make([]Augmentation, n)
	for i := range out {
		a := Augmentation{
			Gain:  -20 + 26*r.Float64(),
			Tempo: 0.85 + 0.3*r.Float64(),
			Pitch: r.IntN(401) - 200,
			SNR:   Clean,
			Pink:  r.IntN(2) == 1,
		}
		if r.IntN(2) == 1 {
			a.Reverb = 20 + r.IntN(51)
		}
		if k := i % 4; k > 0 {
			a.SNR = SNRs[k-1]
		}
		out[i] = a
	}
	return out
}

// Positive is "hey mycroft": the recording under 200 Augmentations
// (Group "recording <condition>"); each EspeakVoices voice at each
// EspeakSpeeds speed from both Phonemic spellings, clean and at 10 dB
// white noise (Group "espeak-ng <voice>"); each FliteVoices voice at each
// FliteSpeeds speed with FliteLexicon, clean and at 10 dB (Group "flite
// <voice>"); and espeak-ng's text "hey mycroft" in each voice at each
// speed, clean (Group "espeak-ng text").
func (m *Maker) Positive(ctx context.Context) ([]Set, error) {
	augs := Augmentations(200)
	recs := make([][]int16, len(augs))
	err := m.parallel(len(augs), func(i int) error {
		var err error
		recs[i], err = m.sox(ctx, m.Recording, filepath.Join(m.Dir, fmt.Sprintf("rec%03d.raw", i)), augs[i].effects()...)
		return err
	})
	if err != nil {
		return nil, err
	}
	byGroup := map[string]*Set{}
	var order []string
	add := func(group string, utt []int16, snr float64, pink bool, seed uint64, label string) {
		s := byGroup[group]
		if s == nil {
			s = &Set{Group: group, Name: group}
			byGroup[group] = s
			order = append(order, group)
		}
		s.appendPiece(utt, snr, pink, seed, label)
	}
	for i, a := range augs {
		add("recording "+condition(a.SNR), recs[i], a.SNR, a.Pink, uint64(1000+i), "recording: "+a.String())
	}
	type job struct {
		group string
		v     Voice
		text  string
		snrs  []float64
	}
	var jobs []job
	for _, name := range EspeakVoices {
		for _, sp := range EspeakSpeeds {
			for _, ph := range Phonemic {
				jobs = append(jobs, job{"espeak-ng " + name, Voice{"espeak-ng", name, sp}, ph, []float64{Clean, 10}})
			}
		}
	}
	for _, name := range FliteVoices {
		for _, sp := range FliteSpeeds {
			jobs = append(jobs, job{"flite " + name, Voice{"flite", name, sp}, "hey mycroft", []float64{Clean, 10}})
		}
	}
	for _, name := range EspeakVoices {
		for _, sp := range EspeakSpeeds {
			jobs = append(jobs, job{"espeak-ng text", Voice{"espeak-ng", name, sp}, "hey mycroft", []float64{Clean}})
		}
	}
	utts := make([][]int16, len(jobs))
	err = m.parallel(len(jobs), func(i int) error {
		var err error
		utts[i], err = m.Say(ctx, jobs[i].v, jobs[i].text)
		return err
	})
	if err != nil {
		return nil, err
	}
	for i, j := range jobs {
		for _, snr := range j.snrs {
			add(j.group, utts[i], snr, false, uint64(i), fmt.Sprintf("%s %q %s", j.v, j.text, condition(snr)))
		}
	}
	sets := make([]Set, len(order))
	for i, g := range order {
		sets[i] = *byGroup[g]
	}
	return sets, nil
}

// ActivePower is the mean square of pcm's 20 ms frames within 30 dB of
// the loudest (the speech, not the pauses).
func ActivePower(pcm []int16) float64 {
	const frame = Rate / 50
	var powers []float64
	peak := 0.0
	for i := 0; i+frame <= len(pcm); i += frame {
		var p float64
		for _, s := range pcm[i : i+frame] {
			p += float64(s) * float64(s)
		}
		p /= frame
		powers = append(powers, p)
		peak = max(peak, p)
	}
	var sum float64
	n := 0
	for _, p := range powers {
		if p >= peak/1000 {
			sum += p
			n++
		}
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// AddNoise returns pcm with white (or pink) Gaussian noise snr dB under
// power, from a fixed seed; Clean returns pcm unchanged.
func AddNoise(pcm []int16, power, snr float64, pink bool, seed uint64) []int16 {
	if math.IsInf(snr, 1) {
		return pcm
	}
	sigma := math.Sqrt(power / math.Pow(10, snr/10))
	r := rand.New(rand.NewPCG(seed, 7))
	noise := make([]float64, len(pcm))
	for i := range noise {
		noise[i] = r.NormFloat64()
	}
	if pink {
		// Paul Kellet's economy filter (−3 dB/octave), then rescaled to
		// unit power.
		var b0, b1, b2, p float64
		for i, w := range noise {
			b0 = 0.99765*b0 + w*0.0990460
			b1 = 0.96300*b1 + w*0.2965164
			b2 = 0.57000*b2 + w*1.0526913
			noise[i] = b0 + b1 + b2 + w*0.1848
			p += noise[i] * noise[i]
		}
		if p > 0 {
			k := 1 / math.Sqrt(p/float64(len(noise)))
			for i := range noise {
				noise[i] *= k
			}
		}
	}
	out := make([]int16, len(pcm))
	for i, s := range pcm {
		out[i] = int16(max(min(float64(s)+noise[i]*sigma, math.MaxInt16), math.MinInt16))
	}
	return out
}

// All makes every set, in the order the accuracy benchmarks report them:
// prose, near misses, then the wake word itself.
func (m *Maker) All(ctx context.Context) ([]Set, error) {
	var sets []Set
	for _, mk := range []func(context.Context) ([]Set, error){m.Prose, m.NearMiss, m.Positive} {
		s, err := mk(ctx)
		if err != nil {
			return nil, err
		}
		sets = append(sets, s...)
	}
	return sets, nil
}
