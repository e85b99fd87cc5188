package voice

// What starts, ends or interrupts an interaction: the action and volume
// buttons, the wake word and typed questions. While the device speaks, each
// of them interrupts it (barge-in).

import (
	"context"

	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/internal/wyoming"
)

// Ask handles a typed utterance as if it had been heard: the reply is
// spoken and returned. While the device speaks or plays a sound, Ask
// interrupts it (a typed "stop" silences it). It fails with ErrBusy while
// another interaction listens or thinks and waits (bounded by ctx) when Run
// has not started yet.
func (p *Pipeline) Ask(ctx context.Context, text string) (string, error) {
	return p.ask1(ctx, &askReq{text: text, reply: make(chan askResult, 1)})
}

// Announce is Ask for the device's own initiative (a timer saying what
// rang): it never interrupts, failing with ErrBusy while anything else is
// in progress, and is itself cut short like any speech (ErrInterrupted).
func (p *Pipeline) Announce(ctx context.Context, text string) (string, error) {
	return p.ask1(ctx, &askReq{text: text, polite: true, reply: make(chan askResult, 1)})
}

func (p *Pipeline) ask1(ctx context.Context, req *askReq) (string, error) {
	select {
	case p.asks <- req:
	case <-p.done:
		return "", ErrClosed
	case <-ctx.Done():
		return "", ctx.Err()
	}
	select {
	case r := <-req.reply:
		return r.text, r.err
	case <-p.done:
		return "", ErrClosed
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// interrupt cuts the session that is speaking short, as the owner's doing.
func (p *Pipeline) interrupt() {
	p.update(func(st *Status) { st.Interrupted++ })
	p.endSession(ErrInterrupted)
}

func (p *Pipeline) button(ctx context.Context, ev hal.ButtonEvent) {
	switch ev.Button {
	case hal.ButtonAction:
		switch ev.Action {
		case hal.Press:
			if p.sess == nil && p.cutSound() {
				return // a press silences a sound (a ringing timer)
			}
			if p.confirmCh != nil {
				select {
				case p.confirmCh <- confirmPressed:
				default:
				}
				p.confirmCh = nil
				return
			}
			if p.sess != nil && p.sess.listen {
				// A second press ends listening.
				if p.ep.Started() {
					p.finishListening(ctx)
				} else {
					p.endSession(ErrAborted)
					p.setState(ctx, hal.StateIdle)
				}
				return
			}
			p.startListening(ctx, "button")
		case hal.Release:
			// Push to talk: releasing after speech ends the utterance; a
			// short click leaves the endpointer to find the end.
			if p.sess != nil && p.sess.listen && p.sess.trigger == "button" && p.ep.Started() {
				p.finishListening(ctx)
			}
		}
	case hal.ButtonVolUp, hal.ButtonVolDown:
		if ev.Action != hal.Press || p.cfg.Volume == nil {
			return
		}
		v, err := p.cfg.Volume.Volume()
		if err != nil {
			p.log.Warn("voice: volume", "err", err)
			return
		}
		if ev.Button == hal.ButtonVolUp {
			v = min(v+10, 100)
		} else {
			v = max(v-10, 0)
		}
		if err := p.cfg.Volume.SetVolume(v); err != nil {
			p.log.Warn("voice: volume", "err", err)
			return
		}
		f := FaceFor(p.state)
		f.Volume = v
		p.show(ctx, f)
		p.publish(Event{Kind: EventVolume, Volume: v})
	}
}

func (p *Pipeline) wake(ctx context.Context, d wyoming.Detection) {
	p.update(func(st *Status) { st.WakeDetections++ })
	since := func(at int64) int64 { return int64(p.seq) - at }
	busy := p.sess != nil && !p.speaking()
	if p.muted || busy || since(p.lastTrigger) < int64(p.cfg.RefractoryFrames) || since(p.lastEnd) < int64(p.cfg.RefractoryFrames) {
		p.update(func(st *Status) { st.WakeIgnored++ })
		return
	}
	p.log.Info("voice: wake word", "name", d.Name)
	p.startListening(ctx, "wake")
}

func (p *Pipeline) ask(ctx context.Context, req *askReq) {
	if req.polite && (p.sess != nil || p.sound != nil) {
		req.answer(askResult{err: ErrBusy})
		return
	}
	if p.sess != nil && p.confirmCh != nil && p.pendingAsk == nil {
		// The session only waits for a confirming press: a typed question
		// ends that wait (without the "not confirmed" answer, since the
		// question may well be "confirm") and is asked once the session
		// has finished.
		select {
		case p.confirmCh <- confirmSuperseded:
		default:
		}
		p.confirmCh = nil
		p.pendingAsk = req
		return
	}
	if p.speaking() {
		p.interrupt() // a typed question barges in too
	}
	if p.sess != nil {
		req.answer(askResult{err: ErrBusy})
		return
	}
	p.cutSound()
	p.errTimer = nil
	sctx, cancel := context.WithCancel(ctx)
	p.nextID++
	s := &session{id: p.nextID, ctx: sctx, cancel: cancel, trigger: "text", at: p.cfg.Clock.Now(), ask: req}
	p.sess = s
	p.update(func(st *Status) { st.Asked++ })
	p.beginRecord(s)
	p.note(s, func(r *Interaction) { r.Transcript = req.text })
	p.setState(ctx, hal.StateThinking)
	go p.work(s)
}

// askPending asks the question that ended a confirmation wait, now that
// its session is over.
func (p *Pipeline) askPending(ctx context.Context) {
	if r := p.pendingAsk; r != nil {
		p.pendingAsk = nil
		p.ask(ctx, r)
	}
}

// A wake word is detected before its phrase has quite ended ("hey
// mycro|ft"): while the speech that carried it goes on, up to
// wakeTailFrames (0.5 s), the frames are not the command, until
// wakeGapFrames of silence (0.1 s) or the cap.
const (
	wakeTailFrames = 50
	wakeGapFrames  = 10
)

// skipTail reports whether this frame is still the wake phrase's tail.
func (p *Pipeline) skipTail(speech bool) bool {
	s := p.sess
	s.tail--
	if !speech {
		s.gap++
	} else {
		s.gap = 0
	}
	if s.gap >= wakeGapFrames || s.tail <= 0 {
		s.tail = 0
		return false
	}
	return true
}
