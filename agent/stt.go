package agent

import (
	"context"
	"fmt"

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

// speechToText builds the transcriber the pipeline uses: the local
// recogniser is loaded once, here, and closed when the agent stops; paid
// is the wallet's client (nil when the wallet is off).
func (a *Agent) speechToText(paid voice.Transcriber) (voice.Transcriber, sttStatus) {
	mode := a.cfg.Voice.STT
	var st sttStatus
	dec, err := newLocalSTT()
	if err != nil {
		st.note = fmt.Sprintf("local speech recognition unavailable: %v", err)
		if psx.Built {
			a.health.Set("voice.stt", Notice, "voice: "+st.note)
		}
		a.log.Info("voice: local speech-to-text off", "err", err)
	} else {
		a.svcs.list = append(a.svcs.list, &funcService{
			name:  "voice.stt",
			run:   func(ctx context.Context) error { <-ctx.Done(); return nil },
			close: dec.Close,
		})
	}
	switch {
	case dec == nil && paid == nil:
		st.used = "none"
		return nil, st
	case dec == nil:
		if mode == voice.STTLocal {
			st.used = "none"
			st.note += fmt.Sprintf(" (voice.stt = %q: the paid service is not used)", mode)
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
