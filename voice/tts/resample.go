package tts

import "math"

// Resampler converts a stream of mono int16 samples from one rate to
// another with a windowed-sinc (Blackman) low-pass interpolator, so
// downsampling does not alias and upsampling does not image. It keeps the
// tail of the input between calls, so a stream can be fed in pieces; Flush
// returns the last samples. It is not safe for concurrent use.
type Resampler struct {
	in, out int
	step    float64   // input samples per output sample
	cutoff  float64   // normalised to the input rate (0.5 = Nyquist)
	half    int       // taps each side
	table   []float64 // kernel sampled every 1/tableRes input samples over [-half, half]
	buf     []float64
	n       int64 // index of the next output sample
	base    int64 // input samples dropped from the front of buf
	flushed bool
}

// NewResampler returns a resampler from rate in to rate out (Hz). Rates
// must be positive.
func NewResampler(in, out int) *Resampler {
	if in <= 0 || out <= 0 {
		in, out = 1, 1
	}
	r := &Resampler{in: in, out: out, step: float64(in) / float64(out), half: 16}
	r.cutoff = 0.5 * min(1, float64(out)/float64(in)) * 0.95
	if r.step > 1 {
		// Downsampling: widen the kernel with the ratio to keep its
		// transition band in output terms.
		r.half = int(math.Ceil(16 * r.step))
	}
	r.table = make([]float64, 2*r.half*tableRes+2)
	for i := range r.table {
		r.table[i] = kernel(float64(i)/tableRes-float64(r.half), r.cutoff, float64(r.half))
	}
	// Start with half a kernel of zeros so the first output sample is
	// centred on the first input sample.
	r.buf = make([]float64, r.half)
	return r
}

// Process resamples the next piece of the stream.
func (r *Resampler) Process(p []int16) []int16 {
	if r.in == r.out {
		return append([]int16(nil), p...)
	}
	for _, s := range p {
		r.buf = append(r.buf, float64(s))
	}
	return r.drain()
}

// Flush returns the samples still held back, padding the end with silence.
func (r *Resampler) Flush() []int16 {
	if r.in == r.out || r.flushed {
		return nil
	}
	r.flushed = true
	end := float64(len(r.buf)) // one past the last real input sample
	r.buf = append(r.buf, make([]float64, r.half+1)...)
	var out []int16
	for pos := r.pos(); pos < end; pos = r.pos() {
		out = append(out, r.sample(pos))
		r.n++
	}
	return out
}

func (r *Resampler) drain() []int16 {
	var out []int16
	for pos := r.pos(); pos+float64(r.half)+1 < float64(len(r.buf)); pos = r.pos() {
		out = append(out, r.sample(pos))
		r.n++
	}
	// Drop input no longer needed.
	if drop := int(r.pos()) - r.half - 1; drop > 0 {
		r.buf = append(r.buf[:0], r.buf[drop:]...)
		r.base += int64(drop)
	}
	return out
}

// pos is where output sample n falls in buf, computed from integers so the
// result does not depend on how the input was split.
func (r *Resampler) pos() float64 {
	num := r.n*int64(r.in) - r.base*int64(r.out)
	return float64(num)/float64(r.out) + float64(r.half)
}

func (r *Resampler) sample(pos float64) int16 {
	c := int(math.Floor(pos))
	frac := pos - float64(c)
	var acc, norm float64
	for k := -r.half + 1; k <= r.half; k++ {
		i := c + k
		if i < 0 || i >= len(r.buf) {
			continue
		}
		// distance in input samples, looked up in the table with linear
		// interpolation
		t := (float64(k) - frac + float64(r.half)) * tableRes
		j := int(t)
		w := r.table[j] + (t-float64(j))*(r.table[j+1]-r.table[j])
		acc += r.buf[i] * w
		norm += w
	}
	if norm != 0 {
		acc /= norm
	}
	acc = math.Round(acc)
	return int16(min(max(acc, -32768), 32767))
}

// tableRes is the kernel table's resolution (points per input sample).
const tableRes = 512

// kernel is a Blackman-windowed sinc with the given cutoff (cycles per
// input sample) and half width.
func kernel(x, fc, half float64) float64 {
	if math.Abs(x) >= half {
		return 0
	}
	var s float64
	if x == 0 {
		s = 2 * fc
	} else {
		s = math.Sin(2*math.Pi*fc*x) / (math.Pi * x)
	}
	n := (x + half) / (2 * half)
	w := 0.42 - 0.5*math.Cos(2*math.Pi*n) + 0.08*math.Cos(4*math.Pi*n)
	return s * w
}

// Resample converts a whole buffer from rate in to rate out.
func Resample(p []int16, in, out int) []int16 {
	r := NewResampler(in, out)
	return append(r.Process(p), r.Flush()...)
}
