package voice

import (
	"slices"
	"time"

	"github.com/mycroft-network/mycroft/hal"
)

// Interaction is the record of one interaction, from its trigger to its end:
// what was heard, what was answered and the faceplate states shown. The
// pipeline keeps only the one in progress and the last one that ended, in
// memory, for the owner's `mycroft voice` commands and tests; it is never
// stored.
type Interaction struct {
	// ID numbers interactions from 1 since the pipeline was created.
	ID uint64 `json:"id"`
	// Trigger is "button", "wake" or "text" (a typed question).
	Trigger string `json:"trigger"`
	// Transcript is what the speech-to-text service heard (the typed text
	// for a typed question).
	Transcript string `json:"transcript"`
	// Reply is everything the device said, confirmation prompts included.
	Reply string `json:"reply"`
	// Error is why the interaction failed or was cut short ("" when it
	// ended normally).
	Error string    `json:"error,omitempty"`
	Start time.Time `json:"start"`
	// Heard is when the endpointer decided the utterance had ended (the
	// silence after it waited out, or the length cap); zero for a typed
	// question and while listening. Heard to the first sample spoken is
	// the device's answering latency.
	Heard time.Time `json:"heard,omitzero"`
	// End is zero while the interaction is in progress.
	End time.Time `json:"end,omitzero"`
	// Faces are the states the faceplate showed, in order, from the
	// trigger to the end (the idle or error face after it included).
	Faces []hal.FaceState `json:"faces"`
	// Done is true once the interaction has ended.
	Done bool `json:"done"`
}

// LastInteraction returns the interaction in progress or, when none is, the
// last one that ended; ok is false before the first one.
func (p *Pipeline) LastInteraction() (in Interaction, ok bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	r := p.cur
	if r == nil {
		r = p.last
	}
	if r == nil {
		return Interaction{}, false
	}
	in = *r
	in.Faces = slices.Clone(r.Faces)
	return in, true
}

// beginRecord starts the record of s (Run goroutine).
func (p *Pipeline) beginRecord(s *session) {
	p.mu.Lock()
	p.cur = &Interaction{ID: s.id, Trigger: s.trigger, Start: s.at}
	p.mu.Unlock()
}

// note changes the record of s if it is still the one in progress (worker
// goroutine).
func (p *Pipeline) note(s *session, f func(*Interaction)) {
	p.mu.Lock()
	heard := ""
	if p.cur != nil && p.cur.ID == s.id {
		was := p.cur.Transcript
		f(p.cur)
		if p.cur.Transcript != was {
			heard = p.cur.Transcript
		}
	}
	p.mu.Unlock()
	if heard != "" {
		p.publish(Event{Kind: EventHeard, Interaction: s.id, Trigger: s.trigger, Text: heard})
	}
}

// endRecord closes the record of s (Run goroutine).
func (p *Pipeline) endRecord(s *session, err error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if s == nil || p.cur == nil || p.cur.ID != s.id {
		return
	}
	if err != nil {
		p.cur.Error = err.Error()
	}
	p.cur.End = p.cfg.Clock.Now()
	p.cur.Done = true
	p.last, p.cur = p.cur, nil
}
