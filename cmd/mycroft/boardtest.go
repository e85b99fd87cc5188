package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"image/color"
	"io"
	"math"
	"net"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/mycroft-network/mycroft/agent"
	"github.com/mycroft-network/mycroft/board"
	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/internal/oneline"
)

// errAgentRunning is returned by board test while an agent answers on the
// socket: the agent holds the serial port, the GPIOs and the sound card.
var errAgentRunning = errors.New("the mycroft agent is running and holds the hardware; stop it first: sudo systemctl stop mycroft")

// Hooks for tests: how long each faceplate state is held, and a call when
// the button phase starts listening.
var (
	boardTestHold   = 400 * time.Millisecond
	boardTestListen = func() {}
)

// Step statuses of the report.
const (
	stepOK      = "ok"
	stepMissing = "missing" // absent or not answering: a failure when the board or the configuration expects the part
	stepFailed  = "failed"
)

// boardStep is one check of the report.
type boardStep struct {
	Status string `json:"status"`
	Detail string `json:"detail,omitempty"`
}

type boardInput struct {
	Kind   string  `json:"kind"` // "button" or "mute"
	Button string  `json:"button,omitempty"`
	Action string  `json:"action,omitempty"`
	Muted  bool    `json:"muted,omitempty"`
	AfterS float64 `json:"after_s"`
}

type boardLevel struct {
	boardStep
	Samples  int     `json:"samples"`
	Rate     int     `json:"rate"`
	RMSdBFS  float64 `json:"rms_dbfs"`
	PeakdBFS float64 `json:"peak_dbfs"`
}

type boardReport struct {
	Board    string   `json:"board"`
	Revision string   `json:"revision,omitempty"`
	Warnings []string `json:"warnings"`
	// Missing names each part the board (or the configuration) has but
	// that is absent or does not answer, with why: "faceplate: ...".
	Missing   []string     `json:"missing"`
	Faceplate boardStep    `json:"faceplate"`
	Text      boardStep    `json:"text"`
	Buttons   boardStep    `json:"buttons"`
	Mute      boardStep    `json:"mute"`
	Inputs    []boardInput `json:"inputs"`
	Volume    boardStep    `json:"volume"`
	Tone      boardStep    `json:"tone"`
	Record    boardLevel   `json:"record"`
}

// Parts of a board, as the report names them.
const (
	partFaceplate  = "faceplate"
	partButtons    = "buttons"
	partMute       = "mute switch"
	partVolume     = "volume"
	partSpeaker    = "speaker"
	partMicrophone = "microphone"
)

// expectedParts is what a board of this name has, with the simulator's
// devices that the configuration names: a test that finds one of them
// missing fails. The Mark I has no mute switch, so none is expected there.
func expectedParts(name string, c agent.BoardConfig) []string {
	switch name {
	case board.KindMark1:
		return []string{partFaceplate, partButtons, partVolume, partSpeaker, partMicrophone}
	case board.KindMark2:
		return []string{partFaceplate, partButtons, partMute, partVolume, partSpeaker, partMicrophone}
	case board.KindSim:
		parts := []string{partFaceplate, partButtons, partMute, partVolume}
		if c.SimSpeaker != "" {
			parts = append(parts, partSpeaker)
		}
		if c.SimMic != "" {
			parts = append(parts, partMicrophone)
		}
		return parts
	}
	return nil
}

// missing fills r.Missing from the steps of the expected parts.
func (r *boardReport) missing(expected []string) {
	steps := map[string]boardStep{partFaceplate: r.Faceplate, partButtons: r.Buttons, partMute: r.Mute,
		partVolume: r.Volume, partSpeaker: r.Tone, partMicrophone: r.Record.boardStep}
	r.Missing = []string{}
	for _, p := range expected {
		st := steps[p]
		if st.Status != stepMissing {
			continue
		}
		why := st.Detail
		for _, w := range r.Warnings { // the board said why when it opened
			if _, after, ok := strings.Cut(w, ": "); why == "" && ok && strings.HasPrefix(w, p) {
				why = after
			}
		}
		r.Missing = append(r.Missing, oneline.Flatten(strings.TrimSuffix(p+": "+why, ": ")))
	}
}

func (r *boardReport) failed() int {
	n := 0
	for _, s := range []boardStep{r.Faceplate, r.Text, r.Buttons, r.Mute, r.Volume, r.Tone, r.Record.boardStep} {
		if s.Status == stepFailed {
			n++
		}
	}
	return n
}

// silenceDBFS stands for the level of digital silence (JSON has no -Inf).
const silenceDBFS = -120.0

func runBoard(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] != "test" {
		return usagef("usage: mycroft board test [-config FILE] [-board KIND] [-seconds N] [--json]")
	}
	fs := newFlags(e, "board test", "[-config FILE] [-board KIND] [-seconds N] [--json]")
	configPath := fs.String("config", agent.DefaultConfigPath, "configuration file (its [board] table)")
	kind := fs.String("board", "", "auto, mark1, mark2 or sim (overrides board.kind)")
	seconds := fs.Float64("seconds", 10, "how long to listen for button presses and the mute switch")
	asJSON := fs.Bool("json", false, "print a machine-readable report")
	if err := parseFlags(fs, args[1:], 0); err != nil {
		return err
	}
	if *seconds < 0 {
		return usagef("-seconds must not be negative")
	}
	cfg, err := agent.LoadConfig(*configPath)
	if err != nil {
		return err
	}
	// The agent of that configuration listens on its agent.socket, which
	// may not be the socket this command was given (or the default).
	for _, sock := range slices.Compact([]string{e.socket, cfg.Agent.Socket}) {
		if err := checkAgentStopped(ctx, sock); err != nil {
			return err
		}
	}
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "board" {
			cfg.Board.Kind = *kind
		}
	})
	if err := cfg.Validate(); err != nil {
		return err
	}
	out := io.Writer(e.stdout)
	if *asJSON {
		out = io.Discard
	}
	say := func(format string, a ...any) { fmt.Fprintf(out, format+"\n", a...) }
	b, err := board.Open(ctx, board.Config{
		Kind:         cfg.Board.Kind,
		SerialPort:   cfg.Board.SerialPort,
		MixerCard:    cfg.Board.MixerCard,
		MixerControl: cfg.Board.MixerControl,
		XMOSFirmware: cfg.Board.XMOSFirmware,
		ThermalZone:  cfg.Board.ThermalZone,
		SimFace:      cfg.Board.SimFace,
		SimMic:       cfg.Board.SimMic,
		SimSpeaker:   cfg.Board.SimSpeaker,
		SimKeyboard:  true,
		Stdin:        e.stdin,
		Stdout:       out,
	})
	if err != nil {
		return err
	}
	defer func() {
		if b.Close != nil {
			_ = b.Close() // best effort: the test's result is already decided
		}
	}()
	r := &boardReport{Board: b.Name, Revision: b.Revision, Warnings: append([]string{}, b.Warnings...)}
	if b.Check != nil {
		r.Warnings = append(r.Warnings, b.Check()...)
	}
	oneline.All(r.Warnings)
	say("board %s %s", b.Name, b.Revision)
	for _, w := range r.Warnings {
		say("warning: %s", w)
	}

	r.Faceplate = testFaceplate(ctx, b.Faceplate, say)
	r.Text = showText(ctx, b.Faceplate, "MYCROFT BOARD TEST")
	say("text: %s %s", r.Text.Status, r.Text.Detail)
	r.Buttons, r.Mute, r.Inputs = testInputs(ctx, b, time.Duration(*seconds*float64(time.Second)), say)
	r.Volume = testVolume(b.Volume)
	say("volume: %s %s", r.Volume.Status, r.Volume.Detail)
	r.Tone = playTone(b.Speaker, 1000, time.Second)
	say("tone 1 kHz 1 s: %s %s", r.Tone.Status, r.Tone.Detail)
	r.Record = record(b.Mic, 2*time.Second)
	say("record 2 s: %s %s", r.Record.Status, r.Record.Detail)
	if b.Faceplate != nil {
		_ = b.Faceplate.Halt() // best effort: the board closes next
	}
	r.missing(expectedParts(b.Name, cfg.Board))
	for _, m := range r.Missing {
		say("missing: %s", m)
	}
	if *asJSON {
		if err := printJSON(e.stdout, r); err != nil {
			return err
		}
	}
	return r.err()
}

// err is the test's verdict: nil when every expected part is there and no
// check failed.
func (r *boardReport) err() error {
	var parts []string
	for _, m := range r.Missing {
		name, _, _ := strings.Cut(m, ":")
		parts = append(parts, name)
	}
	n := r.failed()
	switch {
	case len(parts) > 0 && n > 0:
		return fmt.Errorf("board test: missing %s; %d check(s) failed", strings.Join(parts, ", "), n)
	case len(parts) > 0:
		return fmt.Errorf("board test: missing %s", strings.Join(parts, ", "))
	case n > 0:
		return fmt.Errorf("board test: %d check(s) failed", n)
	}
	return nil
}

// down reports whether a part that knows its line (the Mark I enclosure)
// is not answering.
func down(part any) bool {
	c, ok := part.(interface{ Connected() bool })
	return ok && !c.Connected()
}

// stepFailure is a failed step whose detail is err on one line.
func stepFailure(err error) boardStep {
	return boardStep{Status: stepFailed, Detail: oneline.Flatten(err.Error())}
}

// checkAgentStopped returns errAgentRunning when an agent answers on the
// socket, and an error when the socket cannot be checked (no permission):
// opening the hardware under a running agent would fight it for the serial
// port and the sound card.
func checkAgentStopped(ctx context.Context, socket string) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	var d net.Dialer
	c, err := d.DialContext(ctx, "unix", socket)
	if errors.Is(err, syscall.EACCES) {
		return fmt.Errorf("cannot tell whether the agent runs: permission denied on %s: run as root or in the mycroft group", socket)
	}
	if err != nil {
		return nil // nobody listens
	}
	c.Close()
	var v map[string]any
	if apiclient.New(socket).Get(ctx, "/version", &v) == nil {
		return errAgentRunning
	}
	return nil
}

// testFaceplate cycles every face state, eye colour and ring pattern.
func testFaceplate(ctx context.Context, f hal.Faceplate, say func(string, ...any)) boardStep {
	if f == nil {
		say("faceplate: missing")
		return boardStep{Status: stepMissing}
	}
	if down(f) {
		st := boardStep{Status: stepMissing, Detail: "not answering (the Arduino on the serial line is silent)"}
		say("faceplate: %s %s", st.Status, st.Detail)
		return st
	}
	colors := []color.RGBA{{255, 0, 0, 255}, {0, 255, 0, 255}, {0, 0, 255, 255}, {255, 255, 255, 255}}
	var faces []hal.Face
	for s := hal.StateIdle; s <= hal.StateMining; s++ {
		faces = append(faces, hal.Face{State: s, Volume: hal.NoVolume})
	}
	for i, c := range colors {
		faces = append(faces, hal.Face{Eyes: hal.Eyes{Color: c, Look: hal.Look(i)}, Ring: hal.Ring{Pattern: hal.RingSolid, Color: c}, Volume: hal.NoVolume})
	}
	for p := hal.RingSpin; p <= hal.RingLevel; p++ {
		faces = append(faces, hal.Face{Ring: hal.Ring{Pattern: p, Color: colors[3], Level: 0.5}, Volume: hal.NoVolume})
	}
	faces = append(faces, hal.Face{Eyes: hal.Eyes{Blink: true, Color: colors[3]}, Volume: hal.NoVolume},
		hal.Face{Volume: 0}, hal.Face{Volume: 50}, hal.Face{Volume: 100},
		hal.Face{Brightness: 1, Eyes: hal.Eyes{Color: colors[3]}, Ring: hal.Ring{Pattern: hal.RingSolid, Color: colors[3]}, Volume: hal.NoVolume})
	var errs []error
	for _, face := range faces {
		if err := f.Show(ctx, face); err != nil {
			errs = append(errs, err)
		}
		if !sleepCtx(ctx, boardTestHold) {
			break
		}
	}
	st := boardStep{Status: stepOK, Detail: fmt.Sprintf("%d faces shown", len(faces))}
	if err := errors.Join(errs...); err != nil {
		st = stepFailure(err)
	}
	say("faceplate: %s %s", st.Status, st.Detail)
	return st
}

func showText(ctx context.Context, f hal.Faceplate, text string) boardStep {
	if f == nil || down(f) {
		return boardStep{Status: stepMissing}
	}
	if err := f.Show(ctx, hal.Face{Mouth: hal.Mouth{Text: text}, Volume: hal.NoVolume}); err != nil {
		return stepFailure(err)
	}
	sleepCtx(ctx, boardTestHold)
	return boardStep{Status: stepOK, Detail: text}
}

// testInputs reports every button event and mute change for d.
func testInputs(ctx context.Context, b *hal.Board, d time.Duration, say func(string, ...any)) (buttons, mute boardStep, inputs []boardInput) {
	buttons, mute = boardStep{Status: stepMissing}, boardStep{Status: stepMissing}
	if b.Buttons == nil && b.Mute == nil {
		say("buttons and mute switch: missing")
		return buttons, mute, []boardInput{}
	}
	say("press each button and flip the mute switch within %s", d)
	ctx, cancel := context.WithTimeout(ctx, d)
	defer cancel()
	start := time.Now()
	var (
		mu   sync.Mutex
		wg   sync.WaitGroup
		errs [2]error
	)
	inputs = []boardInput{}
	add := func(in boardInput) {
		mu.Lock()
		defer mu.Unlock()
		in.AfterS = math.Round(time.Since(start).Seconds()*100) / 100
		inputs = append(inputs, in)
		if in.Kind == "button" {
			say("  button %s %s", in.Button, in.Action)
		} else {
			say("  mute switch: muted=%v", in.Muted)
		}
	}
	last := false
	if b.Mute != nil {
		var err error
		if last, err = b.Mute.State(); err != nil {
			errs[1] = err
		}
	}
	if b.Buttons != nil {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				ev, err := b.Buttons.Wait(ctx)
				if err != nil {
					if ctx.Err() == nil {
						errs[0] = err
					}
					return
				}
				add(boardInput{Kind: "button", Button: ev.Button.String(), Action: ev.Action.String()})
			}
		}()
	}
	if b.Mute != nil && errs[1] == nil {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				on, err := b.Mute.WaitChange(ctx, last)
				if err != nil {
					if ctx.Err() == nil {
						errs[1] = err
					}
					return
				}
				last = on
				add(boardInput{Kind: "mute", Muted: on})
			}
		}()
	}
	boardTestListen()
	wg.Wait()
	count := func(kind string) int {
		n := 0
		for _, in := range inputs {
			if in.Kind == kind {
				n++
			}
		}
		return n
	}
	if b.Buttons != nil {
		buttons = boardStep{Status: stepOK, Detail: fmt.Sprintf("%d events", count("button"))}
		switch {
		case errs[0] != nil:
			buttons = stepFailure(errs[0])
		case down(b.Buttons):
			buttons = boardStep{Status: stepMissing, Detail: "not answering (the Arduino on the serial line is silent)"}
		}
	}
	if b.Mute != nil {
		mute = boardStep{Status: stepOK, Detail: fmt.Sprintf("%d changes, muted=%v at the end", count("mute"), last)}
		if errs[1] != nil {
			mute = stepFailure(errs[1])
		}
	}
	return buttons, mute, inputs
}

func testVolume(v hal.Volume) boardStep {
	if v == nil {
		return boardStep{Status: stepMissing}
	}
	level, err := v.Volume()
	if err != nil {
		return stepFailure(err)
	}
	return boardStep{Status: stepOK, Detail: fmt.Sprintf("level %d", level)}
}

// playTone plays a sine of freq Hz at -6 dBFS for d.
func playTone(s hal.Speaker, freq float64, d time.Duration) boardStep {
	if s == nil {
		return boardStep{Status: stepMissing}
	}
	f := s.Format()
	ch := max(f.Channels, 1)
	total := int(int64(f.Rate) * int64(d) / int64(time.Second))
	period := max(f.Rate/100, 1)
	buf := make([]int16, period*ch)
	for done := 0; done < total; {
		n := min(period, total-done)
		for i := 0; i < n; i++ {
			v := int16(0.5 * 32767 * math.Sin(2*math.Pi*freq*float64(done+i)/float64(f.Rate)))
			for c := 0; c < ch; c++ {
				buf[i*ch+c] = v
			}
		}
		if _, err := s.Write(buf[:n*ch]); err != nil {
			return stepFailure(err)
		}
		done += n
	}
	return boardStep{Status: stepOK, Detail: fmt.Sprintf("%d samples at %d Hz", total, f.Rate)}
}

// record reads d of audio and measures its level (first channel).
func record(m hal.Mic, d time.Duration) boardLevel {
	if m == nil {
		return boardLevel{boardStep: boardStep{Status: stepMissing}}
	}
	f := m.Format()
	ch := max(f.Channels, 1)
	want := int(int64(f.Rate) * int64(d) / int64(time.Second))
	r := boardLevel{Rate: f.Rate}
	buf := make([]int16, max(f.Rate/50, 1)*ch)
	var sum float64
	var peak int
	var readErr error
	for r.Samples < want {
		n, err := m.Read(buf)
		for i := 0; i+ch <= n && r.Samples < want; i += ch {
			v := float64(buf[i])
			sum += v * v
			if a := int(math.Abs(v)); a > peak {
				peak = a
			}
			r.Samples++
		}
		if err != nil {
			readErr = err
			break
		}
	}
	r.RMSdBFS, r.PeakdBFS = silenceDBFS, silenceDBFS
	if r.Samples > 0 {
		r.RMSdBFS = dbfs(math.Sqrt(sum / float64(r.Samples)))
		r.PeakdBFS = dbfs(float64(peak))
	}
	switch {
	case errors.Is(readErr, hal.ErrMuted):
		r.boardStep = boardStep{Status: stepOK, Detail: "muted: the mute switch is on"}
	case readErr != nil && !errors.Is(readErr, io.EOF):
		r.boardStep = stepFailure(readErr)
	default:
		r.boardStep = boardStep{Status: stepOK, Detail: fmt.Sprintf("%d samples, RMS %.1f dBFS, peak %.1f dBFS", r.Samples, r.RMSdBFS, r.PeakdBFS)}
		if readErr != nil {
			r.Detail += " (the source ended early)"
		}
	}
	return r
}

func dbfs(v float64) float64 {
	if v <= 0 {
		return silenceDBFS
	}
	return math.Max(silenceDBFS, math.Round(20*math.Log10(v/32768)*10)/10)
}

func sleepCtx(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return ctx.Err() == nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
