package vad

import "math"

// Detector classifies frames of hal.FrameSamples samples of 16 kHz mono
// audio. Implementations keep state between frames (noise estimates) and are
// not safe for concurrent use.
type Detector interface {
	// IsSpeech reports whether the frame holds speech.
	IsSpeech(frame []int16) bool
	// Reset forgets everything learnt about the signal.
	Reset()
}

// EnergyConfig tunes Energy. The zero value of a field takes the default.
type EnergyConfig struct {
	// MarginDB is how far above the noise floor a frame must be to count as
	// speech. Default 10 dB.
	MarginDB float64
	// MinDB is the level (dB relative to full scale) below which a frame is
	// never speech, whatever the floor. Default -55 dBFS.
	MinDB float64
	// Rise and Fall are the per-frame smoothing factors of the floor when the
	// frame level is above it (slow: speech must not drag the floor up) and
	// below it (fast). Defaults 0.002 and 0.2.
	Rise, Fall float64
}

func (c EnergyConfig) withDefaults() EnergyConfig {
	if c.MarginDB == 0 {
		c.MarginDB = 10
	}
	if c.MinDB == 0 {
		c.MinDB = -55
	}
	if c.Rise == 0 {
		c.Rise = 0.002
	}
	if c.Fall == 0 {
		c.Fall = 0.2
	}
	return c
}

// Energy is a frame-energy detector with an adaptive noise floor: the floor
// follows the level down quickly and up slowly, and a frame is speech when it
// is MarginDB above the floor and above MinDB.
type Energy struct {
	cfg    EnergyConfig
	floor  float64
	primed bool
}

// NewEnergy returns an energy detector.
func NewEnergy(cfg EnergyConfig) *Energy {
	return &Energy{cfg: cfg.withDefaults()}
}

// LevelDB is the RMS level of frame in dB relative to int16 full scale; a
// frame of digital silence is -100 dBFS.
func LevelDB(frame []int16) float64 {
	if len(frame) == 0 {
		return -100
	}
	var sum float64
	for _, s := range frame {
		v := float64(s)
		sum += v * v
	}
	ms := sum / float64(len(frame)) / (32768.0 * 32768.0)
	if ms < 1e-10 {
		return -100
	}
	return 10 * math.Log10(ms)
}

// IsSpeech implements Detector.
func (e *Energy) IsSpeech(frame []int16) bool {
	l := LevelDB(frame)
	if !e.primed {
		e.floor = l
		e.primed = true
	}
	speech := l > e.cfg.MinDB && l > e.floor+e.cfg.MarginDB
	if l < e.floor {
		e.floor += e.cfg.Fall * (l - e.floor)
	} else {
		e.floor += e.cfg.Rise * (l - e.floor)
	}
	return speech
}

// Floor is the current noise floor estimate in dBFS.
func (e *Energy) Floor() float64 { return e.floor }

// Reset implements Detector.
func (e *Energy) Reset() { e.primed = false; e.floor = 0 }
