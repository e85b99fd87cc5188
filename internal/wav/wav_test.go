package wav

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func ramp(n int) []int16 {
	s := make([]int16, n)
	for i := range s {
		s[i] = int16(i*257 - 30000)
	}
	return s
}

func encoded(t testing.TB, rate int, s []int16) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Encode(&b, rate, s); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// withFmt returns a valid file whose fmt fields are changed by f.
func withFmt(f func(h []byte)) []byte {
	h := header(16000, 2)
	f(h)
	return append(h, 1, 0, 2, 0)
}

func TestRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		name string
		rate int
		n    int
	}{
		{"empty", 16000, 0},
		{"one", 8000, 1},
		{"second", 16000, 16000},
		{"odd rate", 44100, 1234},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := ramp(tc.n)
			b := encoded(t, tc.rate, in)
			if len(b) != HeaderSize+2*tc.n {
				t.Fatalf("encoded %d bytes, want %d", len(b), HeaderSize+2*tc.n)
			}
			a, err := Decode(bytes.NewReader(b))
			if err != nil {
				t.Fatal(err)
			}
			if a.Rate != tc.rate || !slices.Equal(a.Samples, in) {
				t.Fatalf("got rate %d, %d samples; want %d, %d", a.Rate, len(a.Samples), tc.rate, len(in))
			}
		})
	}
}

func TestHeaderBytes(t *testing.T) {
	// A 16 kHz file of two samples, byte for byte (little endian).
	want := []byte("RIFF\x28\x00\x00\x00WAVEfmt \x10\x00\x00\x00\x01\x00\x01\x00\x80\x3e\x00\x00\x00\x7d\x00\x00\x02\x00\x10\x00data\x04\x00\x00\x00\x01\x00\xff\xff")
	got := encoded(t, 16000, []int16{1, -1})
	if !bytes.Equal(got, want) {
		t.Fatalf("got\n%q\nwant\n%q", got, want)
	}
}

func TestReject(t *testing.T) {
	valid := encoded(t, 16000, ramp(4))
	list := append([]byte("LIST\x03\x00\x00\x00abc\x00"), valid[36:]...)
	withList := append(slices.Clone(valid[:36]), list...)
	binary.LittleEndian.PutUint32(withList[4:], uint32(len(withList)-8))
	if a, err := Decode(bytes.NewReader(withList)); err != nil || len(a.Samples) != 4 {
		t.Fatalf("file with a LIST chunk: %v", err)
	}
	for _, tc := range []struct {
		name string
		in   []byte
		want error
	}{
		{"empty", nil, ErrFormat},
		{"not riff", append([]byte("RIFX"), valid[4:]...), ErrFormat},
		{"not wave", append(append(slices.Clone(valid[:8]), "AVI "...), valid[12:]...), ErrFormat},
		{"no chunks", valid[:12], ErrFormat},
		{"fmt cut", valid[:30], ErrFormat},
		{"no data", valid[:36], ErrFormat},
		{"stereo", withFmt(func(h []byte) { h[22] = 2 }), ErrUnsupported},
		{"8 bit", withFmt(func(h []byte) { h[34] = 8 }), ErrUnsupported},
		{"float", withFmt(func(h []byte) { h[20] = 3 }), ErrUnsupported},
		{"extensible", withFmt(func(h []byte) { h[20], h[21] = 0xfe, 0xff }), ErrUnsupported},
		{"rate zero", withFmt(func(h []byte) { copy(h[24:28], []byte{0, 0, 0, 0}) }), ErrUnsupported},
		{"byte rate", withFmt(func(h []byte) { h[28]++ }), ErrFormat},
		{"block align", withFmt(func(h []byte) { h[32] = 4 }), ErrFormat},
		{"small fmt", withFmt(func(h []byte) { h[16] = 14 }), ErrFormat},
		{"odd data", withFmt(func(h []byte) { h[40] = 3 }), ErrFormat},
		{"truncated", valid[:len(valid)-1], ErrTruncated},
		{"data before fmt", []byte("RIFF\x00\x00\x00\x00WAVEdata\x00\x00\x00\x00"), ErrFormat},
		{"binary chunk id", []byte("RIFF\x00\x00\x00\x00WAVE\x00\x01\x02\x03\x00\x00\x00\x00"), ErrFormat},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Decode(bytes.NewReader(tc.in))
			if !errors.Is(err, tc.want) {
				t.Fatalf("Decode(% x) = %v, want %v", tc.in, err, tc.want)
			}
		})
	}
}

func TestUnknownLength(t *testing.T) {
	b := encoded(t, 16000, ramp(10))
	binary.LittleEndian.PutUint32(b[40:], streamSize)
	b = append(b, 7) // half a sample at the end is dropped
	r, err := NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if r.Remaining() != -1 {
		t.Fatalf("Remaining = %d, want -1", r.Remaining())
	}
	got := make([]int16, 100)
	n, err := r.Read(got)
	if err != nil || !slices.Equal(got[:n], ramp(10)) {
		t.Fatalf("Read = %d, %v; want 10 samples", n, err)
	}
	if _, err := r.Read(got); err != io.EOF {
		t.Fatalf("second Read: %v, want io.EOF", err)
	}
}

func TestWriterValidAtEveryFlush(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.wav")
	w, err := Create(path, 16000)
	if err != nil {
		t.Fatal(err)
	}
	var all []int16
	for i := range 3 {
		chunk := ramp(100 + i)
		if _, err := w.Write(chunk); err != nil {
			t.Fatal(err)
		}
		all = append(all, chunk...)
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		// Another process reading now sees a complete, valid file.
		a, err := ReadFile(path)
		if err != nil {
			t.Fatalf("after flush %d: %v", i, err)
		}
		if !slices.Equal(a.Samples, all) {
			t.Fatalf("after flush %d: %d samples, want %d", i, len(a.Samples), len(all))
		}
	}
	if _, err := w.Write(ramp(5)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	a, err := ReadFile(path)
	if err != nil || len(a.Samples) != len(all)+5 {
		t.Fatalf("after close: %v, %d samples", err, len(a.Samples))
	}
	if _, err := w.Write(ramp(1)); !errors.Is(err, os.ErrClosed) {
		t.Fatalf("Write after Close = %v, want os.ErrClosed", err)
	}
}

func TestWriteFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.wav")
	if err := WriteFile(path, 22050, ramp(50)); err != nil {
		t.Fatal(err)
	}
	a, err := ReadFile(path)
	if err != nil || a.Rate != 22050 || !slices.Equal(a.Samples, ramp(50)) {
		t.Fatalf("ReadFile = %+v, %v", a, err)
	}
	if err := WriteFile(path, 0, nil); !errors.Is(err, ErrUnsupported) {
		t.Fatalf("rate 0: %v", err)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Fatalf("temporary files left: %v", entries)
	}
}

func FuzzDecode(f *testing.F) {
	f.Add(encoded(f, 16000, ramp(3)))
	f.Add(withFmt(func(h []byte) { h[22] = 2 }))
	f.Add([]byte("RIFF\x00\x00\x00\x00WAVELIST\x01\x00\x00\x00x\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := Decode(bytes.NewReader(b))
		if err != nil {
			if !errors.Is(err, ErrFormat) && !errors.Is(err, ErrUnsupported) && !errors.Is(err, ErrTruncated) && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("unclassified error %v", err)
			}
			return
		}
		again, err := Decode(bytes.NewReader(encoded(t, a.Rate, a.Samples)))
		if err != nil || again.Rate != a.Rate || !slices.Equal(again.Samples, a.Samples) {
			t.Fatalf("re-encoding changed the audio: %v", err)
		}
	})
}

func BenchmarkDecode(b *testing.B) {
	in := encoded(b, 16000, ramp(16000))
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if _, err := Decode(bytes.NewReader(in)); err != nil {
			b.Fatal(err)
		}
	}
}
