package agent

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain/devnet"
)

// testChain starts a devnet that seals a block as each transaction
// arrives, with accounts funded and its deployment manifest written, and
// closes it when the test ends.
func testChain(t testing.TB, ctx context.Context, accounts ...common.Address) (*devnet.Devnet, string) {
	t.Helper()
	manifest := filepath.Join(t.TempDir(), "deployment.json")
	d, err := devnet.Start(ctx, devnet.Config{Accounts: accounts, BlockPeriod: -1, ManifestPath: manifest})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d, manifest
}

// onTestChain points cfg at the devnet d (manifest from testChain), with
// a SoC that reads cool and a load limit a busy test machine does not
// reach, so the idle policy lets mining run.
func onTestChain(t testing.TB, cfg *Config, d *devnet.Devnet, manifest string) {
	t.Helper()
	thermal := filepath.Join(t.TempDir(), "temp")
	if err := os.WriteFile(thermal, []byte("45000\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg.Chain.RPCURL, cfg.Chain.Manifest = d.URL, manifest
	cfg.Board.ThermalZone, cfg.Miner.MaxLoad = thermal, 16
}

// chainDownAtBoot shortens the chain check for the test and returns a
// loopback port no chain answers on yet, and the manifest of the
// contracts a devnet started there later will have (the devnet's fixed
// deployer gives the same addresses every time: written from a first run).
func chainDownAtBoot(t testing.TB, ctx context.Context) (port int, manifest string) {
	t.Helper()
	old := chainCheckInterval
	chainCheckInterval = 50 * time.Millisecond
	t.Cleanup(func() { chainCheckInterval = old })
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port = ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	manifest = filepath.Join(t.TempDir(), "deployment.json")
	probe, err := devnet.Start(ctx, devnet.Config{BlockPeriod: -1, ManifestPath: manifest})
	if err != nil {
		t.Fatal(err)
	}
	probe.Close()
	return port, manifest
}
