package agent

import (
	"bytes"
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"github.com/mycroft-network/mycroft/board/sim"
	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/keystore"
	"github.com/mycroft-network/mycroft/voice"
)

// TestVoiceAlarmStore: the alarms document is sealed with the keystore in
// bbolt, a new store (a restart) reads it back, and nothing is read or
// written while the keystore is locked.
func TestVoiceAlarmStore(t *testing.T) {
	ctx := context.Background()
	a, _, _ := start(t, testConfig(t), Options{})
	if _, err := a.keys.Init(ctx, []byte(voicePass)); err != nil {
		t.Fatal(err)
	}
	if !a.keys.Status().Unlocked {
		if err := a.keys.Unlock(ctx, []byte(voicePass)); err != nil {
			t.Fatal(err)
		}
	}
	keys := func() *keystore.Store { return a.keys }
	s := &alarmStore{db: a.db, keys: keys}
	if doc, err := s.LoadAlarms(ctx); err != nil || doc != nil {
		t.Fatalf("empty store: %q, %v; want nothing", doc, err)
	}
	doc := []byte(`{"alarms":["2026-03-15T07:30:00Z"]}`)
	if err := s.SaveAlarms(ctx, doc); err != nil {
		t.Fatal(err)
	}
	again := &alarmStore{db: a.db, keys: keys}
	if got, err := again.LoadAlarms(ctx); err != nil || !bytes.Equal(got, doc) {
		t.Fatalf("after a restart: %q, %v; want %q", got, err, doc)
	}
	var sealed []byte
	_ = a.db.View(func(tx *bbolt.Tx) error {
		sealed = bytes.Clone(tx.Bucket([]byte(alarmBucket)).Get([]byte(alarmKey)))
		return nil
	})
	if bytes.Contains(sealed, []byte("2026")) {
		t.Errorf("alarms stored in the clear: %q", sealed)
	}
	a.keys.Lock()
	if _, err := (&alarmStore{db: a.db, keys: keys}).LoadAlarms(ctx); !errors.Is(err, keystore.ErrLocked) {
		t.Errorf("load while locked: %v, want ErrLocked", err)
	}
	if err := s.SaveAlarms(ctx, []byte(`{"alarms":[]}`)); !errors.Is(err, keystore.ErrLocked) {
		t.Errorf("save while locked: %v, want ErrLocked", err)
	}
	noKeys := &alarmStore{db: a.db, keys: func() *keystore.Store { return nil }}
	if _, err := noKeys.LoadAlarms(ctx); !errors.Is(err, errNoKeys) {
		t.Errorf("load without a keystore: %v, want errNoKeys", err)
	}
}

// TestVoiceRinger: a ring makes the pipeline say what rings; stop ends it.
func TestVoiceRinger(t *testing.T) {
	a, _, _ := start(t, testConfig(t), Options{})
	if a.voice == nil {
		t.Fatal("voice not wired")
	}
	r := &voiceRinger{a: a}
	if r.StopRinging() {
		t.Fatal("StopRinging before any ring reported ringing")
	}
	r.Ring("pasta timer")
	in := waitFor(t, "the ring's question", func() (voice.Interaction, error) {
		in, _ := a.voice.LastInteraction()
		return in, nil
	}, func(in voice.Interaction) bool { return in.Transcript == ringQuestion && in.Done })
	if in.Reply == "" {
		t.Errorf("ring interaction %+v has no reply", in)
	}
	if !r.StopRinging() {
		t.Error("StopRinging while ringing reported nothing")
	}
	if r.StopRinging() {
		t.Error("second StopRinging reported ringing")
	}
}

// TestVoiceRingUntilStop: a timer that runs out chimes through the
// speaker, says what rang and chimes again, until a typed "stop" ends it
// (the ring's goroutine returns; nothing is ringing any more).
func TestVoiceRingUntilStop(t *testing.T) {
	ctx := context.Background()
	a, rg, sp := timerAgent(t)
	chimes := func() int { rg.mu.Lock(); defer rg.mu.Unlock(); return rg.chimes }
	waitFor(t, "the ring's question", func() (voice.Interaction, error) {
		in, _ := a.voice.LastInteraction()
		return in, nil
	}, func(in voice.Interaction) bool { return in.Transcript == ringQuestion && in.Done })
	waitFor(t, "a second chime", func() (int, error) { return chimes(), nil }, func(n int) bool { return n >= 2 })
	if w := sp.Written(); w < int64(len(voice.Chime())) {
		t.Errorf("speaker got %d samples, less than a chime", w)
	}
	if got, err := a.voice.Ask(ctx, "stop"); err != nil || got != "" {
		t.Errorf("stop: %q, %v; want silence", got, err)
	}
	rg.rings.Wait() // a ring that went on would hold this for three minutes
	if rg.StopRinging() {
		t.Error("still ringing after stop")
	}
	if got, err := a.voice.Ask(ctx, "what is ringing"); err != nil || got != "Nothing is ringing." {
		t.Errorf("what is ringing after stop: %q, %v", got, err)
	}
}

// beepSynth is a fast Synthesizer: 0.1 s of tone per sentence.
type beepSynth struct{}

func (beepSynth) Synthesize(context.Context, string) ([]int16, error) {
	p := make([]int16, 1600)
	for i := range p {
		p[i] = int16((i % 32) * 300)
	}
	return p, nil
}

// TestVoiceRingDismissedByButton: a press over the ring silences it, and
// the skills know: "what is ringing" then says nothing is (before, only
// the stop skill cleared what rang).
func TestVoiceRingDismissedByButton(t *testing.T) {
	ctx := context.Background()
	a, rg, sp := timerAgent(t)
	buttons, ok := a.board.Buttons.(clicker)
	if !ok {
		t.Fatalf("buttons %T", a.board.Buttons)
	}
	chimes := func() int { rg.mu.Lock(); defer rg.mu.Unlock(); return rg.chimes }
	waitFor(t, "a chime", func() (int, error) { return chimes(), nil }, func(n int) bool { return n >= 1 })
	// (Asking "what is ringing" now would cut the ring too: a typed
	// question interrupts.) Press once, just after the speaker starts playing again after a
	// pause (a chime lasts 1 s; the spoken announcement is cut the same
	// way, then the device listens).
	waitFor(t, "a pause between sounds", func() (bool, error) {
		w := sp.Written()
		time.Sleep(150 * time.Millisecond)
		return sp.Written() == w, nil
	}, func(quiet bool) bool { return quiet })
	w := sp.Written()
	waitFor(t, "the next sound", func() (int64, error) { return sp.Written(), nil }, func(n int64) bool { return n > w })
	buttons.Click(hal.ButtonAction)
	waitFor(t, "the ring silenced by the press", func() (bool, error) {
		rg.mu.Lock()
		defer rg.mu.Unlock()
		return rg.stop == nil, nil
	}, func(silent bool) bool { return silent })
	rg.rings.Wait()
	waitFor(t, "idle", func() (voice.Status, error) { return a.voice.Status(), nil },
		func(s voice.Status) bool { return s.State == hal.StateIdle })
	if got, err := a.voice.Ask(ctx, "what is ringing"); err != nil || got != "Nothing is ringing." {
		t.Errorf("what is ringing after a press: %q, %v; want nothing", got, err)
	}
}

// timerAgent starts an agent on the simulated board whose speech is a fast
// beep, and sets a one-second timer by a typed question: a ring is on its
// way.
func timerAgent(t *testing.T) (*Agent, *voiceRinger, *sim.Speaker) {
	t.Helper()
	var rg *voiceRinger
	overrideVoice(t, func(d *voiceDeps) {
		rg = d.Skills.Ringer.(*voiceRinger)
		d.Synth = beepSynth{}
	})
	a, _, _ := start(t, testConfig(t), Options{OpenBoard: simBoard(filepath.Join(t.TempDir(), "speaker.wav"))})
	if a.voice == nil || rg == nil {
		t.Fatal("voice not wired")
	}
	sp, ok := a.board.Speaker.(*sim.Speaker)
	if !ok {
		t.Fatalf("speaker %T", a.board.Speaker)
	}
	waitFor(t, "idle", func() (voice.Status, error) { return a.voice.Status(), nil },
		func(s voice.Status) bool { return s.State == hal.StateIdle })
	if _, err := a.voice.Ask(context.Background(), "set a timer for one second"); err != nil {
		t.Fatal(err)
	}
	return a, rg, sp
}
