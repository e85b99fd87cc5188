package vad

import (
	"encoding/binary"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// readWAV reads a 16 kHz mono s16 WAV fixture (the data chunk only).
func readWAV(t testing.TB, name string) []int16 {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	if len(b) < 12 || string(b[:4]) != "RIFF" || string(b[8:12]) != "WAVE" {
		t.Fatalf("%s: not a WAV file", name)
	}
	for p := 12; p+8 <= len(b); {
		id, n := string(b[p:p+4]), int(binary.LittleEndian.Uint32(b[p+4:]))
		p += 8
		if id == "fmt " {
			if rate := binary.LittleEndian.Uint32(b[p+4:]); rate != 16000 {
				t.Fatalf("%s: rate %d", name, rate)
			}
		}
		if id == "data" {
			n = min(n, len(b)-p)
			out := make([]int16, n/2)
			for i := range out {
				out[i] = int16(binary.LittleEndian.Uint16(b[p+2*i:]))
			}
			return out
		}
		p += n + n&1
	}
	t.Fatalf("%s: no data chunk", name)
	return nil
}

type reference struct {
	SpeechStart int `json:"speechStart"`
	SpeechEnd   int `json:"speechEnd"`
}

func fixtures(t testing.TB) map[string]reference {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "fixtures.json"))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]reference{}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}
