//go:build portaudio

package portaudio

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"

	pa "github.com/gordonklaus/portaudio"

	"github.com/mycroft-network/mycroft/hal"
)

// errClosed is returned after Close.
var errClosed = errors.New("portaudio: stream closed")

// deviceFormat is what a Mic opened at the device's own format reports.
var deviceFormat = hal.AudioFormat{Rate: DeviceRate, Channels: 2, Bits: 16}

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
	buf32  []int32 // the stream's buffer at the device format (nil otherwise)
	rest   []int16 // samples of the last period not yet returned
	closed bool
	over   atomic.Uint64
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
	if err != nil && f.Rate != DeviceRate {
		// A device that offers only its own format (the SJ201: 48 kHz,
		// S32_LE, stereo): open it so and convert the sample width here;
		// the consumer takes channel 0 and resamples.
		first := err
		frames := DeviceRate / 100
		m = &Mic{format: deviceFormat, buf: make([]int16, frames*2), buf32: make([]int32, frames*2)}
		s, err = pa.OpenDefaultStream(2, 0, DeviceRate, frames, &m.buf32)
		if err == nil {
			if err = s.Start(); err != nil {
				s.Close()
			}
		}
		if err != nil {
			err = fmt.Errorf("%v; at %d Hz 32-bit stereo: %v", first, DeviceRate, err)
		}
	}
	if err != nil {
		release()
		return nil, fmt.Errorf("%w: input: %v", ErrUnavailable, err)
	}
	m.s = s
	return m, nil
}

// Counters reports the input overflows seen so far.
func (m *Mic) Counters() Counters { return Counters{Overflows: m.over.Load()} }

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
		if err := m.s.Read(); errors.Is(err, pa.InputOverflowed) {
			m.over.Add(1)
		} else if err != nil {
			return 0, fmt.Errorf("portaudio: read: %w", err)
		}
		if m.buf32 != nil {
			s32ToS16(m.buf, m.buf32)
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
	under  atomic.Uint64
}

// Counters reports the output underflows seen so far.
func (s *Speaker) Counters() Counters { return Counters{Underflows: s.under.Load()} }

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
		if err := s.s.Write(); errors.Is(err, pa.OutputUnderflowed) {
			s.under.Add(1)
		} else if err != nil {
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
