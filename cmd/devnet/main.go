// Command devnet runs the Mycroft development chain: an in-process
// go-ethereum node on loopback with every Mycroft contract deployed, the
// given accounts funded, and the deployment manifest written. It runs until
// interrupted. For development and the demo only.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain/devnet"
)

func main() {
	fs := flag.NewFlagSet("devnet", flag.ExitOnError)
	host := fs.String("host", "127.0.0.1", "address to serve JSON-RPC on (keep it on loopback)")
	port := fs.Int("port", 8545, "HTTP and WebSocket JSON-RPC port (0 = a free port)")
	period := fs.Duration("period", time.Second, "seal a block at least this often")
	manifest := fs.String("manifest", "", "write the deployment manifest to this file")
	fund := fs.String("fund", "", "comma-separated 0x addresses to fund with ether and MYC")
	verbose := fs.Bool("v", false, "log debug messages")
	fs.Parse(os.Args[1:])

	level := slog.LevelInfo
	if *verbose {
		level = slog.LevelDebug
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))
	cfg := devnet.Config{Host: *host, Port: *port, BlockPeriod: *period, ManifestPath: *manifest, Logger: log}
	for _, a := range strings.Split(*fund, ",") {
		a = strings.TrimSpace(a)
		if a == "" {
			continue
		}
		if !common.IsHexAddress(a) {
			fmt.Fprintf(os.Stderr, "devnet: -fund: %q is not an address\n", a)
			os.Exit(2)
		}
		cfg.Accounts = append(cfg.Accounts, common.HexToAddress(a))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, cfg); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(ctx context.Context, cfg devnet.Config) error {
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
	fmt.Println(string(out))
	<-ctx.Done()
	return d.Close()
}
