package voice

import (
	"context"
	"errors"
	"io"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/voice/tts"
)

// CaptureStats are the capture counters shown by `mycroft status`.
type CaptureStats struct {
	Frames     uint64 `json:"frames"`     // frames delivered to the pipeline
	Dropped    uint64 `json:"dropped"`    // frames dropped because the pipeline was late
	MutedReads uint64 `json:"mutedReads"` // reads refused by the hardware mute
	ReadErrors uint64 `json:"readErrors"` // other read errors
	Ended      bool   `json:"ended"`      // the microphone reached its end (file replay)
}

// capture is the one goroutine that reads the microphone. It slices what it
// reads into frames (converting rate and channels when the mic is not 16 kHz
// mono) and hands them on through a bounded channel without ever blocking:
// when the channel is full it drops the oldest queued frame and counts it.
// With lossless set (file replay, tests) it blocks instead.
type capture struct {
	mic      hal.Mic
	out      chan Frame
	lossless bool
	clock    Clock

	frames, dropped, mutedReads, readErrors atomic.Uint64
	ended                                   atomic.Bool

	// mutedHint carries the mic's own mute state (reads refused with
	// hal.ErrMuted, then data again) for boards without a mute Switch.
	mutedHint chan bool

	mu     sync.Mutex
	paused bool
	resume chan struct{}
}

func (c *capture) hint(on bool) {
	for {
		select {
		case c.mutedHint <- on:
			return
		default:
		}
		select { // full: replace the stale value
		case <-c.mutedHint:
		default:
		}
	}
}

func newCapture(mic hal.Mic, queue int, lossless bool, clock Clock) *capture {
	return &capture{mic: mic, out: make(chan Frame, queue), lossless: lossless, clock: clock,
		resume: make(chan struct{}), mutedHint: make(chan bool, 1)}
}

func (c *capture) stats() CaptureStats {
	return CaptureStats{
		Frames: c.frames.Load(), Dropped: c.dropped.Load(),
		MutedReads: c.mutedReads.Load(), ReadErrors: c.readErrors.Load(), Ended: c.ended.Load(),
	}
}

// setPaused stops or restarts reading (the mute switch).
func (c *capture) setPaused(p bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.paused == p {
		return
	}
	c.paused = p
	if !p {
		close(c.resume)
		c.resume = make(chan struct{})
	}
}

func (c *capture) waitResume(ctx context.Context, retry time.Duration) {
	c.mu.Lock()
	paused, ch := c.paused, c.resume
	c.mu.Unlock()
	var timer <-chan time.Time
	if !paused {
		timer = c.clock.After(retry)
	}
	select {
	case <-ch:
	case <-timer:
	case <-ctx.Done():
	}
}

// run reads until ctx is done or the mic ends; it closes out when it returns.
func (c *capture) run(ctx context.Context) {
	defer close(c.out)
	f := c.mic.Format()
	channels := max(f.Channels, 1)
	var rs *tts.Resampler
	if f.Rate > 0 && f.Rate != hal.Voice.Rate {
		rs = tts.NewResampler(f.Rate, hal.Voice.Rate)
	}
	// 20 ms reads, as the research recommends for PortAudio.
	buf := make([]int16, 2*hal.FrameSamples*channels*max(1, f.Rate/hal.Voice.Rate))
	var (
		frame Frame
		fill  int
		seq   uint64
		mono  []int16
		muted bool
	)
	for ctx.Err() == nil {
		c.mu.Lock()
		paused := c.paused
		c.mu.Unlock()
		if paused {
			c.waitResume(ctx, time.Hour)
			continue
		}
		n, err := c.mic.Read(buf)
		if muted && (n > 0 || err == nil) {
			muted = false
			c.hint(false)
		}
		if n > 0 {
			mono = mono[:0]
			for i := 0; i+channels <= n; i += channels {
				mono = append(mono, buf[i])
			}
			samples := mono
			if rs != nil {
				samples = rs.Process(mono)
			}
			for len(samples) > 0 {
				k := copy(frame.Samples[fill:], samples)
				fill += k
				samples = samples[k:]
				if fill == hal.FrameSamples {
					frame.Seq = seq
					seq++
					c.deliver(ctx, frame)
					fill = 0
				}
			}
		}
		switch {
		case err == nil:
		case errors.Is(err, io.EOF):
			c.ended.Store(true)
			return
		case errors.Is(err, hal.ErrMuted):
			c.mutedReads.Add(1)
			if !muted {
				muted = true
				c.hint(true)
			}
			c.waitResume(ctx, 100*time.Millisecond)
		default:
			c.readErrors.Add(1)
			c.waitResume(ctx, 100*time.Millisecond)
		}
	}
}

func (c *capture) deliver(ctx context.Context, f Frame) {
	if c.lossless {
		select {
		case c.out <- f:
			c.frames.Add(1)
		case <-ctx.Done():
		}
		return
	}
	for {
		select {
		case c.out <- f:
			c.frames.Add(1)
			return
		default:
		}
		// Full: drop the oldest queued frame and try again.
		select {
		case <-c.out:
			c.dropped.Add(1)
		default:
		}
	}
}
