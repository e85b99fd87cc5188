package agent

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/mycroft-network/mycroft/agent/skills"
	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/internal/wav"
	"github.com/mycroft-network/mycroft/keystore"
	"github.com/mycroft-network/mycroft/miner/pause"
	"github.com/mycroft-network/mycroft/voice"
	"github.com/mycroft-network/mycroft/voice/tts"
	"github.com/mycroft-network/mycroft/voice/vad"
)

// VoiceConfig is the [voice] table.
type VoiceConfig struct {
	// Enabled runs the voice pipeline (typed questions included).
	Enabled bool `toml:"enabled"`
	// Detector is the speech detector: "statistical" or "energy".
	Detector string `toml:"detector"`
	// StartSpeech of speech starts an utterance.
	StartSpeech Duration `toml:"start_speech"`
	// EndSilence of silence ends it.
	EndSilence Duration `toml:"end_silence"`
	// MaxUtterance caps it.
	MaxUtterance Duration `toml:"max_utterance"`
	// NoSpeechTimeout: listening gives up when no speech starts in this long.
	NoSpeechTimeout Duration `toml:"no_speech_timeout"`
	// WakeURI is a Wyoming wake word service, tcp://host:port, used
	// instead of the engine in process (WakeConfig); "" is none.
	WakeURI string `toml:"wake_uri"`
	WakeConfig
	// TTS is the speech program: "flite" or "espeak-ng".
	TTS string `toml:"tts"`
	// KeepVoice is how long sealed utterances are kept; 0 never keeps them.
	KeepVoice Duration `toml:"keep_voice"`
	// STT is local, local-first or paid-first (agent/stt.go).
	STT string `toml:"stt"`
}

func defaultVoiceConfig() VoiceConfig {
	return VoiceConfig{
		Enabled:         true,
		Detector:        "statistical",
		StartSpeech:     Duration(300 * time.Millisecond),
		EndSilence:      Duration(700 * time.Millisecond),
		MaxUtterance:    Duration(15 * time.Second),
		NoSpeechTimeout: Duration(5 * time.Second),
		TTS:             "flite",
		KeepVoice:       Duration(voice.DefaultRetention),
		STT:             voice.STTLocalFirst,
		WakeConfig:      defaultWakeConfig(),
	}
}

// frameDur is one 10 ms frame, the unit of the endpointer.
const frameDur = 10 * time.Millisecond

func (c VoiceConfig) validate(bad badFunc) {
	switch c.Detector {
	case "statistical", "energy":
	default:
		bad("voice.detector", "must be statistical or energy, not %q", c.Detector)
	}
	for _, d := range []struct {
		key      string
		v        Duration
		min, max time.Duration
	}{
		{"voice.start_speech", c.StartSpeech, frameDur, 5 * time.Second},
		{"voice.end_silence", c.EndSilence, 100 * time.Millisecond, 10 * time.Second},
		{"voice.max_utterance", c.MaxUtterance, time.Second, 60 * time.Second},
		{"voice.no_speech_timeout", c.NoSpeechTimeout, time.Second, 60 * time.Second},
	} {
		if d.v.Std() < d.min || d.v.Std() > d.max {
			bad(d.key, "must be between %v and %v", d.min, d.max)
		}
	}
	if c.WakeURI != "" {
		if _, err := wakeAddr(c.WakeURI); err != nil {
			bad("voice.wake_uri", "%v", err)
		}
	}
	c.WakeConfig.validate(bad)
	switch c.TTS {
	case "flite", "espeak-ng":
	default:
		bad("voice.tts", "must be flite or espeak-ng, not %q", c.TTS)
	}
	if c.KeepVoice < 0 {
		bad("voice.keep_voice", "must not be negative")
	}
}

// wakeAddr turns tcp://host:port into host:port.
func wakeAddr(uri string) (string, error) {
	bad := fmt.Errorf("must be tcp://host:port, not %q", uri)
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "tcp" || u.User != nil || u.RawQuery != "" || u.Fragment != "" || (u.Path != "" && u.Path != "/") {
		return "", bad
	}
	host, port, err := net.SplitHostPort(u.Host)
	if err != nil || host == "" {
		return "", bad
	}
	if n, err := strconv.ParseUint(port, 10, 16); err != nil || n == 0 {
		return "", bad
	}
	return u.Host, nil
}

func (c VoiceConfig) endpoint() vad.EndpointConfig {
	frames := func(d Duration) int { return max(int(d.Std()/frameDur), 1) }
	return vad.EndpointConfig{
		StartFrames:    frames(c.StartSpeech),
		EndFrames:      frames(c.EndSilence),
		MaxFrames:      frames(c.MaxUtterance),
		NoSpeechFrames: frames(c.NoSpeechTimeout),
	}
}

// voiceDeps are the services wireVoice gathers from the other subsystems;
// tests replace them through voiceOverride.
type voiceDeps struct {
	Transcriber voice.Transcriber
	Skills      skills.Config
	Synth       voice.Synthesizer // nil: the configured speech program
	Sealer      voice.Sealer
}

// voiceOverride, when set (tests only), adjusts the services before the
// pipeline is built.
var voiceOverride func(*voiceDeps)

// voiceParts is what the voice wiring holds besides a.voice.
type voiceParts struct {
	faces    *faceRecorder
	store    *voice.Store
	settings *voiceSettings // the owner's: speech-to-text, retention, wake word on
	mic      bool
	spk      bool
	note     string // what the devices and services leave out
	wake     wakeStatus
}

// wireVoice builds the voice pipeline and the skills (a.voice). Without a
// microphone the pipeline still runs, for typed questions (mycroft ask),
// spoken when there is a speaker.
func (a *Agent) wireVoice(ctx context.Context) error {
	c := a.cfg.Voice
	a.voiceRoutes()
	a.voiceSettingsRoutes()
	a.addStatus("voice", func() any { return a.voiceStatus() })
	if !c.Enabled {
		return nil
	}
	// The owner's settings (voice_settings.go) over the file's.
	owner := a.loadVoiceSettings()
	c = owner.apply(c)
	var board hal.Board
	if a.board != nil {
		board = *a.board
	}
	loc := time.Local
	if tz := a.cfg.Agent.TimeZone; tz != "" {
		if l, err := time.LoadLocation(tz); err == nil {
			loc = l
		}
	}
	deps := voiceDeps{
		Transcriber: a.transcriber(),
		Skills: skills.Config{
			Now:        a.now,
			Location:   loc,
			Weather:    a.weatherSkill(),
			Knowledge:  a.knowledgeSkill(),
			Wallet:     a.walletSkill(),
			Miner:      a.minerSkill(),
			Earnings:   a.earningsSkill(),
			Governance: a.governanceSkill(),
		},
		Sealer: &voiceSealer{a: a},
	}
	if board.Volume != nil {
		deps.Skills.Volume = board.Volume
	}
	a.localSkills(&deps.Skills)
	live, sttSt := a.speechToText(c.STT, deps.Transcriber)
	deps.Transcriber = nil
	if live != nil {
		deps.Transcriber = live
	}
	if voiceOverride != nil {
		voiceOverride(&deps)
	}
	brain, err := skills.NewBrain(deps.Skills)
	if err != nil {
		a.health.Set("voice", Degraded, "voice: skills: "+err.Error())
		return nil
	}
	synth := deps.Synth
	if synth == nil {
		engine := &tts.Engine{Program: c.TTS}
		if engine.Available() {
			synth = engine
		} else if board.Speaker != nil {
			a.health.Set("voice.tts", Degraded, fmt.Sprintf("voice: %s is not installed: answers are not spoken", c.TTS))
		}
	}
	var det vad.Detector = vad.NewStatistical(1)
	if c.Detector == "energy" {
		det = vad.NewEnergy(vad.EnergyConfig{})
	}
	parts := &voiceParts{
		faces: newFaceRecorder(board.Faceplate, faceHistory, a.now),
		mic:   board.Mic != nil,
		spk:   board.Speaker != nil,
	}
	// With keep_voice = 0 the store keeps nothing and its purge removes
	// what an earlier setting kept.
	parts.store, err = voice.NewStore(a.db, deps.Sealer, c.KeepVoice.Std(), nil)
	if err != nil {
		a.health.Set("voice", Degraded, "voice: "+err.Error())
		return nil
	}
	parts.settings = &voiceSettings{owner: owner, stt: live, store: parts.store, sttSt: sttSt, keep: c.KeepVoice.Std()}
	if live != nil {
		parts.settings.mode = c.STT
	}
	if board.Speaker == nil {
		synth = nil
	}
	// The messagebus and the Home Assistant satellite take part (faces.go).
	// External skills' phrases join the local recogniser's grammar when
	// its dictionary has their words.
	var known func(string) bool
	if live != nil && live.dec != nil {
		known = live.dec.Known
	}
	tr, vbrain, vsynth, startFaces := a.wrapFaces(brain, deps.Transcriber, synth, board, known)
	vc := voice.Config{
		Mic: board.Mic, Speaker: board.Speaker, Faceplate: parts.faces,
		Buttons: board.Buttons, Mute: board.Mute, Volume: board.Volume,
		Transcriber: tr, Brain: vbrain, Voice: vsynth, Store: parts.store,
		Detector: det, Endpoint: c.endpoint(),
		Log: a.log,
	}
	if vc.Mic != nil {
		vc.Wake, parts.wake = a.wakeDetector(c)
		if vc.Wake != nil {
			g := &gatedWake{inner: vc.Wake}
			g.on.Store(owner.wakeOn())
			vc.Wake, parts.settings.gate = g, g
		}
	} else {
		parts.wake = wakeStatus{engine: WakeOff, note: "no microphone"}
	}
	if vc.Speaker == nil {
		vc.Voice = nil
	}
	p, err := voice.New(vc)
	if err != nil {
		a.health.Set("voice", Degraded, "voice: "+err.Error())
		return nil
	}
	p.OnActivity(a.onVoiceActivity)
	// A missing device is not a health warning of its own: the board's
	// warnings (or the board's absence) already say so, and the wallet's
	// status says why paid speech-to-text is off. The voice status says
	// what that leaves.
	switch {
	case !parts.mic:
		parts.note = "no microphone: only typed questions (mycroft ask) are answered"
	case deps.Transcriber == nil:
		parts.note = "no speech-to-text service (the wallet is off): only typed questions (mycroft ask) are answered"
	}
	if !parts.spk {
		parts.note = strings.TrimPrefix(parts.note+"; answers are not spoken (no speaker)", "; ")
	}
	a.voice = p
	a.voicex = parts
	a.svcs.list = append(a.svcs.list, pipelineService{p}, purgeService{parts.store}, alarmRestore{brain.Alarms})
	startFaces(p)
	if a.miner != nil {
		// The idle face shows mining while the miner's gate lets work run.
		a.svcs.list = append(a.svcs.list, &miningFace{gate: a.miner.Gate(), p: p})
	}
	return nil
}

// hearStartTimeout bounds the wait for /voice/hear's press to start
// listening.
const hearStartTimeout = 5 * time.Second

// faceHistory is how many faceplate states /voice/faces remembers.
const faceHistory = 512

type pipelineService struct{ p *voice.Pipeline }

func (s pipelineService) Name() string                  { return "voice" }
func (s pipelineService) Run(ctx context.Context) error { return s.p.Run(ctx) }
func (s pipelineService) Close() error                  { return s.p.Close() }

type purgeService struct{ s *voice.Store }

func (s purgeService) Name() string { return "voice.purge" }
func (s purgeService) Run(ctx context.Context) error {
	if err := s.s.RunPurge(ctx, time.Hour); err != nil && ctx.Err() == nil {
		return err
	}
	return nil
}
func (s purgeService) Close() error { return nil }

// miningFace tells the pipeline whether the miner works, following the
// miner's gate. The gate calls back synchronously, possibly from the
// pipeline's own goroutine (speech pauses mining), so the callback only
// leaves the latest value for Run to pass on.
type miningFace struct {
	gate *pause.Gate
	p    *voice.Pipeline
	mu   sync.Mutex
	next chan bool
}

func (m *miningFace) Name() string { return "voice.mining" }

func (m *miningFace) put(mining bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	select {
	case <-m.next:
	default:
	}
	m.next <- mining
}

func (m *miningFace) Run(ctx context.Context) error {
	m.next = make(chan bool, 1)
	remove := m.gate.OnChange(func(paused bool) { m.put(!paused) })
	defer remove()
	m.put(!m.gate.Paused())
	for {
		select {
		case <-ctx.Done():
			return nil
		case on := <-m.next:
			m.p.SetMining(on) // returns when the pipeline has stopped
		}
	}
}

func (m *miningFace) Close() error { return nil }

// errNoKeys: the keystore is off or locked, so utterances cannot be sealed.
var errNoKeys = errors.New("voice: keystore not available")

// voiceSealer seals utterances with the keystore as it is at the time:
// while it is locked or off nothing is kept (the pipeline logs it) and the
// health registry says so.
type voiceSealer struct{ a *Agent }

func (s *voiceSealer) Seal(cat keystore.Category, id string, plaintext []byte) ([]byte, error) {
	var (
		out []byte
		err = errNoKeys
	)
	if k := s.a.keys; k != nil {
		out, err = k.Seal(cat, id, plaintext)
	}
	if err != nil {
		s.a.health.Set("voice.store", Notice, "voice: keystore locked or off: utterances are not kept")
		return nil, err
	}
	s.a.health.Clear("voice.store")
	return out, nil
}

// faceRecorder passes faces to the board's faceplate (if any) and remembers
// the last states shown, numbered, for /voice/faces.
type faceRecorder struct {
	inner hal.Faceplate
	now   func() time.Time
	mu    sync.Mutex
	next  uint64
	ring  []apiclient.VoiceFace
	size  int
}

func newFaceRecorder(inner hal.Faceplate, size int, now func() time.Time) *faceRecorder {
	return &faceRecorder{inner: inner, now: now, size: size, next: 1}
}

func (r *faceRecorder) Show(ctx context.Context, f hal.Face) error {
	r.mu.Lock()
	r.ring = append(r.ring, apiclient.VoiceFace{Seq: r.next, State: f.State.String(), At: r.now()})
	r.next++
	if len(r.ring) > r.size {
		r.ring = append(r.ring[:0], r.ring[len(r.ring)-r.size:]...)
	}
	r.mu.Unlock()
	if r.inner == nil {
		return nil
	}
	return r.inner.Show(ctx, f)
}

func (r *faceRecorder) Halt() error {
	if r.inner == nil {
		return nil
	}
	return r.inner.Halt()
}

// since returns the states numbered above seq and the next number.
func (r *faceRecorder) since(seq uint64) apiclient.VoiceFaces {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := apiclient.VoiceFaces{Faces: []apiclient.VoiceFace{}, Next: r.next}
	for _, f := range r.ring {
		if f.Seq > seq {
			out.Faces = append(out.Faces, f)
		}
	}
	return out
}

func (a *Agent) voiceStatus() apiclient.VoiceStatus {
	if a.voice == nil {
		return apiclient.VoiceStatus{Enabled: a.cfg.Voice.Enabled, State: "off"}
	}
	st := a.voice.Status()
	parts := a.voicex
	set := parts.settings
	set.mu.Lock()
	stt, keep := set.sttSt, set.keep
	wake, wakeNote := parts.wake.engine, parts.wake.note
	if set.gate != nil && !set.gate.on.Load() {
		wake, wakeNote = WakeOff, joinNote(wakeNote, "the owner turned the wake word off ("+parts.wake.engine+" stays loaded)")
	}
	set.mu.Unlock()
	return apiclient.VoiceStatus{
		Enabled: true, State: st.State.String(), Muted: st.Muted, Mining: st.Mining,
		Microphone: parts.mic, Speaker: parts.spk,
		Frames: st.Capture.Frames, Dropped: st.Capture.Dropped, MutedReads: st.Capture.MutedReads, ReadErrors: st.Capture.ReadErrors,
		Utterances: st.Utterances, Asked: st.Asked, NoSpeech: st.NoSpeech, Errors: st.Errors, Gated: st.Gated,
		WakeConnected: st.WakeConnected, WakeDetections: st.WakeDetections, WakeIgnored: st.WakeIgnored, WakeDropped: st.WakeDropped,
		KeepVoice: keep.String(), Note: parts.note, STT: stt.used, STTNote: stt.note,
		Wake: wake, WakeNote: wakeNote,
		LastUtterance: st.LastUtterance, LastError: st.LastError,
	}
}

func interaction(in voice.Interaction) apiclient.VoiceInteraction {
	out := apiclient.VoiceInteraction{
		ID: in.ID, Trigger: in.Trigger, Transcript: in.Transcript, Reply: in.Reply, Error: in.Error,
		Start: in.Start, End: in.End, Done: in.Done, Faces: make([]string, 0, len(in.Faces)),
	}
	for _, f := range in.Faces {
		out.Faces = append(out.Faces, f.String())
	}
	return out
}

// The simulated board's devices that /voice/hear drives.
type (
	samplePusher interface{ Push(samples []int16) }
	clicker      interface{ Click(id hal.ButtonID) }
)

// voiceOff answers the voice endpoints while the pipeline is off.
func (a *Agent) voiceOff() error {
	if a.voice != nil {
		return nil
	}
	if !a.cfg.Voice.Enabled {
		return unavailable("voice is off (voice.enabled = false)")
	}
	return unavailable("voice is not running: see mycroft status")
}

func (a *Agent) voiceRoutes() {
	a.handle("POST /voice/ask", func(r *http.Request) (any, error) {
		if err := a.voiceOff(); err != nil {
			return nil, err
		}
		var req apiclient.VoiceAskRequest
		if err := decodeJSON(r, &req); err != nil {
			return nil, err
		}
		if req.Text == "" {
			return nil, badRequest("text is empty")
		}
		reply, err := a.voice.Ask(r.Context(), req.Text)
		if errors.Is(err, voice.ErrBusy) {
			return nil, &apiclient.Error{Status: http.StatusConflict, Message: "busy with another question: try again"}
		}
		if err != nil {
			return nil, err
		}
		return apiclient.VoiceAskReply{Reply: reply}, nil
	})
	a.handle("POST /voice/hear", func(r *http.Request) (any, error) {
		if err := a.voiceOff(); err != nil {
			return nil, err
		}
		var req apiclient.VoiceHearRequest
		if err := decodeJSON(r, &req); err != nil {
			return nil, err
		}
		if !filepath.IsAbs(req.Path) {
			return nil, badRequest("path must be absolute")
		}
		var (
			mic     samplePusher
			buttons clicker
			ok      bool
		)
		if a.board != nil {
			mic, ok = a.board.Mic.(samplePusher)
			if ok {
				buttons, ok = a.board.Buttons.(clicker)
			}
		}
		if !ok {
			return nil, unavailable("only the simulated board can hear a file")
		}
		if !a.voicex.mic {
			return nil, unavailable("no microphone")
		}
		audio, err := wav.ReadFile(req.Path)
		if err != nil {
			return nil, badRequest("%v", err)
		}
		if audio.Rate != hal.Voice.Rate {
			return nil, badRequest("%s is %d Hz; the microphone takes %d Hz mono", req.Path, audio.Rate, hal.Voice.Rate)
		}
		last, _ := a.voice.LastInteraction()
		if last.ID != 0 && !last.Done {
			return nil, &apiclient.Error{Status: http.StatusConflict, Message: "busy with another interaction: try again"}
		}
		// Press first and wait for listening, so the pipeline hears the
		// file from its start whatever the load.
		buttons.Click(hal.ButtonAction)
		ctx, cancel := context.WithTimeout(r.Context(), hearStartTimeout)
		defer cancel()
		for {
			if in, _ := a.voice.LastInteraction(); in.ID > last.ID {
				break
			}
			select {
			case <-ctx.Done():
				return nil, unavailable("the pipeline did not start listening (is there a speech-to-text service? see mycroft voice status)")
			case <-time.After(10 * time.Millisecond):
			}
		}
		mic.Push(audio.Samples)
		return apiclient.VoiceHearReply{After: last.ID}, nil
	})
	a.handle("GET /voice/last", func(*http.Request) (any, error) {
		if err := a.voiceOff(); err != nil {
			return nil, err
		}
		in, ok := a.voice.LastInteraction()
		if !ok {
			return apiclient.VoiceInteraction{Faces: []string{}}, nil
		}
		return interaction(in), nil
	})
	a.handle("GET /voice/faces", func(r *http.Request) (any, error) {
		if err := a.voiceOff(); err != nil {
			return nil, err
		}
		var since uint64
		if s := r.URL.Query().Get("since"); s != "" {
			v, err := strconv.ParseUint(s, 10, 64)
			if err != nil {
				return nil, badRequest("since must be a number")
			}
			since = v
		}
		return a.voicex.faces.since(since), nil
	})
	a.handle("GET /voice/status", func(*http.Request) (any, error) { return a.voiceStatus(), nil })
}
