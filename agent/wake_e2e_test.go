package agent

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/internal/wav"
	"github.com/mycroft-network/mycroft/voice"
	"github.com/mycroft-network/mycroft/voice/tts"
)

// TestWakeTimerStop is the whole path with no provider, no chain and no
// tokens, on the simulated board: a recording of "hey mycroft" and a
// spoken "set a timer for ten seconds" go into the microphone; the wake
// word engine (openWakeWord, in process) wakes the device, the local
// recogniser (pocketsphinx, in process) transcribes the command, the timer
// skill sets it and, ten seconds later, it rings (chime and speech) until
// "hey mycroft" + "stop" stops it.
func TestWakeTimerStop(t *testing.T) {
	if os.Getenv("MYCROFT_WAKEWORD_DIR") == "" {
		t.Skip("MYCROFT_WAKEWORD_DIR unset: run through make test (make deps installs the openWakeWord models)")
	}
	if _, err := newLocalSTT(); err != nil {
		t.Skipf("local speech recognition unavailable (build with -tags pocketsphinx): %v", err)
	}
	flite := tts.Flite()
	if !flite.Available() {
		t.Skip("flite not installed (Debian: flite)")
	}
	ctx := context.Background()
	wake, err := wav.ReadFile(filepath.Join("..", "voice", "wakeword", "testdata", "hey_mycroft_test.wav"))
	if err != nil {
		t.Fatal(err)
	}
	say := func(text string) []int16 {
		pcm, err := flite.Synthesize(ctx, text)
		if err != nil {
			t.Fatal(err)
		}
		return pcm
	}
	silence := func(sec float64) []int16 { return make([]int16, int(sec*tts.Rate)) }
	utterance := func(command string) []int16 {
		var pcm []int16
		for _, part := range [][]int16{silence(0.5), wake.Samples, silence(0.4), say(command), silence(1.5)} {
			pcm = append(pcm, part...)
		}
		return pcm
	}

	var rg *voiceRinger
	overrideVoice(t, func(d *voiceDeps) { rg = d.Skills.Ringer.(*voiceRinger) })
	cfg := testConfig(t)
	a, client, _ := start(t, cfg, Options{OpenBoard: simBoard(filepath.Join(t.TempDir(), "speaker.wav"))})
	if a.voice == nil || rg == nil {
		t.Fatal("voice not wired")
	}
	mic, ok := a.board.Mic.(samplePusher)
	if !ok {
		t.Fatalf("mic %T", a.board.Mic)
	}
	st := waitFor(t, "idle", func() (voice.Status, error) { return a.voice.Status(), nil },
		func(s voice.Status) bool { return s.State == hal.StateIdle })
	vs, err := client.VoiceStatus(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if vs.Wake != "openwakeword hey_mycroft_v0.1" || vs.STT != "local" {
		t.Fatalf("wake %q (%s), stt %q (%s): want openWakeWord and local recognition only", vs.Wake, vs.WakeNote, vs.STT, vs.STTNote)
	}

	mic.Push(utterance("set a timer for ten seconds"))
	set := waitFor(t, "the timer set by voice", func() (voice.Interaction, error) {
		in, _ := a.voice.LastInteraction()
		return in, nil
	}, func(in voice.Interaction) bool { return in.Trigger == "wake" && in.Done })
	if set.Transcript != "set a timer for ten seconds" || !strings.Contains(set.Reply, "10 seconds") && !strings.Contains(set.Reply, "ten seconds") {
		t.Fatalf("interaction %+v: want the timer set (status %+v)", set, a.voice.Status())
	}
	chimes := func() int { rg.mu.Lock(); defer rg.mu.Unlock(); return rg.chimes }
	waitFor(t, "the timer's chime", func() (int, error) { return chimes(), nil }, func(n int) bool { return n >= 1 })

	mic.Push(utterance("stop"))
	stop := waitFor(t, "stop by voice", func() (voice.Interaction, error) {
		in, _ := a.voice.LastInteraction()
		return in, nil
	}, func(in voice.Interaction) bool { return in.ID > set.ID && in.Trigger == "wake" && in.Done })
	if stop.Transcript != "stop" {
		t.Errorf("interaction %+v: want stop (status %+v)", stop, a.voice.Status())
	}
	rg.rings.Wait() // a ring that went on would hold this for three minutes
	if rg.StopRinging() {
		t.Error("still ringing after stop")
	}
	end := a.voice.Status()
	if end.WakeDetections-st.WakeDetections < 2 {
		t.Errorf("%d wake detections, want 2", end.WakeDetections-st.WakeDetections)
	}
}
