package psx

import (
	"context"
	"io"

	"github.com/mycroft-network/mycroft/voice"
)

// Transcriber is a voice.Transcriber on a Decoder: local, free, offline.
// An utterance the grammar does not hold comes back as the grammar's
// nearest phrase with a low Confidence (under Threshold), or as no text;
// the caller decides (voice.STTChoice asks a paid service then, or drops
// the text).
type Transcriber struct {
	D *Decoder
}

// Transcribe implements voice.Transcriber.
func (t Transcriber) Transcribe(ctx context.Context, grammar string, audio io.Reader) (voice.Transcript, error) {
	r, err := t.D.Recognize(ctx, grammar, audio)
	if err != nil {
		return voice.Transcript{}, err
	}
	return voice.Transcript{Text: r.Text, Confidence: r.Confidence}, nil
}
