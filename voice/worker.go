package voice

// The worker of one interaction: recognise, respond, speak and wait for a
// confirming press; it reports to the pipeline's loop through events.

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"

	"github.com/mycroft-network/mycroft/voice/intent"
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
		tr, err := p.cfg.Transcriber.Transcribe(think, p.cfg.Brain.Grammar(), s.stream)
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
	if reply.Stop {
		// "stop": nothing more is said (what was playing stopped when this
		// interaction began) and the device goes back to idle.
		p.finish(s, "", nil)
		return
	}
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
