package board

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/term"

	"github.com/mycroft-network/mycroft/board/alsa"
	"github.com/mycroft-network/mycroft/board/mark1"
	"github.com/mycroft-network/mycroft/board/mark2"
	"github.com/mycroft-network/mycroft/board/portaudio"
	"github.com/mycroft-network/mycroft/board/sim"
	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/internal/oneline"
)

// Kinds of board.
const (
	KindAuto  = "auto"
	KindMark1 = "mark1"
	KindMark2 = "mark2"
	KindSim   = "sim"
)

// ErrKind reports an unknown Config.Kind.
var ErrKind = errors.New("board: unknown kind (want auto, mark1, mark2 or sim)")

// Config selects and configures the board. It mirrors the agent's [board]
// table.
type Config struct {
	// Kind is "auto" (the default), "mark1", "mark2" or "sim".
	Kind string
	// SerialPort is the Mark I Arduino's tty (mark1.DefaultPort).
	SerialPort string
	// MixerCard is the Mark I's sound card, by name or index as in
	// /proc/asound/cards (DefaultMark1Card when empty).
	MixerCard string
	// MixerControl is the Mark I's playback volume control
	// (alsa.DefaultControls, tried in order, when empty).
	MixerControl string
	// XMOSFirmware is the Mark II XVF3510 boot image.
	XMOSFirmware string
	// ThermalZone is the SoC temperature file (Mark II fan).
	ThermalZone string
	// SimFace is the simulated faceplate style, "mark1" or "mark2".
	SimFace string
	// SimMic is the simulator's microphone: "" (pushed samples), a 16 kHz
	// WAV file, or "portaudio".
	SimMic string
	// SimSpeaker is the simulator's speaker: "" (discard), a WAV file to
	// write, or "portaudio".
	SimSpeaker string
	// SimKeyboard reads keys from Stdin (space, +, -, m, q).
	SimKeyboard bool
	// Stdin and Stdout are the simulator's terminal. When nil, os.Stdin
	// is used, and os.Stdout only if it is a terminal (otherwise the face
	// is not drawn).
	Stdin  io.Reader
	Stdout io.Writer
	// OnQuit is called when q is pressed on the simulator's keyboard.
	OnQuit func()
	// OnMenu receives the Mark I's on-device menu choices (unit.reboot,
	// unit.shutdown, ...). They are logged when nil.
	OnMenu func(item string)
	// DetectTimeout bounds the Mark I handshake while detecting (2 s when
	// zero). A configured "mark1" waits 5 s.
	DetectTimeout time.Duration
	// ModelPath is the device-tree model file that names the computer
	// (DefaultModelPath when empty). Auto detection reads it to decide
	// which board to probe first.
	ModelPath string
	// Log receives detection results and warnings; slog.Default() when nil.
	Log *slog.Logger
}

// DefaultModelPath is where Linux exposes the device tree's model string
// ("Raspberry Pi 4 Model B Rev 1.4").
const DefaultModelPath = "/proc/device-tree/model"

// Candidate is the board a computer model suggests.
type Candidate int

// Candidates.
const (
	CandidateUnknown Candidate = iota // not a Raspberry Pi we know: probe both
	CandidateMark1                    // a Raspberry Pi 3: the Mark I's computer
	CandidateMark2                    // a Raspberry Pi 4: the Mark II's computer
)

func (c Candidate) String() string {
	switch c {
	case CandidateMark1:
		return KindMark1
	case CandidateMark2:
		return KindMark2
	}
	return "unknown"
}

// ReadModel reads the device-tree model file at path (DefaultModelPath
// when empty) and returns the model string and the board it suggests. A
// missing file (not a device-tree machine) is not an error: it returns
// "", CandidateUnknown, nil.
func ReadModel(path string) (string, Candidate, error) {
	if path == "" {
		path = DefaultModelPath
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "", CandidateUnknown, nil
	}
	if err != nil {
		return "", CandidateUnknown, fmt.Errorf("board: read model: %w", err)
	}
	if len(b) > 256 {
		b = b[:256]
	}
	model := strings.TrimSpace(strings.TrimRight(string(b), "\x00"))
	model = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == utf8.RuneError {
			return -1
		}
		return r
	}, model)
	return model, ModelCandidate(model), nil
}

// ModelCandidate maps a device-tree model string onto the board it
// suggests: a Raspberry Pi 3 (any variant) is a Mark I candidate, a
// Raspberry Pi 4 a Mark II candidate. The probes still decide.
func ModelCandidate(model string) Candidate {
	switch {
	case strings.HasPrefix(model, "Raspberry Pi 3"):
		return CandidateMark1
	case strings.HasPrefix(model, "Raspberry Pi 4"):
		return CandidateMark2
	}
	return CandidateUnknown
}

// Hooks replaced by tests: detection and opening of the real hardware.
var (
	detectMark2 = mark2.Detect
	openMark2   = mark2.Open
	openMic     = func() (hal.Mic, func() error, error) {
		m, err := portaudio.OpenMic(hal.Voice)
		if err != nil {
			return nil, nil, err
		}
		return m, m.Close, nil
	}
	// mark1After times the Mark I handshake and its retries (time.After
	// when nil).
	mark1After func(time.Duration) <-chan time.Time
	// openMixer opens the Mark I's ALSA mixer.
	openMixer = func(cfg alsa.Config) (hal.Volume, func() error, string, error) {
		m, err := alsa.Open(cfg)
		if err != nil {
			return nil, nil, "", err
		}
		return m, m.Close, m.Describe(), nil
	}
	openSpeaker = func() (hal.Speaker, func() error, error) {
		s, err := portaudio.OpenSpeaker(hal.Voice)
		if err != nil {
			return nil, nil, err
		}
		return s, s.Close, nil
	}
)

// Open opens the board cfg selects. With "auto" it probes for a Mark II,
// then a Mark I, and otherwise opens the simulator and says so in
// Warnings. Every warning, opening or live (Check), is one line
// (oneline.Flatten).
func Open(ctx context.Context, cfg Config) (*hal.Board, error) {
	b, err := open(ctx, cfg)
	if err != nil {
		return nil, err
	}
	oneline.All(b.Warnings)
	if check := b.Check; check != nil {
		b.Check = func() []string { return oneline.All(check()) }
	}
	return b, nil
}

func open(ctx context.Context, cfg Config) (*hal.Board, error) {
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if cfg.SerialPort == "" {
		cfg.SerialPort = mark1.DefaultPort
	}
	switch cfg.Kind {
	case "", KindAuto:
		return openAuto(ctx, cfg)
	case KindMark1:
		return openMark1(ctx, cfg, nil, 0)
	case KindMark2:
		return openMark2Board(ctx, cfg)
	case KindSim:
		return openSim(cfg, nil)
	}
	return nil, fmt.Errorf("%w: %q", ErrKind, cfg.Kind)
}

func openAuto(ctx context.Context, cfg Config) (*hal.Board, error) {
	var notes []string
	model, cand, err := ReadModel(cfg.ModelPath)
	if err != nil {
		notes = append(notes, err.Error())
	}
	cfg.Log.Info("board: detect", "model", model, "candidate", cand)
	// A Raspberry Pi 3 is a Mark I candidate: ask the Arduino first, and
	// only then probe I2C. Anything else probes the SJ201 first (cheap,
	// and a Pi 4 is a Mark II candidate).
	if cand == CandidateMark1 {
		b, note, err := tryMark1(ctx, cfg)
		if b != nil || err != nil {
			return b, err
		}
		notes = append(notes, note)
	}
	rev, ok, err := detectMark2(ctx)
	switch {
	case err != nil:
		notes = append(notes, fmt.Sprintf("no Mark II: %v", err))
	case ok:
		cfg.Log.Info("board: Mark II detected", "revision", rev)
		return openMark2Board(ctx, cfg)
	default:
		notes = append(notes, "no Mark II: no SJ201 on I2C bus 1")
	}
	if cand != CandidateMark1 {
		b, note, err := tryMark1(ctx, cfg)
		if b != nil || err != nil {
			return b, err
		}
		notes = append(notes, note)
	}
	for _, n := range notes {
		cfg.Log.Info("board: detect", "result", n)
	}
	warn := "board: no Mark I or Mark II found; running the simulated board"
	if cand != CandidateUnknown {
		warn = fmt.Sprintf("board: %s is a %s candidate but neither board answered (%s); running the simulated board",
			model, cand, strings.Join(notes, "; "))
	}
	return openSim(cfg, []string{warn})
}

// tryMark1 looks for the Mark I's Arduino: the serial port must exist and
// answer the handshake. It returns the board, or a note saying why not,
// or an error when ctx ended.
func tryMark1(ctx context.Context, cfg Config) (*hal.Board, string, error) {
	if _, err := os.Stat(cfg.SerialPort); err != nil {
		return nil, fmt.Sprintf("no Mark I: %s: %v", cfg.SerialPort, err), nil
	}
	timeout := cfg.DetectTimeout
	if timeout <= 0 {
		timeout = 2 * time.Second
	}
	enc, err := mark1.Open(ctx, mark1Config(cfg, timeout, false))
	if err == nil {
		cfg.Log.Info("board: Mark I detected", "firmware", enc.Version())
		b, err := openMark1(ctx, cfg, enc, timeout)
		return b, "", err
	}
	if ctx.Err() != nil {
		return nil, "", fmt.Errorf("board: detect: %w", ctx.Err())
	}
	return nil, fmt.Sprintf("no Mark I: %v", err), nil
}

// mark1Config is the enclosure's configuration; keepTrying for a
// configured Mark I (a late Arduino is waited for), not while detecting.
func mark1Config(cfg Config, timeout time.Duration, keepTrying bool) mark1.Config {
	onMenu := cfg.OnMenu
	log := cfg.Log
	return mark1.Config{
		Port:             cfg.SerialPort,
		HandshakeTimeout: timeout,
		KeepTrying:       keepTrying,
		After:            mark1After,
		Log:              log,
		OnMessage: func(m mark1.Message) {
			switch {
			case m.Kind == mark1.MsgMenu && onMenu != nil:
				onMenu(m.Text)
			default:
				log.Info("mark1: enclosure message", "kind", m.Kind, "text", m.Text, "level", m.Level)
			}
		},
	}
}

// openMark1 builds the Mark I board: the enclosure (opened here unless
// given) for the face and buttons, portaudio for the audio. Whatever is
// missing is a warning. An Arduino that does not answer yet is waited for
// in the background, and Check says so meanwhile.
func openMark1(ctx context.Context, cfg Config, enc *mark1.Enclosure, timeout time.Duration) (*hal.Board, error) {
	b := &hal.Board{Name: KindMark1}
	var closers []func() error
	if enc == nil {
		var err error
		enc, err = mark1.Open(ctx, mark1Config(cfg, timeout, true))
		if err != nil {
			if ctx.Err() != nil {
				return nil, fmt.Errorf("board: mark1: %w", ctx.Err())
			}
			b.Warnings = append(b.Warnings, fmt.Sprintf("faceplate and buttons: %v", err))
		}
	}
	var checks []func() string
	if enc != nil {
		b.Faceplate, b.Buttons, b.Revision = enc, enc, enc.Version()
		closers = append(closers, enc.Close)
		port := cfg.SerialPort
		checks = append(checks, func() string { return mark1Status(enc, port) })
	}
	closers, checks = addAudio(b, closers, checks)
	closers = addMark1Volume(b, cfg, closers)
	b.Close = closeAll(closers)
	b.Check = joinChecks(checks)
	return b, nil
}

// DefaultMark1Card is the ALSA card of the Mark I's WM8731 codec (the
// rpi-proto overlay's card id).
const DefaultMark1Card = "sndrpiproto"

// addMark1Volume gives the Mark I the volume of its sound card's mixer.
// When the mixer cannot be opened the board says so in Warnings, and its
// Volume fails with an error the volume skill speaks, rather than
// pretending.
func addMark1Volume(b *hal.Board, cfg Config, closers []func() error) []func() error {
	mc := alsa.Config{Card: cfg.MixerCard}
	if mc.Card == "" {
		mc.Card = DefaultMark1Card
	}
	if cfg.MixerControl != "" {
		mc.Controls = []string{cfg.MixerControl}
	}
	v, closeFn, desc, err := openMixer(mc)
	if err != nil {
		b.Volume = alsa.Unavailable{Err: err}
		b.Warnings = append(b.Warnings, fmt.Sprintf("volume: the Mark I's mixer is unavailable, so volume commands say so (set board.mixer_card / board.mixer_control): %v", err))
		return closers
	}
	cfg.Log.Info("board: mark1 volume", "mixer", desc)
	b.Volume = v
	return append(closers, closeFn)
}

// mark1Status is the live warning about the enclosure ("" when it is up).
func mark1Status(enc interface {
	Connected() bool
	Answered() bool
	LastError() error
}, port string) string {
	switch {
	case enc.Connected():
		return ""
	case !enc.Answered():
		msg := fmt.Sprintf("faceplate and buttons: waiting for the faceplate: the Arduino on %s has not answered yet (still starting, or not connected); retrying", port)
		if err := enc.LastError(); err != nil {
			msg += fmt.Sprintf(" (%v)", err)
		}
		return msg
	}
	return "faceplate and buttons: the Arduino's serial line is down (unplugged or reset); reconnecting"
}

// counted is a portaudio device's view of what it lost.
type counted interface{ Counters() portaudio.Counters }

// addAudio fills a board's missing Mic and Speaker from portaudio, and adds
// a check of their overrun counters.
func addAudio(b *hal.Board, closers []func() error, checks []func() string) ([]func() error, []func() string) {
	if b.Mic == nil {
		if m, c, err := openMic(); err != nil {
			b.Warnings = append(b.Warnings, fmt.Sprintf("microphone: %v", err))
		} else {
			b.Mic = m
			closers = append(closers, c)
			if d, ok := m.(counted); ok {
				checks = append(checks, func() string {
					if n := d.Counters().Overflows; n > 0 {
						return fmt.Sprintf("microphone: %d input overflows since start (audio was lost: the CPU or the SD card is too busy)", n)
					}
					return ""
				})
			}
		}
	}
	if b.Speaker == nil {
		if s, c, err := openSpeaker(); err != nil {
			b.Warnings = append(b.Warnings, fmt.Sprintf("speaker: %v", err))
		} else {
			b.Speaker = s
			closers = append(closers, c)
			if d, ok := s.(counted); ok {
				checks = append(checks, func() string {
					if n := d.Counters().Underflows; n > 0 {
						return fmt.Sprintf("speaker: %d output underflows since start (answers stuttered)", n)
					}
					return ""
				})
			}
		}
	}
	return closers, checks
}

// joinChecks is a Board.Check running every check (nil for none).
func joinChecks(checks []func() string) func() []string {
	if len(checks) == 0 {
		return nil
	}
	return func() []string {
		var out []string
		for _, c := range checks {
			if msg := c(); msg != "" {
				out = append(out, msg)
			}
		}
		return out
	}
}

func openMark2Board(ctx context.Context, cfg Config) (*hal.Board, error) {
	b, err := openMark2(ctx, mark2.Config{XMOSFirmware: cfg.XMOSFirmware, ThermalPath: cfg.ThermalZone, Log: cfg.Log})
	if err != nil {
		return nil, fmt.Errorf("board: %w", err)
	}
	var closers []func() error
	if b.Close != nil {
		closers = append(closers, b.Close)
	}
	own := b.Check
	closers, checks := addAudio(b, closers, nil)
	b.Check = joinChecks(checks)
	if own != nil { // the board's own live checks come first
		audio := b.Check
		b.Check = func() []string {
			out := own()
			if audio != nil {
				out = append(out, audio()...)
			}
			return out
		}
	}
	if b.Mic != nil && b.Speaker != nil {
		b.Warnings = slices.DeleteFunc(b.Warnings, func(w string) bool { return w == mark2.WarnAudio })
	}
	if b.Mic != nil && b.Mute != nil {
		b.Mic = &mutedMic{Mic: b.Mic, mute: b.Mute}
	}
	b.Close = closeAll(closers)
	return b, nil
}

func openSim(cfg Config, warnings []string) (*hal.Board, error) {
	sc := sim.Config{Face: cfg.SimFace, Mic: cfg.SimMic, Speaker: cfg.SimSpeaker, OnQuit: cfg.OnQuit, Log: cfg.Log}
	sc.Out = cfg.Stdout
	if sc.Out == nil && term.IsTerminal(int(os.Stdout.Fd())) {
		// Only on a terminal: a daemon's stdout is the journal, which
		// should not get a drawing at every state change.
		sc.Out = os.Stdout
	}
	if cfg.SimKeyboard {
		sc.Keys = cfg.Stdin
		if sc.Keys == nil {
			sc.Keys = os.Stdin
		}
	}
	b, err := sim.Open(sc)
	if err != nil {
		return nil, fmt.Errorf("board: %w", err)
	}
	b.Warnings = append(warnings, b.Warnings...)
	return b, nil
}

// closeAll closes in reverse order and joins the errors.
func closeAll(closers []func() error) func() error {
	return func() error {
		var errs []error
		for i := len(closers) - 1; i >= 0; i-- {
			errs = append(errs, closers[i]())
		}
		closers = nil
		return errors.Join(errs...)
	}
}

// mutedMic makes a microphone report hal.ErrMuted while the board's mute
// switch is on (the Mark II switch cuts the microphones in hardware; the
// agent must also know it).
type mutedMic struct {
	hal.Mic
	mute hal.Switch
}

func (m *mutedMic) Read(p []int16) (int, error) {
	n, err := m.Mic.Read(p)
	if on, serr := m.mute.State(); serr == nil && on {
		return 0, hal.ErrMuted
	}
	return n, err
}
