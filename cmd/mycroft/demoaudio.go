//go:build !device

package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/mycroft-network/mycroft/board/portaudio"
	"github.com/mycroft-network/mycroft/internal/demo"
)

// runDemoAudio is the demo's audio-device probe: it prints, as one JSON
// line (demo.Audio), whether portaudio offers a default input and output
// device in the voice format. The demo runs it as a child process so that
// portaudio's start-up diagnostics stay off the terminal and a hanging
// sound setup can be killed. A binary built without the portaudio tag
// answers {"error": "..."}: no device, typing only and WAV answers.
func runDemoAudio(_ context.Context, e *env, args []string) error {
	fs := newFlags(e, demo.ProbeCommand, "")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	var a demo.Audio
	d, err := portaudio.Devices()
	if err != nil {
		a.Error = err.Error()
	} else {
		a = demo.Audio{Input: d.Input, Output: d.Output, InputName: d.InputName, OutputName: d.OutputName, Notes: d.Notes}
	}
	b, err := json.Marshal(a)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(e.stdout, string(b))
	return err
}
