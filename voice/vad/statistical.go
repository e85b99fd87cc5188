package vad

import "math"

// The Statistical detector works on the spectrum of each 10 ms frame: a
// Hann-windowed 256-point FFT (62.5 Hz bins) summed into six bands, as the
// WebRTC detector does (80–250, 250–500, 500–1000, 1000–2000, 2000–3000 and
// 3000–4000 Hz). Each band's log energy is scored against two Gaussian
// mixtures, one for noise and one for speech; the frame is speech when the
// weighted sum of the per-band log likelihood ratios passes a global
// threshold or one band's ratio passes a local threshold. Noise components
// adapt on noise frames, speech components on speech frames, and a slow
// per-band minimum tracker pulls the noise model back when it was learnt on
// speech.

const (
	fftSize  = 256
	numBands = 6
	numComp  = 2
)

// band edges in FFT bins (62.5 Hz each).
var bandBins = [numBands + 1]int{2, 4, 8, 16, 32, 48, 64}

// bandWeight is how much each band counts in the global decision: the
// speech-rich middle bands count more.
var bandWeight = [numBands]float64{0.6, 1, 1.2, 1.2, 1, 0.8}

// Thresholds per aggressiveness mode (0 = most permissive, 3 = strictest).
var (
	globalThr = [4]float64{8, 14, 20, 26}
	localThr  = [4]float64{5, 7, 9, 11}
)

type gauss struct {
	w, mean, std float64
	ln, inv      float64 // log(w) - log(std) - log(sqrt(2π)), 1/std: see refresh
}

func newGauss(w, mean, std float64) gauss {
	g := gauss{w: w, mean: mean, std: std}
	g.refresh()
	return g
}

// refresh recomputes the cached terms after std changed.
func (g *gauss) refresh() {
	g.ln = math.Log(g.w) - math.Log(g.std) - 0.9189385332046727
	g.inv = 1 / g.std
}

func (g *gauss) logpdf(x float64) float64 {
	z := (x - g.mean) * g.inv
	return g.ln - 0.5*z*z
}

func mixLog(c *[numComp]gauss, x float64, resp *[numComp]float64) float64 {
	var l [numComp]float64
	m := math.Inf(-1)
	for k := range c {
		l[k] = c[k].logpdf(x)
		if l[k] > m {
			m = l[k]
		}
	}
	var s float64
	for k := range l {
		resp[k] = math.Exp(l[k] - m)
		s += resp[k]
	}
	for k := range resp {
		resp[k] /= s
	}
	return m + math.Log(s)
}

// Statistical is a WebRTC-style statistical voice activity detector. Create
// it with NewStatistical.
type Statistical struct {
	mode   int
	primed bool
	noise  [numBands][numComp]gauss
	speech [numBands][numComp]gauss
	minTr  [numBands]float64
	feat   [numBands]float64
	win    [hannLen]float64
	re, im [fftSize / 2]float64
	// LastLLR is the weighted log likelihood ratio of the last frame, for
	// tuning and tests.
	lastLLR float64
}

const hannLen = 160

// NewStatistical returns a statistical detector; mode is the aggressiveness
// 0..3 as in WebRTC (higher means fewer frames called speech). Out-of-range
// modes are clamped.
func NewStatistical(mode int) *Statistical {
	mode = min(max(mode, 0), 3)
	s := &Statistical{mode: mode}
	for i := range s.win {
		s.win[i] = 0.5 - 0.5*math.Cos(2*math.Pi*float64(i)/float64(hannLen-1))
	}
	return s
}

// Reset implements Detector.
func (s *Statistical) Reset() { s.primed = false }

// LLR is the weighted log likelihood ratio (speech over noise) of the last
// frame.
func (s *Statistical) LLR() float64 { return s.lastLLR }

func (s *Statistical) features(frame []int16) {
	// The 256-point real FFT is computed as a 128-point complex FFT of the
	// even and odd samples, then split; only the bins of the bands are
	// formed.
	for i := range s.re {
		s.re[i], s.im[i] = 0, 0
	}
	n := min(len(frame), hannLen)
	for i := 0; i < n; i++ {
		v := float64(frame[i]) * s.win[i]
		if i&1 == 0 {
			s.re[i/2] = v
		} else {
			s.im[i/2] = v
		}
	}
	fft(s.re[:], s.im[:])
	const half = fftSize / 2
	for b := 0; b < numBands; b++ {
		var e float64
		for k := bandBins[b]; k < bandBins[b+1]; k++ {
			zr, zi := s.re[k], s.im[k]
			cr, ci := s.re[half-k], -s.im[half-k] // conj(Z[N/2-k])
			er, ei := (zr+cr)/2, (zi+ci)/2
			// O = (Z[k] - conj(Z[N/2-k])) / 2i
			or, oi := (zi-ci)/2, -(zr-cr)/2
			c, sn := twiddleCos[k], twiddleSin[k] // e^{-2πik/N}
			xr := er + or*c + oi*sn
			xi := ei + oi*c - or*sn
			e += xr*xr + xi*xi
		}
		e /= float64(bandBins[b+1] - bandBins[b])
		// dB of the mean bin power, +1 so digital silence is 0 dB.
		s.feat[b] = 10 * math.Log10(e/float64(fftSize)+1)
	}
}

func (s *Statistical) prime() {
	for b := 0; b < numBands; b++ {
		x := s.feat[b]
		s.noise[b] = [numComp]gauss{newGauss(0.6, x, 3), newGauss(0.4, x+4, 5)}
		s.speech[b] = [numComp]gauss{newGauss(0.5, x+18, 6), newGauss(0.5, x+30, 8)}
		s.minTr[b] = x
	}
	s.primed = true
}

// IsSpeech implements Detector.
func (s *Statistical) IsSpeech(frame []int16) bool {
	s.features(frame)
	if !s.primed {
		s.prime()
	}
	var (
		sum      float64
		local    bool
		rn, rs   [numBands][numComp]float64
		quietAll = true
	)
	for b := 0; b < numBands; b++ {
		x := s.feat[b]
		if x > 12 { // above ~ -78 dBFS per bin: not digital silence
			quietAll = false
		}
		llr := mixLog(&s.speech[b], x, &rs[b]) - mixLog(&s.noise[b], x, &rn[b])
		sum += bandWeight[b] * llr
		if llr > localThr[s.mode] {
			local = true
		}
	}
	s.lastLLR = sum
	speech := !quietAll && (sum > globalThr[s.mode] || local)
	s.adapt(speech, &rn, &rs)
	return speech
}

const (
	noiseRate  = 0.05
	speechRate = 0.02
	minRate    = 0.004
	pullRate   = 0.02
	minStd     = 1.5
	maxStd     = 12
	minSep     = 6 // dB between the lowest speech mean and the highest noise mean
)

func (s *Statistical) adapt(speech bool, rn, rs *[numBands][numComp]float64) {
	for b := 0; b < numBands; b++ {
		x := s.feat[b]
		// Minimum tracker: down at once, up slowly.
		if x < s.minTr[b] {
			s.minTr[b] = x
		} else {
			s.minTr[b] += minRate * (x - s.minTr[b])
		}
		n := &s.noise[b]
		if !speech {
			for k := range n {
				r := noiseRate * rn[b][k]
				d := x - n[k].mean
				n[k].mean += r * d
				n[k].std = clampStd(math.Sqrt((1-r)*n[k].std*n[k].std + r*d*d))
				n[k].refresh()
			}
		} else {
			sp := &s.speech[b]
			for k := range sp {
				r := speechRate * rs[b][k]
				d := x - sp[k].mean
				sp[k].mean += r * d
				sp[k].std = clampStd(math.Sqrt((1-r)*sp[k].std*sp[k].std + r*d*d))
				sp[k].refresh()
			}
		}
		// Pull the noise model towards the tracked minimum, so a model learnt
		// while someone was talking comes back down.
		n[0].mean += pullRate * (s.minTr[b] - n[0].mean)
		n[1].mean += pullRate * (s.minTr[b] + 4 - n[1].mean)
		// Keep speech above noise.
		top := max(n[0].mean, n[1].mean)
		sp := &s.speech[b]
		for k := range sp {
			if sp[k].mean < top+minSep {
				sp[k].mean = top + minSep
			}
		}
	}
}

func clampStd(v float64) float64 { return min(max(v, minStd), maxStd) }

// fft is an in-place iterative radix-2 complex FFT; len(re) is a power of
// two dividing fftSize.
func fft(re, im []float64) {
	n := len(re)
	for i, j := 1, 0; i < n; i++ {
		bit := n >> 1
		for ; j&bit != 0; bit >>= 1 {
			j ^= bit
		}
		j |= bit
		if i < j {
			re[i], re[j] = re[j], re[i]
			im[i], im[j] = im[j], im[i]
		}
	}
	for size := 2; size <= n; size <<= 1 {
		half := size >> 1
		step := fftSize / size
		for start := 0; start < n; start += size {
			for k := 0; k < half; k++ {
				c, sn := twiddleCos[k*step], twiddleSin[k*step]
				a, b := start+k, start+k+half
				tr := re[b]*c + im[b]*sn
				ti := im[b]*c - re[b]*sn
				re[b], im[b] = re[a]-tr, im[a]-ti
				re[a], im[a] = re[a]+tr, im[a]+ti
			}
		}
	}
}

var twiddleCos, twiddleSin = func() (c, s [fftSize / 2]float64) {
	for k := range c {
		a := 2 * math.Pi * float64(k) / fftSize
		c[k], s[k] = math.Cos(a), math.Sin(a)
	}
	return
}()
