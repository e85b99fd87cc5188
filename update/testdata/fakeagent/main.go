// Command fakeagent is the device in the update tests: built with
// different -ldflags versions, it is both the installed binary (the
// launcher of the A/B slots) and what runs from a slot. It launches as
// `mycroft agent` does, speaks sd_notify (READY=1 with its version in
// STATUS, STOPPING=1), runs the real update.Updater against the chain and
// restarts by executing the launcher. main.broken=1 exits at start (a
// release that does not run); main.unhealthy=1 runs but never reports
// healthy.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/miner/storage"
	"github.com/mycroft-network/mycroft/update"
)

var (
	version   = "v1.0.0"
	broken    = ""
	unhealthy = ""
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "fakeagent:", err)
		os.Exit(1)
	}
}

func run() error {
	slotsDir := flag.String("slots", "", "slots directory")
	rpc := flag.String("rpc", "", "chain JSON-RPC URL")
	manifest := flag.String("manifest", "", "chain manifest")
	mirrors := flag.String("mirrors", "", "comma-separated mirror URLs")
	nodes := flag.String("nodes", "", "comma-separated storage node URLs")
	interval := flag.Duration("interval", 100*time.Millisecond, "check interval")
	health := flag.Duration("health-timeout", 3*time.Second, "health timeout")
	busy := flag.String("busy-file", "", "while this file exists the owner is speaking")
	flag.Parse()
	log := slog.New(slog.NewTextHandler(os.Stderr, nil)).With("version", version, "pid", os.Getpid())
	running := update.RunningVersion(version)
	slots := &update.Slots{Dir: *slotsDir}

	exe, rolled, err := slots.Launch(running)
	if rolled != nil {
		log.Warn("launcher rolled back", "version", rolled.Version, "to", rolled.To, "reason", rolled.Reason)
	}
	if err != nil {
		log.Error("launch", "err", err)
	}
	if exe != "" {
		return update.ExecSlot(exe)
	}
	if broken != "" {
		return fmt.Errorf("%s is broken and exits at start", version)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()
	m, err := chain.LoadManifest(*manifest)
	if err != nil {
		return err
	}
	c, err := chain.Dial(ctx, *rpc, m)
	if err != nil {
		return err
	}
	defer c.Close()
	var sns []update.StorageNode
	for _, n := range split(*nodes) {
		sns = append(sns, &storage.Client{Base: n})
	}
	restart := make(chan struct{})
	u, err := update.New(update.Config{
		Running: running, Slot: os.Getenv(update.EnvSlot), Auto: true,
		Interval: *interval, HealthTimeout: *health,
		Source:  func() update.Source { return c },
		Fetcher: &update.Fetcher{Dir: update.DownloadDir(*slotsDir), Mirrors: split(*mirrors), Nodes: func(context.Context) []update.StorageNode { return sns }, Log: log},
		Slots:   slots,
		Busy: func() string {
			if _, err := os.Stat(*busy); *busy != "" && err == nil {
				return "the owner is speaking"
			}
			return ""
		},
		Healthy: func() error {
			if unhealthy != "" {
				return fmt.Errorf("board: not detected")
			}
			return nil
		},
		Restart: func() { close(restart) },
		Log:     log,
	})
	if err != nil {
		return err
	}
	notify("READY=1\nSTATUS=version " + running.String())
	rctx, cancel := context.WithCancel(ctx)
	go func() {
		select {
		case <-restart:
		case <-ctx.Done():
		}
		cancel()
	}()
	err = u.Run(rctx)
	notify("STOPPING=1")
	select {
	case <-restart:
		c.Close()
		return update.Reexec()
	default:
	}
	if ctx.Err() != nil {
		return nil
	}
	return err
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

func notify(state string) {
	addr := os.Getenv("NOTIFY_SOCKET")
	if addr == "" {
		return
	}
	c, err := net.DialUnix("unixgram", nil, &net.UnixAddr{Name: addr, Net: "unixgram"})
	if err != nil {
		return
	}
	defer c.Close()
	_, _ = c.Write([]byte(state))
}
