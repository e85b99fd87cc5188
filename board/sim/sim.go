package sim

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"time"

	"golang.org/x/term"

	"github.com/mycroft-network/mycroft/board/portaudio"
	"github.com/mycroft-network/mycroft/hal"
)

// Sources and sinks named in Config.
const (
	// PortAudio as Config.Mic or Config.Speaker uses the default sound
	// device (needs a binary built with the portaudio tag).
	PortAudio = "portaudio"
)

// Config configures the simulated board. The zero value is a silent board
// with no terminal: a pushed-samples mic, a discarding speaker, a faceplate
// that draws nowhere.
type Config struct {
	// Face is the faceplate style: "mark1" (default) or "mark2".
	Face string
	// Out receives the faceplate drawing (nil: not drawn). When it is a
	// terminal the face is redrawn in place and animated.
	Out io.Writer
	// Keys is read for keystrokes (nil: no keyboard). A terminal is put
	// in raw mode until Close.
	Keys io.Reader
	// Mic is "" (samples pushed with Mic.Push, silence otherwise), a path
	// to a 16 kHz WAV file (played once, then io.EOF), or "portaudio".
	Mic string
	// Speaker is "" (discard), a path to a WAV file to write, or
	// "portaudio".
	Speaker string
	// Fast makes the mic and the speaker run as fast as they are read
	// and written instead of in real time (tests).
	Fast bool
	// OnQuit is called when q or Ctrl-C is pressed.
	OnQuit func()
	// Log receives warnings; slog.Default() when nil.
	Log *slog.Logger
}

// Sim is an open simulated board. Its fields are the concrete devices, for
// programs (the demo, tests) that drive them: Mic.Push to speak,
// Buttons.Click to press, Mute.Set to flip the switch.
type Sim struct {
	Style     Style
	Faceplate *Faceplate
	Buttons   *Buttons
	Mute      *Switch
	Volume    *Volume
	// Mic is the programmable mic; nil when Config.Mic is "portaudio".
	Mic *Mic
	// Speaker is the WAV or discarding speaker; nil with "portaudio".
	Speaker *Speaker

	board    *hal.Board
	cancel   context.CancelFunc
	wg       sync.WaitGroup
	restore  func()
	closers  []func() error
	closeErr error
	once     sync.Once
}

// isTerminal reports whether v is an *os.File on a terminal.
func isTerminal(v any) (*os.File, bool) {
	f, ok := v.(*os.File)
	return f, ok && term.IsTerminal(int(f.Fd()))
}

// New opens the simulated board. A device that cannot be opened (no
// portaudio) is left out with a warning in Board().Warnings.
func New(cfg Config) (*Sim, error) {
	style, err := ParseStyle(cfg.Face)
	if err != nil {
		return nil, err
	}
	log := cfg.Log
	if log == nil {
		log = slog.Default()
	}
	ctx, cancel := context.WithCancel(context.Background())
	s := &Sim{
		Style:   style,
		Buttons: NewButtons(),
		Mute:    NewSwitch(false),
		Volume:  NewVolume(50),
		cancel:  cancel,
	}
	_, outTTY := isTerminal(cfg.Out)
	s.Faceplate = NewFaceplate(cfg.Out, style, outTTY)
	b := &hal.Board{Name: "sim", Revision: string(style), Faceplate: s.Faceplate,
		Buttons: s.Buttons, Mute: s.Mute, Volume: s.Volume, Close: s.Close}
	fail := func(err error) (*Sim, error) {
		s.Close()
		return nil, err
	}

	switch cfg.Mic {
	case PortAudio:
		m, err := portaudio.OpenMic(hal.Voice)
		if err != nil {
			b.Warnings = append(b.Warnings, fmt.Sprintf("microphone: %v", err))
			break
		}
		b.Mic = &mutedMic{Mic: m, mute: s.Mute}
		s.closers = append(s.closers, m.Close)
	default:
		s.Mic = NewMic(!cfg.Fast)
		s.Mic.SetMute(s.Mute)
		if cfg.Mic != "" {
			if err := s.Mic.PushWAV(cfg.Mic); err != nil {
				return fail(err)
			}
			s.Mic.EndWhenDrained()
		}
		b.Mic = s.Mic
	}

	switch cfg.Speaker {
	case PortAudio:
		sp, err := portaudio.OpenSpeaker(hal.Voice)
		if err != nil {
			b.Warnings = append(b.Warnings, fmt.Sprintf("speaker: %v", err))
			break
		}
		b.Speaker = sp
		s.closers = append(s.closers, sp.Close)
	default:
		sp, err := NewSpeaker(cfg.Speaker, !cfg.Fast)
		if err != nil {
			return fail(err)
		}
		s.Speaker = sp
		b.Speaker = sp
		s.closers = append(s.closers, sp.Close)
	}

	if cfg.Keys != nil {
		if f, ok := isTerminal(cfg.Keys); ok {
			old, err := MakeRaw(int(f.Fd()))
			if err != nil {
				b.Warnings = append(b.Warnings, fmt.Sprintf("keyboard: raw mode: %v", err))
			} else {
				s.restore = func() { _ = term.Restore(int(f.Fd()), old) } // best effort at exit
			}
		}
		// Not waited for by Close: a read from a terminal cannot be
		// interrupted; the goroutine ends with its reader.
		go func() {
			if err := ReadKeys(cfg.Keys, s.Buttons, s.Mute, cfg.OnQuit); err != nil {
				log.Warn("sim: keyboard stopped", "err", err)
			}
		}()
	}
	if outTTY {
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			s.Faceplate.Animate(ctx, 150*time.Millisecond)
		}()
	}
	s.board = b
	return s, nil
}

// Open opens the simulated board and returns it as a hal.Board.
func Open(cfg Config) (*hal.Board, error) {
	s, err := New(cfg)
	if err != nil {
		return nil, err
	}
	return s.Board(), nil
}

// Board returns the devices as a hal.Board whose Close closes the Sim.
func (s *Sim) Board() *hal.Board { return s.board }

// Close stops the animation, restores the terminal, and closes the audio
// devices (finishing the speaker's WAV file). The keyboard goroutine ends
// when its reader does.
func (s *Sim) Close() error {
	s.once.Do(func() {
		s.cancel()
		s.wg.Wait()
		if s.restore != nil {
			s.restore()
		}
		var errs []error
		for _, c := range s.closers {
			errs = append(errs, c())
		}
		s.closeErr = errors.Join(errs...)
	})
	return s.closeErr
}

// mutedMic makes a real microphone follow the simulated mute switch.
type mutedMic struct {
	*portaudio.Mic
	mute hal.Switch
}

func (m *mutedMic) Read(p []int16) (int, error) {
	n, err := m.Mic.Read(p)
	if on, _ := m.mute.State(); on && err == nil {
		return 0, hal.ErrMuted
	}
	return n, err
}
