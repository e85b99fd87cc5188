package update_test

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/mycroft-network/mycroft/update"
)

// The A/B slots: a verified binary is installed into the inactive slot,
// switched to on trial, started by the launcher, and kept once healthy.
func ExampleSlots() {
	dir, _ := os.MkdirTemp("", "slots-example")
	defer os.RemoveAll(dir)
	s := &update.Slots{Dir: filepath.Join(dir, "slots")}
	_ = os.MkdirAll(s.Dir, 0o700)
	verified := filepath.Join(s.Dir, "verified.bin") // what Fetcher.Fetch returned
	_ = os.WriteFile(verified, []byte("#!/bin/true\n"), 0o600)

	running := update.NewVersion(1, 0, 0)
	slot, _ := s.Install(verified, update.NewVersion(1, 1, 0))
	_ = s.Switch(slot, running, 3*time.Minute)
	exe, _, _ := s.Launch(running) // what the installed binary does at start
	fmt.Println("launch", filepath.Base(filepath.Dir(exe)))
	_ = s.MarkGood(slot) // the new binary's health gate passed
	st, _ := s.State()
	fmt.Println("good", st.Good, "on trial", st.Trial != nil)
	// Output:
	// launch a
	// good 1.1.0 on trial false
}
