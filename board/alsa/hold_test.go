package alsa

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestHoldPath: the hold opens the node of the card it names, the device
// and the direction asked, and says which card lacks a device.
func TestHoldPath(t *testing.T) {
	root := t.TempDir()
	cards := filepath.Join(root, "cards")
	os.WriteFile(cards, []byte(
		" 0 [vc4hdmi0       ]: vc4-hdmi - vc4-hdmi-0\n                      vc4-hdmi-0\n"+
			" 1 [sj201          ]: simple-card - sj201\n                      sj201\n"), 0o644)
	os.MkdirAll(filepath.Join(root, "dev/snd"), 0o755)
	for _, n := range []string{"pcmC0D0p", "pcmC1D0p", "pcmC1D1c"} {
		os.WriteFile(filepath.Join(root, "dev/snd", n), nil, 0o600)
	}
	c, err := Hold{Card: "sj201", Device: 1, Capture: true}.open(cards, root)
	if err != nil {
		t.Fatal(err)
	}
	if got := c.(*os.File).Name(); got != filepath.Join(root, "dev/snd/pcmC1D1c") {
		t.Errorf("held %s, want the sj201 card's capture device 1", got)
	}
	if err := c.Close(); err != nil {
		t.Error(err)
	}
	_, err = Hold{Card: "sj201", Device: 0, Capture: true}.open(cards, root)
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("capture on a playback-only device: %v, want ErrNotExist", err)
	}
	if _, err := (Hold{Card: "mark1"}).open(cards, root); !errors.Is(err, ErrNoCard) {
		t.Errorf("a missing card: %v, want ErrNoCard", err)
	}
	if _, err := (Hold{Card: "sj201", Device: 99}).open(cards, root); err == nil {
		t.Error("device 99 accepted")
	}
}
