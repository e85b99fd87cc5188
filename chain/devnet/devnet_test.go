package devnet_test

import (
	"context"
	"math/big"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/ethclient"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/chain/devnet"
)

func TestStartDeployFundClose(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	key, _ := crypto.GenerateKey()
	acct := crypto.PubkeyToAddress(key.PublicKey)
	manifestPath := filepath.Join(t.TempDir(), "manifest.json")
	d, err := devnet.Start(ctx, devnet.Config{Accounts: []common.Address{acct}, ManifestPath: manifestPath})
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	if !strings.HasPrefix(d.URL, "http://127.0.0.1:") || !strings.HasPrefix(d.WSURL, "ws://127.0.0.1:") {
		t.Errorf("URL %q WSURL %q, want loopback", d.URL, d.WSURL)
	}
	m, err := chain.LoadManifest(manifestPath)
	if err != nil {
		t.Fatalf("LoadManifest: %v", err)
	}
	if m != d.Manifest {
		t.Errorf("manifest on disk %+v, want %+v", m, d.Manifest)
	}

	for _, url := range []string{d.URL, d.WSURL} {
		c, err := chain.Dial(ctx, url, d.Manifest)
		if err != nil {
			t.Fatalf("Dial %s: %v", url, err)
		}
		native, err := c.NativeBalance(ctx, acct)
		if err != nil {
			t.Fatal(err)
		}
		if native.Cmp(devnet.Units(100, devnet.Ether)) != 0 {
			t.Errorf("%s: native balance %s, want 100 ether", url, native)
		}
		myc, err := c.TokenBalance(ctx, acct)
		if err != nil {
			t.Fatal(err)
		}
		if myc.Cmp(devnet.Units(10_000, devnet.MYC)) != 0 {
			t.Errorf("%s: MYC balance %s, want 10000 MYC", url, myc)
		}
		c.Close()
	}

	// A sent transaction gets mined without any explicit commit.
	c, err := d.Client(ctx, chain.NewKeySigner(key))
	if err != nil {
		t.Fatal(err)
	}
	other := common.Address{0x42}
	if _, err := c.TransferToken(ctx, other, big.NewInt(7)); err != nil {
		t.Fatalf("transfer: %v", err)
	}
	if b, _ := c.TokenBalance(ctx, other); b.Cmp(big.NewInt(7)) != 0 {
		t.Errorf("balance of receiver %s, want 7", b)
	}

	// AdvanceTime moves the block clock.
	before, err := c.Now(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.AdvanceTime(ctx, 2*time.Hour); err != nil {
		t.Fatalf("AdvanceTime: %v", err)
	}
	after, err := c.Now(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if after.Sub(before) < 2*time.Hour {
		t.Errorf("clock moved %v, want at least 2h", after.Sub(before))
	}
	c.Close()

	url := d.URL
	if err := d.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	if err := d.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if err := d.AdvanceTime(ctx, time.Second); err == nil {
		t.Error("AdvanceTime after Close succeeded")
	}
	ec, err := ethclient.DialContext(ctx, url)
	if err == nil {
		if _, err := ec.ChainID(ctx); err == nil {
			t.Error("RPC still answers after Close")
		}
		ec.Close()
	}
}
