//go:build !device

package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain/devnet"
	"github.com/mycroft-network/mycroft/internal/demo"
)

// devCommands are the development commands, left out of device builds
// (-tags device) so they never link the dev chain.
func devCommands() []command {
	return []command{
		{"devnet", "run the development chain with the Mycroft contracts until interrupted", runDevnet},
		{"demo", "run the whole network on this machine and a spoken session on the terminal", runDemo},
		{demo.ProbeCommand, "(internal) the demo's audio-device probe: JSON of the default input and output", runDemoAudio},
	}
}

func runDevnet(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "devnet", "[-port N] [-period D] [-manifest FILE] [-fund ADDR,...]")
	host := fs.String("host", "127.0.0.1", "address to serve JSON-RPC on (keep it on loopback)")
	port := fs.Int("port", 8545, "HTTP and WebSocket JSON-RPC port (0 = a free port)")
	period := fs.Duration("period", time.Second, "seal a block at least this often")
	manifest := fs.String("manifest", "", "write the deployment manifest to this file")
	fund := fs.String("fund", "", "comma-separated 0x addresses to fund with ether and MYC")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	cfg := devnet.Config{Host: *host, Port: *port, BlockPeriod: *period, ManifestPath: *manifest}
	for _, a := range strings.Split(*fund, ",") {
		a = strings.TrimSpace(a)
		if a == "" {
			continue
		}
		if !common.IsHexAddress(a) {
			return usagef("-fund: %q is not an address", a)
		}
		cfg.Accounts = append(cfg.Accounts, common.HexToAddress(a))
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	d, err := devnet.Start(ctx, cfg)
	if err != nil {
		return err
	}
	defer d.Close()
	out, err := json.Marshal(struct {
		URL      string `json:"url"`
		WSURL    string `json:"wsUrl"`
		Manifest any    `json:"manifest"`
	}{d.URL, d.WSURL, d.Manifest})
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, string(out))
	<-ctx.Done()
	return d.Close()
}

func runDemo(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "demo", "[--unattended] [--wav] [--keep] [--workdir DIR] [--report FILE]")
	unattended := fs.Bool("unattended", false, "run the checks and exit (0 when all pass); no interactive phase; implies --wav")
	wav := fs.Bool("wav", false, "use no audio device: answers go to speaker.wav in the work directory, questions are typed")
	keep := fs.Bool("keep", false, "keep the work directory (state, configs, logs) at the end")
	workdir := fs.String("workdir", "", "work directory (default: a new temporary directory)")
	report := fs.String("report", "", "write a JSON report of every number checked to FILE")
	if err := parseFlags(fs, args, 0); err != nil {
		return err
	}
	if miss := demo.NeedTools(); len(miss) > 0 {
		return fmt.Errorf("demo: missing %s (Debian: apt-get install flite pocketsphinx pocketsphinx-en-us, or make deps)", strings.Join(miss, ", "))
	}
	// SIGHUP too: a closed terminal window must still stop every child
	// (they run in their own process groups and would otherwise be left).
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	return demo.Run(ctx, demo.Options{Unattended: *unattended, WAV: *wav, Keep: *keep, WorkDir: *workdir, Report: *report, Stdin: e.stdin, Stdout: e.stdout})
}
