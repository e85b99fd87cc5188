//go:build linux

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/creack/pty"

	"github.com/mycroft-network/mycroft/board/portaudio"
)

// silentArduino is a serial line on which nothing answers: a faceplate
// whose Arduino is dead or not plugged to the header.
func silentArduino(t *testing.T) string {
	t.Helper()
	master, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pty: %v", err)
	}
	t.Cleanup(func() { master.Close(); tty.Close() })
	return tty.Name()
}

// board test fails, naming the part, when a part the board or the
// configuration has is absent or does not answer; it passes when all are
// there. Warnings are one line each.
func TestBoardTestMissingParts(t *testing.T) {
	audio := []string{"speaker", "microphone"}
	if portaudio.Built {
		audio = nil // this build may find a sound card
	}
	for _, tc := range []struct {
		name        string
		board       func(t *testing.T) string // the [board] table
		wantMissing []string                  // part names, in report order
		wantWhy     string                    // in the faceplate entry
	}{
		{
			name: "mark1 without serial port",
			board: func(t *testing.T) string {
				return fmt.Sprintf("kind = \"mark1\"\nserial_port = %q\n", filepath.Join(t.TempDir(), "ttyAMA0"))
			},
			wantMissing: append([]string{"faceplate", "buttons"}, audio...),
			wantWhy:     "mark1: connect",
		},
		{
			name: "mark1 whose Arduino does not answer",
			board: func(t *testing.T) string {
				return fmt.Sprintf("kind = \"mark1\"\nserial_port = %q\n", silentArduino(t))
			},
			wantMissing: append([]string{"faceplate", "buttons"}, audio...),
			wantWhy:     "not answering",
		},
		{
			name: "sim with a configured sound card that is absent",
			board: func(t *testing.T) string {
				if portaudio.Built {
					t.Skip("built with portaudio: the sound card may be there")
				}
				return "kind = \"sim\"\nsim_mic = \"portaudio\"\nsim_speaker = \"portaudio\"\n"
			},
			wantMissing: []string{"speaker", "microphone"},
		},
		{
			name: "sim with every part",
			board: func(t *testing.T) string {
				return fmt.Sprintf("kind = \"sim\"\nsim_speaker = %q\n", filepath.Join(t.TempDir(), "out.wav"))
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			board := tc.board(t)
			cfg := filepath.Join(t.TempDir(), "mycroft.toml")
			if err := os.WriteFile(cfg, []byte("[board]\n"+board), 0o600); err != nil {
				t.Fatal(err)
			}
			err, out := runBoardTest(t, noSocket(t), "", "-config", cfg, "-seconds", "0", "--json")
			var r boardReport
			if jerr := json.Unmarshal([]byte(out), &r); jerr != nil {
				t.Fatalf("[board] %q: report %q: %v (err %v)", board, out, jerr, err)
			}
			var names []string
			for _, m := range r.Missing {
				name, _, _ := strings.Cut(m, ":")
				names = append(names, name)
			}
			if !slices.Equal(names, tc.wantMissing) {
				t.Fatalf("[board] %q: missing %q, want %q", board, r.Missing, tc.wantMissing)
			}
			if len(tc.wantMissing) == 0 {
				if err != nil {
					t.Fatalf("[board] %q: board test = %v, want success", board, err)
				}
			} else if err == nil || !strings.Contains(err.Error(), "missing "+strings.Join(tc.wantMissing, ", ")) {
				t.Fatalf("[board] %q: board test = %v, want an error naming %q", board, err, tc.wantMissing)
			}
			if tc.wantWhy != "" && !strings.Contains(r.Missing[0], tc.wantWhy) {
				t.Fatalf("[board] %q: faceplate entry %q, want it to say %q", board, r.Missing[0], tc.wantWhy)
			}
			for _, w := range append(r.Warnings, r.Missing...) {
				if strings.ContainsAny(w, "\r\n") {
					t.Fatalf("[board] %q: warning %q spans lines", board, w)
				}
			}
		})
	}
}
