package alsa

import (
	"errors"
	"fmt"
	"math"
)

// TLV types from include/uapi/sound/tlv.h.
const (
	tlvContainer    = 0
	tlvDBScale      = 1
	tlvDBLinear     = 2
	tlvDBRange      = 3
	tlvDBMinMax     = 4
	tlvDBMinMaxMute = 5

	tlvDBScaleMute = 0x10000 // in DB_SCALE's second word: the minimum is mute
	tlvDBGainMute  = -9999999
)

// ErrTLV reports TLV data that is not a dB scale this package understands.
var ErrTLV = errors.New("alsa: no usable dB scale in the TLV data")

// dbSegment is one dB scale over the raw values lo..hi. For a top-level
// scale lo and hi come from the element's range (bound is false until
// then).
type dbSegment struct {
	kind   uint32
	lo, hi int64
	a, b   int32 // DB_SCALE: min and step; the others: min and max (0.01 dB)
	mute   bool
	bound  bool
}

// dbScale maps raw values to dB, as alsa-lib's snd_tlv_convert_to_dB does.
type dbScale struct {
	segs []dbSegment
}

// parseTLV reads the first dB scale in a TLV (type, length in bytes,
// payload; containers and DB_RANGE nest). Words come from the kernel, so
// every length is checked.
func parseTLV(w []uint32) (*dbScale, error) {
	s, err := parseTLVDepth(w, 0)
	if err != nil {
		return nil, err
	}
	if len(s.segs) == 0 {
		return nil, ErrTLV
	}
	return s, nil
}

func parseTLVDepth(w []uint32, depth int) (*dbScale, error) {
	if depth > 4 {
		return nil, fmt.Errorf("%w: nested too deep", ErrTLV)
	}
	if len(w) < 2 {
		return nil, fmt.Errorf("%w: %d words", ErrTLV, len(w))
	}
	typ, n := w[0], w[1]
	if n%4 != 0 || uint64(n/4) > uint64(len(w)-2) {
		return nil, fmt.Errorf("%w: type %d: length %d bytes in %d words", ErrTLV, typ, n, len(w))
	}
	p := w[2 : 2+n/4]
	switch typ {
	case tlvContainer:
		for len(p) >= 2 {
			size := 2 + int(p[1]/4)
			if p[1]%4 != 0 || size > len(p) {
				return nil, fmt.Errorf("%w: container entry of %d bytes", ErrTLV, p[1])
			}
			if s, err := parseTLVDepth(p[:size], depth+1); err == nil {
				return s, nil
			}
			p = p[size:]
		}
		return nil, fmt.Errorf("%w: container without a dB scale", ErrTLV)
	case tlvDBScale, tlvDBLinear, tlvDBMinMax, tlvDBMinMaxMute:
		if len(p) < 2 {
			return nil, fmt.Errorf("%w: type %d: %d payload words", ErrTLV, typ, len(p))
		}
		seg := dbSegment{kind: typ, a: int32(p[0]), b: int32(p[1])}
		switch typ {
		case tlvDBScale:
			seg.mute = p[1]&tlvDBScaleMute != 0
			seg.b = int32(p[1] & 0xffff)
		case tlvDBMinMaxMute:
			seg.mute = true
		}
		return &dbScale{segs: []dbSegment{seg}}, nil
	case tlvDBRange:
		s := &dbScale{}
		for len(p) >= 4 {
			lo, hi := int64(int32(p[0])), int64(int32(p[1]))
			size := 2 + 2 + int(p[3]/4)
			if p[3]%4 != 0 || size > len(p) || lo > hi {
				return nil, fmt.Errorf("%w: DB_RANGE entry %d..%d of %d bytes", ErrTLV, lo, hi, p[3])
			}
			sub, err := parseTLVDepth(p[2:size], depth+1)
			if err != nil {
				return nil, err
			}
			for _, seg := range sub.segs {
				if !seg.bound {
					seg.lo, seg.hi, seg.bound = lo, hi, true
				}
				s.segs = append(s.segs, seg)
			}
			p = p[size:]
		}
		if len(s.segs) == 0 {
			return nil, fmt.Errorf("%w: empty DB_RANGE", ErrTLV)
		}
		return s, nil
	}
	return nil, fmt.Errorf("%w: type %d", ErrTLV, typ)
}

// bind gives unbound (top-level) segments the element's range.
func (s *dbScale) bind(lo, hi int64) {
	for i := range s.segs {
		if !s.segs[i].bound {
			s.segs[i].lo, s.segs[i].hi, s.segs[i].bound = lo, hi, true
		}
	}
}

// dB is the gain of raw in dB; -Inf when raw is the mute value.
func (s *dbScale) dB(raw int64) float64 {
	seg := s.segs[0]
	for _, c := range s.segs {
		if raw >= c.lo && raw <= c.hi {
			seg = c
			break
		}
		if raw > c.hi {
			seg = c // past this range: the nearest one below
		}
	}
	raw = min(max(raw, seg.lo), seg.hi)
	span := float64(seg.hi - seg.lo)
	switch seg.kind {
	case tlvDBScale:
		if seg.mute && raw == seg.lo {
			return math.Inf(-1)
		}
		return (float64(seg.a) + float64(raw-seg.lo)*float64(seg.b)) / 100
	case tlvDBMinMax, tlvDBMinMaxMute:
		if seg.mute && raw == seg.lo {
			return math.Inf(-1)
		}
		if span == 0 {
			return float64(seg.a) / 100
		}
		return (float64(seg.a) + float64(raw-seg.lo)*float64(seg.b-seg.a)/span) / 100
	case tlvDBLinear:
		if raw == seg.lo || span == 0 {
			if seg.a <= tlvDBGainMute {
				return math.Inf(-1)
			}
			return float64(seg.a) / 100
		}
		v := float64(raw-seg.lo) / span
		if seg.a <= tlvDBGainMute {
			return 20*math.Log10(v) + float64(seg.b)/100
		}
		lmin := math.Pow(10, float64(seg.a)/2000)
		lmax := math.Pow(10, float64(seg.b)/2000)
		return 20 * math.Log10((lmax-lmin)*v+lmin)
	}
	return math.Inf(-1)
}
