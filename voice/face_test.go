package voice_test

import (
	"testing"

	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/voice"
)

func TestFaceFor(t *testing.T) {
	cases := []struct {
		state hal.FaceState
		ring  hal.RingPattern
		look  hal.Look
	}{
		{hal.StateIdle, hal.RingOff, hal.LookAhead},
		{hal.StateListening, hal.RingPulse, hal.LookUp},
		{hal.StateThinking, hal.RingSpin, hal.LookCrossed},
		{hal.StateSpeaking, hal.RingSolid, hal.LookAhead},
		{hal.StateError, hal.RingBlink, hal.LookAhead},
		{hal.StateMuted, hal.RingSolid, hal.LookNarrow},
		{hal.StateMining, hal.RingPulse, hal.LookAhead},
	}
	seen := map[hal.Ring]hal.FaceState{}
	for _, c := range cases {
		f := voice.FaceFor(c.state)
		if f.State != c.state || f.Ring.Pattern != c.ring || f.Eyes.Look != c.look || f.Volume != -1 || f.Eyes.Off {
			t.Errorf("%v: %+v", c.state, f)
		}
		if prev, dup := seen[f.Ring]; dup {
			t.Errorf("%v and %v look the same on the ring", prev, c.state)
		}
		seen[f.Ring] = c.state
	}
	if f := voice.FaceFor(hal.StateMuted); f.Ring.Color != voice.ColorMuted {
		t.Errorf("muted ring %v, want red", f.Ring.Color)
	}
	if f := voice.FaceFor(hal.FaceState(99)); !f.Eyes.Off {
		t.Errorf("unknown state: %+v", f)
	}
}
