package demo

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"time"
)

// Audio is what the audio-device probe found: the JSON `mycroft
// demo-audio` prints. Input and Output say whether a default device takes
// the voice format; Error says why portaudio could not be asked (a binary
// built without the portaudio tag, or no portaudio at all).
type Audio struct {
	Input      bool     `json:"input"`
	Output     bool     `json:"output"`
	InputName  string   `json:"inputName,omitempty"`
	OutputName string   `json:"outputName,omitempty"`
	Notes      []string `json:"notes,omitempty"`
	Error      string   `json:"error,omitempty"`
}

// ProbeCommand is the hidden subcommand that prints Audio.
const ProbeCommand = "demo-audio"

// probeTimeout bounds the probe: portaudio's start-up asks every host API
// (ALSA, JACK, ...) and a broken sound setup can make it wait.
const probeTimeout = 15 * time.Second

// ProbeAudio runs `exe demo-audio` and returns what it printed. The probe
// runs in a child process because initialising portaudio writes ALSA and
// JACK diagnostics on standard error (they go to stderr here, the demo's
// log, not to the terminal) and may hang on a broken setup (the child is
// killed after a deadline). It never fails: a probe that cannot run or
// answer gives Audio{Error: why}, which means no device.
func ProbeAudio(ctx context.Context, exe string, stderr io.Writer, timeout time.Duration) Audio {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, exe, ProbeCommand)
	cmd.Stdout, cmd.Stderr = &out, stderr
	// A grandchild keeping the pipes open must not hold the demo.
	cmd.WaitDelay = time.Second
	err := cmd.Run()
	if ctx.Err() != nil {
		return Audio{Error: fmt.Sprintf("audio probe: no answer within %s", timeout)}
	}
	if err != nil {
		return Audio{Error: fmt.Sprintf("audio probe: %v", err)}
	}
	a, err := parseAudio(out.Bytes())
	if err != nil {
		return Audio{Error: err.Error()}
	}
	return a
}

// parseAudio reads the probe's JSON.
func parseAudio(b []byte) (Audio, error) {
	var a Audio
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&a); err != nil {
		return Audio{}, fmt.Errorf("audio probe: %w", err)
	}
	if a.Error != "" {
		a.Input, a.Output = false, false
	}
	return a, nil
}

// audioPlan is where the demo's owner agent speaks and listens.
type audioPlan struct {
	// Speaker is the owner's sim_speaker: "portaudio" or the WAV path.
	Speaker string
	// Mic: the interactive phase listens on the device (sim_mic =
	// "portaudio") and SPACE talks.
	Mic bool
}

// planAudio decides from the probe. forceWAV (--wav, and --unattended,
// whose checks read the WAV file) keeps the answers in wav and the
// microphone off.
func planAudio(a Audio, forceWAV bool, wav string) audioPlan {
	if forceWAV || a.Error != "" {
		return audioPlan{Speaker: wav}
	}
	p := audioPlan{Speaker: wav, Mic: a.Input}
	if a.Output {
		p.Speaker = simPortAudio
	}
	return p
}

// simPortAudio is the sim board's name of the default sound device.
const simPortAudio = "portaudio"

// describe says in a line where answers go and how to ask.
func (p audioPlan) describe(a Audio) string {
	var parts []string
	if p.Speaker == simPortAudio {
		parts = append(parts, "answers are played on "+deviceName(a.OutputName))
	} else {
		parts = append(parts, "answers are written to "+p.Speaker)
	}
	if p.Mic {
		parts = append(parts, "you can talk into "+deviceName(a.InputName))
	} else {
		parts = append(parts, "no microphone: type your questions")
	}
	why := a.Error
	if why == "" && len(a.Notes) > 0 {
		why = strings.Join(a.Notes, "; ")
	}
	if why != "" && (!p.Mic || p.Speaker != simPortAudio) {
		parts = append(parts, "("+why+")")
	}
	return strings.Join(parts, "; ")
}

func deviceName(n string) string {
	if n == "" {
		return "the audio device"
	}
	return "the audio device " + n
}
