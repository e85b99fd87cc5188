package voice

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/internal/wyoming"
	"github.com/mycroft-network/mycroft/voice/intent"
	"github.com/mycroft-network/mycroft/voice/vad"
)

// Brain turns text into a reply: intent.Router with the built-in skills.
type Brain interface {
	// Grammar is the JSGF grammar handed to the Transcriber, asked for at
	// each utterance (external skills may have joined since the last).
	Grammar() string
	Respond(ctx context.Context, text string) (intent.Reply, error)
}

// Synthesizer speaks text as 16 kHz mono samples (tts.Engine).
type Synthesizer interface {
	Synthesize(ctx context.Context, text string) ([]int16, error)
}

// WakeDetector streams audio to a wake word engine (wyoming.WakeClient). Run
// is one connection; the pipeline reconnects after WakeRetry.
type WakeDetector interface {
	Run(ctx context.Context, audio <-chan []int16, detect func(wyoming.Detection)) error
}

// Sentinel errors of the pipeline.
var (
	ErrBusy    = errors.New("voice: busy with another utterance")
	ErrClosed  = errors.New("voice: pipeline closed")
	ErrRunning = errors.New("voice: pipeline already running")
	ErrNoBrain = errors.New("voice: no brain configured")
	// ErrThinkTimeout: no reply within Config.ThinkTimeout.
	ErrThinkTimeout = errors.New("voice: no answer in time")
)

// Status is a snapshot for `mycroft status`. It holds no transcript and no
// audio.
type Status struct {
	State          hal.FaceState `json:"state"`
	Muted          bool          `json:"muted"`
	Mining         bool          `json:"mining"`
	Capture        CaptureStats  `json:"capture"`
	Utterances     uint64        `json:"utterances"` // utterances sent to STT
	Asked          uint64        `json:"asked"`      // typed questions
	NoSpeech       uint64        `json:"noSpeech"`   // listening ended without speech
	Errors         uint64        `json:"errors"`     // STT, skill or speech failures
	Gated          uint64        `json:"gated"`      // frames ignored while the device spoke
	WakeDetections uint64        `json:"wakeDetections"`
	WakeIgnored    uint64        `json:"wakeIgnored"`   // refractory, thinking or muted
	Interrupted    uint64        `json:"interrupted"`   // speech or sounds cut short by the owner
	WakeDropped    uint64        `json:"wakeDropped"`   // frames the wake service was too slow for
	WakeConnected  bool          `json:"wakeConnected"` // the wake client is running (connecting or connected)
	LastUtterance  time.Time     `json:"lastUtterance,omitzero"`
	LastError      string        `json:"lastError,omitempty"`
}

// Pipeline is the voice assistant. Create it with New, run it with Run.
type Pipeline struct {
	cfg  Config
	log  *slog.Logger
	cap  *capture
	ep   *vad.Endpointer
	ring *Ring

	buttons   chan hal.ButtonEvent
	muteCh    chan bool
	wakeCh    chan wyoming.Detection
	wakeAudio chan []int16
	asks      chan *askReq
	events    chan workerEvent
	miningCh  chan bool
	alerts    chan *alertReq
	soundDone chan *alertReq

	spk     sync.Mutex // held by whoever writes to the speaker
	gated   atomic.Bool
	running atomic.Bool
	cancel  context.CancelFunc
	done    chan struct{}

	hub eventHub // subscribers of Subscribe (events.go)

	mu         sync.Mutex
	st         Status
	onActivity []func(bool)
	cur        *Interaction // the interaction in progress (under mu)
	last       *Interaction // the last one that ended (under mu)

	// Owned by the Run goroutine.
	state       hal.FaceState
	muted       bool
	mining      bool
	sess        *session
	seq         uint64
	lastTrigger int64
	lastEnd     int64
	vadActive   bool
	quiet       int
	active      bool
	wasGated    bool
	errTimer    <-chan time.Time
	confirmCh   chan confirmOutcome
	pendingAsk  *askReq   // a question asked while the session waited for a press
	sound       *alertReq // the sound playing (Alert)
	nextID      uint64
}

type session struct {
	id      uint64
	ctx     context.Context
	cancel  context.CancelFunc
	stream  *audioStream // nil for typed questions
	listen  bool         // still capturing audio
	tail    int          // wake phrase frames still to skip (wakeTailFrames)
	gap     int          // silent frames seen while skipping
	trigger string
	at      time.Time
	ask     *askReq
}

type askReq struct {
	text string
	// polite questions (Announce) never interrupt and are refused while
	// anything plays.
	polite bool
	reply  chan askResult
	once   sync.Once
}

// answer delivers the first result only (the worker and a cancellation may
// both try).
func (r *askReq) answer(res askResult) {
	r.once.Do(func() { r.reply <- res })
}

type askResult struct {
	text string
	err  error
}

// confirmOutcome ends a session's wait for a confirming press.
type confirmOutcome int

const (
	confirmTimedOut   confirmOutcome = iota // no press in ConfirmTimeout
	confirmPressed                          // the action button
	confirmSuperseded                       // the owner asked something else (typed "confirm", say)
)

type evKind int

const (
	evSpeaking evKind = iota
	evThinking
	evConfirm
	evConfirmed
	evDone
	evError
)

type workerEvent struct {
	sess    *session
	kind    evKind
	err     error
	confirm chan confirmOutcome
}

// New checks cfg and returns a pipeline that is not yet running.
func New(cfg Config) (*Pipeline, error) {
	cfg.defaults()
	if cfg.Brain == nil {
		return nil, ErrNoBrain
	}
	p := &Pipeline{
		cfg:         cfg,
		log:         cfg.Log,
		ep:          vad.NewEndpointer(cfg.Endpoint),
		ring:        NewRing(PrerollFrames),
		buttons:     make(chan hal.ButtonEvent, 8),
		muteCh:      make(chan bool, 1),
		wakeCh:      make(chan wyoming.Detection, 4),
		wakeAudio:   make(chan []int16, 64),
		asks:        make(chan *askReq),
		events:      make(chan workerEvent, 8),
		miningCh:    make(chan bool),
		alerts:      make(chan *alertReq),
		soundDone:   make(chan *alertReq),
		done:        make(chan struct{}),
		lastTrigger: -1 << 40,
		lastEnd:     -1 << 40,
	}
	if cfg.Mic != nil {
		p.cap = newCapture(cfg.Mic, cfg.QueueFrames, cfg.Lossless, cfg.Clock)
	}
	return p, nil
}

// OnActivity registers f to be told when voice activity starts (true) and
// ends (false). Activity is speech heard by the detector or an interaction
// in progress. f is called synchronously from the pipeline goroutine on the
// very frame speech starts (the miner pauses on it), so it must not block.
// Register before Run.
func (p *Pipeline) OnActivity(f func(active bool)) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.onActivity = append(p.onActivity, f)
}

// Status returns a snapshot of the pipeline's state and counters.
func (p *Pipeline) Status() Status {
	p.mu.Lock()
	s := p.st
	p.mu.Unlock()
	if p.cap != nil {
		s.Capture = p.cap.stats()
	}
	return s
}

func (p *Pipeline) update(f func(*Status)) {
	p.mu.Lock()
	f(&p.st)
	p.mu.Unlock()
}

// SetMining tells the pipeline whether the miner is working, so the idle
// face shows mining.
func (p *Pipeline) SetMining(on bool) {
	select {
	case p.miningCh <- on:
	case <-p.done:
	}
}

// Close stops Run and waits for it.
func (p *Pipeline) Close() error {
	if !p.running.Load() {
		return nil
	}
	p.cancel()
	<-p.done
	return nil
}

// Run runs the pipeline until ctx is done or Close is called.
func (p *Pipeline) Run(ctx context.Context) error {
	if !p.running.CompareAndSwap(false, true) {
		return ErrRunning
	}
	ctx, p.cancel = context.WithCancel(ctx)
	defer p.cancel()
	var wg sync.WaitGroup
	defer func() {
		p.cancel()
		if p.sess != nil {
			p.endSession(ErrAborted)
		}
		close(p.done)
		wg.Wait()
	}()

	var (
		frames   <-chan Frame
		micMuted <-chan bool
	)
	if p.cap != nil {
		frames = p.cap.out
		if p.cfg.Mute == nil {
			micMuted = p.cap.mutedHint
		}
		wg.Add(1)
		go func() { defer wg.Done(); p.cap.run(ctx) }()
	}
	if p.cfg.Buttons != nil {
		wg.Add(1)
		go func() { defer wg.Done(); p.readButtons(ctx) }()
	}
	if p.cfg.Mute != nil {
		on, err := p.cfg.Mute.State()
		if err != nil {
			p.log.Warn("voice: mute switch", "err", err)
		}
		p.setMuted(ctx, on)
		wg.Add(1)
		go func() { defer wg.Done(); p.watchMute(ctx, on) }()
	}
	if p.cfg.Wake != nil {
		wg.Add(1)
		go func() { defer wg.Done(); p.runWake(ctx) }()
	}
	if !p.muted {
		p.setState(ctx, hal.StateIdle)
	}

	for {
		select {
		case <-ctx.Done():
			return nil
		case f, ok := <-frames:
			if !ok {
				frames = nil
				p.log.Info("voice: microphone ended")
				continue
			}
			p.frame(ctx, &f)
		case ev := <-p.buttons:
			p.button(ctx, ev)
		case on := <-p.muteCh:
			p.setMuted(ctx, on)
		case on := <-micMuted:
			// No mute switch, but the microphone itself refuses to capture.
			p.setMuted(ctx, on)
		case d := <-p.wakeCh:
			p.wake(ctx, d)
		case req := <-p.asks:
			p.ask(ctx, req)
		case ev := <-p.events:
			p.workerEvent(ctx, ev)
		case req := <-p.alerts:
			p.alert(ctx, req)
		case req := <-p.soundDone:
			p.soundEnded(req)
		case on := <-p.miningCh:
			p.mining = on
			p.update(func(s *Status) { s.Mining = on })
			if p.state == hal.StateIdle {
				p.setState(ctx, hal.StateIdle)
			}
		case <-p.errTimer:
			p.errTimer = nil
			if p.state == hal.StateError && p.sess == nil {
				p.setState(ctx, hal.StateIdle)
			}
		}
	}
}

// setState shows s (mining instead of idle while the miner works).
func (p *Pipeline) setState(ctx context.Context, s hal.FaceState) {
	p.state = s
	p.update(func(st *Status) { st.State = s })
	shown := s
	if s == hal.StateIdle && p.mining {
		shown = hal.StateMining
	}
	p.mu.Lock()
	if p.cur != nil {
		p.cur.Faces = append(p.cur.Faces, shown)
	}
	p.mu.Unlock()
	p.show(ctx, FaceFor(shown))
	p.notifyActivity()
}

func (p *Pipeline) show(ctx context.Context, f hal.Face) {
	if p.cfg.Faceplate == nil {
		return
	}
	if err := p.cfg.Faceplate.Show(ctx, f); err != nil && ctx.Err() == nil {
		p.log.Warn("voice: faceplate", "state", f.State, "err", err)
	}
}

func (p *Pipeline) notifyActivity() {
	active := p.vadActive || p.sess != nil
	if active == p.active {
		return
	}
	p.active = active
	p.mu.Lock()
	fs := p.onActivity
	p.mu.Unlock()
	for _, f := range fs {
		f(active)
	}
}

// frame handles one captured frame.
func (p *Pipeline) frame(ctx context.Context, f *Frame) {
	p.seq = f.Seq
	if p.muted {
		return
	}
	if p.cfg.Wake != nil && (p.sess == nil || p.speaking()) {
		// The wake word is heard while the device speaks too: it
		// interrupts (barge-in).
		s := make([]int16, hal.FrameSamples)
		copy(s, f.Samples[:])
		select {
		case p.wakeAudio <- s:
		default:
			p.update(func(st *Status) { st.WakeDropped++ })
		}
	}
	if p.gated.Load() {
		// The device is speaking: ignore what the mic hears.
		p.wasGated = true
		p.update(func(st *Status) { st.Gated++ })
		return
	}
	if p.wasGated {
		// Forget the pre-roll from before the device spoke. The speech
		// detector keeps its noise estimate: it saw nothing while the
		// device spoke, so that is still the room's; starting afresh
		// would learn "noise" from the first frame after, which after a
		// barge-in ("hey mycroft" over a ring) is the owner's voice.
		p.wasGated = false
		p.ring.Reset()
		p.vadActive, p.quiet = false, 0
	}
	p.ring.Push(f)
	speech := p.cfg.Detector.IsSpeech(f.Samples[:])
	if speech {
		p.quiet = 0
		if !p.vadActive {
			p.vadActive = true
			p.notifyActivity()
		}
	} else if p.vadActive {
		p.quiet++
		if p.quiet >= p.cfg.Endpoint.EndFrames {
			p.vadActive = false
			p.notifyActivity()
		}
	}
	if p.sess == nil || !p.sess.listen {
		return
	}
	if p.sess.tail > 0 && p.skipTail(speech) {
		return
	}
	p.sess.stream.write(f.Samples[:])
	switch p.ep.Feed(speech) {
	case vad.Ended, vad.MaxLength:
		p.finishListening(ctx)
	case vad.NoSpeech:
		p.update(func(st *Status) { st.NoSpeech++ })
		p.endSession(ErrAborted)
		p.setState(ctx, hal.StateIdle)
	}
}

// startListening begins an utterance after a trigger.
func (p *Pipeline) startListening(ctx context.Context, trigger string) {
	if p.muted {
		return
	}
	if p.cfg.Transcriber == nil {
		p.log.Warn("voice: no speech-to-text service configured; trigger ignored", "trigger", trigger)
		return
	}
	if p.sess != nil {
		switch {
		case p.speaking():
			p.interrupt() // barge in
		case p.state == hal.StateError:
			p.endSession(ErrAborted)
		default:
			return
		}
	}
	p.cutSound()
	p.errTimer = nil
	p.lastTrigger = int64(p.seq)
	sctx, cancel := context.WithCancel(ctx)
	p.nextID++
	maxBytes := 2 * hal.FrameSamples * (p.cfg.PrerollFrames + p.cfg.Endpoint.MaxFrames + p.cfg.Endpoint.NoSpeechFrames + 10)
	s := &session{id: p.nextID, ctx: sctx, cancel: cancel, stream: newAudioStream(maxBytes), listen: true, trigger: trigger, at: p.cfg.Clock.Now()}
	// A press may come just after the owner started speaking: the audio
	// before it goes first. A wake word is detected as its phrase ends:
	// the audio before it is the phrase, which the recogniser must not
	// hear as the start of the command.
	if trigger != "wake" {
		for _, fr := range p.ring.Last(nil, p.cfg.PrerollFrames) {
			s.stream.write(fr.Samples[:])
		}
	} else if p.vadActive {
		s.tail = wakeTailFrames
	}
	p.sess = s
	p.ep.Begin()
	p.beginRecord(s)
	if trigger == "wake" {
		p.publish(Event{Kind: EventWake, Interaction: s.id, Trigger: trigger})
	}
	p.publish(Event{Kind: EventRecordBegin, Interaction: s.id, Trigger: trigger})
	p.setState(ctx, hal.StateListening)
	go p.work(s)
}

// speaking reports whether the interaction in progress is speaking: its
// face says so, or its speech already holds the speaker (the speaking
// event may still be on its way to the Run loop).
func (p *Pipeline) speaking() bool {
	return p.sess != nil && (p.state == hal.StateSpeaking || p.gated.Load() && !p.sess.listen && p.sound == nil)
}

// finishListening: the utterance is over; STT gets its end of stream.
func (p *Pipeline) finishListening(ctx context.Context) {
	s := p.sess
	s.listen = false
	p.ep.Stop()
	p.publish(Event{Kind: EventRecordEnd, Interaction: s.id, Trigger: s.trigger})
	heard := p.cfg.Clock.Now()
	p.note(s, func(r *Interaction) { r.Heard = heard })
	p.setState(ctx, hal.StateThinking)
	s.stream.end(io.EOF)
	p.update(func(st *Status) { st.Utterances++; st.LastUtterance = s.at })
}

// endSession cancels the current interaction.
func (p *Pipeline) endSession(err error) {
	s := p.sess
	if s == nil {
		return
	}
	p.sess = nil
	p.confirmCh = nil
	p.ep.Stop()
	if s.listen {
		p.publish(Event{Kind: EventRecordEnd, Interaction: s.id, Trigger: s.trigger, Err: errText(err)})
	}
	p.endRecord(s, err)
	if s.stream != nil {
		s.stream.end(err)
	}
	s.cancel()
	if s.ask != nil {
		s.ask.answer(askResult{err: err})
	}
	if r := p.pendingAsk; r != nil {
		p.pendingAsk = nil
		r.answer(askResult{err: err})
	}
	p.lastEnd = int64(p.seq)
}

func (p *Pipeline) setMuted(ctx context.Context, on bool) {
	if on == p.muted && (p.state == hal.StateMuted) == on {
		return
	}
	p.muted = on
	p.update(func(st *Status) { st.Muted = on })
	if p.cap != nil && p.cfg.Mute != nil {
		// With a switch, stop reading; without one, capture must keep
		// reading to see the microphone come back.
		p.cap.setPaused(on)
	}
	if on {
		p.endSession(ErrAborted)
		p.vadActive = false
		p.publish(Event{Kind: EventMute})
		p.setState(ctx, hal.StateMuted)
		return
	}
	p.publish(Event{Kind: EventUnmute})
	p.cfg.Detector.Reset()
	p.ring.Reset()
	p.setState(ctx, hal.StateIdle)
}

func (p *Pipeline) workerEvent(ctx context.Context, ev workerEvent) {
	if ev.sess != p.sess {
		return // a cancelled session
	}
	switch ev.kind {
	case evThinking:
		p.setState(ctx, hal.StateThinking)
	case evSpeaking:
		p.setState(ctx, hal.StateSpeaking)
	case evConfirm:
		p.confirmCh = ev.confirm
		f := FaceFor(hal.StateThinking)
		f.Mouth.Text = "PRESS TO CONFIRM"
		p.state = hal.StateThinking
		p.show(ctx, f)
	case evConfirmed:
		p.confirmCh = nil
	case evDone:
		p.sess = nil
		p.confirmCh = nil
		p.lastEnd = int64(p.seq)
		p.setState(ctx, hal.StateIdle)
		p.endRecord(ev.sess, nil)
		p.askPending(ctx)
	case evError:
		p.sess = nil
		p.confirmCh = nil
		p.lastEnd = int64(p.seq)
		p.update(func(st *Status) { st.Errors++; st.LastError = ev.err.Error() })
		p.log.Warn("voice: interaction failed", "err", ev.err)
		p.setState(ctx, hal.StateError)
		p.endRecord(ev.sess, ev.err)
		p.errTimer = p.cfg.Clock.After(p.cfg.ErrorHold)
		p.askPending(ctx)
	}
}
