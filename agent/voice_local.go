package agent

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"go.etcd.io/bbolt"

	"github.com/mycroft-network/mycroft/agent/skills"
	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/keystore"
	"github.com/mycroft-network/mycroft/voice"
)

// alarmBucket holds the skills' alarms, one sealed JSON document (category
// settings, record id alarmRecord).
const (
	alarmBucket = "skills/alarms"
	alarmKey    = "alarms"
	alarmRecord = alarmBucket + "/" + alarmKey
)

// alarmStore keeps the alarm skill's document in bbolt, sealed with the
// keystore as it is at the time: while it is locked nothing can be read or
// written (the skill says so).
type alarmStore struct {
	db   *bbolt.DB
	keys func() *keystore.Store

	mu   sync.Mutex
	last []byte // the document as last read or written
}

func (s *alarmStore) keystore() (*keystore.Store, error) {
	if k := s.keys(); k != nil {
		return k, nil
	}
	return nil, errNoKeys
}

// LoadAlarms implements skills.AlarmStore.
func (s *alarmStore) LoadAlarms(context.Context) ([]byte, error) {
	var sealed []byte
	err := s.db.View(func(tx *bbolt.Tx) error {
		if b := tx.Bucket([]byte(alarmBucket)); b != nil {
			sealed = bytes.Clone(b.Get([]byte(alarmKey)))
		}
		return nil
	})
	if err != nil || sealed == nil {
		return nil, err
	}
	k, err := s.keystore()
	if err != nil {
		return nil, err
	}
	doc, err := k.Open(keystore.CategorySettings, alarmRecord, sealed)
	if err != nil {
		return nil, fmt.Errorf("agent: alarms: %w", err)
	}
	s.mu.Lock()
	s.last = doc
	s.mu.Unlock()
	return doc, nil
}

// SaveAlarms implements skills.AlarmStore; an unchanged document is not
// written again.
func (s *alarmStore) SaveAlarms(_ context.Context, doc []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.last != nil && bytes.Equal(doc, s.last) {
		return nil
	}
	k, err := s.keystore()
	if err != nil {
		return err
	}
	sealed, err := k.Seal(keystore.CategorySettings, alarmRecord, doc)
	if err != nil {
		return fmt.Errorf("agent: alarms: %w", err)
	}
	err = s.db.Update(func(tx *bbolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists([]byte(alarmBucket))
		if err != nil {
			return err
		}
		return b.Put([]byte(alarmKey), sealed)
	})
	if err != nil {
		return fmt.Errorf("agent: alarms: %w", err)
	}
	s.last = bytes.Clone(doc)
	return nil
}

// Ringing: the device chimes (voice.Chime, then ringPause of silence) until
// it is stopped, says what rang ("what is ringing", answered by the skills)
// first and again every ringEvery, and gives up after ringTimes of those
// (three minutes). "stop" (StopRinging), the action button or the wake word
// stops it; the button or the wake word cut the chime within 10 ms.
const (
	ringEvery    = 20 * time.Second
	ringTimes    = 9
	ringPause    = time.Second
	ringQuestion = "what is ringing"
)

// voiceRinger implements skills.Ringer with the pipeline: the faceplate
// shows what rings and the pipeline chimes and speaks it.
type voiceRinger struct {
	a *Agent

	mu      sync.Mutex
	stop    chan struct{} // closed when the current ring stops; nil: silent
	dismiss func()        // the skills forget what rang (skills.Dismissable)
	// chimes counts the chimes played whole or cut (tests).
	chimes int
	rings  sync.WaitGroup // the announce goroutines
}

func (r *voiceRinger) Ring(name string) {
	r.mu.Lock()
	if r.stop != nil {
		close(r.stop)
	}
	stop := make(chan struct{})
	r.stop = stop
	r.mu.Unlock()
	r.rings.Add(1)
	go func() { defer r.rings.Done(); r.announce(stop, name) }()
}

func (r *voiceRinger) StopRinging() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.stop == nil {
		return false
	}
	close(r.stop)
	r.stop = nil
	return true
}

// stopped ends the ring that stop belongs to, when it is still the current
// one: the owner silenced it with the button or the wake word.
// OnDismiss implements skills.Dismissable.
func (r *voiceRinger) OnDismiss(f func()) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.dismiss = f
}

// stopped ends the ring the owner silenced (the button or the wake word
// over it) and tells the skills it is over.
func (r *voiceRinger) stopped(stop chan struct{}) {
	r.mu.Lock()
	dismiss := r.dismiss
	current := r.stop == stop
	if current {
		close(r.stop)
		r.stop = nil
	}
	r.mu.Unlock()
	if current && dismiss != nil {
		dismiss()
	}
}

// announce chimes, shows and says what rang until it is stopped, replaced
// by another ring, silenced by the owner or the pipeline closes.
func (r *voiceRinger) announce(stop chan struct{}, name string) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		select {
		case <-stop:
			cancel() // cuts the chime within one chunk
		case <-ctx.Done():
		}
	}()
	chime := voice.Chime()
	end := time.Now().Add(ringTimes * ringEvery)
	var say time.Time // when the name is said next
	for time.Now().Before(end) && ctx.Err() == nil {
		r.show(name)
		p := r.a.voice
		if p != nil {
			err := p.Alert(ctx, chime)
			r.mu.Lock()
			r.chimes++
			r.mu.Unlock()
			switch {
			case errors.Is(err, voice.ErrInterrupted):
				r.stopped(stop)
				return
			case errors.Is(err, voice.ErrClosed), ctx.Err() != nil:
				return
			}
			// ErrBusy: the owner is talking to the device; chime again
			// after the pause.
		}
		if p != nil && !time.Now().Before(say) {
			tctx, done := context.WithTimeout(ctx, time.Minute)
			_, err := p.Announce(tctx, ringQuestion)
			done()
			switch {
			case errors.Is(err, voice.ErrInterrupted):
				r.stopped(stop)
				return
			case errors.Is(err, voice.ErrClosed), ctx.Err() != nil:
				return
			case err == nil:
				say = time.Now().Add(ringEvery)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(ringPause):
		}
	}
}

// show puts what rings on the faceplate, through the voice face recorder
// (the pipeline's next state replaces it).
func (r *voiceRinger) show(name string) {
	parts := r.a.voicex
	if parts == nil || parts.faces == nil {
		return
	}
	f := voice.FaceFor(hal.StateSpeaking)
	f.Mouth.Text = strings.ToUpper(name)
	f.Ring = hal.Ring{Pattern: hal.RingBlink, Color: f.Eyes.Color}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := parts.faces.Show(ctx, f); err != nil && r.a.log != nil {
		r.a.log.Warn("voice: ring face", "err", err)
	}
}

// localSkills adds the ringer and the alarm store to the skills' config.
func (a *Agent) localSkills(cfg *skills.Config) {
	cfg.Ringer = &voiceRinger{a: a}
	if a.db != nil {
		cfg.Alarms = &alarmStore{db: a.db, keys: func() *keystore.Store { return a.keys }}
	}
}

// alarmRestore loads the stored alarms as soon as the keystore lets it
// (they ring without being asked about), then ends.
type alarmRestore struct{ alarms *skills.Alarms }

func (alarmRestore) Name() string { return "voice.alarms" }

func (s alarmRestore) Run(ctx context.Context) error {
	for s.alarms.Restore(ctx) != nil {
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(time.Minute):
		}
	}
	return nil
}

func (alarmRestore) Close() error { return nil }
