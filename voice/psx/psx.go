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
	DefaultHMM     = "/usr/share/pocketsphinx/model/en-us/en-us"
	DefaultDict    = "/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict"
	DefaultPhoneLM = "/usr/share/pocketsphinx/model/en-us/en-us-phone.lm.bin"
)

// Config says where the model is; empty fields take Debian's paths.
type Config struct {
	HMM     string // acoustic model directory
	Dict    string // pronunciation dictionary
	PhoneLM string // phone language model of the free phone loop Cost measures against
}

func (c Config) withDefaults() Config {
	if c.HMM == "" {
		c.HMM = DefaultHMM
	}
	if c.Dict == "" {
		c.Dict = DefaultDict
	}
	if c.PhoneLM == "" {
		c.PhoneLM = DefaultPhoneLM
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
	// Score is the grammar path's score (ps_get_hyp: acoustic and grammar
	// scores with insertion penalties; log domain, <= 0).
	Score int32
	// Acoustic is the grammar path's acoustic score alone, and
	// LoopAcoustic the free phone loop's on the same audio (the sums of
	// their segments' acoustic scores; log domain, <= 0). No loop is run
	// when Text is "".
	Acoustic, LoopAcoustic int32
	// Frames is the number of 10 ms frames decoded.
	Frames int
	// Confidence in 0..1 from Cost: 1 at cost 0 or less, Threshold at
	// ThresholdCost, 0 at twice that; 0 when Text is "".
	Confidence float64
}

// Cost is how much worse per frame the grammar's best path explains the
// audio than the best unconstrained phone sequence does:
// (LoopAcoustic - Acoustic) / Frames, a log likelihood ratio per 10 ms
// frame, as keyword spotting uses it. Speech the grammar holds costs
// little more than the phone loop, other speech forced onto the grammar
// much more, and what the voice, the speaker and the channel do to both
// paths cancels. +Inf when there is no text. On the skills' grammar
// in-domain speech measured -10..25 with flite (median 5-8), out-of-domain
// 10-78 (median 35-40); espeak-ng's voices overlap (in-domain medians
// 11-20, out-of-domain 16-30: BenchmarkOutOfDomain, docs/voice.md).
func (r Result) Cost() float64 {
	if r.Text == "" || r.Frames == 0 {
		return math.Inf(1)
	}
	return float64(r.LoopAcoustic-r.Acoustic) / float64(r.Frames)
}

// AbsoluteCost is the grammar path's score per frame, -Score/Frames: the
// measure Cost replaced. It depends on the voice and the channel as much
// as on the words (docs/voice.md); BenchmarkOutOfDomain reports it for
// comparison.
func (r Result) AbsoluteCost() float64 {
	if r.Text == "" || r.Frames == 0 {
		return math.Inf(1)
	}
	return -float64(r.Score) / float64(r.Frames)
}

// Threshold is the Confidence under which a result is taken as speech the
// grammar does not hold (voice.STTChoice then asks the paid service).
const Threshold = 0.5

// ThresholdCost is the Cost Threshold stands for: where the measured
// distributions separate best (the lowest sum of false rejects and false
// accepts over five voices, BenchmarkOutOfDomain: 18.9 % and 19.2 %; over
// flite's two voices 1.0 % and 4.1 %; docs/voice.md).
const ThresholdCost = 20.0

// confidence maps the per-frame cost to 0..1 linearly.
func confidence(r Result) float64 {
	if r.Text == "" || r.Frames == 0 {
		return 0
	}
	c := 1 - r.Cost()/(2*ThresholdCost)
	return min(max(c, 0), 1)
}
