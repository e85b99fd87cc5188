package voice

import (
	"context"
	"errors"
	"io"
	"math"
	"os"
	"testing"

	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/hal/haltest"
	"github.com/mycroft-network/mycroft/internal/cputime"
	"github.com/mycroft-network/mycroft/voice/tts"
	"github.com/mycroft-network/mycroft/voice/vad"
)

func TestRing(t *testing.T) {
	r := NewRing(3)
	if got := r.Last(nil, 5); len(got) != 0 {
		t.Fatalf("empty ring gave %d frames", len(got))
	}
	for i := range 5 {
		r.Push(&Frame{Seq: uint64(i)})
	}
	got := r.Last(nil, 5)
	if len(got) != 3 || got[0].Seq != 2 || got[2].Seq != 4 {
		t.Errorf("Last = %v, want seqs 2,3,4", seqs(got))
	}
	if got := r.Last(nil, 2); got[0].Seq != 3 || got[1].Seq != 4 {
		t.Errorf("Last(2) = %v, want 3,4", seqs(got))
	}
	r.Reset()
	if r.Len() != 0 {
		t.Error("Reset left frames")
	}
}

func seqs(fs []Frame) []uint64 {
	var out []uint64
	for _, f := range fs {
		out = append(out, f.Seq)
	}
	return out
}

func TestAudioStream(t *testing.T) {
	s := newAudioStream(8)
	s.write([]int16{1, 2})
	s.write([]int16{3, 4, 5}) // over the cap: dropped
	s.end(io.EOF)
	b, err := io.ReadAll(s)
	if err != nil || len(b) != 4 {
		t.Fatalf("read %d bytes, %v", len(b), err)
	}
	if got := s.pcm(); len(got) != 2 || got[1] != 2 {
		t.Errorf("pcm %v", got)
	}
	a := newAudioStream(100)
	a.write([]int16{1})
	a.end(ErrAborted)
	if _, err := io.ReadAll(a); !errors.Is(err, ErrAborted) {
		t.Errorf("aborted stream: %v", err)
	}
}

// TestCaptureDropsOldest: a consumer that does not read makes capture drop
// the oldest frames and count them, never block.
func TestCaptureDropsOldest(t *testing.T) {
	mic := haltest.NewSilentMic(160 * 100)
	c := newCapture(mic, 10, false, SystemClock{})
	c.run(context.Background()) // returns at the mic's end: it never blocked
	st := c.stats()
	if st.Frames != 100 || st.Dropped != 90 || !st.Ended {
		t.Fatalf("stats %+v, want 100 delivered, 90 dropped, ended", st)
	}
	var last Frame
	for f := range c.out {
		last = f
	}
	if last.Seq != 99 {
		t.Errorf("newest frame kept is %d, want 99", last.Seq)
	}
}

// TestCaptureConverts: a 48 kHz stereo mic becomes 16 kHz mono frames.
func TestCaptureConverts(t *testing.T) {
	const n = 48000 // one second
	in := make([]int16, 2*n)
	for i := range n {
		v := int16(8000 * math.Sin(2*math.Pi*440*float64(i)/48000))
		in[2*i], in[2*i+1] = v, -v
	}
	mic := haltest.NewPlaybackMic(in).SetFormat(hal.AudioFormat{Rate: 48000, Channels: 2, Bits: 16}).SetPeriod(960)
	c := newCapture(mic, 200, true, SystemClock{})
	go c.run(context.Background())
	var got []int16
	for f := range c.out {
		got = append(got, f.Samples[:]...)
	}
	if len(got) < 15800 || len(got) > 16000 {
		t.Fatalf("%d samples from 1 s at 48 kHz, want about 16000", len(got))
	}
	var sum float64
	for _, v := range got[1600:14400] {
		sum += float64(v) * float64(v)
	}
	if rms := math.Sqrt(sum / 12800); rms < 5300 || rms > 6000 {
		t.Errorf("RMS %.0f, want about 5657 (the left channel, resampled)", rms)
	}
}

// BenchmarkFrontEnd measures capture → VAD → endpointer per frame, the
// pipeline's steady-state cost; it reports the real-time factor per core.
func BenchmarkFrontEnd(b *testing.B) {
	raw, err := os.ReadFile("testdata/time_noise_01.wav")
	if err != nil {
		b.Fatal(err)
	}
	pcm, _, err := tts.DecodeWAV(raw)
	if err != nil {
		b.Fatal(err)
	}
	for _, det := range []struct {
		name string
		d    vad.Detector
	}{{"statistical", vad.NewStatistical(1)}, {"energy", vad.NewEnergy(vad.EnergyConfig{})}} {
		b.Run(det.name, func(b *testing.B) {
			loop := make([]int16, 0, b.N*hal.FrameSamples)
			for len(loop) < b.N*hal.FrameSamples {
				loop = append(loop, pcm[:min(len(pcm), b.N*hal.FrameSamples-len(loop))]...)
			}
			mic := haltest.NewPlaybackMic(loop).SetPeriod(2 * hal.FrameSamples)
			c := newCapture(mic, 50, true, SystemClock{})
			ep := vad.NewEndpointer(vad.EndpointConfig{})
			b.ResetTimer()
			cpu0 := cputime.Process()
			go c.run(context.Background())
			for f := range c.out {
				if !ep.Active() {
					ep.Begin()
				}
				ep.Feed(det.d.IsSpeech(f.Samples[:]))
			}
			perFrame := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
			b.ReportMetric(perFrame, "ns/frame")
			b.ReportMetric(10e6/perFrame, "x-realtime")
			// CPU time of the process (both goroutines) per frame: the
			// real-time factor per core, whatever else the machine runs.
			if cpu := float64((cputime.Process() - cpu0).Nanoseconds()) / float64(b.N); cpu > 0 {
				b.ReportMetric(cpu, "cpu-ns/frame")
				b.ReportMetric(10e6/cpu, "x-realtime/core")
			}
		})
	}
}
