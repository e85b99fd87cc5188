package voice_test

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/mycroft-network/mycroft/voice"
)

// fakeSTT reads the utterance (all of it, or readN bytes when failing
// part way) and answers t or err.
type fakeSTT struct {
	t     voice.Transcript
	err   error
	readN int // with err: bytes read before failing
	heard string
	calls int
}

func (f *fakeSTT) Transcribe(ctx context.Context, grammar string, audio io.Reader) (voice.Transcript, error) {
	f.calls++
	if f.err != nil && f.readN > 0 {
		b := make([]byte, f.readN)
		n, _ := io.ReadFull(audio, b)
		f.heard = string(b[:n])
		return voice.Transcript{}, f.err
	}
	b, err := io.ReadAll(audio)
	f.heard = string(b)
	if err != nil {
		return voice.Transcript{}, err
	}
	return f.t, f.err
}

func TestSTTChoice(t *testing.T) {
	const audio = "0123456789abcdef"
	var (
		sure    = voice.Transcript{Text: "what time is it", Confidence: 0.8}
		unsure  = voice.Transcript{Text: "cancel the timer", Confidence: 0.3}
		empty   = voice.Transcript{}
		paid    = voice.Transcript{Text: "tell me about the roman empire"}
		failure = errors.New("provider failed")
	)
	cases := []struct {
		name        string
		mode        string
		local, paid *fakeSTT // nil: none
		abort       bool     // the audio ends with ErrAborted
		want        voice.Transcript
		wantErr     error // nil: no error
		localCalls  int
		paidCalls   int
	}{
		{"local: sure", voice.STTLocal, &fakeSTT{t: sure}, &fakeSTT{t: paid}, false, sure, nil, 1, 0},
		{"local: unsure is no text", voice.STTLocal, &fakeSTT{t: unsure}, &fakeSTT{t: paid}, false, voice.Transcript{Confidence: 0.3}, nil, 1, 0},
		{"local: error", voice.STTLocal, &fakeSTT{err: failure}, &fakeSTT{t: paid}, false, empty, failure, 1, 0},
		{"local-first: sure", voice.STTLocalFirst, &fakeSTT{t: sure}, &fakeSTT{t: paid}, false, sure, nil, 1, 0},
		{"local-first: unsure asks paid", voice.STTLocalFirst, &fakeSTT{t: unsure}, &fakeSTT{t: paid}, false, paid, nil, 1, 1},
		{"local-first: empty asks paid", voice.STTLocalFirst, &fakeSTT{t: empty}, &fakeSTT{t: paid}, false, paid, nil, 1, 1},
		{"local-first: local fails part way, paid hears it all", voice.STTLocalFirst, &fakeSTT{err: failure, readN: 5}, &fakeSTT{t: paid}, false, paid, nil, 1, 1},
		{"local-first: unsure and paid fails", voice.STTLocalFirst, &fakeSTT{t: unsure}, &fakeSTT{err: failure}, false, voice.Transcript{Confidence: 0.3}, failure, 1, 1},
		{"local-first: no paid, unsure is no text", voice.STTLocalFirst, &fakeSTT{t: unsure}, nil, false, voice.Transcript{Confidence: 0.3}, nil, 1, 0},
		{"local-first: no local", voice.STTLocalFirst, nil, &fakeSTT{t: paid}, false, paid, nil, 0, 1},
		{"local-first: aborted is not retried", voice.STTLocalFirst, &fakeSTT{t: sure}, &fakeSTT{t: paid}, true, empty, voice.ErrAborted, 1, 0},
		{"paid-first: paid answers", voice.STTPaidFirst, &fakeSTT{t: sure}, &fakeSTT{t: paid}, false, paid, nil, 0, 1},
		{"paid-first: paid fails part way, local hears it all", voice.STTPaidFirst, &fakeSTT{t: sure}, &fakeSTT{err: failure, readN: 7}, false, sure, nil, 1, 1},
		{"paid-first: paid fails, local unsure is no text", voice.STTPaidFirst, &fakeSTT{t: unsure}, &fakeSTT{err: failure}, false, voice.Transcript{Confidence: 0.3}, nil, 1, 1},
		{"paid-first: both fail", voice.STTPaidFirst, &fakeSTT{err: errors.New("local failed")}, &fakeSTT{err: failure}, false, empty, failure, 1, 1},
		{"paid-first: no paid", voice.STTPaidFirst, &fakeSTT{t: sure}, nil, false, sure, nil, 1, 0},
		{"paid-first: aborted is not retried", voice.STTPaidFirst, &fakeSTT{t: sure}, &fakeSTT{t: paid}, true, empty, voice.ErrAborted, 0, 1},
		{"unknown mode", "cloud", &fakeSTT{t: sure}, &fakeSTT{t: paid}, false, empty, voice.ErrSTTMode, 0, 0},
		{"nothing", voice.STTLocalFirst, nil, nil, false, empty, errors.New("no speech-to-text"), 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ch := &voice.STTChoice{Mode: c.mode, Threshold: 0.5}
			if c.local != nil {
				ch.Local = c.local
			}
			if c.paid != nil {
				ch.Paid = c.paid
			}
			var in io.Reader = strings.NewReader(audio)
			if c.abort {
				in = io.MultiReader(in, errorAfter{voice.ErrAborted})
			}
			got, err := ch.Transcribe(context.Background(), "grammar", in)
			switch {
			case c.wantErr == nil && err != nil,
				c.wantErr != nil && err == nil,
				c.wantErr != nil && !errors.Is(err, c.wantErr) && !strings.Contains(err.Error(), c.wantErr.Error()):
				t.Fatalf("err = %v, want %v", err, c.wantErr)
			}
			if got != c.want {
				t.Errorf("transcript = %+v, want %+v", got, c.want)
			}
			for _, f := range []struct {
				name  string
				stt   *fakeSTT
				calls int
			}{{"local", c.local, c.localCalls}, {"paid", c.paid, c.paidCalls}} {
				if f.stt == nil {
					continue
				}
				if f.stt.calls != f.calls {
					t.Errorf("%s called %d times, want %d", f.name, f.stt.calls, f.calls)
				}
				// Whoever reads to the end hears the whole utterance,
				// the second one included.
				if f.stt.calls > 0 && f.stt.readN == 0 && !c.abort && f.stt.heard != audio {
					t.Errorf("%s heard %q, want %q", f.name, f.stt.heard, audio)
				}
			}
		})
	}
}

type errorAfter struct{ err error }

func (e errorAfter) Read([]byte) (int, error) { return 0, e.err }
