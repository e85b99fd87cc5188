//go:build portaudio

package portaudio

import (
	"errors"
	"fmt"
	"sync"

	pa "github.com/gordonklaus/portaudio"

	"github.com/mycroft-network/mycroft/hal"
)

// Built reports whether this binary has portaudio support.
const Built = true

var (
	initMu sync.Mutex
	users  int
)

// acquire initialises portaudio for the first user.
func acquire() error {
	initMu.Lock()
	defer initMu.Unlock()
	if users == 0 {
		if err := pa.Initialize(); err != nil {
			return fmt.Errorf("%w: initialize: %v", ErrUnavailable, err)
		}
	}
	users++
	return nil
}

func release() {
	initMu.Lock()
	defer initMu.Unlock()
	users--
	if users == 0 {
		pa.Terminate()
	}
}

// Mic is a hal.Mic on the default input device.
type Mic struct {
	mu     sync.Mutex
	format hal.AudioFormat
	s      *pa.Stream
	buf    []int16 // the stream's buffer: one period
	rest   []int16 // samples of the last period not yet returned
	closed bool
}

// OpenMic opens and starts a blocking stream on the default input device
// with periods of 10 ms.
func OpenMic(f hal.AudioFormat) (*Mic, error) {
	if err := checkFormat(f); err != nil {
		return nil, err
	}
	if err := acquire(); err != nil {
		return nil, err
	}
	m := &Mic{format: f, buf: make([]int16, f.Rate/100)}
	s, err := pa.OpenDefaultStream(1, 0, float64(f.Rate), len(m.buf), &m.buf)
	if err == nil {
		err = s.Start()
		if err != nil {
			s.Close()
		}
	}
	if err != nil {
		release()
		return nil, fmt.Errorf("%w: input: %v", ErrUnavailable, err)
	}
	m.s = s
	return m, nil
}

// Format implements hal.Mic.
func (m *Mic) Format() hal.AudioFormat { return m.format }

// Read implements hal.Mic: it returns at most one period.
func (m *Mic) Read(p []int16) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return 0, errClosed
	}
	if len(m.rest) == 0 {
		if err := m.s.Read(); err != nil && !errors.Is(err, pa.InputOverflowed) {
			return 0, fmt.Errorf("portaudio: read: %w", err)
		}
		m.rest = m.buf
	}
	n := copy(p, m.rest)
	m.rest = m.rest[n:]
	return n, nil
}

// Close stops the stream.
func (m *Mic) Close() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return nil
	}
	m.closed = true
	m.s.Stop()
	err := m.s.Close()
	release()
	return err
}

// Speaker is a hal.Speaker on the default output device.
type Speaker struct {
	mu     sync.Mutex
	format hal.AudioFormat
	s      *pa.Stream
	buf    []int16
	closed bool
}

// OpenSpeaker opens and starts a blocking stream on the default output
// device with periods of 10 ms.
func OpenSpeaker(f hal.AudioFormat) (*Speaker, error) {
	if err := checkFormat(f); err != nil {
		return nil, err
	}
	if err := acquire(); err != nil {
		return nil, err
	}
	sp := &Speaker{format: f, buf: make([]int16, f.Rate/100)}
	s, err := pa.OpenDefaultStream(0, 1, float64(f.Rate), len(sp.buf), &sp.buf)
	if err == nil {
		err = s.Start()
		if err != nil {
			s.Close()
		}
	}
	if err != nil {
		release()
		return nil, fmt.Errorf("%w: output: %v", ErrUnavailable, err)
	}
	sp.s = s
	return sp, nil
}

// Format implements hal.Speaker.
func (s *Speaker) Format() hal.AudioFormat { return s.format }

// Write implements hal.Speaker: it blocks until the samples are queued in
// portaudio. A last partial period is padded with silence.
func (s *Speaker) Write(p []int16) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return 0, errClosed
	}
	done := 0
	for done < len(p) {
		n := copy(s.buf, p[done:])
		clear(s.buf[n:])
		if err := s.s.Write(); err != nil && !errors.Is(err, pa.OutputUnderflowed) {
			return done, fmt.Errorf("portaudio: write: %w", err)
		}
		done += n
	}
	return done, nil
}

// Halt implements hal.Speaker: it drops what is queued and restarts.
func (s *Speaker) Halt() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	if err := s.s.Abort(); err != nil {
		return fmt.Errorf("portaudio: halt: %w", err)
	}
	if err := s.s.Start(); err != nil {
		return fmt.Errorf("portaudio: halt: %w", err)
	}
	return nil
}

// Close stops the stream.
func (s *Speaker) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	s.s.Stop()
	err := s.s.Close()
	release()
	return err
}

var (
	_ hal.Mic     = (*Mic)(nil)
	_ hal.Speaker = (*Speaker)(nil)
)
