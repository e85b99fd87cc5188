package main

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/internal/apiclient"
)

func TestVoiceCommands(t *testing.T) {
	ctx := context.Background()
	at := time.Date(2026, 3, 14, 12, 0, 0, 0, time.UTC)
	last := apiclient.VoiceInteraction{ID: 4, Trigger: "button", Transcript: "what time is it", Reply: "It is noon.",
		Start: at, End: at.Add(2 * time.Second), Faces: []string{"listening", "thinking", "speaking", "idle"}, Done: true}
	st := apiclient.VoiceStatus{Enabled: true, State: "idle", Microphone: true, Speaker: true, Frames: 500, Dropped: 2, Utterances: 1, KeepVoice: "0s"}
	f := newFakeAgent(t, map[string]any{
		"POST /voice/ask":      apiclient.VoiceAskReply{Reply: "It is noon."},
		"POST /voice/hear":     apiclient.VoiceHearReply{After: 3},
		"GET /voice/last":      last,
		"GET /voice/status":    st,
		"GET /voice/faces":     apiclient.VoiceFaces{Faces: []apiclient.VoiceFace{{Seq: 7, State: "listening", At: at}}, Next: 8},
		"GET /voice/settings":  apiclient.VoiceSettings{Wake: true, WakeEngine: "openwakeword hey_mycroft_v0.1", STT: "local-first", KeepVoice: "168h0m0s"},
		"POST /voice/settings": apiclient.VoiceSettings{WakeEngine: "openwakeword hey_mycroft_v0.1", STT: "local", KeepVoice: "0s", Owner: true},
	})
	code, out, stderr := runCLI(ctx, "-socket", f.sock, "voice", "status", "--json")
	var got apiclient.VoiceStatus
	if code != 0 || json.Unmarshal([]byte(out), &got) != nil || got != st {
		t.Fatalf("voice status --json: exit %d, %q, %s", code, out, stderr)
	}
	wav, _ := filepath.Abs("q.wav")
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"ask", "what", "time is it"}, []string{"It is noon.\n"}},
		{[]string{"voice", "status"}, []string{"idle", "dropped 2", "keep voice:  never"}},
		{[]string{"voice", "hear", "q.wav"}, []string{"playing " + wav}},
		{[]string{"voice", "hear", "--wait", "q.wav"}, []string{"heard:    what time is it", "reply:    It is noon.", "listening → thinking → speaking → idle", "took:     2s"}},
		{[]string{"voice", "last"}, []string{"It is noon."}},
		{[]string{"voice", "faces"}, []string{"7", "listening"}},
		{[]string{"voice", "settings"}, []string{"wake word:       on (openwakeword hey_mycroft_v0.1)", "speech to text:  local-first", "set by:          agent.toml"}},
		{[]string{"voice", "settings", "--set", "stt=local", "--set", "keep_voice=0s", "--set", "wake=off"}, []string{"wake word:       off", "keep voice:      never", "set by:          the owner"}},
	} {
		code, out, stderr := runCLI(ctx, append([]string{"-socket", f.sock}, tc.args...)...)
		if code != 0 {
			t.Errorf("%v: exit %d: %s", tc.args, code, stderr)
			continue
		}
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: output %q lacks %q", tc.args, out, w)
			}
		}
	}
	reqs := strings.Join(f.requests(), "\n")
	for _, w := range []string{
		`POST /voice/ask? {"text":"what time is it"}`,
		`POST /voice/hear? {"path":"` + wav + `"}`,
		`GET /voice/faces?since=0`,
		`POST /voice/settings? {"wake":false,"stt":"local","keep_voice":"0s"}`,
	} {
		if !strings.Contains(reqs, w) {
			t.Errorf("requests lack %q:\n%s", w, reqs)
		}
	}
	n := len(f.requests())
	for _, args := range [][]string{{"ask"}, {"voice"}, {"voice", "sing"}, {"voice", "hear"}, {"voice", "status", "x"}, {"voice", "faces", "--since", "x"},
		{"voice", "settings", "--set", "wake=maybe"}, {"voice", "settings", "--set", "volume=3"}, {"voice", "settings", "--set", "stt"}} {
		if code, _, _ := runCLI(ctx, append([]string{"-socket", f.sock}, args...)...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	if len(f.requests()) != n {
		t.Errorf("usage errors reached the agent: %v", f.requests()[n:])
	}
}
