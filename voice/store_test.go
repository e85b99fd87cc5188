package voice_test

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"github.com/mycroft-network/mycroft/voice"
)

func openDB(t *testing.T) *bbolt.DB {
	t.Helper()
	db, err := bbolt.Open(filepath.Join(t.TempDir(), "mycroft.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func TestStoreRetention(t *testing.T) {
	cases := []struct {
		name      string
		retention time.Duration
		ages      []time.Duration // age of each utterance when purged
		kept      int
		purged    int
	}{
		{"default 7 days", voice.DefaultRetention, []time.Duration{8 * 24 * time.Hour, 7*24*time.Hour + time.Second, 6 * 24 * time.Hour, time.Minute}, 2, 2},
		{"one hour", time.Hour, []time.Duration{2 * time.Hour, 30 * time.Minute}, 1, 1},
		{"nothing old", time.Hour, []time.Duration{time.Minute}, 1, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			clock := newFakeClock()
			sealer := &fakeSealer{}
			s, err := voice.NewStore(openDB(t), sealer, c.retention, clock)
			if err != nil {
				t.Fatal(err)
			}
			now := clock.Now()
			for _, age := range c.ages {
				if _, err := s.Put(now.Add(-age), []int16{1, 2, 3}); err != nil {
					t.Fatal(err)
				}
			}
			n, err := s.Purge()
			if err != nil || n != c.purged {
				t.Fatalf("Purge = %d, %v; want %d", n, err, c.purged)
			}
			ids, _ := s.IDs()
			if len(ids) != c.kept {
				t.Errorf("kept %d (%v), want %d", len(ids), ids, c.kept)
			}
			for _, r := range sealer.all() {
				if r.cat != "voice" || len(r.plaintext) != 44+6 {
					t.Errorf("sealed %q %q %d bytes", r.cat, r.id, len(r.plaintext))
				}
			}
		})
	}
}

func TestStoreNeverKeep(t *testing.T) {
	db := openDB(t)
	clock := newFakeClock()
	keep, err := voice.NewStore(db, &fakeSealer{}, time.Hour, clock)
	if err != nil {
		t.Fatal(err)
	}
	keep.Put(clock.Now(), []int16{1})
	// The owner turns retention to 0: nothing new is kept, the rest goes.
	never, err := voice.NewStore(db, nil, 0, clock)
	if err != nil {
		t.Fatal(err)
	}
	if id, err := never.Put(clock.Now(), []int16{1}); id != "" || err != nil {
		t.Errorf("Put with retention 0 = %q, %v", id, err)
	}
	if n, err := never.Purge(); n != 1 || err != nil {
		t.Errorf("Purge = %d, %v; want 1", n, err)
	}
	if ids, _ := never.IDs(); len(ids) != 0 {
		t.Errorf("left %v", ids)
	}
	if _, err := voice.NewStore(db, nil, time.Hour, clock); !errors.Is(err, voice.ErrNoSealer) {
		t.Errorf("keeping without a sealer: %v", err)
	}
}

func TestStorePurgeJob(t *testing.T) {
	clock := newFakeClock()
	s, err := voice.NewStore(openDB(t), &fakeSealer{}, time.Hour, clock)
	if err != nil {
		t.Fatal(err)
	}
	s.Put(clock.Now(), []int16{1})
	ctx := waitCtx(t)
	done := make(chan error, 1)
	go func() { done <- s.RunPurge(ctx, 10*time.Minute) }()
	for {
		if ids, _ := s.IDs(); len(ids) == 0 {
			break
		}
		clock.Advance(10 * time.Minute) // after an hour the job removes it
		time.Sleep(time.Millisecond)
		if ctx.Err() != nil {
			t.Fatal("purge job never removed the old utterance")
		}
	}
	if now := clock.Now(); now.Sub(newFakeClock().Now()) <= time.Hour {
		t.Errorf("purged after only %v", now.Sub(newFakeClock().Now()))
	}
}

// TestStoreSetRetention: the owner changes the retention while the store
// runs: 0 stops keeping and the next purge removes what was kept; a
// retention again keeps new utterances; without a sealer none is taken.
func TestStoreSetRetention(t *testing.T) {
	clock := newFakeClock()
	s, err := voice.NewStore(openDB(t), &fakeSealer{}, time.Hour, clock)
	if err != nil {
		t.Fatal(err)
	}
	if id, _ := s.Put(clock.Now(), []int16{1}); id == "" {
		t.Fatal("nothing kept with an hour's retention")
	}
	if err := s.SetRetention(0); err != nil || s.Retention() != 0 {
		t.Fatalf("SetRetention(0) = %v, retention %s", err, s.Retention())
	}
	if id, _ := s.Put(clock.Now(), []int16{1}); id != "" {
		t.Errorf("kept %q with retention 0", id)
	}
	if n, err := s.Purge(); n != 1 || err != nil {
		t.Errorf("Purge after SetRetention(0) = %d, %v; want 1", n, err)
	}
	if err := s.SetRetention(24 * time.Hour); err != nil {
		t.Fatal(err)
	}
	if id, _ := s.Put(clock.Now(), []int16{1}); id == "" {
		t.Error("nothing kept after SetRetention(24h)")
	}
	never, err := voice.NewStore(openDB(t), nil, 0, clock)
	if err != nil {
		t.Fatal(err)
	}
	if err := never.SetRetention(time.Hour); !errors.Is(err, voice.ErrNoSealer) || never.Retention() != 0 {
		t.Errorf("SetRetention without a sealer = %v, retention %s", err, never.Retention())
	}
}
