package voice

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
)

// STT modes: which speech-to-text an STTChoice uses.
const (
	// STTLocal: only the local recogniser; nothing is paid.
	STTLocal = "local"
	// STTLocalFirst: the local recogniser, and the paid service only when
	// the local result is empty, under the threshold, or failed.
	STTLocalFirst = "local-first"
	// STTPaidFirst: the paid service, and the local recogniser when the
	// paid one fails.
	STTPaidFirst = "paid-first"
)

// STTChoice is a Transcriber that routes an utterance between a local
// recogniser (free, offline, only the grammar's phrases) and a paid
// service, as the owner chose. The audio is read once: what the first
// transcriber read is kept and replayed, followed by the rest of the
// stream, to the second. An aborted utterance (ErrAborted) or an ended
// ctx is never retried.
type STTChoice struct {
	// Mode is STTLocal, STTLocalFirst or STTPaidFirst.
	Mode string
	// Local is the local recogniser; its Confidence is compared with
	// Threshold.
	Local Transcriber
	// Paid is the paid service; nil when there is none (the wallet is
	// off): every mode then uses Local alone.
	Paid Transcriber
	// Threshold is the local Confidence under which a local result is
	// taken as speech the grammar does not hold: it goes to Paid, or, with
	// no paid service to ask, becomes no text (the skills then say they
	// did not catch it rather than act on the wrong command).
	Threshold float64
}

// ErrSTTMode is returned for a Mode STTChoice does not know.
var ErrSTTMode = errors.New("voice: unknown speech-to-text mode")

// Transcribe implements Transcriber.
func (c *STTChoice) Transcribe(ctx context.Context, grammar string, audio io.Reader) (Transcript, error) {
	switch c.Mode {
	case STTLocal, STTLocalFirst, STTPaidFirst:
	default:
		return Transcript{}, fmt.Errorf("%w: %q", ErrSTTMode, c.Mode)
	}
	if c.Local == nil {
		if c.Paid == nil || c.Mode == STTLocal {
			return Transcript{}, errors.New("voice: no speech-to-text")
		}
		return c.Paid.Transcribe(ctx, grammar, audio)
	}
	if c.Paid == nil || c.Mode == STTLocal {
		return c.local(ctx, grammar, audio)
	}
	rec := &recorder{r: audio}
	if c.Mode == STTPaidFirst {
		t, err := c.Paid.Transcribe(ctx, grammar, rec)
		if err == nil || !retry(ctx, err, rec) {
			return t, err
		}
		lt, lerr := c.local(ctx, grammar, rec.replay())
		if lerr != nil {
			return Transcript{}, fmt.Errorf("%w (and local: %v)", err, lerr)
		}
		return lt, nil
	}
	t, err := c.Local.Transcribe(ctx, grammar, rec)
	if err == nil && t.Text != "" && t.Confidence >= c.Threshold {
		return t, nil
	}
	if err != nil && !retry(ctx, err, rec) {
		return Transcript{}, err
	}
	pt, perr := c.Paid.Transcribe(ctx, grammar, rec.replay())
	if perr != nil {
		if err == nil {
			// The paid service failed: a local phrase under the threshold
			// is still not acted on.
			return Transcript{Confidence: t.Confidence}, fmt.Errorf("%w (local result under the threshold)", perr)
		}
		return Transcript{}, fmt.Errorf("%w (and local: %v)", perr, err)
	}
	return pt, nil
}

// local runs Local alone: a result under the threshold is no text.
func (c *STTChoice) local(ctx context.Context, grammar string, audio io.Reader) (Transcript, error) {
	t, err := c.Local.Transcribe(ctx, grammar, audio)
	if err != nil {
		return Transcript{}, err
	}
	if t.Confidence < c.Threshold {
		t.Text = ""
	}
	return t, nil
}

// retry reports whether a failed transcriber may be followed by the
// other: not when the utterance was aborted or ctx ended.
func retry(ctx context.Context, err error, rec *recorder) bool {
	return ctx.Err() == nil && !errors.Is(err, ErrAborted) && !errors.Is(rec.err, ErrAborted)
}

// recorder keeps what was read from r so it can be replayed.
type recorder struct {
	r   io.Reader
	buf bytes.Buffer
	err error // the last read error from r
}

func (r *recorder) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	r.buf.Write(p[:n])
	if err != nil {
		r.err = err
	}
	return n, err
}

// replay returns what was read, then the rest of r (io.EOF again when r
// had ended).
func (r *recorder) replay() io.Reader {
	rest := r.r
	if r.err != nil {
		rest = errReader{r.err}
	}
	return io.MultiReader(bytes.NewReader(r.buf.Bytes()), rest)
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }
