package voice

// The worker of one interaction: recognise, respond, speak and wait for a
// confirming press; it reports to the pipeline's loop through events.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync/atomic"

	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/voice/intent"
	"github.com/mycroft-network/mycroft/voice/tts"
)

// post sends a worker event to the Run loop.
func (p *Pipeline) post(s *session, kind evKind, err error) {
	select {
	case p.events <- workerEvent{sess: s, kind: kind, err: err}:
	case <-s.ctx.Done():
	}
}

// Phrases the pipeline speaks itself.
const (
	SayNotUnderstood = "Sorry, I didn't catch that."
	SayCancelled     = "Cancelled."
)

// work runs one interaction after its trigger: transcription (for voice),
// storage, the brain, speech, and a confirmation when the reply asks one.
func (p *Pipeline) work(s *session) {
	ctx := s.ctx
	// Thinking has a deadline on the injected clock, counted from the end
	// of the utterance (for typed questions, from now).
	think, stopThinking := context.WithCancel(ctx)
	defer stopThinking()
	var timedOut atomic.Bool
	var ended <-chan struct{}
	if s.stream != nil {
		ended = s.stream.ended
	} else {
		closed := make(chan struct{})
		close(closed)
		ended = closed
	}
	go func() {
		select {
		case <-ended:
		case <-think.Done():
			return
		}
		select {
		case <-p.cfg.Clock.After(p.cfg.ThinkTimeout):
			timedOut.Store(true)
			stopThinking()
		case <-think.Done():
		}
	}()
	late := func(err error) error {
		if timedOut.Load() {
			return fmt.Errorf("%w (%v)", ErrThinkTimeout, p.cfg.ThinkTimeout)
		}
		return err
	}
	var text string
	if s.stream != nil {
		tr, err := p.cfg.Transcriber.Transcribe(think, p.grammar, s.stream)
		if ctx.Err() != nil {
			return
		}
		if err != nil {
			p.post(s, evError, late(fmt.Errorf("voice: transcribe: %w", err)))
			return
		}
		if p.cfg.Store != nil {
			if _, err := p.cfg.Store.Put(s.at, s.stream.pcm()); err != nil {
				p.log.Warn("voice: keep utterance", "err", err)
			}
		}
		text = strings.TrimSpace(tr.Text)
		p.note(s, func(r *Interaction) { r.Transcript = text })
	} else {
		text = s.ask.text
	}
	reply, err := p.respond(think, text)
	if ctx.Err() != nil {
		return
	}
	if err != nil {
		err = late(err)
		if s.ask != nil {
			s.ask.answer(askResult{err: err})
		}
		p.post(s, evError, err)
		return
	}
	if timedOut.Load() {
		p.finish(s, "", late(nil))
		return
	}
	stopThinking()
	spoken := reply.Text
	if err := p.say(s, reply.Text); err != nil {
		p.finish(s, spoken, err)
		return
	}
	if c := reply.Confirm; c != nil {
		spoken = strings.TrimSpace(spoken + " " + c.Prompt)
		if err := p.say(s, c.Prompt); err != nil {
			p.finish(s, spoken, err)
			return
		}
		// A typed question gets its answer now, prompt included: the
		// outcome of the wait is spoken, and typing "confirm" (a new
		// question, which ends the wait) works without waiting for it.
		if s.ask != nil {
			s.ask.answer(askResult{text: spoken})
		}
		ch := make(chan confirmOutcome, 1)
		select {
		case p.events <- workerEvent{sess: s, kind: evConfirm, confirm: ch}:
		case <-ctx.Done():
			return
		}
		outcome := confirmTimedOut
		select {
		case outcome = <-ch:
		case <-p.cfg.Clock.After(p.cfg.ConfirmTimeout):
		case <-ctx.Done():
			return
		}
		p.post(s, evConfirmed, nil)
		if outcome == confirmSuperseded {
			p.finish(s, spoken, nil)
			return
		}
		var next intent.Reply
		if outcome == confirmPressed {
			p.post(s, evThinking, nil)
			next, err = c.Do(ctx)
			if err != nil {
				p.finish(s, spoken, fmt.Errorf("voice: confirmed action: %w", err))
				return
			}
		} else {
			next.Text = c.Cancelled
			if next.Text == "" {
				next.Text = SayCancelled
			}
		}
		spoken = strings.TrimSpace(spoken + " " + next.Text)
		if err := p.say(s, next.Text); err != nil {
			p.finish(s, spoken, err)
			return
		}
	}
	p.finish(s, spoken, nil)
}

func (p *Pipeline) respond(ctx context.Context, text string) (intent.Reply, error) {
	if text == "" {
		return intent.Reply{Text: SayNotUnderstood}, nil
	}
	reply, err := p.cfg.Brain.Respond(ctx, text)
	if errors.Is(err, intent.ErrNoMatch) {
		return intent.Reply{Text: SayNotUnderstood}, nil
	}
	if err != nil {
		return intent.Reply{}, fmt.Errorf("voice: respond: %w", err)
	}
	return reply, nil
}

// finish reports the end of an interaction (err: it failed).
func (p *Pipeline) finish(s *session, spoken string, err error) {
	p.note(s, func(r *Interaction) { r.Reply = spoken })
	if s.ask != nil {
		s.ask.answer(askResult{text: spoken, err: err})
	}
	if err != nil {
		p.post(s, evError, err)
		return
	}
	p.post(s, evDone, nil)
}

// say speaks text with the microphone gated.
func (p *Pipeline) say(s *session, text string) error {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil
	}
	p.log.Info("voice: say", "chars", len(text))
	if p.cfg.Voice == nil || p.cfg.Speaker == nil {
		p.post(s, evSpeaking, nil)
		return nil
	}
	pcm, err := p.cfg.Voice.Synthesize(s.ctx, text)
	if err != nil {
		return fmt.Errorf("voice: synthesize: %w", err)
	}
	p.post(s, evSpeaking, nil)
	p.gated.Store(true)
	defer p.gated.Store(false)
	return p.play(s.ctx, pcm)
}

// play writes 16 kHz mono samples to the speaker in 100 ms pieces,
// converting to the speaker's format, and halts it when ctx ends.
func (p *Pipeline) play(ctx context.Context, pcm []int16) error {
	sp := p.cfg.Speaker
	f := sp.Format()
	if f.Rate > 0 && f.Rate != hal.Voice.Rate {
		pcm = tts.Resample(pcm, hal.Voice.Rate, f.Rate)
	}
	ch := max(f.Channels, 1)
	rate := f.Rate
	if rate <= 0 {
		rate = hal.Voice.Rate
	}
	step := rate / 10
	buf := make([]int16, 0, step*ch)
	for len(pcm) > 0 {
		if ctx.Err() != nil {
			_ = sp.Halt()
			return nil
		}
		n := min(step, len(pcm))
		buf = buf[:0]
		for _, v := range pcm[:n] {
			for range ch {
				buf = append(buf, v)
			}
		}
		for off := 0; off < len(buf); {
			w, err := sp.Write(buf[off:])
			if err != nil {
				return fmt.Errorf("voice: speaker: %w", err)
			}
			if w <= 0 {
				return fmt.Errorf("voice: speaker: %w", io.ErrShortWrite)
			}
			off += w
		}
		pcm = pcm[n:]
	}
	return nil
}
