package chain_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/chain/devnet"
)

// TestDialLazy: a client made while the endpoint is down works once the
// endpoint is up, and refuses an endpoint of another chain.
func TestDialLazy(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	url := fmt.Sprintf("http://127.0.0.1:%d", port)

	// A manifest for the devnet's fixed deployer gives the same addresses.
	probe, err := devnet.Start(ctx, devnet.Config{BlockPeriod: -1})
	if err != nil {
		t.Fatal(err)
	}
	m := probe.Manifest
	probe.Close()

	c, err := chain.DialLazy(url, m)
	if err != nil {
		t.Fatalf("DialLazy: %v", err)
	}
	defer c.Close()
	if _, err := c.Ping(ctx); err == nil {
		t.Fatal("Ping succeeded with no endpoint")
	}
	d, err := devnet.Start(ctx, devnet.Config{Port: port, BlockPeriod: -1})
	if err != nil {
		t.Fatalf("devnet.Start: %v", err)
	}
	defer d.Close()
	if _, err := c.Ping(ctx); err != nil {
		t.Fatalf("Ping after the endpoint came up: %v", err)
	}
	if _, err := c.TokenSupply(ctx); err != nil {
		t.Fatalf("TokenSupply: %v", err)
	}

	wrong := m
	wrong.ChainID = 7
	w, err := chain.DialLazy(url, wrong)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := w.Ping(ctx); !errors.Is(err, chain.ErrChainID) {
		t.Fatalf("Ping of another chain: %v, want ErrChainID", err)
	}
	if _, err := w.TokenSupply(ctx); !errors.Is(err, chain.ErrChainID) {
		t.Fatalf("call on another chain: %v, want ErrChainID", err)
	}
}
