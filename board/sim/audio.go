package sim

import (
	"errors"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/internal/wav"
)

// clock is the time source of paced audio; tests replace it.
type clock struct {
	now   func() time.Time
	sleep func(time.Duration)
}

var realClock = clock{now: time.Now, sleep: time.Sleep}

// pacer blocks so that samples flow at the audio rate.
type pacer struct {
	clk   clock
	rate  int
	start time.Time
	done  int64 // samples since start
}

// wait blocks until n more samples are due.
func (p *pacer) wait(n int) {
	now := p.clk.now()
	if p.start.IsZero() || now.Sub(p.due()) > 200*time.Millisecond {
		// First call, or the consumer fell behind: restart the schedule
		// rather than rush to catch up.
		p.start, p.done = now, 0
	}
	p.done += int64(n)
	if d := p.due().Sub(now); d > 0 {
		p.clk.sleep(d)
	}
}

func (p *pacer) due() time.Time {
	return p.start.Add(time.Duration(p.done) * time.Second / time.Duration(p.rate))
}

// Mic is a hal.Mic in hal.Voice format fed by a program: Push queues
// samples, and Read plays them, then silence while nothing is queued (or
// io.EOF once drained, after EndWhenDrained). Paced, Read blocks for the
// duration of the samples it returns, like a real microphone; unpaced it
// returns at once. While the mute switch is on, Read returns hal.ErrMuted
// (paced as well, so a reader cannot spin).
type Mic struct {
	mu      sync.Mutex
	queue   []int16
	paced   bool
	pace    pacer
	end     bool
	mute    hal.Switch
	pushed  chan struct{} // signalled on Push
	drained chan struct{} // closed and replaced when the queue empties
}

// NewMic returns an empty mic; paced selects real-time pacing.
func NewMic(paced bool) *Mic {
	return &Mic{paced: paced, pace: pacer{clk: realClock, rate: hal.Voice.Rate},
		pushed: make(chan struct{}, 1), drained: make(chan struct{})}
}

// Push queues samples (16 kHz mono) after those already queued.
func (m *Mic) Push(samples []int16) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.queue = append(m.queue, samples...)
	select {
	case m.pushed <- struct{}{}:
	default:
	}
}

// PushWAV queues a WAV file, which must be 16 kHz (no resampling here).
func (m *Mic) PushWAV(path string) error {
	a, err := wav.ReadFile(path)
	if err != nil {
		return fmt.Errorf("sim: mic: %w", err)
	}
	if a.Rate != hal.Voice.Rate {
		return fmt.Errorf("sim: mic: %s is %d Hz, want %d: %w", path, a.Rate, hal.Voice.Rate, wav.ErrUnsupported)
	}
	m.Push(a.Samples)
	return nil
}

// EndWhenDrained makes Read return io.EOF once the queue is empty, instead
// of silence (a file source).
func (m *Mic) EndWhenDrained() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.end = true
}

// Drained returns a channel closed when the queue is next empty: a demo
// waits on it to know an utterance has been "spoken".
func (m *Mic) Drained() <-chan struct{} {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.queue) == 0 {
		c := make(chan struct{})
		close(c)
		return c
	}
	return m.drained
}

// Queued is the number of samples waiting.
func (m *Mic) Queued() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.queue)
}

// SetMute makes the mic follow sw (nil: never muted).
func (m *Mic) SetMute(sw hal.Switch) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.mute = sw
}

// Format implements hal.Mic.
func (m *Mic) Format() hal.AudioFormat { return hal.Voice }

// Read implements hal.Mic. It returns at most one 10 ms frame when paced.
func (m *Mic) Read(p []int16) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if m.paced {
		p = p[:min(len(p), hal.FrameSamples)]
	}
	m.mu.Lock()
	muted := false
	if m.mute != nil {
		on, err := m.mute.State()
		if err != nil {
			m.mu.Unlock()
			return 0, fmt.Errorf("sim: mic: mute switch: %w", err)
		}
		muted = on
	}
	var n int
	var err error
	switch {
	case muted:
		n, err = len(p), hal.ErrMuted
	case len(m.queue) == 0 && m.end:
		m.mu.Unlock()
		return 0, io.EOF
	case len(m.queue) == 0:
		clear(p)
		n = len(p)
	default:
		n = copy(p, m.queue)
		m.queue = m.queue[n:]
		if len(m.queue) == 0 {
			m.queue = nil
			close(m.drained)
			m.drained = make(chan struct{})
		}
	}
	paced := m.paced
	m.mu.Unlock()
	if paced {
		m.pace.wait(n)
	}
	if err != nil {
		return 0, err
	}
	return n, nil
}

var _ hal.Mic = (*Mic)(nil)

// Speaker is a hal.Speaker that writes a WAV file (or nothing), paced in
// real time unless told otherwise. The file's header is updated after every
// Write, so it is a valid WAV even if the process stops.
type Speaker struct {
	mu      sync.Mutex
	w       *wav.FileWriter // nil: discard
	paced   bool
	pace    pacer
	written int64
	closed  bool
}

// NewSpeaker writes to the WAV file at path (created or truncated), or
// discards the audio when path is "". A discarding speaker is never paced:
// nobody hears it, so nothing (`mycroft ask`, the pipeline's speaking state)
// should wait for it to "play".
func NewSpeaker(path string, paced bool) (*Speaker, error) {
	s := &Speaker{paced: paced && path != "", pace: pacer{clk: realClock, rate: hal.Voice.Rate}}
	if path != "" {
		w, err := wav.Create(path, hal.Voice.Rate)
		if err != nil {
			return nil, fmt.Errorf("sim: speaker: %w", err)
		}
		s.w = w
	}
	return s, nil
}

// Format implements hal.Speaker.
func (s *Speaker) Format() hal.AudioFormat { return hal.Voice }

// Write implements hal.Speaker.
func (s *Speaker) Write(p []int16) (int, error) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return 0, fmt.Errorf("sim: speaker: %w", errClosed)
	}
	if s.w != nil {
		if _, err := s.w.Write(p); err != nil {
			s.mu.Unlock()
			return 0, fmt.Errorf("sim: speaker: %w", err)
		}
		if err := s.w.Flush(); err != nil {
			s.mu.Unlock()
			return 0, fmt.Errorf("sim: speaker: %w", err)
		}
	}
	s.written += int64(len(p))
	s.mu.Unlock()
	if s.paced {
		s.pace.wait(len(p))
	}
	return len(p), nil
}

// Written is the number of samples played so far.
func (s *Speaker) Written() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.written
}

// Halt implements hal.Speaker. Nothing is queued: Write has already played
// what it was given.
func (s *Speaker) Halt() error { return nil }

// Close finishes the WAV file.
func (s *Speaker) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	if s.w != nil {
		if err := s.w.Close(); err != nil {
			return fmt.Errorf("sim: speaker: %w", err)
		}
	}
	return nil
}

var errClosed = errors.New("closed")

var _ hal.Speaker = (*Speaker)(nil)
