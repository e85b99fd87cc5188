package sim

import (
	"math"
	"testing"

	"github.com/mycroft-network/mycroft/hal"
)

// BenchmarkCaptureSecond is the CPU the simulated capture path costs per
// second of audio: one op pushes 1 s of 16 kHz audio into an unpaced mic
// and reads it back in 20 ms reads, as the voice capture does.
func BenchmarkCaptureSecond(b *testing.B) {
	sec := make([]int16, hal.Voice.Rate)
	for i := range sec {
		sec[i] = int16(8000 * math.Sin(2*math.Pi*440*float64(i)/float64(hal.Voice.Rate)))
	}
	m := NewMic(false)
	m.SetMute(NewSwitch(false))
	buf := make([]int16, 2*hal.FrameSamples)
	b.ReportAllocs()
	for b.Loop() {
		m.Push(sec)
		for got := 0; got < len(sec); {
			n, err := m.Read(buf)
			if err != nil {
				b.Fatal(err)
			}
			got += n
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/1e9*100, "%cpu-per-audio-s")
}
