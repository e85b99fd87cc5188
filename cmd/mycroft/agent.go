package main

import (
	"context"
	"errors"
	"flag"
	"log/slog"

	"github.com/mycroft-network/mycroft/agent"
	"github.com/mycroft-network/mycroft/update"
)

func runAgent(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "agent", "[-config FILE] [flags]")
	configPath := fs.String("config", agent.DefaultConfigPath, "configuration file")
	stateDir := fs.String("state-dir", "", "state directory (overrides agent.state_dir)")
	socket := fs.String("socket", "", "local API socket (overrides agent.socket)")
	boardKind := fs.String("board", "", "auto, mark1, mark2 or sim (overrides board.kind)")
	logLevel := fs.String("log-level", "", "debug, info, warn or error (overrides agent.log_level)")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	cfg, err := agent.LoadConfig(*configPath)
	if err != nil {
		return err
	}
	// Flags override the file.
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "state-dir":
			cfg.Agent.StateDir = *stateDir
		case "socket":
			cfg.Agent.Socket = *socket
		case "board":
			cfg.Board.Kind = *boardKind
		case "log-level":
			cfg.Agent.LogLevel = *logLevel
		}
	})
	if err := cfg.Validate(); err != nil {
		return err
	}
	var level slog.Level
	_ = level.UnmarshalText([]byte(cfg.Agent.LogLevel))
	log := slog.New(slog.NewTextHandler(e.stderr, &slog.HandlerOptions{Level: level}))

	if err := noCoreDumps(); err != nil {
		log.Warn("cannot disable core dumps", "err", err)
	}
	// The installed binary launches the current A/B slot (docs/updates.md).
	agent.Launch(cfg, log)
	ctx, quit := context.WithCancel(ctx)
	defer quit()
	a, err := agent.New(ctx, cfg, agent.Options{Logger: log, OpenBoard: boardOpener(quit)})
	if err != nil {
		return err
	}
	err = a.Run(ctx)
	if errors.Is(err, context.Canceled) {
		err = nil
	}
	if a.RestartRequested() {
		log.Info("restarting into the current slot")
		return update.Reexec()
	}
	if err == nil {
		log.Info("agent stopped")
	}
	return err
}
