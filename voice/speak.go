package voice

// The pipeline's mouth: replies are synthesised sentence by sentence and
// played while the next ones are synthesised; sounds (a timer's chime) go
// through the same speaker path. Every playback stops within one 10 ms
// chunk of being cut, ending on a 10 ms fade to silence.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/voice/tts"
)

// ErrInterrupted: speech or a sound was cut short by the owner (the action
// button, the wake word, a typed question or "stop").
var ErrInterrupted = errors.New("voice: interrupted")

// sayAhead is how many sentences may be synthesised ahead of the one
// playing.
const sayAhead = 2

// say speaks text with the microphone gated: sentence by sentence, the
// first one playing while the next are synthesised (at most sayAhead
// ahead). It returns nil when s is cancelled (a barge-in) and the error of
// the first sentence that could not be synthesised or played.
func (p *Pipeline) say(s *session, text string) error {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil
	}
	p.log.Info("voice: say", "chars", len(text))
	if p.cfg.Voice == nil || p.cfg.Speaker == nil {
		p.post(s, evSpeaking, nil)
		p.publish(Event{Kind: EventSpeakBegin, Interaction: s.id, Trigger: s.trigger, Text: text})
		p.publish(Event{Kind: EventSpeakEnd, Interaction: s.id, Trigger: s.trigger, Text: text})
		return nil
	}
	ctx, cancel := context.WithCancel(s.ctx)
	type piece struct {
		pcm []int16
		err error
	}
	// One piece waits in the queue and one in the synthesiser's hands:
	// sayAhead sentences ahead of the one playing.
	queue := make(chan piece, sayAhead-1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer close(queue)
		for _, sentence := range tts.Sentences(text) {
			pcm, err := p.cfg.Voice.Synthesize(ctx, sentence)
			select {
			case queue <- piece{pcm, err}:
			case <-ctx.Done():
				return
			}
			if err != nil {
				return
			}
		}
	}()
	defer func() { cancel(); <-done }()

	first := true
	for pc := range queue {
		if ctx.Err() != nil {
			return nil
		}
		if pc.err != nil {
			return fmt.Errorf("voice: synthesize: %w", pc.err)
		}
		if first {
			first = false
			p.post(s, evSpeaking, nil)
			p.publish(Event{Kind: EventSpeakBegin, Interaction: s.id, Trigger: s.trigger, Text: text})
			defer p.publish(Event{Kind: EventSpeakEnd, Interaction: s.id, Trigger: s.trigger, Text: text})
			p.spk.Lock()
			p.gated.Store(true)
			defer p.spk.Unlock()
			defer p.gated.Store(false)
		}
		if err := p.play(ctx, pc.pcm); err != nil {
			return err
		}
	}
	return nil
}

// playChunk is the piece of audio written to the speaker at a time (10 ms):
// a cancelled playback hands the speaker at most one more, faded out.
const playChunk = 10 * time.Millisecond

// play writes 16 kHz mono samples to the speaker in 10 ms chunks,
// converting to the speaker's format. When ctx ends it writes the next
// 10 ms faded to silence and returns nil: the speaker drains to silence as
// at the end of any answer (no Halt, which would cut the queued audio
// mid-wave and restart the device).
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
	step := max(rate*int(playChunk/time.Millisecond)/1000, 1)
	buf := make([]int16, 0, step*ch)
	for len(pcm) > 0 {
		n := min(step, len(pcm))
		cut := ctx.Err() != nil
		buf = buf[:0]
		for i, v := range pcm[:n] {
			if cut {
				// Linear fade over the chunk, reaching 0 on its last sample.
				v = int16(int(v) * (n - 1 - i) / max(n-1, 1))
			}
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
		if cut {
			return nil
		}
		pcm = pcm[n:]
	}
	return nil
}

// alertReq is a sound to play (Alert).
type alertReq struct {
	ctx         context.Context
	pcm         []int16
	cancel      context.CancelFunc
	interrupted bool // cut by the owner (Run goroutine)
	err         error
	result      chan error
}

// Alert plays a sound (a timer's chime) through the speaker with the
// microphone gated, when no interaction is in progress: it fails with
// ErrBusy during one. The action button, the wake word or a typed
// question cuts the sound within 10 ms and Alert returns ErrInterrupted
// (the button only silences it; the wake word and the question then go on
// as usual). When ctx ends the sound stops as quickly and Alert returns
// ctx.Err(). The faceplate is left to the caller.
func (p *Pipeline) Alert(ctx context.Context, pcm []int16) error {
	req := &alertReq{ctx: ctx, pcm: pcm, result: make(chan error, 1)}
	select {
	case p.alerts <- req:
	case <-p.done:
		return ErrClosed
	case <-ctx.Done():
		return ctx.Err()
	}
	select {
	case err := <-req.result:
		return err
	case <-p.done:
		return ErrClosed
	}
}

// alert starts playing req's sound (Run goroutine).
func (p *Pipeline) alert(ctx context.Context, req *alertReq) {
	if p.sess != nil || p.sound != nil {
		req.result <- ErrBusy
		return
	}
	if p.cfg.Speaker == nil {
		req.result <- nil
		return
	}
	sctx, cancel := context.WithCancel(ctx)
	stop := context.AfterFunc(req.ctx, cancel)
	req.cancel = cancel
	p.sound = req
	go func() {
		p.spk.Lock()
		p.gated.Store(true)
		req.err = p.play(sctx, req.pcm)
		p.gated.Store(false)
		p.spk.Unlock()
		stop()
		cancel()
		select {
		case p.soundDone <- req:
		case <-p.done:
			req.result <- ErrClosed
		}
	}()
}

// soundEnded answers the sound's Alert (Run goroutine).
func (p *Pipeline) soundEnded(req *alertReq) {
	if p.sound == req {
		p.sound = nil
	}
	err := req.err
	switch {
	case req.interrupted:
		err = ErrInterrupted
	case err == nil:
		err = req.ctx.Err()
	}
	req.result <- err
}

// cutSound stops the sound playing, if any, as the owner's doing (Run
// goroutine).
func (p *Pipeline) cutSound() bool {
	if p.sound == nil || p.sound.interrupted {
		return false
	}
	p.sound.interrupted = true
	p.sound.cancel()
	p.update(func(st *Status) { st.Interrupted++ })
	return true
}

// Chime is the ring of a timer or an alarm: two sine tones a major third
// apart (880 and 1109 Hz, A5 then C♯6) with a soft attack and an
// exponential decay, 16 kHz mono, 1 s.
func Chime() []int16 {
	const (
		rate = hal.FrameSamples * 100
		note = rate / 2 // each tone 0.5 s
		amp  = 0.35 * math.MaxInt16
	)
	out := make([]int16, 2*note)
	for k, freq := range []float64{880, 1108.73} {
		for i := range note {
			t := float64(i) / rate
			env := math.Min(1, t/0.005) * math.Exp(-t*6)
			// A quiet octave above gives it a bell's brightness.
			v := math.Sin(2*math.Pi*freq*t) + 0.3*math.Sin(4*math.Pi*freq*t)
			out[k*note+i] = int16(amp / 1.3 * env * v)
		}
	}
	// End on silence: the last 5 ms fade to 0.
	fade := rate / 200
	for i := range fade {
		j := len(out) - fade + i
		out[j] = int16(float64(out[j]) * float64(fade-1-i) / float64(fade-1))
	}
	return out
}
