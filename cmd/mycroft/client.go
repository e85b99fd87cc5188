package main

import (
	"context"
	"fmt"

	"github.com/mycroft-network/mycroft/agent"
	"github.com/mycroft-network/mycroft/internal/buildinfo"
)

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
