package miner_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"go.etcd.io/bbolt"

	"github.com/mycroft-network/mycroft/miner"
)

// The agent builds one Miner over its database, exposes Enable, Disable,
// Status and Earnings on its local API, and calls VoiceActive from the voice
// pipeline.
func ExampleMiner() {
	dir, _ := os.MkdirTemp("", "miner-example")
	defer os.RemoveAll(dir)
	db, _ := bbolt.Open(filepath.Join(dir, "mycroft.db"), 0o600, nil)
	defer db.Close()
	now := time.Date(2026, 1, 1, 2, 30, 0, 0, time.UTC)
	m, err := miner.New(miner.Config{DB: db, Now: func() time.Time { return now }})
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx := context.Background()
	fmt.Println("by default:", m.Status(ctx).State.Reason)

	s, err := miner.ParseEnableArgs([]string{"--stake", "200", "--disk", "2GiB", "--cpu", "30", "--hours", "01:00-06:00"})
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := m.Enable(ctx, s); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("enabled, running:", m.Evaluate().Running, "disk", miner.FormatSize(s.DiskQuota), "stake", miner.FormatAmount(s.Stake))

	m.VoiceActive()
	fmt.Println("owner speaks, gate paused:", m.Gate().Paused())
	now = now.Add(time.Minute)
	fmt.Println("a quiet minute later, running:", m.Evaluate().Running)
	// Output:
	// by default: starting
	// enabled, running: true disk 2GiB stake 200
	// owner speaks, gate paused: true
	// a quiet minute later, running: true
}
