package voice_test

import (
	"context"
	"encoding/binary"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/hal/haltest"
	"github.com/mycroft-network/mycroft/internal/wyoming"
	"github.com/mycroft-network/mycroft/voice"
	"github.com/mycroft-network/mycroft/voice/internal/sphinx"
)

// TestWakeSkipsPhrase: after a wake word the recogniser gets the command,
// not the wake phrase: no pre-roll (the button's 0.3 s would be the phrase)
// and the phrase's tail, the speech still going on at the detection, is
// skipped until a short silence. A press, by contrast, keeps the pre-roll.
func TestWakeSkipsPhrase(t *testing.T) {
	// Frames: 0–39 silence, 40–119 the "wake phrase" (noise at ±6000),
	// 120–139 silence, 140–219 the "command" (noise at ±12000), then
	// silence. The detection comes at frame 100, near the phrase's end, as
	// a real engine's does; the press between frames 40 and 100.
	r := rand.New(rand.NewPCG(7, 9))
	const frames = 400
	samples := make([]int16, frames*hal.FrameSamples)
	noise := func(from, to int, amp int) {
		for i := from * hal.FrameSamples; i < to*hal.FrameSamples; i++ {
			samples[i] = int16(r.IntN(2*amp+1) - amp)
		}
	}
	noise(40, 120, 6000)
	noise(140, 220, 12000)
	firstCommand := 140 * hal.FrameSamples

	for _, trigger := range []string{"wake", "button"} {
		t.Run(trigger, func(t *testing.T) {
			ctx := waitCtx(t)
			mic := newGateMic(samples, 100*hal.FrameSamples)
			face := haltest.NewRecordFaceplate()
			wake := &frameWake{at: 100, off: trigger != "wake"}
			buttons := haltest.NewScriptedButtons()
			stt := &recordingSTT{text: "what time is it"}
			p := newPipeline(t, voice.Config{Mic: mic, Faceplate: face, Wake: wake, Buttons: buttons,
				Transcriber: &sphinx.Client{URL: serve(t, stt)}, Clock: newFakeClock()})
			speaking := make(chan struct{})
			var once sync.Once
			p.OnActivity(func(active bool) {
				if active {
					once.Do(func() { close(speaking) })
				}
			})
			run(t, p)
			face.WaitState(ctx, hal.StateIdle)
			// The trigger comes while the phrase is heard: after its first
			// frame (40) was processed, and the mic holds at frame 100.
			select {
			case <-speaking:
			case <-ctx.Done():
				t.Fatal("the phrase was not heard as speech")
			}
			if trigger == "button" {
				buttons.Push(haltest.Click(hal.ButtonAction)...)
			}
			face.WaitState(ctx, hal.StateListening)
			mic.release()
			face.WaitState(ctx, hal.StateThinking)
			got := stt.got()
			for len(got) == 0 && ctx.Err() == nil {
				time.Sleep(time.Millisecond)
				got = stt.got()
			}
			if len(got) != 1 {
				t.Fatalf("%d STT requests", len(got))
			}
			pcm := make([]int16, len(got[0])/2)
			for i := range pcm {
				pcm[i] = int16(binary.LittleEndian.Uint16(got[0][2*i:]))
			}
			// Where the recording starts in the mic's samples: its first
			// frame that is not silence is unique (noise); count back.
			k := 0
			for k+hal.FrameSamples <= len(pcm) && equal(pcm[k:k+hal.FrameSamples], make([]int16, hal.FrameSamples)) {
				k += hal.FrameSamples
			}
			start := -1
			for off := 0; k+hal.FrameSamples <= len(pcm) && off+hal.FrameSamples <= len(samples); off += hal.FrameSamples {
				if equal(samples[off:off+hal.FrameSamples], pcm[k:k+hal.FrameSamples]) {
					start = off - k
					break
				}
			}
			if start < 0 {
				t.Fatalf("the recording (%d samples) is not a run of the mic's frames", len(pcm))
			}
			switch trigger {
			case "wake":
				// After the phrase's end (frame 120) and its 0.1 s gap, before the command.
				if start < 120*hal.FrameSamples || start > firstCommand {
					t.Errorf("recording starts at frame %d, want between the phrase's end (120) and the command (140)", start/hal.FrameSamples)
				}
			case "button":
				// The press came between frames 40 and 100: 0.3 s of
				// pre-roll before it, so the phrase is in the recording.
				if start < 10*hal.FrameSamples || start > 70*hal.FrameSamples {
					t.Errorf("recording starts at frame %d, want 30 frames before the press (frames 10–70)", start/hal.FrameSamples)
				}
			}
			mic.close()
		})
	}
}

func equal(a, b []int16) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// frameWake detects once, when it has been given `at` frames: as a real
// engine does, in step with the audio the pipeline hands it.
type frameWake struct {
	at  int
	off bool
}

func (w *frameWake) Run(ctx context.Context, audio <-chan []int16, detect func(wyoming.Detection)) error {
	n := 0
	for {
		select {
		case <-ctx.Done():
			return nil
		case _, ok := <-audio:
			if !ok {
				return nil
			}
			n++
			if n == w.at && !w.off {
				detect(wyoming.Detection{Name: "hey_mycroft"})
			}
		}
	}
}
