package voice

import (
	"context"
	"testing"

	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/hal/haltest"
)

// cutSpeaker cancels the playback's context during its write number at.
type cutSpeaker struct {
	*haltest.RecordSpeaker
	at     int
	cancel context.CancelFunc
}

func (s *cutSpeaker) Write(p []int16) (int, error) {
	if s.Writes()+1 == s.at {
		s.cancel()
	}
	return s.RecordSpeaker.Write(p)
}

// TestPlayCut: a playback cut mid-stream hands the speaker one more 10 ms
// chunk, fading to 0, in the speaker's own format; it never halts the
// device.
func TestPlayCut(t *testing.T) {
	for _, f := range []hal.AudioFormat{hal.Voice, {Rate: 48000, Channels: 2, Bits: 16}} {
		ctx, cancel := context.WithCancel(context.Background())
		sp := &cutSpeaker{RecordSpeaker: haltest.NewRecordSpeaker().SetFormat(f), at: 3, cancel: cancel}
		p := &Pipeline{cfg: Config{Speaker: sp}}
		pcm := make([]int16, hal.Voice.Rate) // 1 s of a loud constant
		for i := range pcm {
			pcm[i] = 10000
		}
		if err := p.play(ctx, pcm); err != nil {
			t.Fatal(err)
		}
		chunk := f.Rate / 100 * f.Channels
		got := sp.Samples()
		if sp.Writes() != 4 || len(got) != 4*chunk {
			t.Errorf("%+v: %d writes, %d samples; want 4 writes of %d", f, sp.Writes(), len(got), chunk)
			continue
		}
		fade := got[3*chunk:]
		if fade[0] < 9000 || fade[len(fade)-1] != 0 {
			t.Errorf("%+v: fade from %d to %d, want from the signal to 0", f, fade[0], fade[len(fade)-1])
		}
		for i := 1; i < len(fade); i++ {
			if fade[i] > fade[i-1] {
				t.Errorf("%+v: fade rises at %d: %d after %d", f, i, fade[i], fade[i-1])
				break
			}
		}
		if sp.Halts() != 0 {
			t.Errorf("%+v: %d halts", f, sp.Halts())
		}
	}
}
