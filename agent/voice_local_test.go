package agent

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"go.etcd.io/bbolt"

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
