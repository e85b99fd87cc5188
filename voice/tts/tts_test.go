package tts

import (
	"context"
	"encoding/binary"
	"errors"
	"math"
	"testing"
)

func tone(freq float64, rate, n int, amp float64) []int16 {
	p := make([]int16, n)
	for i := range p {
		p[i] = int16(amp * math.Sin(2*math.Pi*freq*float64(i)/float64(rate)))
	}
	return p
}

func rms(p []int16) float64 {
	var s float64
	for _, v := range p {
		s += float64(v) * float64(v)
	}
	return math.Sqrt(s / float64(len(p)))
}

// crossings counts sign changes: twice the frequency times the duration.
func crossings(p []int16) int {
	n := 0
	for i := 1; i < len(p); i++ {
		if (p[i-1] < 0) != (p[i] < 0) {
			n++
		}
	}
	return n
}

func TestResample(t *testing.T) {
	cases := []struct {
		name     string
		in, out  int
		freq     float64
		passband bool // the tone is below both Nyquist rates
	}{
		{"espeak 22050 to 16000, 1 kHz", 22050, 16000, 1000, true},
		{"flite 8000 to 16000, 1 kHz", 8000, 16000, 1000, true},
		{"mic 48000 to 16000, 3 kHz", 48000, 16000, 3000, true},
		{"22050 to 16000, 10 kHz is removed", 22050, 16000, 10000, false},
		{"48000 to 16000, 12 kHz is removed", 48000, 16000, 12000, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := tone(c.freq, c.in, c.in, 10000) // one second
			out := Resample(in, c.in, c.out)
			if d := len(out) - c.out; d < -2 || d > 2 {
				t.Fatalf("%d samples out of 1 s, want %d", len(out), c.out)
			}
			mid := out[len(out)/10 : len(out)*9/10] // away from the edges
			if c.passband {
				if r := rms(mid) / rms(in); r < 0.95 || r > 1.05 {
					t.Errorf("gain %.3f, want 1", r)
				}
				want := 2 * c.freq * float64(len(mid)) / float64(c.out)
				if got := float64(crossings(mid)); math.Abs(got-want) > 3 {
					t.Errorf("%v zero crossings, want %v (frequency moved)", got, want)
				}
			} else if r := rms(mid) / rms(in); r > 0.01 {
				t.Errorf("tone above the output Nyquist rate kept at %.3f of its level (aliasing)", r)
			}
		})
	}
}

func TestResampleStreamingMatchesWhole(t *testing.T) {
	in := tone(440, 22050, 22050, 8000)
	whole := Resample(in, 22050, 16000)
	r := NewResampler(22050, 16000)
	var parts []int16
	for i := 0; i < len(in); i += 441 {
		parts = append(parts, r.Process(in[i:min(i+441, len(in))])...)
	}
	parts = append(parts, r.Flush()...)
	if len(parts) != len(whole) {
		t.Fatalf("streamed %d samples, whole %d", len(parts), len(whole))
	}
	for i := range whole {
		if parts[i] != whole[i] {
			t.Fatalf("sample %d: streamed %d, whole %d", i, parts[i], whole[i])
		}
	}
	if got := Resample(in[:10], 16000, 16000); len(got) != 10 || got[3] != in[3] {
		t.Error("same-rate resample changed the samples")
	}
}

func wavBytes(rate, channels int, pcm []int16, dataLen int) []byte {
	b := []byte("RIFF\x00\x00\x00\x00WAVEfmt ")
	b = binary.LittleEndian.AppendUint32(b, 16)
	b = binary.LittleEndian.AppendUint16(b, 1)
	b = binary.LittleEndian.AppendUint16(b, uint16(channels))
	b = binary.LittleEndian.AppendUint32(b, uint32(rate))
	b = binary.LittleEndian.AppendUint32(b, uint32(rate*2*channels))
	b = binary.LittleEndian.AppendUint16(b, uint16(2*channels))
	b = binary.LittleEndian.AppendUint16(b, 16)
	b = append(b, "data"...)
	b = binary.LittleEndian.AppendUint32(b, uint32(dataLen))
	for _, s := range pcm {
		b = binary.LittleEndian.AppendUint16(b, uint16(s))
	}
	return b
}

func TestDecodeWAV(t *testing.T) {
	pcm := []int16{1, -2, 3, -4}
	cases := []struct {
		name string
		in   []byte
		want []int16
		rate int
		err  error
	}{
		{"mono", wavBytes(16000, 1, pcm, 8), pcm, 16000, nil},
		{"stereo keeps the first channel", wavBytes(8000, 2, pcm, 8), []int16{1, 3}, 8000, nil},
		{"streaming header (espeak-ng)", wavBytes(22050, 1, pcm, 0x7fffffff), pcm, 22050, nil},
		{"not a wav", []byte("hello world, this is text"), nil, 0, ErrBadAudio},
		{"no data", wavBytes(16000, 1, nil, 0)[:36], nil, 0, ErrBadAudio},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, rate, err := DecodeWAV(c.in)
			if !errors.Is(err, c.err) {
				t.Fatalf("err %v, want %v", err, c.err)
			}
			if rate != c.rate || len(got) != len(c.want) {
				t.Fatalf("got %v at %d Hz, want %v at %d", got, rate, c.want, c.rate)
			}
			for i := range got {
				if got[i] != c.want[i] {
					t.Fatalf("got %v, want %v", got, c.want)
				}
			}
		})
	}
}

func FuzzDecodeWAV(f *testing.F) {
	f.Add(wavBytes(16000, 1, []int16{1, 2, 3}, 6))
	f.Add(wavBytes(22050, 2, []int16{1, 2, 3, 4}, 0x7fffffff))
	f.Add([]byte("RIFF\x00\x00\x00\x00WAVEdata\xff\xff\xff\xff"))
	f.Fuzz(func(t *testing.T, b []byte) {
		pcm, rate, err := DecodeWAV(b)
		if err == nil && (rate <= 0 || len(pcm) > len(b)/2) {
			t.Fatalf("%d samples at %d Hz from %d bytes", len(pcm), rate, len(b))
		}
	})
}

// TestEngines runs the real programs (Debian packages flite and espeak-ng).
func TestEngines(t *testing.T) {
	for _, e := range []*Engine{Flite(), EspeakNG(), {Program: "flite", Voice: "kal"}} {
		t.Run(e.Program+"/"+e.Voice, func(t *testing.T) {
			if !e.Available() {
				t.Skipf("%s not installed", e.Program)
			}
			pcm, err := e.Synthesize(context.Background(), "-v what time is it\n")
			if err != nil {
				t.Fatal(err)
			}
			if d := float64(len(pcm)) / Rate; d < 0.5 || d > 5 {
				t.Errorf("%.2f s of speech, want 0.5..5", d)
			}
			if rms(pcm) < 300 {
				t.Errorf("speech RMS %.0f: silent", rms(pcm))
			}
		})
	}
	if _, err := (&Engine{Program: "no-such-tts-program"}).Synthesize(context.Background(), "hi"); !errors.Is(err, ErrNoEngine) {
		t.Errorf("missing program: %v, want ErrNoEngine", err)
	}
}

func BenchmarkResample22050To16000(b *testing.B) {
	in := tone(440, 22050, 22050, 8000)
	for b.Loop() {
		Resample(in, 22050, 16000)
	}
}
