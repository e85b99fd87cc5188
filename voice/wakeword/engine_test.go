package wakeword

import (
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/voice/tts"
)

// modelDir returns the directory make deps installs the models into
// (MYCROFT_WAKEWORD_DIR); the tests skip when it is unset and fail when it
// is set but the models are not there.
func modelDir(tb testing.TB) string {
	tb.Helper()
	dir := os.Getenv("MYCROFT_WAKEWORD_DIR")
	if dir == "" {
		tb.Skip("MYCROFT_WAKEWORD_DIR unset: run the tests through make test (make deps installs the openWakeWord models)")
	}
	return dir
}

func loadModel(tb testing.TB, name string) *Model {
	tb.Helper()
	f, err := FilesIn(modelDir(tb), name)
	if err != nil {
		tb.Fatal(err)
	}
	m, err := Load(f)
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// clip reads a testdata WAV padded with 1 s of silence each side, as the
// reference scores were made.
func clip(tb testing.TB, name string) []int16 {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		tb.Fatal(err)
	}
	pcm, rate, err := tts.DecodeWAV(b)
	if err != nil || rate != SampleRate {
		tb.Fatalf("%s: rate %d, %v", name, rate, err)
	}
	out := make([]int16, SampleRate, 2*SampleRate+len(pcm))
	out = append(out, pcm...)
	return append(out, make([]int16, SampleRate)...)
}

type reference struct {
	Ones []float32 `json:"ones_embedding"`
	Runs []struct {
		WAV       string      `json:"wav"`
		Model     string      `json:"model"`
		Steps     int         `json:"steps"`
		Scores    []float32   `json:"scores"`
		Mel       [][]float32 `json:"mel"`
		Embedding [][]float32 `json:"embedding"`
	} `json:"runs"`
}

func maxDiff(a, b []float32) float64 {
	if len(a) != len(b) {
		return math.Inf(1)
	}
	var d float64
	for i := range a {
		d = max(d, math.Abs(float64(a[i])-float64(b[i])))
	}
	return d
}

// TestMatchesOnnxruntime: the Go engine's scores are onnxruntime's, made
// once by testdata/reference.mjs with the same streaming protocol, within
// 1e-4 on every step; the intermediate mel frames and embeddings of the
// first run are compared too (relative to their size), so a drift shows
// where it starts.
func TestMatchesOnnxruntime(t *testing.T) {
	b, err := os.ReadFile("testdata/reference.json")
	if err != nil {
		t.Fatal(err)
	}
	var ref reference
	if err := json.Unmarshal(b, &ref); err != nil {
		t.Fatal(err)
	}
	if len(ref.Runs) < 5 {
		t.Fatalf("reference has %d runs", len(ref.Runs))
	}
	models := map[string]*Model{}
	for _, run := range ref.Runs {
		if run.Model == "hey_jarvis_v0.1" {
			// Its graph ends in an If with a second stage; Load refuses it
			// with a clear error instead of scoring it wrong.
			f, err := FilesIn(modelDir(t), run.Model)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := Load(f); !errors.Is(err, ErrModel) {
				t.Errorf("hey_jarvis: Load = %v, want ErrModel", err)
			}
			continue
		}
		m := models[run.Model]
		if m == nil {
			m = loadModel(t, run.Model)
			models[run.Model] = m
		}
		if d := maxDiff(m.ones, ref.Ones); d > 1e-3 {
			t.Errorf("embedding of the all-ones window differs by %g", d)
		}
		var got []float32
		step := 0
		m.NewStream().Write(clip(t, run.WAV), func(s Step) {
			got = append(got, s.Score)
			if step < len(run.Mel) {
				if d := maxDiff(s.Mel, run.Mel[step]); d > 1e-3 {
					t.Errorf("%s step %d: mel differs by %g", run.WAV, step, d)
				}
				if d := maxDiff(s.Embedding, run.Embedding[step]); d > 2e-3 {
					t.Errorf("%s step %d: embedding differs by %g", run.WAV, step, d)
				}
			}
			step++
		})
		if len(got) != run.Steps {
			t.Fatalf("%s on %s: %d steps, reference %d", run.WAV, run.Model, len(got), run.Steps)
		}
		d := maxDiff(got, run.Scores)
		t.Logf("%s on %s: %d steps, largest score difference %.2g", run.WAV, run.Model, len(got), d)
		if d > 1e-4 {
			t.Errorf("%s on %s: scores differ from onnxruntime's by %g (more than 1e-4)", run.WAV, run.Model, d)
		}
	}
}

func TestDetections(t *testing.T) {
	m := loadModel(t, "")
	d := &Detector{Model: m}
	for _, c := range []struct {
		wav  string
		want int
	}{{"hey_mycroft_test.wav", 1}, {"alexa_test.wav", 0}, {"hey_jane.wav", 0}} {
		at, err := d.Scan(clip(t, c.wav))
		if err != nil {
			t.Fatal(err)
		}
		if len(at) != c.want {
			t.Errorf("%s: detections at steps %v, want %d", c.wav, at, c.want)
		}
	}
	// Twice in a row, 3 s apart: two detections; within the refractory
	// period of 10 s: one.
	one := clip(t, "hey_mycroft_test.wav")
	two := append(append([]int16(nil), one...), one...)
	if at, _ := d.Scan(two); len(at) != 2 {
		t.Errorf("two recordings: detections at %v, want 2", at)
	}
	long := &Detector{Model: m, Refractory: 10 * time.Second}
	if at, _ := long.Scan(two); len(at) != 1 {
		t.Errorf("two recordings within the refractory period: detections at %v, want 1", at)
	}
	// Patience: the recording stays over 0.5 for 11 steps; asking for 11
	// before the detecting one never detects.
	for _, c := range []struct{ patience, want int }{{5, 1}, {11, 0}} {
		p := &Detector{Model: m, Patience: c.patience}
		if at, _ := p.Scan(one); len(at) != c.want {
			t.Errorf("patience %d: detections at %v, want %d", c.patience, at, c.want)
		}
	}
}

func TestStreamingEqualsWholeWindow(t *testing.T) {
	m := loadModel(t, "")
	pcm := clip(t, "hey_mycroft_test.wav")
	inc := m.NewStream()
	full := m.NewStream()
	var a, b []float32
	inc.Write(pcm, func(s Step) { a = append(a, s.Embedding...) })
	full.Write(pcm, func(s Step) {
		full.emb.full = true // recompute the next window whole
		b = append(b, s.Embedding...)
	})
	if d := maxDiff(a, b); d != 0 {
		t.Errorf("incremental embeddings differ from whole-window ones by %g", d)
	}
}
