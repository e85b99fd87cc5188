package agent

import (
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mycroft-network/mycroft/board/sim"
	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/internal/wav"
	"github.com/mycroft-network/mycroft/voice"
	"github.com/mycroft-network/mycroft/voice/psx"
)

// TestVoiceSettings: the owner changes speech-to-text, retention and the
// wake word while the agent runs; they apply at once (the status says so,
// nothing more is kept), bad values are refused and change nothing, they
// survive a restart and win over agent.toml until reset.
func TestVoiceSettings(t *testing.T) {
	if _, err := newLocalSTT(); err != nil {
		t.Skipf("local speech recognition unavailable (build with -tags pocketsphinx): %v", err)
	}
	ctx := context.Background()
	cfg := testConfig(t)
	a, c, stop := start(t, cfg, Options{OpenBoard: simBoard("")})
	if a.voice == nil {
		t.Fatal("voice not wired")
	}
	s, err := c.VoiceSettings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	engine := s.WakeEngine != WakeOff
	want := apiclient.VoiceSettings{Wake: engine, WakeEngine: s.WakeEngine, STT: voice.STTLocalFirst, KeepVoice: "168h0m0s"}
	if s != want {
		t.Fatalf("settings %+v, want agent.toml's %+v", s, want)
	}

	for _, bad := range []apiclient.VoiceSettingsRequest{
		{STT: "cloud"}, {KeepVoice: "-1h"}, {KeepVoice: "forever"}, {KeepVoice: "9000h"}, {},
	} {
		_, err := c.SetVoiceSettings(ctx, bad)
		var ae *apiclient.Error
		if !errors.As(err, &ae) || ae.Status != http.StatusBadRequest {
			t.Errorf("%+v: %v, want 400", bad, err)
		}
	}
	if got, _ := c.VoiceSettings(ctx); got != want {
		t.Errorf("after refused requests: %+v, want unchanged %+v", got, want)
	}

	off := false
	s, err = c.SetVoiceSettings(ctx, apiclient.VoiceSettingsRequest{STT: voice.STTLocal, KeepVoice: "0s", Wake: &off})
	if !engine {
		// Turning off what is not loaded is fine; on is refused below.
		if err != nil {
			t.Fatal(err)
		}
	} else if err != nil || s.Wake || s.STT != voice.STTLocal || s.KeepVoice != "0s" || !s.Owner {
		t.Fatalf("set: %+v, %v", s, err)
	}
	vs, err := c.VoiceStatus(ctx)
	if err != nil || vs.STT != "local" || vs.KeepVoice != "0s" {
		t.Errorf("status after the change: stt %q keep %q (%v), want local and 0s", vs.STT, vs.KeepVoice, err)
	}
	if engine && (vs.Wake != WakeOff || !strings.Contains(vs.WakeNote, "owner")) {
		t.Errorf("status wake %q (%s), want off by the owner", vs.Wake, vs.WakeNote)
	}
	if a.voicex.store.Retention() != 0 {
		t.Errorf("store retention %s, want 0", a.voicex.store.Retention())
	}

	if engine {
		wakeGate(t, a, c)
	} else {
		on := true
		if _, err := c.SetVoiceSettings(ctx, apiclient.VoiceSettingsRequest{Wake: &on}); err == nil {
			t.Error("wake word turned on with no engine loaded")
		}
	}

	// A restart keeps the owner's settings over agent.toml's.
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	_, c, _ = start(t, cfg, Options{OpenBoard: simBoard("")})
	s, err = c.VoiceSettings(ctx)
	if err != nil || s.STT != voice.STTLocal || s.KeepVoice != "0s" || !s.Owner {
		t.Errorf("after a restart: %+v, %v; want the owner's", s, err)
	}
	s, err = c.SetVoiceSettings(ctx, apiclient.VoiceSettingsRequest{Reset: true})
	if err != nil || s != want {
		t.Errorf("reset: %+v, %v; want agent.toml's %+v", s, err, want)
	}
}

// wakeGate: with the wake word off, "hey mycroft" wakes nothing; on again,
// the same recording wakes the device.
func wakeGate(t *testing.T, a *Agent, c *apiclient.Client) {
	t.Helper()
	ctx := context.Background()
	if os.Getenv("MYCROFT_WAKEWORD_DIR") == "" {
		t.Log("MYCROFT_WAKEWORD_DIR unset: the wake gate is not exercised")
		return
	}
	rec, err := wav.ReadFile(filepath.Join("..", "voice", "wakeword", "testdata", "hey_mycroft_test.wav"))
	if err != nil {
		t.Fatal(err)
	}
	mic := a.board.Mic.(*sim.Mic)
	say := func() {
		pcm := append(make([]int16, 8000), rec.Samples...)
		mic.Push(append(pcm, make([]int16, 24000)...))
	}
	waitFor(t, "idle", func() (voice.Status, error) { return a.voice.Status(), nil },
		func(s voice.Status) bool { return s.State == hal.StateIdle })
	say()
	before := a.voice.Status().Capture.Frames
	// Read to the end and a second more: the engine has had every frame.
	waitFor(t, "the recording read", func() (uint64, error) { return a.voice.Status().Capture.Frames, nil },
		func(n uint64) bool { return mic.Queued() == 0 && n > before+uint64(len(rec.Samples)/160)+250 })
	if st := a.voice.Status(); st.WakeDetections != 0 || st.State != hal.StateIdle {
		t.Fatalf("wake word off: %d detections, state %s", st.WakeDetections, st.State)
	}
	on := true
	if _, err := c.SetVoiceSettings(ctx, apiclient.VoiceSettingsRequest{Wake: &on}); err != nil {
		t.Fatal(err)
	}
	say()
	waitFor(t, "the wake word heard", func() (uint64, error) { return a.voice.Status().WakeDetections, nil },
		func(n uint64) bool { return n > 0 })
}

// TestVoiceSettingsNoSTT: with no speech-to-text at all (no local
// recogniser, the wallet off) the retention still changes, and a choice of
// speech-to-text is refused.
func TestVoiceSettingsNoSTT(t *testing.T) {
	old := newLocalSTT
	newLocalSTT = func() (*psx.Decoder, error) { return nil, psx.ErrUnavailable }
	t.Cleanup(func() { newLocalSTT = old })
	ctx := context.Background()
	_, c, _ := start(t, testConfig(t), Options{})
	s, err := c.SetVoiceSettings(ctx, apiclient.VoiceSettingsRequest{KeepVoice: "24h"})
	if err != nil || s.KeepVoice != "24h0m0s" || s.STT != "" {
		t.Errorf("keep_voice with no speech-to-text: %+v, %v", s, err)
	}
	if _, err := c.SetVoiceSettings(ctx, apiclient.VoiceSettingsRequest{STT: voice.STTLocal}); err == nil {
		t.Error("a speech-to-text choice accepted with none to choose from")
	}
}
