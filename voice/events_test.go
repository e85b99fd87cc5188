package voice_test

import (
	"slices"
	"testing"

	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/hal/haltest"
	"github.com/mycroft-network/mycroft/voice"
)

// A typed question publishes what was heard and what was said, in order,
// to every subscriber; a subscriber that never reads loses events (counted)
// and does not hold the pipeline up.
func TestSubscribeEvents(t *testing.T) {
	brain, _ := newBrain(t)
	p, err := voice.New(voice.Config{Brain: brain, Speaker: haltest.NewRecordSpeaker(), Voice: beepVoice{}})
	if err != nil {
		t.Fatal(err)
	}
	sub := p.Subscribe(16)
	stuck := p.Subscribe(1)
	run(t, p)
	ctx := waitCtx(t)
	for range 2 {
		if got, err := p.Ask(ctx, "what time is it"); err != nil || got != "It is noon." {
			t.Fatalf("Ask = %q, %v", got, err)
		}
	}
	var got []string
	for len(got) < 6 {
		select {
		case ev := <-sub.C:
			got = append(got, ev.Kind.String()+":"+ev.Text)
			if ev.Trigger != "text" || ev.Interaction == 0 {
				t.Errorf("event %+v: want a typed interaction", ev)
			}
		case <-ctx.Done():
			t.Fatalf("events so far %q", got)
		}
	}
	one := []string{"heard:what time is it", "speak-begin:It is noon.", "speak-end:It is noon."}
	if want := append(slices.Clone(one), one...); !slices.Equal(got, want) {
		t.Errorf("events %q, want %q", got, want)
	}
	if stuck.Dropped() != 5 || sub.Dropped() != 0 {
		t.Errorf("dropped %d by the stuck subscriber (want 5), %d by the reader (want 0)", stuck.Dropped(), sub.Dropped())
	}
	stuck.Close()
	stuck.Close()
	if _, ok := <-stuck.C; !ok {
		t.Error("the stuck subscriber's buffered event was lost on Close")
	}
	if _, ok := <-stuck.C; ok {
		t.Error("C still open after Close")
	}
}

// The volume buttons publish the new level.
func TestVolumeEvents(t *testing.T) {
	brain, _ := newBrain(t)
	buttons := haltest.NewScriptedButtons()
	vol := haltest.NewFakeVolume(50)
	p, err := voice.New(voice.Config{Brain: brain, Speaker: haltest.NewRecordSpeaker(), Voice: beepVoice{}, Buttons: buttons, Volume: vol})
	if err != nil {
		t.Fatal(err)
	}
	sub := p.Subscribe(16)
	run(t, p)
	ctx := waitCtx(t)
	buttons.Push(haltest.Click(hal.ButtonVolUp)...)
	buttons.Push(haltest.Click(hal.ButtonVolDown)...)
	buttons.Push(haltest.Click(hal.ButtonVolDown)...)
	var got []int
	for len(got) < 3 {
		select {
		case ev := <-sub.C:
			if ev.Kind == voice.EventVolume {
				got = append(got, ev.Volume)
			}
		case <-ctx.Done():
			t.Fatalf("volume events so far %v", got)
		}
	}
	if want := []int{60, 50, 40}; !slices.Equal(got, want) {
		t.Errorf("volume events %v, want %v", got, want)
	}
}
