package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"github.com/mycroft-network/mycroft/agent"
	"github.com/mycroft-network/mycroft/internal/buildinfo"
)

// printJSON writes v indented.
func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func runStatus(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "status", "[--json]")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	st, err := e.client().Status(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		return printJSON(e.stdout, st)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	board := st.Board
	if st.BoardRevision != "" {
		board += " " + st.BoardRevision
	}
	fmt.Fprintf(tw, "board:\t%s\n", board)
	fmt.Fprintf(tw, "version:\t%s\n", st.Version)
	fmt.Fprintf(tw, "uptime:\t%s\n", (time.Duration(st.UptimeSeconds) * time.Second).String())
	if len(st.Warnings) == 0 {
		fmt.Fprintf(tw, "health:\tok\n")
	}
	for _, w := range st.Warnings {
		fmt.Fprintf(tw, "warning:\t%s (%s): %s\n", w.Component, w.Severity, w.Message)
	}
	return tw.Flush()
}

func runVersion(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "version", "[--json]")
	asJSON := fs.Bool("json", false, "print JSON")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	out := struct {
		Client buildinfo.Info  `json:"client"`
		Agent  *buildinfo.Info `json:"agent,omitempty"`
		Error  string          `json:"agent_error,omitempty"`
	}{Client: buildinfo.Read()}
	var ai buildinfo.Info
	if err := e.client().Get(ctx, "/version", &ai); err != nil {
		out.Error = err.Error()
	} else {
		out.Agent = &ai
	}
	if *asJSON {
		return printJSON(e.stdout, out)
	}
	fmt.Fprintf(e.stdout, "mycroft %s (%s, %s)\n", out.Client.Version, out.Client.Platform, out.Client.GoVersion)
	if out.Agent != nil {
		fmt.Fprintf(e.stdout, "agent   %s (%s)\n", out.Agent.Version, out.Agent.Platform)
	} else {
		fmt.Fprintf(e.stdout, "agent   not reachable: %s\n", out.Error)
	}
	return nil
}

func runConfig(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] != "check" {
		return usagef("usage: mycroft config check FILE")
	}
	fs := newFlags(e, "config check", "FILE")
	if err := parseFlags(fs, args[1:], 1); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return usagef("usage: mycroft config check FILE")
	}
	if _, err := agent.LoadConfig(fs.Arg(0)); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s: ok\n", fs.Arg(0))
	return nil
}
