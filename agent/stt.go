package agent

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync/atomic"

	"github.com/mycroft-network/mycroft/voice"
	"github.com/mycroft-network/mycroft/voice/psx"
)

// Speech-to-text: the local recogniser (pocketsphinx in process, free,
// offline, only the skills' phrases) and the wallet's paid service,
// combined as voice.stt says (docs/configuration.md).

// sttStatus is what the voice status says about speech-to-text.
type sttStatus struct {
	// used: "local", "paid", "local, then paid under the threshold",
	// "paid, then local when it fails", or "none".
	used string
	// note says why the local recogniser is not used, when it is not.
	note string
}

func validateSTT(mode string, bad badFunc) {
	switch mode {
	case voice.STTLocal, voice.STTLocalFirst, voice.STTPaidFirst:
	default:
		bad("voice.stt", "must be %s, %s or %s, not %q", voice.STTLocal, voice.STTLocalFirst, voice.STTPaidFirst, mode)
	}
}

// newLocalSTT loads the local recogniser; tests replace it.
var newLocalSTT = func() (*psx.Decoder, error) { return psx.New(psx.Config{}) }

// speechToText loads the local recogniser once (closed when the agent
// stops) and returns the transcriber the pipeline uses: the choice mode
// makes between it and paid (the wallet's client, nil when the wallet is
// off), behind a switch the owner's settings turn (nil when there is
// neither).
func (a *Agent) speechToText(mode string, paid voice.Transcriber) (*liveSTT, sttStatus) {
	l := &liveSTT{paid: paid}
	dec, err := newLocalSTT()
	if err != nil {
		l.note = fmt.Sprintf("local speech recognition unavailable: %v", err)
		if psx.Built {
			a.health.Set("voice.stt", Notice, "voice: "+l.note)
		}
		a.log.Info("voice: local speech-to-text off", "err", err)
	} else {
		l.dec = dec
		a.svcs.list = append(a.svcs.list, &funcService{
			name:  "voice.stt",
			run:   func(ctx context.Context) error { <-ctx.Done(); return nil },
			close: dec.Close,
		})
	}
	if dec == nil && paid == nil {
		return nil, sttStatus{used: "none", note: l.note}
	}
	return l, l.set(mode)
}

// liveSTT is the pipeline's speech-to-text: the local recogniser and the
// paid service combined as the current mode says, switched while the
// agent runs.
type liveSTT struct {
	dec  *psx.Decoder
	paid voice.Transcriber
	note string // why the local recogniser is unavailable
	cur  atomic.Pointer[sttSlot]
}

type sttSlot struct{ t voice.Transcriber }

// set switches to mode (checked by the caller) and says what it uses.
func (l *liveSTT) set(mode string) sttStatus {
	t, st := chooseSTT(mode, l.dec, l.paid)
	st.note = joinNote(l.note, st.note)
	l.cur.Store(&sttSlot{t})
	return st
}

// Transcribe implements voice.Transcriber with the current choice.
func (l *liveSTT) Transcribe(ctx context.Context, grammar string, audio io.Reader) (voice.Transcript, error) {
	s := l.cur.Load()
	if s == nil || s.t == nil {
		return voice.Transcript{}, errors.New("voice: no speech-to-text: the local recogniser is unavailable and voice.stt = local")
	}
	return s.t.Transcribe(ctx, grammar, audio)
}

// chooseSTT combines the local recogniser dec and the paid service as mode
// says. One of them is not nil.
func chooseSTT(mode string, dec *psx.Decoder, paid voice.Transcriber) (voice.Transcriber, sttStatus) {
	var st sttStatus
	switch {
	case dec == nil:
		if mode == voice.STTLocal {
			st.used = "none"
			st.note = fmt.Sprintf("voice.stt = %q: the paid service is not used", mode)
			return nil, st
		}
		st.used = "paid"
		return paid, st
	case paid == nil || mode == voice.STTLocal:
		st.used = "local"
		if paid == nil && mode != voice.STTLocal {
			st.note = "no paid speech-to-text (the wallet is off): only what the skills' grammar holds is understood"
		}
	case mode == voice.STTLocalFirst:
		st.used = "local, then paid under the threshold"
	default:
		st.used = "paid, then local when it fails"
	}
	c := &voice.STTChoice{Mode: mode, Local: psx.Transcriber{D: dec}, Threshold: psx.Threshold}
	if paid != nil {
		c.Paid = paid
	}
	return c, st
}
