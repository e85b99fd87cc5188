package voice

import (
	"context"
	"encoding/binary"
	"errors"
	"io"
	"sync"
)

// Transcript is what a speech-to-text provider heard.
type Transcript struct {
	Text       string  `json:"text"`
	Confidence float64 `json:"confidence,omitempty"` // 0..1 when the provider gives one
}

// Transcriber is the speech-to-text client (the wallet's paid STT client
// implements it). Transcribe is called when an utterance begins; audio
// delivers the utterance as raw 16 kHz mono signed 16-bit little-endian PCM
// while it is being spoken, and returns io.EOF when the endpointer has found
// its end, so an implementation that streams the body of its request sends
// the final bytes at once. grammar is the JSGF grammar of what the skills
// understand; providers may use it to constrain recognition. Read on audio
// may block; an aborted utterance ends audio with ErrAborted.
type Transcriber interface {
	Transcribe(ctx context.Context, grammar string, audio io.Reader) (Transcript, error)
}

// ErrAborted ends the audio of an utterance that was cancelled (mute,
// timeout without speech, shutdown).
var ErrAborted = errors.New("voice: utterance aborted")

// audioStream is the utterance's audio: the pipeline appends without ever
// blocking, the transcriber reads, blocking until there is data or an end.
// It keeps everything written so the utterance can be stored afterwards.
type audioStream struct {
	mu     sync.Mutex
	cond   *sync.Cond
	buf    []byte
	off    int
	closed bool
	err    error
	max    int
	ended  chan struct{} // closed by end
}

func newAudioStream(maxBytes int) *audioStream {
	s := &audioStream{max: maxBytes, ended: make(chan struct{})}
	s.cond = sync.NewCond(&s.mu)
	return s
}

func (s *audioStream) write(samples []int16) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed || len(s.buf)+2*len(samples) > s.max {
		return
	}
	for _, v := range samples {
		s.buf = binary.LittleEndian.AppendUint16(s.buf, uint16(v))
	}
	s.cond.Broadcast()
}

// end closes the stream: readers get err (io.EOF for a finished utterance)
// after the data.
func (s *audioStream) end(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	s.closed, s.err = true, err
	close(s.ended)
	s.cond.Broadcast()
}

func (s *audioStream) Read(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for s.off == len(s.buf) && !s.closed {
		s.cond.Wait()
	}
	if s.off == len(s.buf) {
		return 0, s.err
	}
	if s.err != nil && s.err != io.EOF {
		return 0, s.err // aborted: stop at once
	}
	n := copy(p, s.buf[s.off:])
	s.off += n
	return n, nil
}

// pcm returns a copy of every sample written.
func (s *audioStream) pcm() []int16 {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]int16, len(s.buf)/2)
	for i := range out {
		out[i] = int16(binary.LittleEndian.Uint16(s.buf[2*i:]))
	}
	return out
}
