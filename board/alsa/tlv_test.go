package alsa

import (
	"encoding/binary"
	"errors"
	"math"
	"testing"
)

func TestParseTLV(t *testing.T) {
	for _, c := range []struct {
		name    string
		words   []uint32
		lo, hi  int64
		raw     int64
		dB      float64
		wantErr bool
	}{
		{name: "scale", words: dbScaleTLV(-12100, 100, true), lo: 0, hi: 127, raw: 121, dB: 0},
		{name: "scale mute", words: dbScaleTLV(-12100, 100, true), lo: 0, hi: 127, raw: 0, dB: math.Inf(-1)},
		{name: "scale no mute", words: dbScaleTLV(-3450, 150, false), lo: 0, hi: 31, raw: 0, dB: -34.5},
		{name: "minmax", words: []uint32{4, 8, uint32(0xffffd8f0), 0}, lo: 0, hi: 100, raw: 50, dB: -50}, // -100..0 dB
		{name: "minmax mute", words: []uint32{5, 8, uint32(0xffffd8f0), 0}, lo: 0, hi: 100, raw: 0, dB: math.Inf(-1)},
		{name: "linear", words: []uint32{2, 8, uint32(0xff676981), 0}, lo: 0, hi: 100, raw: 10, dB: -20}, // GAIN_MUTE..0 dB
		{name: "container", words: []uint32{0, 24, 99, 0, 1, 8, uint32(0xfffffc18), 10}, lo: 0, hi: 100, raw: 100, dB: 0},
		{name: "short", words: []uint32{1, 8, 0}, wantErr: true},
		{name: "odd length", words: []uint32{1, 7, 0, 0}, wantErr: true},
		{name: "unknown", words: []uint32{9, 8, 0, 0}, wantErr: true},
		{name: "empty range", words: []uint32{3, 0}, wantErr: true},
		{name: "range too long", words: []uint32{3, 24, 0, 1, 1, 16, 0, 0}, wantErr: true},
	} {
		s, err := parseTLV(c.words)
		if c.wantErr {
			if !errors.Is(err, ErrTLV) {
				t.Errorf("%s: parseTLV(%v) err %v, want ErrTLV", c.name, c.words, err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: parseTLV(%v): %v", c.name, c.words, err)
			continue
		}
		s.bind(c.lo, c.hi)
		if got := s.dB(c.raw); !(got == c.dB || math.Abs(got-c.dB) < 1e-9) {
			t.Errorf("%s: dB(%d) = %v, want %v", c.name, c.raw, got, c.dB)
		}
	}
}

func FuzzParseTLV(f *testing.F) {
	enc := func(w ...uint32) []byte {
		b := make([]byte, 4*len(w))
		for i, x := range w {
			binary.LittleEndian.PutUint32(b[4*i:], x)
		}
		return b
	}
	f.Add(enc(dbScaleTLV(-12100, 100, true)...), int64(0), int64(127))
	f.Add(enc(3, 48, 0, 1, 5, 8, 0xffffe890, 0xffffe890, 2, 100, 1, 8, 0xffffe8f4, 60), int64(0), int64(100))
	f.Add(enc(0, 24, 99, 0, 2, 8, 0xff676981, 0), int64(-5), int64(5))
	f.Fuzz(func(t *testing.T, b []byte, lo, hi int64) {
		w := make([]uint32, len(b)/4)
		for i := range w {
			w[i] = binary.LittleEndian.Uint32(b[4*i:])
		}
		s, err := parseTLV(w)
		if err != nil {
			return
		}
		lo, hi = min(lo, hi), max(lo, hi)
		s.bind(lo, hi)
		// Any element range: mapping must not panic and stays in range.
		e := element{lo: lo, hi: hi, step: 1, scale: s, maxDB: s.dB(hi), floorDB: s.dB(lo)}
		if hi-lo < 1 || hi-lo > 1<<40 || !(e.maxDB > e.floorDB) || math.IsInf(e.maxDB, 0) || math.IsNaN(e.floorDB) {
			return
		}
		if math.IsInf(e.floorDB, -1) {
			e.floorDB = s.dB(lo + 1)
			if !(e.maxDB > e.floorDB) {
				return
			}
		}
		for _, level := range []int{0, 1, 37, 99, 100} {
			raw := e.rawFor(level, DefaultSpanDB)
			if raw < lo || raw > hi {
				t.Fatalf("level %d: raw %d outside %d..%d", level, raw, lo, hi)
			}
			if l := e.levelFor(raw, DefaultSpanDB); l < 0 || l > 100 {
				t.Fatalf("raw %d: level %d", raw, l)
			}
		}
	})
}
