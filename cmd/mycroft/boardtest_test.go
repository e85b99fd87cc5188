package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mycroft-network/mycroft/internal/wav"
)

// simConfig writes a config for the simulated board: the mic plays a
// 1 kHz sine at amplitude amp for 3 s, the speaker writes a WAV file.
func simConfig(t *testing.T, amp float64) (cfgPath, speaker string) {
	t.Helper()
	dir := t.TempDir()
	mic := filepath.Join(dir, "mic.wav")
	samples := make([]int16, 3*16000)
	for i := range samples {
		samples[i] = int16(amp * 32767 * math.Sin(2*math.Pi*1000*float64(i)/16000))
	}
	if err := wav.WriteFile(mic, 16000, samples); err != nil {
		t.Fatal(err)
	}
	speaker = filepath.Join(dir, "speaker.wav")
	cfgPath = filepath.Join(dir, "mycroft.toml")
	cfg := fmt.Sprintf("[board]\nkind = \"sim\"\nsim_mic = %q\nsim_speaker = %q\n", mic, speaker)
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	return cfgPath, speaker
}

// runBoardTest runs `mycroft board test` with keys typed on the simulated
// keyboard once the command listens.
func runBoardTest(t *testing.T, socket, keys string, args ...string) (error, string) { //nolint:staticcheck // ST1008: reads as the CLI's (err, output)
	t.Helper()
	hold, listen := boardTestHold, boardTestListen
	t.Cleanup(func() { boardTestHold, boardTestListen = hold, listen })
	boardTestHold = 0
	pr, pw := io.Pipe()
	t.Cleanup(func() { pw.Close() })
	boardTestListen = func() { go io.WriteString(pw, keys) }
	var out, errb bytes.Buffer
	e := &env{stdout: &out, stderr: &errb, stdin: pr, socket: socket}
	err := runBoard(context.Background(), e, append([]string{"test"}, args...))
	return err, out.String()
}

func noSocket(t *testing.T) string { return filepath.Join(t.TempDir(), "none.sock") }

func TestBoardTestSimJSON(t *testing.T) {
	cfg, speaker := simConfig(t, 0.25)
	err, out := runBoardTest(t, noSocket(t), " +-", "-config", cfg, "-seconds", "0.5", "--json")
	if err != nil {
		t.Fatalf("board test: %v\n%s", err, out)
	}
	var r boardReport
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("report %q: %v", out, err)
	}
	if r.Board != "sim" || r.Faceplate.Status != stepOK || r.Text.Status != stepOK || r.Tone.Status != stepOK {
		t.Fatalf("report %+v", r)
	}
	var presses []string
	for _, in := range r.Inputs {
		if in.Kind == "button" && in.Action == "press" {
			presses = append(presses, in.Button)
		}
	}
	if strings.Join(presses, ",") != "action,volume-up,volume-down" {
		t.Fatalf("presses %q (inputs %+v)", presses, r.Inputs)
	}
	// 0.25 full scale: RMS 0.25/√2 = -15.1 dBFS, peak -12.0 dBFS.
	if r.Record.Status != stepOK || r.Record.Samples != 32000 ||
		math.Abs(r.Record.RMSdBFS+15.1) > 0.3 || math.Abs(r.Record.PeakdBFS+12.0) > 0.3 {
		t.Fatalf("record %+v", r.Record)
	}
	a, err := wav.ReadFile(speaker)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Samples) != 16000 {
		t.Fatalf("speaker got %d samples, want 16000", len(a.Samples))
	}
	peak := 0
	for _, v := range a.Samples {
		peak = max(peak, int(math.Abs(float64(v))))
	}
	if peak < 16000 || peak > 16384 {
		t.Fatalf("tone peak %d, want about half scale", peak)
	}
}

func TestBoardTestSimMuteText(t *testing.T) {
	cfg, _ := simConfig(t, 0.25)
	err, out := runBoardTest(t, noSocket(t), "m", "-config", cfg, "-seconds", "0.5")
	if err != nil {
		t.Fatalf("board test: %v\n%s", err, out)
	}
	for _, want := range []string{"board sim", "faceplate: ok", "mute switch: muted=true", "tone 1 kHz 1 s: ok", "record 2 s: ok muted"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestBoardTestRefusesWhileAgentRuns(t *testing.T) {
	dir, err := os.MkdirTemp("", "mcb")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	sock := filepath.Join(dir, "agent.sock")
	ln, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"version":"test"}`)
	})}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	// The agent is found on the socket given with -socket, and on the
	// socket of the configuration board test reads (agent.socket) when the
	// command is run without -socket.
	for _, tc := range []struct {
		name   string
		global []string
		extra  string
	}{
		{"-socket", []string{"-socket", sock}, ""},
		{"the config's agent.socket", []string{"-socket", filepath.Join(dir, "other.sock")}, fmt.Sprintf("[agent]\nsocket = %q\n", sock)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg, speaker := simConfig(t, 0.25)
			if tc.extra != "" {
				b, _ := os.ReadFile(cfg)
				if err := os.WriteFile(cfg, append([]byte(tc.extra), b...), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			var out, errb bytes.Buffer
			e := &env{stdout: &out, stderr: &errb, stdin: strings.NewReader("")}
			code := run(context.Background(), e, append(tc.global, "board", "test", "-config", cfg, "-seconds", "0"))
			if code == 0 || !strings.Contains(errb.String(), "the mycroft agent is running and holds the hardware; stop it first: sudo systemctl stop mycroft") {
				t.Fatalf("exit %d, stderr %q", code, errb.String())
			}
			if _, err := os.Stat(speaker); err == nil {
				t.Fatal("the board was opened while the agent ran")
			}
		})
	}
}

func TestBoardTestUsage(t *testing.T) {
	for _, args := range [][]string{{"board"}, {"board", "probe"}, {"board", "test", "-seconds", "-1"}, {"board", "test", "extra"}} {
		code, _, _ := runCLI(context.Background(), args...)
		if code == 0 {
			t.Errorf("%q: exit 0", args)
		}
	}
}
