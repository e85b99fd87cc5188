package voice

import "github.com/mycroft-network/mycroft/hal"

// Frame is 10 ms of 16 kHz mono audio.
type Frame struct {
	// Seq numbers frames from 0 since capture started; it is the
	// pipeline's clock for endpointing and refractory windows.
	Seq     uint64
	Samples [hal.FrameSamples]int16
}

// PrerollFrames is the size of the pre-roll ring: 2 s of frames.
const PrerollFrames = 200

// Ring keeps the last frames seen (the pre-roll). It is not safe for
// concurrent use.
type Ring struct {
	buf  []Frame
	next int
	full bool
}

// NewRing returns a ring of n frames (PrerollFrames when n <= 0).
func NewRing(n int) *Ring {
	if n <= 0 {
		n = PrerollFrames
	}
	return &Ring{buf: make([]Frame, n)}
}

// Push adds a frame, dropping the oldest when full.
func (r *Ring) Push(f *Frame) {
	r.buf[r.next] = *f
	r.next++
	if r.next == len(r.buf) {
		r.next, r.full = 0, true
	}
}

// Len is the number of frames held.
func (r *Ring) Len() int {
	if r.full {
		return len(r.buf)
	}
	return r.next
}

// Last appends the last n frames held (fewer if the ring holds fewer), oldest
// first, to dst.
func (r *Ring) Last(dst []Frame, n int) []Frame {
	n = min(n, r.Len())
	start := r.next - n
	if start < 0 {
		start += len(r.buf)
	}
	for i := 0; i < n; i++ {
		dst = append(dst, r.buf[(start+i)%len(r.buf)])
	}
	return dst
}

// Reset empties the ring.
func (r *Ring) Reset() { r.next, r.full = 0, false }
