package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain/devnet"
	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/keystore"
	"github.com/mycroft-network/mycroft/miner"
)

// TestMain lets the test binary act as `mycroft miner-worker`, as the real
// binary does: an in-process agent with a storage node starts its verify
// worker from os.Executable(), which in a test is this binary.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == miner.WorkerCommand {
		e := &env{stdout: os.Stdout, stderr: os.Stderr, stdin: strings.NewReader("")}
		os.Exit(run(context.Background(), e, os.Args[1:]))
	}
	os.Exit(m.Run())
}

// TestWalletAndMinerOnDevnet runs `mycroft agent` on a devnet with a
// keyring unlocked from a passphrase file and the provider on loopback,
// then reads the wallet and stakes as a storage node through the CLI.
func TestWalletAndMinerOnDevnet(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	dir, err := os.MkdirTemp("", "mc")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	state := filepath.Join(dir, "state")
	if err := os.MkdirAll(state, 0o700); err != nil {
		t.Fatal(err)
	}
	pass := "a passphrase long enough for tests"
	ks, err := keystore.New(keystore.Options{Dir: state, ChainID: big.NewInt(devnet.ChainID), ScryptLogN: keystore.MinScryptLogN})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ks.Init(ctx, []byte(pass)); err != nil {
		t.Fatal(err)
	}
	addr := ks.Address()
	ks.Close()
	passFile := filepath.Join(dir, "pass")
	if err := os.WriteFile(passFile, []byte(pass+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	manifest := filepath.Join(dir, "deployment.json")
	dn, err := devnet.Start(ctx, devnet.Config{Accounts: []common.Address{addr}, BlockPeriod: -1, ManifestPath: manifest})
	if err != nil {
		t.Fatal(err)
	}
	defer dn.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	listen := ln.Addr().String()
	ln.Close()
	thermal := filepath.Join(dir, "temp")
	os.WriteFile(thermal, []byte("45000\n"), 0o600)

	sock := filepath.Join(dir, "a.sock")
	conf := filepath.Join(dir, "agent.toml")
	os.WriteFile(conf, []byte(fmt.Sprintf(`[agent]
state_dir = %q
socket_group = ""
[board]
kind = "sim"
thermal_zone = %q
[chain]
rpc_url = %q
manifest = %q
[keys]
passphrase_file = %q
[provider]
enabled = true
listen = %q
[miner]
max_load = 16.0
[p2p] # on by default: a port of its own on loopback
listen_addrs = ["/ip4/127.0.0.1/tcp/0"]
`, state, thermal, dn.URL, manifest, passFile, listen)), 0o600)

	actx, stop := context.WithCancel(ctx)
	done := make(chan int, 1)
	var agentErr string
	go func() {
		code, _, stderr := runCLI(actx, "agent", "-config", conf, "-socket", sock)
		agentErr = stderr
		done <- code
	}()
	defer func() {
		stop()
		if code := <-done; code != 0 {
			t.Errorf("agent exit %d: %s", code, agentErr)
		}
	}()
	c := apiclient.New(sock)
	for {
		if _, err := c.Status(ctx); err == nil {
			break
		}
		select {
		case code := <-done:
			done <- code
			t.Fatalf("agent exited with %d: %s", code, agentErr)
		case <-time.After(10 * time.Millisecond):
		}
	}

	code, out, stderr := runCLI(ctx, "-socket", sock, "wallet", "balance", "--json")
	var bal apiclient.WalletBalance
	if code != 0 || json.Unmarshal([]byte(out), &bal) != nil {
		t.Fatalf("wallet balance --json: exit %d, %q, %s", code, out, stderr)
	}
	if !strings.EqualFold(bal.Address, addr.Hex()) || bal.Token != devnet.Units(10_000, devnet.MYC).String() || bal.SpentToday != "0" {
		t.Fatalf("balance = %+v, want the funded 10000 MYC at %s", bal, addr.Hex())
	}

	code, out, stderr = runCLI(ctx, "-socket", sock, "miner", "enable", "--stake", "150", "--disk", "8MiB", "--cpu", "30")
	if code != 0 || !strings.Contains(out, "registered as "+addr.Hex()) {
		t.Fatalf("miner enable: exit %d, %q, %s", code, out, stderr)
	}
	code, out, stderr = runCLI(ctx, "-socket", sock, "miner", "status", "--json")
	var ms apiclient.MinerStatus
	if code != 0 || json.Unmarshal([]byte(out), &ms) != nil {
		t.Fatalf("miner status --json: exit %d, %q, %s", code, out, stderr)
	}
	if !ms.Enabled || ms.Disk != "8MiB" || ms.Node == nil || ms.Node.Stake != "150" || !strings.HasPrefix(ms.Node.Endpoint, "/ip4/127.0.0.1/tcp/") ||
		ms.Node.Prices["storage"] != "0.0001" || ms.Node.Capacity != 8<<20 {
		t.Fatalf("miner status = %+v (node %+v)", ms, ms.Node)
	}
	// The storage node's startup verify pass ran through the worker
	// process (nothing held yet) and is reported in both forms.
	for ms.Verify == nil || ms.Verify.State != "done" {
		if ms.Verify != nil && ms.Verify.State == "failed" {
			t.Fatalf("verify pass failed: %+v", ms.Verify)
		}
		select {
		case <-ctx.Done():
			t.Fatalf("verify pass never done: %+v", ms.Verify)
		case <-time.After(20 * time.Millisecond):
		}
		if ms, err = c.MinerStatus(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if code, out, _ = runCLI(ctx, "-socket", sock, "miner", "status"); code != 0 || !strings.Contains(out, "verify pass:") ||
		!strings.Contains(out, "0 chunks checked") || !strings.Contains(out, "all good") {
		t.Fatalf("miner status: exit %d, %q", code, out)
	}
	// The stake left the wallet.
	b2, err := c.WalletBalance(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := devnet.Units(10_000-150, devnet.MYC).String(); b2.Token != want {
		t.Errorf("balance after staking = %s, want %s", b2.Token, want)
	}
	code, out, stderr = runCLI(ctx, "-socket", sock, "provider", "status", "--json")
	var ps apiclient.ProviderStatus
	if code != 0 || json.Unmarshal([]byte(out), &ps) != nil || ps.Endpoint != ms.Node.Endpoint || ps.Listen != listen {
		t.Fatalf("provider status: exit %d, %q, %s", code, out, stderr)
	}
	code, out, _ = runCLI(ctx, "-socket", sock, "miner", "disable")
	if code != 0 {
		t.Fatalf("miner disable: exit %d, %s", code, out)
	}
}
