package wakeword

import (
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/internal/cputime"
)

// BenchmarkWakeWord: one op is one 80 ms step of the three models on
// recorded speech; cpu-ms/audio-s is the CPU time per second of audio
// (the figure docs/performance.md puts next to onnxruntime's).
func BenchmarkWakeWord(b *testing.B) {
	m := loadModel(b, "")
	pcm := clip(b, "hey_mycroft_test.wav")
	s := m.NewStream()
	b.ResetTimer()
	start := cputime.Process()
	for i := 0; i < b.N; i++ {
		off := (i * StepSamples) % (len(pcm) - StepSamples)
		s.Write(pcm[off:off+StepSamples], nil)
	}
	cpu := cputime.Process() - start
	b.ReportMetric(float64(m.emb.macs(m.mel.frames(StepSamples+contextLen))), "embed-MAC/step")
	b.ReportMetric(float64(cpu)/float64(time.Millisecond)/(float64(b.N)*StepSamples/SampleRate), "cpu-ms/audio-s")
}
