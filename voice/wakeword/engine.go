package wakeword

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// The streaming protocol (docs/voice.md, "Wake word"): 16 kHz int16 audio
// in steps of 1280 samples (80 ms). Each step runs the mel model on the
// last 1760 samples (the step and 480 samples before it: 8 frames; the
// audio before the first step is 480 zero samples), maps each value v to
// v/10 + 2, and appends the 8 frames to the mel window, which starts as 76
// frames of ones. The embedding of the window's last 76 frames is appended
// to the feature window, which starts as 16 copies of the embedding of the
// all-ones window; the classifier scores the last 16 embeddings. Values
// are int16 sample values as float32, not scaled to [-1, 1].
const (
	SampleRate  = 16000
	StepSamples = 1280 // one score per step: 80 ms
	contextLen  = 480  // samples before the step the mel model also reads
)

// Files names the three model files.
type Files struct {
	Mel, Embedding, Wake string
}

// The shared feature models' file names, as openWakeWord ships them.
const (
	MelFile       = "melspectrogram.onnx"
	EmbeddingFile = "embedding_model.onnx"
)

// DefaultModel is the wake word model used when none is configured.
const DefaultModel = "hey_mycroft_v0.1"

// ErrNoModels is wrapped when the model files are not where they should be.
var ErrNoModels = errors.New("wakeword: models not installed")

// FilesIn returns the files of model (a name such as "hey_mycroft_v0.1",
// found as dir/name.onnx, or a path to an .onnx file) and the shared
// feature models in dir. It checks they exist.
func FilesIn(dir, model string) (Files, error) {
	if model == "" {
		model = DefaultModel
	}
	wake := model
	if !strings.ContainsRune(model, os.PathSeparator) && !strings.HasSuffix(model, ".onnx") {
		wake = filepath.Join(dir, model+".onnx")
	}
	f := Files{Mel: filepath.Join(dir, MelFile), Embedding: filepath.Join(dir, EmbeddingFile), Wake: wake}
	for _, p := range []string{f.Mel, f.Embedding, f.Wake} {
		if _, err := os.Stat(p); err != nil {
			return f, fmt.Errorf("%w: %v", ErrNoModels, err)
		}
	}
	return f, nil
}

// Model is the three loaded graphs; it is read-only and shared by any
// number of Streams.
type Model struct {
	Name string // the wake word model's file name without .onnx
	mel  *melModel
	emb  *embedModel
	cls  *classModel
	ones []float32 // the embedding of the all-ones mel window
}

// Load reads and checks the three models.
func Load(f Files) (*Model, error) {
	mm, err := load(f.Mel, newMelModel)
	if err != nil {
		return nil, err
	}
	em, err := load(f.Embedding, newEmbedModel)
	if err != nil {
		return nil, err
	}
	cm, err := load(f.Wake, newClassModel)
	if err != nil {
		return nil, err
	}
	if mm.mels != em.mels {
		return nil, fmt.Errorf("%w: the mel model gives %d bands, the embedding model wants %d", ErrModel, mm.mels, em.mels)
	}
	if frames := mm.frames(StepSamples + contextLen); frames <= 0 || frames > em.frames {
		return nil, fmt.Errorf("%w: %d mel frames per step for a window of %d", ErrModel, frames, em.frames)
	}
	if cm.features != em.out {
		return nil, fmt.Errorf("%w: %s wants %d features, the embedding model gives %d", ErrModel, f.Wake, cm.features, em.out)
	}
	m := &Model{Name: strings.TrimSuffix(filepath.Base(f.Wake), ".onnx"), mel: mm, emb: em, cls: cm}
	st := em.newState()
	ones := make([]float32, em.frames*em.mels)
	for i := range ones {
		ones[i] = 1
	}
	m.ones = append([]float32(nil), st.step(ones)...)
	return m, nil
}

func load[T any](path string, build func(*onnxModel) (*T, error)) (*T, error) {
	om, err := readModel(path)
	if err != nil {
		return nil, err
	}
	t, err := build(om)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return t, nil
}

// Stream scores one audio stream. It is not safe for concurrent use.
type Stream struct {
	m      *Model
	raw    []float32 // contextLen + StepSamples
	fill   int       // samples of the current step received so far
	melOut []float32
	power  []float32
	emb    *embedState
	feats  []float32 // the feature window, window × features, oldest first
	cls    *classState
	steps  int
}

// NewStream starts a stream in the initial state of the protocol.
func (m *Model) NewStream() *Stream {
	frames := m.mel.frames(StepSamples + contextLen)
	s := &Stream{
		m:      m,
		raw:    make([]float32, contextLen+StepSamples),
		fill:   0,
		melOut: make([]float32, frames*m.mel.mels),
		power:  make([]float32, m.mel.bins),
		emb:    m.emb.newState(),
		feats:  make([]float32, m.cls.window*m.cls.features),
		cls:    m.cls.newState(),
	}
	ones := make([]float32, m.emb.frames*m.emb.mels)
	for i := range ones {
		ones[i] = 1
	}
	s.emb.step(ones)
	for i := 0; i < m.cls.window; i++ {
		copy(s.feats[i*m.cls.features:], m.ones)
	}
	return s
}

// Step is what one 80 ms step produced; Mel and Embedding are valid until
// the next step.
type Step struct {
	N         int       // steps since the stream started, from 0
	Score     float32   // the classifier's raw score, 0..1
	Mel       []float32 // the step's mel frames after v/10 + 2
	Embedding []float32
}

// Write feeds samples; fn is called for each completed step.
func (s *Stream) Write(samples []int16, fn func(Step)) {
	for len(samples) > 0 {
		n := min(len(samples), StepSamples-s.fill)
		dst := s.raw[contextLen+s.fill:]
		for i, v := range samples[:n] {
			dst[i] = float32(v)
		}
		s.fill += n
		samples = samples[n:]
		if s.fill == StepSamples {
			st := s.step()
			if fn != nil {
				fn(st)
			}
			copy(s.raw, s.raw[StepSamples:])
			s.fill = 0
		}
	}
}

func (s *Stream) step() Step {
	m := s.m
	m.mel.run(s.raw, s.melOut, s.power)
	for i, v := range s.melOut {
		s.melOut[i] = v/10 + 2
	}
	e := s.emb.step(s.melOut)
	f := m.cls.features
	copy(s.feats, s.feats[f:])
	copy(s.feats[len(s.feats)-f:], e)
	st := Step{N: s.steps, Mel: s.melOut, Embedding: e}
	st.Score = m.cls.score(s.feats, s.cls)
	s.steps++
	return st
}
