package satellite

// A spoken turn Home Assistant answers: the pipeline's Transcriber, Brain
// and Synthesizer, wrapped so that the utterance streams to Home Assistant
// and its answer audio is what the pipeline plays.

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/mycroft-network/mycroft/internal/wyoming"
	"github.com/mycroft-network/mycroft/voice"
	"github.com/mycroft-network/mycroft/voice/intent"
	"github.com/mycroft-network/mycroft/voice/tts"
)

// ErrHomeAssistant wraps the errors Home Assistant reported.
var ErrHomeAssistant = errors.New("satellite: Home Assistant")

// turn is what Home Assistant sent during one spoken turn.
type turn struct {
	conn    *haConn
	changed chan struct{}

	mu         sync.Mutex
	transcript *string
	text       string // synthesize: the answer's words
	format     wyoming.Audio
	audio      []byte
	started    bool
	done       bool // audio-stop after audio-start
	err        error
	answer     []int16 // the answer at 16 kHz mono, once done
	responded  bool    // Respond answered for it: any later question is not Home Assistant's
	handed     bool    // the answer was given to the pipeline
	played     bool    // played was sent
}

func newTurn(hc *haConn) *turn { return &turn{conn: hc, changed: make(chan struct{}, 1)} }

func (t *turn) poke() {
	select {
	case t.changed <- struct{}{}:
	default:
	}
}

func (t *turn) fail(err error) {
	t.mu.Lock()
	if t.err == nil {
		t.err = err
	}
	t.mu.Unlock()
	t.poke()
}

// event takes one of Home Assistant's events of the run.
func (t *turn) event(ev wyoming.Event) {
	t.mu.Lock()
	switch ev.Type {
	case wyoming.TypeTranscript:
		var tr wyoming.Transcript
		if err := ev.Decode(&tr); err == nil {
			text := strings.TrimSpace(tr.Text)
			t.transcript = &text
		}
	case wyoming.TypeSynthesize:
		var sy wyoming.Synthesize
		if err := ev.Decode(&sy); err == nil {
			t.text = strings.TrimSpace(sy.Text)
		}
	case wyoming.TypeAudioStart:
		// A new audio-start (Home Assistant restarted the answer) starts
		// over.
		_ = ev.Decode(&t.format)
		t.started, t.done, t.audio = true, false, nil
	case wyoming.TypeAudioChunk:
		if t.started && !t.done && len(t.audio)+len(ev.Payload) <= maxAnswer {
			t.audio = append(t.audio, ev.Payload...)
		}
	case wyoming.TypeAudioStop:
		if t.started {
			t.done = true
		}
	case wyoming.TypeError:
		var e wyoming.ErrorData
		_ = ev.Decode(&e)
		if t.err == nil {
			t.err = fmt.Errorf("%w: %s (%s)", ErrHomeAssistant, e.Text, e.Code)
		}
	}
	t.mu.Unlock()
	t.poke()
}

// wait waits until ok (under t.mu) holds, or the turn failed.
func (t *turn) wait(ctx context.Context, ok func() bool) error {
	for {
		t.mu.Lock()
		good, err := ok(), t.err
		t.mu.Unlock()
		if good {
			return nil
		}
		if err != nil {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.changed:
		}
	}
}

// open reports whether the turn still takes Home Assistant's events: not
// once its answer is complete or it failed.
func (t *turn) open() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	return !t.responded && !t.done && t.err == nil
}

func (t *turn) handedOver() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if !t.handed || t.played {
		return false
	}
	t.played = true
	return true
}

// Wrap returns the pipeline's Transcriber, Brain and Synthesizer with
// Home Assistant in: a spoken turn goes to Home Assistant when the owner
// chose it and it is connected and running the satellite; everything else
// (typed questions, other settings) goes to tr, br and syn. syn nil (no
// speaker) stays nil.
func (s *Satellite) Wrap(tr voice.Transcriber, br voice.Brain, syn voice.Synthesizer) (voice.Transcriber, voice.Brain, voice.Synthesizer) {
	var out voice.Synthesizer
	if syn != nil {
		out = &synth{s: s, inner: syn}
	}
	return &transcriber{s: s, inner: tr}, &brain{s: s, inner: br}, out
}

type transcriber struct {
	s     *Satellite
	inner voice.Transcriber
}

func (x *transcriber) Transcribe(ctx context.Context, grammar string, audio io.Reader) (voice.Transcript, error) {
	s := x.s
	s.mu.Lock()
	hc := s.conn
	useHA := s.cfg.Answers == AnswersHomeAssistant && hc != nil && s.running
	var t *turn
	if useHA {
		t = newTurn(hc)
	}
	s.turn = t
	pipe := s.pipe
	s.mu.Unlock()
	if !useHA {
		s.stats.Local.Add(1)
		if x.inner == nil {
			return voice.Transcript{}, errors.New("satellite: Home Assistant is not connected and the device has no speech-to-text")
		}
		return x.inner.Transcribe(ctx, grammar, audio)
	}
	s.stats.Turns.Add(1)
	text, err := s.stream(ctx, t, pipe, audio)
	if err != nil {
		s.endTurn(t)
		return voice.Transcript{}, err
	}
	return voice.Transcript{Text: text}, nil
}

// stream sends the utterance to Home Assistant as it is spoken and
// returns its transcript.
func (s *Satellite) stream(ctx context.Context, t *turn, pipe Pipeline, audio io.Reader) (string, error) {
	hc := t.conn
	wake := ""
	if pipe != nil {
		if in, ok := pipe.LastInteraction(); ok && in.Trigger == "wake" {
			wake = s.cfg.WakeWord
		}
	}
	if wake != "" {
		if err := hc.write(wyoming.TypeDetection, wyoming.Detection{Name: wake}, nil); err != nil {
			return "", err
		}
	}
	if err := hc.write(wyoming.TypeRunPipeline, wyoming.RunPipeline{StartStage: wyoming.StageASR, EndStage: wyoming.StageTTS, WakeWordName: wake}, nil); err != nil {
		return "", err
	}
	format := func(ms int64) wyoming.Audio {
		return wyoming.Audio{Rate: 16000, Width: 2, Channels: 1, Timestamp: &ms}
	}
	if err := hc.write(wyoming.TypeAudioStart, format(0), nil); err != nil {
		return "", err
	}
	buf := make([]byte, chunkBytes)
	var sent int64
	heard := false // Home Assistant has its transcript: the rest is drained, not sent
	for {
		n, rerr := audio.Read(buf)
		if !heard {
			t.mu.Lock()
			heard = t.transcript != nil || t.err != nil
			t.mu.Unlock()
		}
		if n > 0 && !heard {
			if err := hc.write(wyoming.TypeAudioChunk, format(sent/32), buf[:n]); err != nil {
				return "", err
			}
			sent += int64(n)
		}
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			// Cut short (mute, no speech, shutdown): Home Assistant is
			// told the stream ended.
			_ = hc.write(wyoming.TypeAudioStop, format(sent/32), nil)
			return "", rerr
		}
	}
	if err := hc.write(wyoming.TypeAudioStop, format(sent/32), nil); err != nil {
		return "", err
	}
	if err := t.wait(ctx, func() bool { return t.transcript != nil }); err != nil {
		return "", err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	return *t.transcript, nil
}

func (s *Satellite) endTurn(t *turn) {
	s.mu.Lock()
	if s.turn == t {
		s.turn = nil
	}
	s.mu.Unlock()
}

type brain struct {
	s     *Satellite
	inner voice.Brain
}

func (b *brain) Grammar() string { return b.inner.Grammar() }

func (b *brain) Respond(ctx context.Context, text string) (intent.Reply, error) {
	s := b.s
	s.mu.Lock()
	t := s.turn
	if t != nil {
		t.mu.Lock()
		mine := !t.responded && t.transcript != nil && *t.transcript == strings.TrimSpace(text)
		t.mu.Unlock()
		if !mine {
			s.turn, t = nil, nil // a typed question after Home Assistant's turn
		}
	}
	s.mu.Unlock()
	if t == nil {
		return b.inner.Respond(ctx, text)
	}
	if err := t.wait(ctx, func() bool { return t.done }); err != nil {
		s.endTurn(t)
		return intent.Reply{}, err
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	pcm, err := toVoice(t.audio, t.format)
	if err != nil {
		s.endTurn(t)
		return intent.Reply{}, err
	}
	t.answer = pcm
	t.responded = true
	said := t.text
	if said == "" {
		said = "(Home Assistant's answer)"
	}
	return intent.Reply{Text: said}, nil
}

// toVoice converts Home Assistant's answer (16-bit PCM, any rate and
// channel count) to 16 kHz mono.
func toVoice(b []byte, f wyoming.Audio) ([]int16, error) {
	if f.Width != 2 || f.Rate <= 0 || f.Channels <= 0 {
		return nil, fmt.Errorf("%w: answer audio of width %d, rate %d, %d channels: want 16-bit PCM", ErrHomeAssistant, f.Width, f.Rate, f.Channels)
	}
	frame := 2 * f.Channels
	pcm := make([]int16, 0, len(b)/frame)
	for i := 0; i+frame <= len(b); i += frame {
		pcm = append(pcm, int16(binary.LittleEndian.Uint16(b[i:]))) // the first channel
	}
	if f.Rate != 16000 {
		pcm = tts.Resample(pcm, f.Rate, 16000)
	}
	if pcm == nil {
		pcm = []int16{}
	}
	return pcm, nil
}

type synth struct {
	s     *Satellite
	inner voice.Synthesizer
}

// Synthesize gives Home Assistant's answer audio for the first sentence of
// its turn's answer and nothing for the others; any other text is
// synthesised on the device.
func (v *synth) Synthesize(ctx context.Context, text string) ([]int16, error) {
	v.s.mu.Lock()
	t := v.s.turn
	v.s.mu.Unlock()
	if t != nil {
		t.mu.Lock()
		answer, first := t.answer, !t.handed && t.answer != nil
		if answer != nil {
			t.handed = true
		}
		t.mu.Unlock()
		if first {
			return answer, nil
		}
		if answer != nil {
			return nil, nil
		}
	}
	return v.inner.Synthesize(ctx, text)
}
