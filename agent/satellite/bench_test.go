package satellite

import (
	"testing"

	"github.com/mycroft-network/mycroft/internal/wyoming"
)

// BenchmarkWakeToFirstChunk: from the wake word engine's detection to the
// first audio-chunk of the question read by Home Assistant (the
// satellite's latency as Home Assistant sees it), through the real
// pipeline on the simulated board's real-time microphone (10 ms frames).
// Between iterations the mute switch ends the turn (not timed).
func BenchmarkWakeToFirstChunk(b *testing.B) {
	r := newRig(b, AnswersHomeAssistant)
	ha := dialHA(b, r.addr)
	ha.connect()
	waitFor(b, "run-satellite", func() bool { _, run := r.sat.Connected(); return run })
	b.ResetTimer()
	for range b.N {
		r.wake.cue <- struct{}{}
		for ev := ha.next(); ev.Type != wyoming.TypeAudioChunk; ev = ha.next() {
		}
		b.StopTimer()
		r.board.Mute.Set(true)
		for ev := ha.next(); ev.Type != wyoming.TypeAudioStop; ev = ha.next() {
		}
		waitFor(b, "muted", func() bool { return r.p.Status().Muted })
		frames := r.p.Status().Capture.Frames
		r.board.Mute.Set(false)
		// A frame or two after unmuting: a wake word on the very frame of
		// the end of a turn is refractory.
		waitFor(b, "unmuted", func() bool {
			in, _ := r.p.LastInteraction()
			st := r.p.Status()
			return !st.Muted && in.Done && st.Capture.Frames > frames+2
		})
		b.StartTimer()
	}
}
