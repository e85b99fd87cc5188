package vad

// EndpointConfig holds the endpointer's thresholds, in 10 ms frames. The zero
// value of a field takes the default.
type EndpointConfig struct {
	// StartFrames of speech (not necessarily contiguous: gaps shorter than
	// GapFrames are bridged) start an utterance. Default 30 (0.3 s).
	StartFrames int
	// GapFrames of non-speech reset the start count before an utterance has
	// started. Default 20 (0.2 s), longer than the closure of a stop consonant.
	GapFrames int
	// EndFrames of non-speech end a started utterance. Default 70 (0.7 s).
	EndFrames int
	// MaxFrames caps an utterance, counted from its first speech frame.
	// Default 1500 (15 s).
	MaxFrames int
	// NoSpeechFrames without a start after Begin give up. Default 500 (5 s).
	NoSpeechFrames int
}

// Default endpointer thresholds (frames of 10 ms).
const (
	DefaultStartFrames    = 30
	DefaultGapFrames      = 20
	DefaultEndFrames      = 70
	DefaultMaxFrames      = 1500
	DefaultNoSpeechFrames = 500
)

// WithDefaults returns c with zero fields set to their defaults.
func (c EndpointConfig) WithDefaults() EndpointConfig {
	if c.StartFrames <= 0 {
		c.StartFrames = DefaultStartFrames
	}
	if c.GapFrames <= 0 {
		c.GapFrames = DefaultGapFrames
	}
	if c.EndFrames <= 0 {
		c.EndFrames = DefaultEndFrames
	}
	if c.MaxFrames <= 0 {
		c.MaxFrames = DefaultMaxFrames
	}
	if c.NoSpeechFrames <= 0 {
		c.NoSpeechFrames = DefaultNoSpeechFrames
	}
	return c
}

// Event is what the endpointer says after a frame.
type Event int

// Endpointer events.
const (
	None      Event = iota
	Started         // StartFrames of speech seen: an utterance has begun
	Ended           // EndFrames of silence after speech: the utterance is over
	MaxLength       // the utterance reached MaxFrames and was cut
	NoSpeech        // NoSpeechFrames passed without an utterance starting
)

func (e Event) String() string {
	switch e {
	case None:
		return "none"
	case Started:
		return "started"
	case Ended:
		return "ended"
	case MaxLength:
		return "max-length"
	case NoSpeech:
		return "no-speech"
	}
	return "event(?)"
}

// Endpointer turns per-frame speech decisions into utterance boundaries. It
// has no clock: it counts the frames it is fed, numbering them from 0 at
// Begin. It is not safe for concurrent use.
type Endpointer struct {
	cfg EndpointConfig

	active  bool // between Begin and a final event
	started bool
	frame   int // frames fed since Begin

	speechRun  int // speech frames counted towards a start
	runStart   int // first frame of the counted speech
	gap        int // current run of non-speech frames
	lastSpeech int // index of the last speech frame

	start, end int
}

// NewEndpointer returns an idle endpointer; call Begin to arm it.
func NewEndpointer(cfg EndpointConfig) *Endpointer {
	return &Endpointer{cfg: cfg.WithDefaults()}
}

// Config is the endpointer's configuration, defaults filled in.
func (e *Endpointer) Config() EndpointConfig { return e.cfg }

// Begin arms the endpointer for a new utterance; the next frame is frame 0.
func (e *Endpointer) Begin() {
	*e = Endpointer{cfg: e.cfg, active: true, lastSpeech: -1}
}

// Active reports whether the endpointer is between Begin and a final event
// (Ended, MaxLength, NoSpeech) or Stop.
func (e *Endpointer) Active() bool { return e.active }

// Started reports whether the current utterance has started.
func (e *Endpointer) Started() bool { return e.started }

// Frames is the number of frames fed since Begin.
func (e *Endpointer) Frames() int { return e.frame }

// Bounds is the utterance found: the first speech frame and one past the
// last speech frame, counted from Begin. end is valid after Ended, MaxLength
// or Stop.
func (e *Endpointer) Bounds() (start, end int) { return e.start, e.end }

// Stop ends the utterance now (a released push-to-talk button). It reports
// whether speech had started; Bounds then covers the speech seen so far.
func (e *Endpointer) Stop() bool {
	if !e.active {
		return e.started
	}
	e.active = false
	if e.started {
		e.end = e.lastSpeech + 1
	}
	return e.started
}

// Feed takes the decision for the next frame and returns the event it
// causes, if any. Frames fed while inactive are ignored.
func (e *Endpointer) Feed(speech bool) Event {
	if !e.active {
		return None
	}
	i := e.frame
	e.frame++
	if speech {
		e.lastSpeech = i
		if !e.started && e.speechRun == 0 {
			e.runStart = i
		}
		e.speechRun++
		e.gap = 0
	} else {
		e.gap++
	}
	if !e.started {
		if !speech && e.gap >= e.cfg.GapFrames {
			e.speechRun = 0
		}
		if e.speechRun >= e.cfg.StartFrames {
			e.started = true
			e.start = e.runStart
			return Started
		}
		if e.frame >= e.cfg.NoSpeechFrames {
			e.active = false
			return NoSpeech
		}
		return None
	}
	if e.gap >= e.cfg.EndFrames {
		e.active = false
		e.end = e.lastSpeech + 1
		return Ended
	}
	if e.frame-e.start >= e.cfg.MaxFrames {
		e.active = false
		e.end = e.frame
		return MaxLength
	}
	return None
}
