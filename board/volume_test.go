package board

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/mycroft-network/mycroft/board/alsa"
	"github.com/mycroft-network/mycroft/hal"
)

type levelVolume struct{ level int }

func (v *levelVolume) SetVolume(l int) error { v.level = l; return nil }
func (v *levelVolume) Volume() (int, error)  { return v.level, nil }

// The Mark I's volume is its sound card's mixer, chosen by the configured
// card and control (the WM8731's card and the default controls unless
// told).
func TestMark1VolumeIsTheMixer(t *testing.T) {
	for _, c := range []struct {
		name          string
		card, control string
		wantCard      string
		wantControls  []string
	}{
		{"defaults", "", "", DefaultMark1Card, nil},
		{"configured", "hw:1", "Speaker Playback Volume", "hw:1", []string{"Speaker Playback Volume"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			hooks(t, "", false, nil, false)
			vol := &levelVolume{level: 40}
			var got alsa.Config
			closed := false
			openMixer = func(cfg alsa.Config) (hal.Volume, func() error, string, error) {
				got = cfg
				return vol, func() error { closed = true; return nil }, "fake mixer", nil
			}
			b, err := Open(context.Background(), Config{SerialPort: arduino(t), MixerCard: c.card, MixerControl: c.control, Log: quiet})
			if err != nil {
				t.Fatal(err)
			}
			if got.Card != c.wantCard || !slices.Equal(got.Controls, c.wantControls) {
				t.Errorf("mixer config %+v, want card %q controls %q", got, c.wantCard, c.wantControls)
			}
			if b.Volume != vol || hasWarning(b, "volume") {
				t.Errorf("Volume %v warnings %q: want the mixer and no volume warning", b.Volume, b.Warnings)
			}
			if err := b.Close(); err != nil || !closed {
				t.Errorf("Close: %v; mixer closed %v", err, closed)
			}
		})
	}
}

// Without a mixer the Mark I says so, and its volume answers with a
// spoken "unavailable" instead of pretending.
func TestMark1VolumeUnavailable(t *testing.T) {
	hooks(t, "", false, nil, false)
	cause := errors.New(`alsa: no such sound card: "sndrpiproto" (cards: 0 Headphones)`)
	openMixer = func(alsa.Config) (hal.Volume, func() error, string, error) { return nil, nil, "", cause }
	b, err := Open(context.Background(), Config{SerialPort: arduino(t), Log: quiet})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if !hasWarning(b, "volume: the Mark I's mixer is unavailable") || !hasWarning(b, "0 Headphones") {
		t.Errorf("warnings %q: want the mixer's error", b.Warnings)
	}
	if b.Volume == nil {
		t.Fatal("Volume is nil: the volume skill would not answer at all")
	}
	err = b.Volume.SetVolume(50)
	var s interface{ Speak() string }
	if !errors.As(err, &s) || !strings.Contains(s.Speak(), "can't change the volume") || !errors.Is(err, cause) {
		t.Errorf("SetVolume: %v: want a speakable unavailable error", err)
	}
}
