package voice

import (
	"log/slog"
	"time"

	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/voice/vad"
)

// Config wires a Pipeline. Devices may be nil (a board without them); the
// zero value of every tuning field takes its default.
type Config struct {
	Mic       hal.Mic
	Speaker   hal.Speaker
	Faceplate hal.Faceplate
	Buttons   hal.Buttons
	Mute      hal.Switch // on = muted
	Volume    hal.Volume // volume buttons adjust it when set

	Transcriber Transcriber
	Brain       Brain
	Voice       Synthesizer
	Wake        WakeDetector // nil: push to talk only
	Store       *Store       // nil: utterances are not kept

	// Detector decides speech per frame; default vad.NewStatistical(1).
	Detector vad.Detector
	Endpoint vad.EndpointConfig
	// PrerollFrames of audio before a press go to STT first (none before a
	// wake word: that is the wake phrase). Default 30
	// (0.3 s); at most PrerollFrames (the 2 s ring).
	PrerollFrames int
	// RefractoryFrames after a trigger or the end of an interaction during
	// which wake word detections are ignored. Default 200 (2 s).
	RefractoryFrames int
	// QueueFrames between the capture goroutine and the pipeline. Default 50.
	QueueFrames int
	// Lossless makes capture wait for the pipeline instead of dropping
	// frames: for replaying files, never for a live microphone.
	Lossless bool

	ErrorHold time.Duration // error face shown this long; default 2 s
	// ThinkTimeout bounds thinking: from the end of the utterance (or a
	// typed question) to the reply being ready, STT and skills included.
	// Default 20 s; then the error face.
	ThinkTimeout   time.Duration
	ConfirmTimeout time.Duration // wait for a confirming press; default 10 s
	WakeRetry      time.Duration // reconnect delay of the wake service; default 5 s

	Clock Clock // default SystemClock
	Log   *slog.Logger
}

func (c *Config) defaults() {
	if c.Detector == nil {
		c.Detector = vad.NewStatistical(1)
	}
	c.Endpoint = c.Endpoint.WithDefaults()
	if c.PrerollFrames <= 0 {
		c.PrerollFrames = 30
	}
	c.PrerollFrames = min(c.PrerollFrames, PrerollFrames)
	if c.RefractoryFrames <= 0 {
		c.RefractoryFrames = 200
	}
	if c.QueueFrames <= 0 {
		c.QueueFrames = 50
	}
	if c.ErrorHold <= 0 {
		c.ErrorHold = 2 * time.Second
	}
	if c.ThinkTimeout <= 0 {
		c.ThinkTimeout = 20 * time.Second
	}
	if c.ConfirmTimeout <= 0 {
		c.ConfirmTimeout = 10 * time.Second
	}
	if c.WakeRetry <= 0 {
		c.WakeRetry = 5 * time.Second
	}
	if c.Clock == nil {
		c.Clock = SystemClock{}
	}
	if c.Log == nil {
		c.Log = slog.New(slog.DiscardHandler)
	}
}
