//go:build linux

package mark1

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/hal"
)

// TestGarbageOnTheLine feeds noise, an over-long line and a line split
// across writes: the enclosure ignores the noise, joins the partial line,
// delivers the real events in order, and the line stays usable.
func TestGarbageOnTheLine(t *testing.T) {
	a := newArduino(t)
	e := openOn(t, a, quietConfig(a))
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for _, raw := range []string{
		"\xff\xfe\x00\x01garbage\r\n",
		strings.Repeat("x", 10000) + "\r\n",
		"volume.upup\r\n",
		"\r\n\r\n",
		"Command: \r\n",
		"mycroft.st", // a partial line, completed by the next write
		"op\r\n",
		"volume.up\r\n",
	} {
		if _, err := a.master.Write([]byte(raw)); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Millisecond) // separate writes, so that the reader sees the parts
	}
	want := []hal.ButtonEvent{
		{Button: hal.ButtonAction, Action: hal.Press}, {Button: hal.ButtonAction, Action: hal.Release},
		{Button: hal.ButtonVolUp, Action: hal.Press}, {Button: hal.ButtonVolUp, Action: hal.Release},
	}
	wantButtons(ctx, t, e, want)
	if err := e.Show(ctx, hal.Face{State: hal.StateListening, Volume: hal.NoVolume}); err != nil {
		t.Fatalf("Show after the noise: %v", err)
	}
	if !e.Connected() {
		t.Fatal("the noise dropped the line")
	}
}
