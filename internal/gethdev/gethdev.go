// Package gethdev runs go-ethereum's developer chain (`geth --dev`) as a
// separate process for tests: a real node behind real JSON-RPC over HTTP,
// unlike the in-process chain/devnet. The geth binary is built once from
// the go-ethereum version this module pins (go install ...@version) into
// the Go build cache, keyed by that version; MYCROFT_GETH names a
// prebuilt binary instead. A failed build fails the test: it is never
// skipped.
//
// Only tests import it.
package gethdev

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"fmt"
	"io"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"
)

// ChainID is the developer chain's id.
const ChainID = 1337

// DevKey is the key geth --dev funds in its genesis when its keystore is
// empty (go-ethereum's public developer key; never use it elsewhere).
func DevKey() *ecdsa.PrivateKey {
	k, err := crypto.HexToECDSA("b71c71a67e1177ad4e901695e1b4b9ee17ae16c6668d313eac2f96dbcda3f291")
	if err != nil {
		panic("gethdev: dev key: " + err.Error()) // constant input
	}
	return k
}

const module = "github.com/ethereum/go-ethereum"

// Version is the go-ethereum version the module pins: from the binary's
// build information, else (test binaries carry none) from go list, run in
// the test's package directory inside the module.
func Version() (string, error) {
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, d := range bi.Deps {
			if d.Path == module && d.Version != "" && d.Version != "(devel)" {
				if d.Replace != nil {
					return d.Replace.Version, nil
				}
				return d.Version, nil
			}
		}
	}
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Version}}", module).Output()
	if err != nil {
		return "", fmt.Errorf("gethdev: go list -m %s: %w", module, err)
	}
	v := strings.TrimSpace(string(out))
	if !strings.HasPrefix(v, "v") {
		return "", fmt.Errorf("gethdev: go list -m %s: version %q", module, v)
	}
	return v, nil
}

var (
	buildMu    sync.Mutex
	builtPaths = map[string]string{}
)

// Binary returns the path of a geth binary of the pinned version, building
// it on first use (a few minutes; later runs find it in the cache).
func Binary(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("MYCROFT_GETH"); p != "" {
		return p
	}
	v, err := Version()
	if err != nil {
		t.Fatal(err)
	}
	buildMu.Lock()
	defer buildMu.Unlock()
	if p, ok := builtPaths[v]; ok {
		return p
	}
	p, err := build(v)
	if err != nil {
		t.Fatalf("gethdev: build geth %s: %v", v, err)
	}
	builtPaths[v] = p
	return p
}

func build(version string) (string, error) {
	out, err := exec.Command("go", "env", "GOCACHE").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOCACHE: %w", err)
	}
	dir := filepath.Join(strings.TrimSpace(string(out)), "mycroft-geth", version)
	bin := filepath.Join(dir, "geth")
	if fi, err := os.Stat(bin); err == nil && fi.Mode().IsRegular() {
		return bin, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	// Test binaries of several packages start at once under go test ./...:
	// one builds, the others wait and find its binary.
	unlock, err := lockDir(dir)
	if err != nil {
		return "", err
	}
	defer unlock()
	if fi, err := os.Stat(bin); err == nil && fi.Mode().IsRegular() {
		return bin, nil
	}
	// Build into a directory of our own and rename, so a binary at bin is
	// always a whole one.
	tmp, err := os.MkdirTemp(dir, "build-")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	cmd := exec.Command("go", "install", module+"/cmd/geth@"+version)
	cmd.Env = append(os.Environ(), "GOBIN="+tmp, "GOFLAGS=")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("%v: %s", err, tail(out, 2000))
	}
	if err := os.Rename(filepath.Join(tmp, "geth"), bin); err != nil {
		return "", err
	}
	return bin, nil
}

func tail(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return b
}

// Node is a running geth --dev.
type Node struct {
	// URL is the HTTP JSON-RPC endpoint (eth, net, web3).
	URL string
	// Client is connected to URL.
	Client *ethclient.Client
	cmd    *exec.Cmd
}

var httpLine = regexp.MustCompile(`HTTP server started\s+endpoint=([0-9.]+:[0-9]+)`)

// Start runs geth --dev in a temporary data directory on free loopback
// ports, sealing a block only when a transaction arrives, and stops it at
// the end of the test.
func Start(t testing.TB) *Node {
	t.Helper()
	bin := Binary(t)
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, bin,
		"--dev", "--dev.period", "0", "--datadir", t.TempDir(),
		"--http", "--http.addr", "127.0.0.1", "--http.port", "0", "--http.api", "eth,net,web3",
		"--authrpc.port", "0", "--port", "0", "--nodiscover", "--maxpeers", "0", "--ipcdisable",
		"--verbosity", "3")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	cmd.Stdout = io.Discard
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatalf("gethdev: start %s: %v", bin, err)
	}
	n := &Node{cmd: cmd}
	t.Cleanup(func() {
		if n.Client != nil {
			n.Client.Close()
		}
		cancel()
		_ = cmd.Wait()
	})
	found := make(chan string, 1)
	var logTail strings.Builder
	go func() {
		sc := bufio.NewScanner(stderr)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		sent := false
		for sc.Scan() {
			line := sc.Text()
			if !sent {
				if logTail.Len() < 8<<10 {
					logTail.WriteString(line + "\n")
				}
				if m := httpLine.FindStringSubmatch(line); m != nil {
					found <- m[1]
					sent = true
				}
			}
		}
		if !sent {
			close(found)
		}
	}()
	select {
	case ep, ok := <-found:
		if !ok {
			t.Fatalf("gethdev: geth exited before serving HTTP:\n%s", logTail.String())
		}
		n.URL = "http://" + ep
	case <-time.After(2 * time.Minute):
		t.Fatal("gethdev: geth did not start its HTTP server within 2 minutes")
	}
	c, err := ethclient.Dial(n.URL)
	if err != nil {
		t.Fatal(err)
	}
	n.Client = c
	return n
}

// Fund sends amount wei from the developer account to each address and
// waits for the transfers to be mined.
func (n *Node) Fund(t testing.TB, amount *big.Int, to ...common.Address) {
	t.Helper()
	for _, a := range to {
		n.Send(t, DevKey(), &a, amount, nil)
	}
}

// Send signs a transaction from key and waits for its receipt (a block is
// sealed for it); it returns the receipt.
func (n *Node) Send(t testing.TB, key *ecdsa.PrivateKey, to *common.Address, value *big.Int, data []byte) *types.Receipt {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	from := crypto.PubkeyToAddress(key.PublicKey)
	nonce, err := n.Client.PendingNonceAt(ctx, from)
	if err != nil {
		t.Fatal(err)
	}
	head, err := n.Client.HeaderByNumber(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	tip := big.NewInt(1e9)
	feeCap := new(big.Int).Add(tip, new(big.Int).Mul(head.BaseFee, big.NewInt(2)))
	gas, err := n.Client.EstimateGas(ctx, ethereum.CallMsg{From: from, To: to, Value: value, Data: data})
	if err != nil {
		t.Fatalf("gethdev: estimate gas: %v", err)
	}
	gas += gas / 4
	tx, err := types.SignNewTx(key, types.LatestSignerForChainID(big.NewInt(ChainID)), &types.DynamicFeeTx{
		ChainID: big.NewInt(ChainID), Nonce: nonce, GasTipCap: tip, GasFeeCap: feeCap,
		Gas: gas, To: to, Value: value, Data: data,
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := n.Client.SendTransaction(ctx, tx); err != nil {
		t.Fatalf("gethdev: send: %v", err)
	}
	for {
		r, err := n.Client.TransactionReceipt(ctx, tx.Hash())
		if err == nil {
			if r.Status != types.ReceiptStatusSuccessful {
				t.Fatalf("gethdev: transaction %s failed", tx.Hash())
			}
			return r
		}
		select {
		case <-ctx.Done():
			t.Fatalf("gethdev: no receipt for %s: %v", tx.Hash(), ctx.Err())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// Mine seals n blocks by sending n empty transfers from the developer
// account to itself.
func (n *Node) Mine(t testing.TB, blocks int) {
	t.Helper()
	me := crypto.PubkeyToAddress(DevKey().PublicKey)
	for range blocks {
		n.Send(t, DevKey(), &me, new(big.Int), nil)
	}
}
