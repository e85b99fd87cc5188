package haltest

import (
	"fmt"
	"io"
	"sync"

	"github.com/mycroft-network/mycroft/hal"
)

// PlaybackMic is a hal.Mic that plays a fixed slice of samples, at most
// Period samples per Read, then returns io.EOF. While Mute is set and on,
// Read returns hal.ErrMuted and consumes nothing.
type PlaybackMic struct {
	mu      sync.Mutex
	format  hal.AudioFormat
	samples []int16
	pos     int
	period  int
	mute    hal.Switch
	reads   int
	muted   int
	// AllowUnread makes Close accept samples that were never read.
	AllowUnread bool
}

// NewPlaybackMic returns a mic in hal.Voice format that plays samples in
// frames of hal.FrameSamples.
func NewPlaybackMic(samples []int16) *PlaybackMic {
	return &PlaybackMic{format: hal.Voice, samples: samples, period: hal.FrameSamples}
}

// NewSilentMic returns a mic that plays n samples of silence.
func NewSilentMic(n int) *PlaybackMic { return NewPlaybackMic(make([]int16, n)) }

// SetFormat changes the format the mic reports (samples are not converted).
func (m *PlaybackMic) SetFormat(f hal.AudioFormat) *PlaybackMic {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.format = f
	return m
}

// SetPeriod sets the most samples one Read returns (n > 0).
func (m *PlaybackMic) SetPeriod(n int) *PlaybackMic {
	m.mu.Lock()
	defer m.mu.Unlock()
	if n > 0 {
		m.period = n
	}
	return m
}

// SetMute makes Read return hal.ErrMuted while sw is on (a FakeSwitch, or
// nil to never mute).
func (m *PlaybackMic) SetMute(sw hal.Switch) *PlaybackMic {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.mute = sw
	return m
}

// Format implements hal.Mic.
func (m *PlaybackMic) Format() hal.AudioFormat {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.format
}

// Read implements hal.Mic.
func (m *PlaybackMic) Read(p []int16) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.reads++
	if m.mute != nil {
		on, err := m.mute.State()
		if err != nil {
			return 0, fmt.Errorf("haltest: mic: mute switch: %w", err)
		}
		if on {
			m.muted++
			return 0, hal.ErrMuted
		}
	}
	if m.pos >= len(m.samples) {
		return 0, io.EOF
	}
	n := copy(p[:min(len(p), m.period)], m.samples[m.pos:])
	m.pos += n
	return n, nil
}

// Consumed is the number of samples read so far.
func (m *PlaybackMic) Consumed() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.pos
}

// MutedReads is the number of Reads answered with hal.ErrMuted.
func (m *PlaybackMic) MutedReads() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.muted
}

// Close reports samples that were never read, unless AllowUnread is set.
func (m *PlaybackMic) Close() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.AllowUnread && m.pos < len(m.samples) {
		return fmt.Errorf("haltest: PlaybackMic: %d of %d samples not read", len(m.samples)-m.pos, len(m.samples))
	}
	return nil
}

var _ hal.Mic = (*PlaybackMic)(nil)

// RecordSpeaker is a hal.Speaker that keeps every sample written. When
// Expect is set, Close checks the samples against it.
type RecordSpeaker struct {
	mu      sync.Mutex
	format  hal.AudioFormat
	samples []int16
	writes  int
	halts   int
	err     error
	// Expect, when non-nil, is what Close requires to have been written.
	Expect []int16
}

// NewRecordSpeaker returns a speaker in hal.Voice format.
func NewRecordSpeaker() *RecordSpeaker { return &RecordSpeaker{format: hal.Voice} }

// SetFormat changes the format the speaker reports.
func (s *RecordSpeaker) SetFormat(f hal.AudioFormat) *RecordSpeaker {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.format = f
	return s
}

// FailWith makes every following Write return err (nil to stop).
func (s *RecordSpeaker) FailWith(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.err = err
}

// Format implements hal.Speaker.
func (s *RecordSpeaker) Format() hal.AudioFormat {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.format
}

// Write implements hal.Speaker.
func (s *RecordSpeaker) Write(p []int16) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err != nil {
		return 0, s.err
	}
	s.writes++
	s.samples = append(s.samples, p...)
	return len(p), nil
}

// Halt implements hal.Speaker; it counts the call.
func (s *RecordSpeaker) Halt() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.halts++
	return nil
}

// Samples returns a copy of everything written.
func (s *RecordSpeaker) Samples() []int16 {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]int16(nil), s.samples...)
}

// Writes is the number of successful Write calls.
func (s *RecordSpeaker) Writes() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.writes
}

// Halts is the number of Halt calls.
func (s *RecordSpeaker) Halts() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.halts
}

// Close checks Expect when set.
func (s *RecordSpeaker) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Expect == nil {
		return nil
	}
	if len(s.samples) != len(s.Expect) {
		return fmt.Errorf("haltest: RecordSpeaker: %d samples written, want %d", len(s.samples), len(s.Expect))
	}
	for i := range s.samples {
		if s.samples[i] != s.Expect[i] {
			return fmt.Errorf("haltest: RecordSpeaker: sample %d is %d, want %d", i, s.samples[i], s.Expect[i])
		}
	}
	return nil
}

var _ hal.Speaker = (*RecordSpeaker)(nil)
