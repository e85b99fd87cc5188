package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/mycroft-network/mycroft/internal/apiclient"
)

const voiceUsage = "usage: mycroft voice status [--json] | settings [--set KEY=VALUE]... [--reset] [--json] | hear FILE.wav [--wait] [--json] | faces [--since N] [--json] | last [--json]"

// runAsk asks a typed question: the agent answers (and speaks, with a
// speaker) as if it had been heard.
func runAsk(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "ask", `[--json] "QUESTION"`)
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args, 1<<10); err != nil {
		return err
	}
	q := strings.TrimSpace(strings.Join(fs.Args(), " "))
	if q == "" {
		return usagef(`usage: mycroft ask "what time is it"`)
	}
	reply, err := e.client().VoiceAsk(ctx, q)
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(e.stdout, apiclient.VoiceAskReply{Reply: reply})
	}
	fmt.Fprintln(e.stdout, reply)
	return nil
}

// pollEvery is how often `voice hear --wait` asks for the interaction.
const pollEvery = 100 * time.Millisecond

func runVoice(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 {
		return usagef(voiceUsage)
	}
	c := e.client()
	switch args[0] {
	case "status":
		fs := newFlags(e, "voice status", "[--json]")
		asJSON := fs.Bool("json", false, "print JSON")
		if err := parseFlags(fs, args[1:], 0); err != nil {
			return err
		}
		st, err := c.VoiceStatus(ctx)
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(e.stdout, st)
		}
		return printVoiceStatus(e, st)
	case "settings":
		fs := newFlags(e, "voice settings", "[--set KEY=VALUE]... [--reset] [--json]")
		var sets setFlags
		fs.Var(&sets, "set", "change a setting, at once and for good: stt (local, local-first, paid-first), keep_voice (0s never keeps, 24h...), wake (on, off) (repeatable)")
		reset := fs.Bool("reset", false, "go back to agent.toml's [voice] values (before any --set)")
		asJSON := fs.Bool("json", false, "print JSON")
		if err := parseFlags(fs, args[1:], 0); err != nil {
			return err
		}
		var st apiclient.VoiceSettings
		var err error
		if len(sets) == 0 && !*reset {
			st, err = c.VoiceSettings(ctx)
		} else {
			var req apiclient.VoiceSettingsRequest
			if req, err = voiceSettingsRequest(sets, *reset); err != nil {
				return err
			}
			st, err = c.SetVoiceSettings(ctx, req)
		}
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(e.stdout, st)
		}
		return printVoiceSettings(e, st)
	case "hear":
		fs := newFlags(e, "voice hear", "[--wait] [--json] FILE.wav")
		wait := fs.Bool("wait", false, "wait for the interaction to end and print the transcript and the reply")
		asJSON := fs.Bool("json", false, "with --wait, print the interaction as JSON")
		if err := parseFlags(fs, args[1:], 1); err != nil {
			return err
		}
		if fs.NArg() != 1 {
			return usagef("usage: mycroft voice hear [--wait] [--json] FILE.wav")
		}
		// The agent reads the file: it needs the whole path.
		path, err := filepath.Abs(fs.Arg(0))
		if err != nil {
			return err
		}
		h, err := c.VoiceHear(ctx, path)
		if err != nil {
			return err
		}
		if !*wait {
			fmt.Fprintf(e.stdout, "playing %s into the microphone\n", path)
			return nil
		}
		in, err := waitInteraction(ctx, c, h.After)
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(e.stdout, in)
		}
		return printInteraction(e, in)
	case "last":
		fs := newFlags(e, "voice last", "[--json]")
		asJSON := fs.Bool("json", false, "print JSON")
		if err := parseFlags(fs, args[1:], 0); err != nil {
			return err
		}
		in, err := c.VoiceLast(ctx)
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(e.stdout, in)
		}
		if in.ID == 0 {
			fmt.Fprintln(e.stdout, "no interaction yet")
			return nil
		}
		return printInteraction(e, in)
	case "faces":
		fs := newFlags(e, "voice faces", "[--since N] [--json]")
		since := fs.Uint64("since", 0, "only the states numbered above N")
		asJSON := fs.Bool("json", false, "print JSON")
		if err := parseFlags(fs, args[1:], 0); err != nil {
			return err
		}
		f, err := c.VoiceFaces(ctx, *since)
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(e.stdout, f)
		}
		tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "SEQ\tTIME\tSTATE")
		for _, x := range f.Faces {
			fmt.Fprintf(tw, "%d\t%s\t%s\n", x.Seq, x.At.Local().Format("15:04:05.000"), x.State)
		}
		return tw.Flush()
	default:
		return usagef(voiceUsage)
	}
}

// waitInteraction polls /voice/last until the first interaction after
// `after` has ended.
func waitInteraction(ctx context.Context, c *apiclient.Client, after uint64) (apiclient.VoiceInteraction, error) {
	for {
		in, err := c.VoiceLast(ctx)
		if err != nil {
			return in, err
		}
		if in.ID > after && in.Done {
			return in, nil
		}
		select {
		case <-ctx.Done():
			return in, ctx.Err()
		case <-time.After(pollEvery):
		}
	}
}

func printInteraction(e *env, in apiclient.VoiceInteraction) error {
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "heard:\t%s\n", in.Transcript)
	fmt.Fprintf(tw, "reply:\t%s\n", in.Reply)
	if in.Error != "" {
		fmt.Fprintf(tw, "error:\t%s\n", in.Error)
	}
	fmt.Fprintf(tw, "trigger:\t%s\n", in.Trigger)
	fmt.Fprintf(tw, "faces:\t%s\n", strings.Join(in.Faces, " → "))
	if in.Done && !in.End.IsZero() {
		fmt.Fprintf(tw, "took:\t%v\n", in.End.Sub(in.Start).Round(time.Millisecond))
	}
	return tw.Flush()
}

func printVoiceStatus(e *env, st apiclient.VoiceStatus) error {
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	if !st.Enabled {
		fmt.Fprintln(tw, "voice:\toff")
		return tw.Flush()
	}
	yes := func(b bool) string {
		if b {
			return "yes"
		}
		return "no"
	}
	fmt.Fprintf(tw, "state:\t%s\n", st.State)
	fmt.Fprintf(tw, "muted:\t%s\n", yes(st.Muted))
	fmt.Fprintf(tw, "microphone:\t%s\n", yes(st.Microphone))
	fmt.Fprintf(tw, "speaker:\t%s\n", yes(st.Speaker))
	if st.Note != "" {
		fmt.Fprintf(tw, "note:\t%s\n", st.Note)
	}
	fmt.Fprintf(tw, "frames:\t%d (dropped %d, muted reads %d, read errors %d)\n", st.Frames, st.Dropped, st.MutedReads, st.ReadErrors)
	fmt.Fprintf(tw, "utterances:\t%d (typed %d, no speech %d, errors %d)\n", st.Utterances, st.Asked, st.NoSpeech, st.Errors)
	if st.Wake != "" {
		fmt.Fprintf(tw, "wake word:\t%s\n", st.Wake)
	}
	if st.WakeNote != "" {
		fmt.Fprintf(tw, "wake note:\t%s\n", st.WakeNote)
	}
	if st.WakeConnected || st.WakeDetections > 0 {
		fmt.Fprintf(tw, "detections:\t%d (%d ignored, %d frames dropped)\n", st.WakeDetections, st.WakeIgnored, st.WakeDropped)
	}
	keep := st.KeepVoice
	if keep == "0s" {
		keep = "never"
	}
	fmt.Fprintf(tw, "keep voice:\t%s\n", keep)
	if st.LastError != "" {
		fmt.Fprintf(tw, "last error:\t%s\n", st.LastError)
	}
	return tw.Flush()
}

// voiceSettingsRequest turns --set KEY=VALUE flags into a request.
func voiceSettingsRequest(sets []string, reset bool) (apiclient.VoiceSettingsRequest, error) {
	req := apiclient.VoiceSettingsRequest{Reset: reset}
	for _, kv := range sets {
		k, v, ok := strings.Cut(kv, "=")
		v = strings.TrimSpace(v)
		if !ok || v == "" {
			return req, usagef("--set %q: want KEY=VALUE (stt, keep_voice, wake)", kv)
		}
		switch strings.TrimSpace(k) {
		case "stt":
			req.STT = v
		case "keep_voice":
			req.KeepVoice = v
		case "wake":
			on, ok := map[string]bool{"on": true, "off": false}[v]
			if !ok {
				return req, usagef("--set wake=%s: on or off", v)
			}
			req.Wake = &on
		default:
			return req, usagef("--set %q: no such setting (stt, keep_voice, wake)", kv)
		}
	}
	return req, nil
}

func printVoiceSettings(e *env, st apiclient.VoiceSettings) error {
	wake := map[bool]string{true: "on", false: "off"}[st.Wake]
	if st.WakeEngine != "" {
		wake += " (" + st.WakeEngine + ")"
	}
	stt := st.STT
	if stt == "" {
		stt = "none available"
	}
	keep := st.KeepVoice
	if keep == "0s" {
		keep = "never"
	}
	from := "agent.toml"
	if st.Owner {
		from = "the owner (stored; --reset goes back to agent.toml)"
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "wake word:\t%s\n", wake)
	fmt.Fprintf(tw, "speech to text:\t%s\n", stt)
	fmt.Fprintf(tw, "keep voice:\t%s\n", keep)
	fmt.Fprintf(tw, "set by:\t%s\n", from)
	return tw.Flush()
}
