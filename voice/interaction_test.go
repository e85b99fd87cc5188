package voice_test

import (
	"slices"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/hal/haltest"
	"github.com/mycroft-network/mycroft/voice"
)

// TestLastInteraction: the record of a typed question holds the text, the
// reply and the faces shown, and is marked done once the idle face is back.
func TestLastInteraction(t *testing.T) {
	ctx := waitCtx(t)
	face := haltest.NewRecordFaceplate()
	p := newPipeline(t, voice.Config{Faceplate: face, Clock: newFakeClock()})
	if _, ok := p.LastInteraction(); ok {
		t.Fatal("an interaction before any was started")
	}
	run(t, p)
	face.WaitState(ctx, hal.StateIdle)
	for i, q := range []string{"What time is it?", "sing me a song"} {
		reply, err := p.Ask(ctx, q)
		if err != nil {
			t.Fatal(err)
		}
		var in voice.Interaction
		for {
			var ok bool
			if in, ok = p.LastInteraction(); ok && in.ID == uint64(i+1) && in.Done {
				break
			}
			select {
			case <-ctx.Done():
				t.Fatalf("interaction %d not done: %+v", i+1, in)
			case <-time.After(5 * time.Millisecond):
			}
		}
		want := []hal.FaceState{hal.StateThinking, hal.StateSpeaking, hal.StateIdle}
		if in.Trigger != "text" || in.Transcript != q || in.Reply != reply || in.Error != "" ||
			in.Start.IsZero() || in.End.IsZero() || !in.Heard.IsZero() || !slices.Equal(in.Faces, want) {
			t.Errorf("interaction %+v, want text %q, reply %q, faces %v", in, q, reply, want)
		}
	}
}
