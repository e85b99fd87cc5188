package demo

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// stubProbe is what `mycroft demo-audio` prints from a binary built
// without the portaudio tag (cmd/mycroft's TestDemoAudioProbe checks it).
const stubProbe = `{"input":false,"output":false,"error":"portaudio: unavailable: hal: device unavailable (built without the portaudio tag)"}`

func TestPlanAudio(t *testing.T) {
	const wav = "/w/speaker.wav"
	tests := []struct {
		name     string
		probe    Audio
		forceWAV bool
		want     audioPlan
		says     []string
	}{
		{"no portaudio in the binary", Audio{Error: "built without the portaudio tag"}, false,
			audioPlan{Speaker: wav}, []string{"written to " + wav, "type your questions", "built without"}},
		{"portaudio, no devices", Audio{Notes: []string{"input: no default input device"}}, false,
			audioPlan{Speaker: wav}, []string{"written to", "no microphone", "no default input device"}},
		{"both devices", Audio{Input: true, Output: true, InputName: "mic0", OutputName: "spk0"}, false,
			audioPlan{Speaker: simPortAudio, Mic: true}, []string{"played on the audio device spk0", "talk into the audio device mic0"}},
		{"output only", Audio{Output: true}, false,
			audioPlan{Speaker: simPortAudio}, []string{"played on the audio device", "no microphone"}},
		{"input only", Audio{Input: true, InputName: "usb"}, false,
			audioPlan{Speaker: wav, Mic: true}, []string{"written to", "talk into the audio device usb"}},
		{"forced WAV (--wav, --unattended)", Audio{Input: true, Output: true}, true,
			audioPlan{Speaker: wav}, []string{"written to", "no microphone"}},
		{"an error wins over stray flags", Audio{Input: true, Output: true, Error: "probe failed"}, false,
			audioPlan{Speaker: wav}, []string{"probe failed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := planAudio(tt.probe, tt.forceWAV, wav)
			if p != tt.want {
				t.Errorf("plan %+v, want %+v", p, tt.want)
			}
			d := p.describe(tt.probe)
			for _, s := range tt.says {
				if !strings.Contains(d, s) {
					t.Errorf("describe = %q, want it to say %q", d, s)
				}
			}
		})
	}
}

// TestProbeAudio runs ProbeAudio against small programs standing for the
// binary: a stub build's answer, a portaudio build's, garbage, a failure.
func TestProbeAudio(t *testing.T) {
	tests := []struct {
		name   string
		script string
		want   Audio
		errHas string
	}{
		{"stub build", "echo '" + stubProbe + "'", Audio{}, "built without the portaudio tag"},
		{"devices", `echo '{"input":true,"output":true,"inputName":"hw0","outputName":"hw1"}'`,
			Audio{Input: true, Output: true, InputName: "hw0", OutputName: "hw1"}, ""},
		{"an error clears the flags", `echo '{"input":true,"output":true,"error":"x"}'`, Audio{}, "x"},
		{"garbage", "echo 'ALSA lib pcm.c: Unknown PCM default'", Audio{}, "audio probe:"},
		{"a failing probe", "echo boom >&2; exit 3", Audio{}, "exit status 3"},
		{"an older binary without the command", "exit 2", Audio{}, "exit status 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			exe := filepath.Join(t.TempDir(), "mycroft")
			script := "#!/bin/sh\n[ \"$1\" = " + ProbeCommand + " ] || exit 9\n" + tt.script + "\n"
			if err := os.WriteFile(exe, []byte(script), 0o700); err != nil {
				t.Fatal(err)
			}
			a := ProbeAudio(context.Background(), exe, io.Discard, time.Minute)
			if tt.errHas == "" && a.Error != "" || !strings.Contains(a.Error, tt.errHas) {
				t.Fatalf("error %q, want one with %q", a.Error, tt.errHas)
			}
			a.Error = ""
			if a.Input != tt.want.Input || a.Output != tt.want.Output || a.InputName != tt.want.InputName || a.OutputName != tt.want.OutputName {
				t.Errorf("probe %+v, want %+v", a, tt.want)
			}
		})
	}
}

// TestProbeAudioDeadline: a probe that hangs is killed at the deadline
// and means no device.
func TestProbeAudioDeadline(t *testing.T) {
	exe := filepath.Join(t.TempDir(), "mycroft")
	if err := os.WriteFile(exe, []byte("#!/bin/sh\nexec sleep 60\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	a := ProbeAudio(context.Background(), exe, io.Discard, 100*time.Millisecond)
	if a.Input || a.Output || !strings.Contains(a.Error, "no answer within") {
		t.Fatalf("hanging probe: %+v", a)
	}
}

func FuzzParseAudio(f *testing.F) {
	f.Add([]byte(stubProbe))
	f.Add([]byte(`{"input":true,"output":false,"inputName":"x","notes":["output: none"]}`))
	f.Add([]byte(`not json`))
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := parseAudio(b)
		if err != nil && (a.Input || a.Output) {
			t.Fatalf("a failed parse reports devices: %+v", a)
		}
		if a.Error != "" && (a.Input || a.Output) {
			t.Fatalf("an error with devices: %+v", a)
		}
		p := planAudio(a, false, "w.wav")
		if p.Mic != a.Input || (p.Speaker == simPortAudio) != a.Output {
			t.Fatalf("plan %+v from %+v", p, a)
		}
	})
}
