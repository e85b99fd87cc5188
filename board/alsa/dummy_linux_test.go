//go:build linux

package alsa

import (
	"os"
	"strings"
	"testing"
)

// TestKernelDummyCard drives the kernel's snd-dummy card (modprobe
// snd-dummy) through the real ioctls. Its mixer has "Master Volume",
// -50..100, 0.3 dB steps from -45 dB (sound/drivers/dummy.c).
func TestKernelDummyCard(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to write the dummy card's mixer")
	}
	b, err := os.ReadFile(CardsPath)
	if err != nil || !strings.Contains(string(b), "Dummy") {
		t.Skipf("no snd-dummy card in %s (run modprobe snd-dummy; containers usually cannot): %v", CardsPath, err)
	}
	m, err := Open(Config{Card: "Dummy", Controls: []string{"Master Volume"}})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer m.Close()
	t.Log(m.Describe())
	before, err := m.Volume()
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = m.SetVolume(before) }()
	for _, level := range []int{0, 1, 40, 99, 100} {
		if err := m.SetVolume(level); err != nil {
			t.Fatalf("SetVolume(%d): %v", level, err)
		}
		if got, err := m.Volume(); err != nil || got != level {
			t.Errorf("SetVolume(%d); Volume() = %d, %v", level, got, err)
		}
	}
	if m.vol.scale == nil {
		t.Errorf("the dummy card's dB scale was not read")
	}
}
