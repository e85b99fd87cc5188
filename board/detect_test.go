package board

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/mycroft-network/mycroft/board/mark2"
	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/hal/haltest"
)

// modelFile writes a device-tree model file (NUL-terminated, as the
// kernel exposes it) and returns its path.
func modelFile(t *testing.T, model string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "model")
	if err := os.WriteFile(p, []byte(model+"\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestReadModel(t *testing.T) {
	for _, tc := range []struct {
		name, content, model string
		want                 Candidate
	}{
		{"pi3b", "Raspberry Pi 3 Model B Rev 1.2\x00", "Raspberry Pi 3 Model B Rev 1.2", CandidateMark1},
		{"pi3b+", "Raspberry Pi 3 Model B Plus Rev 1.3\x00", "Raspberry Pi 3 Model B Plus Rev 1.3", CandidateMark1},
		{"pi4", "Raspberry Pi 4 Model B Rev 1.4\x00", "Raspberry Pi 4 Model B Rev 1.4", CandidateMark2},
		{"pi5", "Raspberry Pi 5 Model B Rev 1.0\x00", "Raspberry Pi 5 Model B Rev 1.0", CandidateUnknown},
		{"pc", "QEMU Virtual Machine", "QEMU Virtual Machine", CandidateUnknown},
		{"garbage", "\xff\xfe\x01Raspberry\x00\x00", "Raspberry", CandidateUnknown},
		{"empty", "", "", CandidateUnknown},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "model")
			if err := os.WriteFile(p, []byte(tc.content), 0o644); err != nil {
				t.Fatal(err)
			}
			model, c, err := ReadModel(p)
			if err != nil || model != tc.model || c != tc.want {
				t.Fatalf("ReadModel = %q, %v, %v; want %q, %v", model, c, err, tc.model, tc.want)
			}
		})
	}
	if model, c, err := ReadModel(filepath.Join(t.TempDir(), "absent")); err != nil || model != "" || c != CandidateUnknown {
		t.Fatalf("absent model file: %q %v %v", model, c, err)
	}
	if _, _, err := ReadModel(t.TempDir()); err == nil {
		t.Fatal("a directory as the model file: no error")
	}
}

// TestAutoByModel checks that the model decides which board is probed
// first when both would answer, and that the probes still decide.
func TestAutoByModel(t *testing.T) {
	for _, tc := range []struct {
		name, model string
		sj201       bool
		arduino     bool
		want        string
		warn        string
	}{
		{"pi3 both answer: Mark I first", "Raspberry Pi 3 Model B Rev 1.2", true, true, "mark1", ""},
		{"pi4 both answer: Mark II first", "Raspberry Pi 4 Model B Rev 1.4", true, true, "mark2", ""},
		{"pi3 with only an SJ201", "Raspberry Pi 3 Model B Rev 1.2", true, false, "mark2", ""},
		{"pi4 with only an Arduino", "Raspberry Pi 4 Model B Rev 1.4", false, true, "mark1", ""},
		{"pi3 nothing answers", "Raspberry Pi 3 Model B Rev 1.2", false, false, "sim", "is a mark1 candidate"},
		{"pi4 nothing answers", "Raspberry Pi 4 Model B Rev 1.4", false, false, "sim", "is a mark2 candidate"},
		{"unknown machine", "Some PC", false, false, "sim", "no Mark I or Mark II found"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			hooks(t, "R10", tc.sj201, nil, true)
			probed := false
			detectMark2 = func(context.Context) (string, bool, error) { probed = true; return "R10", tc.sj201, nil }
			openMark2 = func(context.Context, mark2.Config) (*hal.Board, error) {
				hb := haltest.NewBoard(nil).HAL()
				hb.Name = "mark2"
				return hb, nil
			}
			port := filepath.Join(t.TempDir(), "ttyAMA0")
			if tc.arduino {
				port = arduino(t)
			}
			b, err := Open(context.Background(), Config{ModelPath: modelFile(t, tc.model), SerialPort: port, Stdout: io.Discard, Log: quiet})
			if err != nil {
				t.Fatal(err)
			}
			defer b.Close()
			if b.Name != tc.want {
				t.Fatalf("board %q, want %q (warnings %q)", b.Name, tc.want, b.Warnings)
			}
			if tc.want == "mark1" && tc.model[:14] == "Raspberry Pi 3" && probed {
				t.Error("a Pi 3 with an Arduino probed I2C first")
			}
			if tc.warn != "" && !hasWarning(b, tc.warn) {
				t.Fatalf("warnings %q, want %q", b.Warnings, tc.warn)
			}
		})
	}
}

// FuzzReadModel: any bytes in the model file give a printable model
// string and never an error or a panic.
func FuzzReadModel(f *testing.F) {
	f.Add([]byte("Raspberry Pi 4 Model B Rev 1.4\x00"))
	f.Add([]byte("Raspberry Pi 3 Model B Plus Rev 1.3\x00"))
	f.Add([]byte("\xff\x00\x01"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, b []byte) {
		p := filepath.Join(dir, "model")
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		model, c, err := ReadModel(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range model {
			if r < 0x20 || r == 0x7f || r == utf8.RuneError {
				t.Fatalf("unprintable %q in %q", r, model)
			}
		}
		if c != ModelCandidate(model) || len(model) > 256 {
			t.Fatalf("model %q candidate %v", model, c)
		}
	})
}
