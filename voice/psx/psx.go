package psx

import (
	"errors"
	"math"
)

// ErrUnavailable: the binary was built without pocketsphinx, or its model
// is not installed.
var ErrUnavailable = errors.New("psx: local speech recognition unavailable")

// ErrClosed is returned after Close.
var ErrClosed = errors.New("psx: decoder closed")

// Model paths of Debian's pocketsphinx-en-us package.
const (
	DefaultHMM  = "/usr/share/pocketsphinx/model/en-us/en-us"
	DefaultDict = "/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict"
)

// Config says where the model is; empty fields take Debian's paths.
type Config struct {
	HMM  string // acoustic model directory
	Dict string // pronunciation dictionary
}

func (c Config) withDefaults() Config {
	if c.HMM == "" {
		c.HMM = DefaultHMM
	}
	if c.Dict == "" {
		c.Dict = DefaultDict
	}
	return c
}

// Rate is the sample rate the decoder takes: 16 kHz mono s16le.
const Rate = 16000

// Result is what one utterance was recognised as.
type Result struct {
	// Text is the grammar's best phrase; "" when no phrase of the grammar
	// reaches the end of the utterance (pocketsphinx gives up).
	Text string
	// Score is the best path's score (ps_get_hyp; log domain, <= 0).
	Score int32
	// Frames is the number of 10 ms frames decoded.
	Frames int
	// Confidence in 0..1 from Cost: 1 at cost 0, Threshold at
	// ThresholdCost, 0 at twice that.
	Confidence float64
}

// Cost is the path's cost per frame, -Score/Frames: how badly the best
// phrase of the grammar fits the audio. On a 12-phrase grammar a phrase
// of it measured 11-19 (flite) and 19-35 (espeak-ng), other speech forced
// onto the grammar 28-55; on the skills' grammar 12-39 (flite), 21-55
// (espeak-ng) and 26-60 (BenchmarkOutOfDomain, docs/voice.md).
func (r Result) Cost() float64 {
	if r.Frames == 0 {
		return math.Inf(1)
	}
	return -float64(r.Score) / float64(r.Frames)
}

// Threshold is the Confidence under which a result is taken as speech the
// grammar does not hold (voice.STTChoice then asks the paid service).
const Threshold = 0.5

// ThresholdCost is the per-frame cost Threshold stands for, chosen from
// the measured distributions (docs/voice.md).
const ThresholdCost = 30.0

// confidence maps the per-frame cost to 0..1 linearly.
func confidence(r Result) float64 {
	if r.Text == "" || r.Frames == 0 {
		return 0
	}
	c := 1 - r.Cost()/(2*ThresholdCost)
	return min(max(c, 0), 1)
}
