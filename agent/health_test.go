package agent

import (
	"errors"
	"fmt"
	"testing"
	"time"
)

// A warning made of a multi-line error is stored on one line, and setting
// the same error again keeps its Since.
func TestHealthWarningsAreOneLine(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	h := NewHealth(func() time.Time { return now })
	err := fmt.Errorf("chain: dial: %w", errors.Join(errors.New("rpc a: refused"), errors.New("rpc b: timeout")))
	for _, tc := range []struct {
		name, component, msg, want string
	}{
		{"joined error", "chain", err.Error(), "chain: dial: rpc a: refused; rpc b: timeout"},
		{"crlf", "board.0", "faceplate:\r\n no echo\r\n", "faceplate: no echo"},
		{"one line unchanged", "keys", "locked — run mycroft keys unlock", "locked — run mycroft keys unlock"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h.Set(tc.component, Degraded, tc.msg)
			for _, w := range h.Warnings() {
				if w.Component == tc.component && w.Message != tc.want {
					t.Fatalf("Set(%q): message %q, want %q", tc.msg, w.Message, tc.want)
				}
			}
		})
	}
	now = now.Add(time.Hour)
	h.Set("chain", Degraded, err.Error())
	for _, w := range h.Warnings() {
		if w.Component == "chain" && !w.Since.Equal(now.Add(-time.Hour)) {
			t.Fatalf("repeating a multi-line warning moved Since to %v", w.Since)
		}
	}
}
