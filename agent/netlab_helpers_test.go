package agent

import (
	"bufio"
	"context"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	toml "github.com/pelletier/go-toml/v2"

	"github.com/mycroft-network/mycroft/chain/devnet"
	"github.com/mycroft-network/mycroft/internal/netlab"
	"github.com/mycroft-network/mycroft/p2p"
)

// labHelpers are the roles this test binary plays in a lab's namespaces
// (netlab_test.go): each prints "ready …" once serving, then runs until
// interrupted.
var labHelpers = map[string]netlab.HelperFunc{
	"devnet": devnetHelper,
	"relay":  relayHelper,
	"agent":  agentHelper,
}

// devnetHelper serves the development chain's JSON-RPC on the
// namespace's address: -host A -manifest FILE -fund ADDR,ADDR.
func devnetHelper(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("devnet", flag.ContinueOnError)
	host := fs.String("host", "", "address to serve on")
	manifest := fs.String("manifest", "", "deployment manifest to write")
	fund := fs.String("fund", "", "addresses to fund")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg := devnet.Config{Host: *host, BlockPeriod: -1, ManifestPath: *manifest}
	for _, a := range strings.Split(*fund, ",") {
		cfg.Accounts = append(cfg.Accounts, common.HexToAddress(a))
	}
	d, err := devnet.Start(ctx, cfg)
	if err != nil {
		return err
	}
	defer d.Close()
	fmt.Printf("ready %s\n", d.URL)
	<-ctx.Done()
	return nil
}

// relayHelper is a public node that relays for others: -key HEX.
func relayHelper(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("relay", flag.ContinueOnError)
	key := fs.String("key", "", "wallet key, hex")
	if err := fs.Parse(args); err != nil {
		return err
	}
	raw, err := hex.DecodeString(*key)
	if err != nil {
		return err
	}
	id, err := p2p.IdentityFromRaw(raw)
	if err != nil {
		return err
	}
	h, err := p2p.New(ctx, p2p.Config{Identity: id, RelayService: true, AutoNATService: true,
		Reachability: p2p.ReachabilityPublic,
		ListenAddrs:  []string{"/ip4/0.0.0.0/tcp/4001", "/ip4/0.0.0.0/udp/4001/quic-v1"}})
	if err != nil {
		return err
	}
	defer h.Close()
	fmt.Printf("ready %s\n", h.ID())
	<-ctx.Done()
	return nil
}

// agentHelper runs an agent from a configuration file on the simulated
// board: -config FILE -speaker WAV.
func agentHelper(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("agent", flag.ContinueOnError)
	path := fs.String("config", "", "configuration file")
	speaker := fs.String("speaker", "", "the simulated speaker's WAV file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	cfg, err := LoadConfig(*path)
	if err != nil {
		return err
	}
	a, err := New(ctx, cfg, Options{OpenBoard: simBoard(*speaker)})
	if err != nil {
		return err
	}
	fmt.Println("ready")
	return a.Run(ctx)
}

// labProc is a helper process in a lab namespace: its first line
// ("ready …") read, its standard error kept for a failing test's log.
type labProc struct {
	name   string
	ready  string
	cancel context.CancelFunc
	done   chan error
	mu     sync.Mutex
	stderr strings.Builder
}

func (p *labProc) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stderr.Write(b)
}

// startProc starts role in ns and waits for its "ready" line.
func startProc(t *testing.T, ns *netlab.Namespace, name, role string, args ...string) *labProc {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	p := &labProc{name: name, cancel: cancel, done: make(chan error, 1)}
	cmd := ns.Helper(ctx, role, args...)
	cmd.Stderr = p
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 20 * time.Second
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			select {
			case lines <- sc.Text():
			default:
			}
		}
		_, _ = io.Copy(io.Discard, out)
	}()
	go func() { p.done <- cmd.Wait() }()
	t.Cleanup(func() {
		p.stop()
		if t.Failed() {
			p.mu.Lock()
			t.Logf("%s stderr:\n%s", name, p.stderr.String())
			p.mu.Unlock()
		}
	})
	select {
	case l := <-lines:
		rest, ok := strings.CutPrefix(l, "ready")
		if !ok {
			t.Fatalf("%s: %q, want ready", name, l)
		}
		p.ready = strings.TrimSpace(rest)
	case err := <-p.done:
		p.mu.Lock()
		defer p.mu.Unlock()
		t.Fatalf("%s exited: %v\n%s", name, err, p.stderr.String())
	case <-time.After(60 * time.Second):
		t.Fatalf("%s: not ready within a minute", name)
	}
	return p
}

// stop interrupts the process and waits for it (idempotent).
func (p *labProc) stop() {
	p.cancel()
	select {
	case err := <-p.done:
		p.done <- err
	case <-time.After(30 * time.Second):
	}
}

// writeConfig writes cfg as the agent's TOML configuration file.
func writeConfig(t *testing.T, cfg Config) string {
	t.Helper()
	b, err := toml.Marshal(cfg)
	if err != nil {
		t.Fatal(err)
	}
	path := t.TempDir() + "/agent.toml"
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
