package voice

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"go.etcd.io/bbolt"

	"github.com/mycroft-network/mycroft/keystore"
)

// UtteranceBucket is the bbolt bucket holding sealed utterances.
const UtteranceBucket = "voice/utterances"

// DefaultRetention is how long utterances are kept unless configured.
const DefaultRetention = 7 * 24 * time.Hour

// Sealer encrypts a record (the unlocked keystore implements it).
type Sealer interface {
	Seal(cat keystore.Category, recordID string, plaintext []byte) ([]byte, error)
}

// ErrNoSealer: a store that keeps utterances needs a Sealer.
var ErrNoSealer = errors.New("voice: store: no sealer")

// Store keeps each utterance as a sealed WAV in bbolt (bucket
// UtteranceBucket, category voice, record id = key) for Retention, and
// purges older ones. Retention 0 means never keep: Put stores nothing and
// Purge removes everything left from an earlier setting.
type Store struct {
	db        *bbolt.DB
	sealer    Sealer
	retention atomic.Int64 // a time.Duration; the owner may change it
	clock     Clock
}

// NewStore creates the bucket if needed. A nil clock is the system clock.
func NewStore(db *bbolt.DB, sealer Sealer, retention time.Duration, clock Clock) (*Store, error) {
	if retention < 0 {
		retention = 0
	}
	if retention > 0 && sealer == nil {
		return nil, ErrNoSealer
	}
	if clock == nil {
		clock = SystemClock{}
	}
	err := db.Update(func(tx *bbolt.Tx) error {
		_, err := tx.CreateBucketIfNotExists([]byte(UtteranceBucket))
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("voice: store: %w", err)
	}
	st := &Store{db: db, sealer: sealer, clock: clock}
	st.retention.Store(int64(retention))
	return st, nil
}

// SetRetention changes how long utterances are kept from now on; the next
// Purge applies it to what is stored (0 removes everything).
func (s *Store) SetRetention(d time.Duration) error {
	if d < 0 {
		d = 0
	}
	if d > 0 && s.sealer == nil {
		return ErrNoSealer
	}
	s.retention.Store(int64(d))
	return nil
}

// Retention is the configured retention.
func (s *Store) Retention() time.Duration { return time.Duration(s.retention.Load()) }

// keyTime is the sortable record id of time t.
func keyTime(t time.Time) string { return t.UTC().Format("20060102T150405.000000000Z") }

// Put seals and stores an utterance recorded at t; it returns the record id
// ("" when retention is 0).
func (s *Store) Put(t time.Time, pcm []int16) (string, error) {
	if s.Retention() == 0 {
		return "", nil
	}
	id := keyTime(t)
	err := s.db.View(func(tx *bbolt.Tx) error {
		for tx.Bucket([]byte(UtteranceBucket)).Get([]byte(id)) != nil { // two in one nanosecond
			id += "+"
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("voice: store: put: %w", err)
	}
	// The record id is the associated data of the seal: seal under the key
	// it is stored at.
	sealed, err := s.sealer.Seal(keystore.CategoryVoice, id, encodeWAV(pcm))
	if err != nil {
		return "", fmt.Errorf("voice: store: seal: %w", err)
	}
	err = s.db.Update(func(tx *bbolt.Tx) error {
		return tx.Bucket([]byte(UtteranceBucket)).Put([]byte(id), sealed)
	})
	if err != nil {
		return "", fmt.Errorf("voice: store: put: %w", err)
	}
	return id, nil
}

// Get returns the sealed record id.
func (s *Store) Get(id string) ([]byte, error) {
	var out []byte
	err := s.db.View(func(tx *bbolt.Tx) error {
		if v := tx.Bucket([]byte(UtteranceBucket)).Get([]byte(id)); v != nil {
			out = append([]byte(nil), v...)
		}
		return nil
	})
	if err == nil && out == nil {
		err = fmt.Errorf("voice: store: %s: not found", id)
	}
	return out, err
}

// IDs lists the stored record ids, oldest first.
func (s *Store) IDs() ([]string, error) {
	var ids []string
	err := s.db.View(func(tx *bbolt.Tx) error {
		return tx.Bucket([]byte(UtteranceBucket)).ForEach(func(k, _ []byte) error {
			ids = append(ids, string(k))
			return nil
		})
	})
	return ids, err
}

// Purge deletes utterances older than the retention (all of them when
// retention is 0) and returns how many it deleted. It writes nothing when
// there is nothing to delete.
func (s *Store) Purge() (int, error) {
	keep := s.Retention()
	cutoff := keyTime(s.clock.Now().Add(-keep))
	var old [][]byte
	err := s.db.View(func(tx *bbolt.Tx) error {
		c := tx.Bucket([]byte(UtteranceBucket)).Cursor()
		for k, _ := c.First(); k != nil && (keep == 0 || strings.Compare(string(k), cutoff) < 0); k, _ = c.Next() {
			old = append(old, append([]byte(nil), k...))
		}
		return nil
	})
	if err != nil || len(old) == 0 {
		return 0, err
	}
	err = s.db.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket([]byte(UtteranceBucket))
		for _, k := range old {
			if err := b.Delete(k); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("voice: store: purge: %w", err)
	}
	return len(old), nil
}

// RunPurge purges now and then every interval until ctx is done.
func (s *Store) RunPurge(ctx context.Context, every time.Duration) error {
	if every <= 0 {
		every = time.Hour
	}
	for {
		if _, err := s.Purge(); err != nil {
			return err
		}
		select {
		case <-ctx.Done():
			return nil
		case <-s.clock.After(every):
		}
	}
}

// encodeWAV wraps 16 kHz mono s16 samples in a WAV header.
func encodeWAV(pcm []int16) []byte {
	n := 2 * len(pcm)
	b := make([]byte, 0, 44+n)
	b = append(b, "RIFF"...)
	b = binary.LittleEndian.AppendUint32(b, uint32(36+n))
	b = append(b, "WAVEfmt "...)
	b = binary.LittleEndian.AppendUint32(b, 16)
	b = binary.LittleEndian.AppendUint16(b, 1)
	b = binary.LittleEndian.AppendUint16(b, 1)
	b = binary.LittleEndian.AppendUint32(b, 16000)
	b = binary.LittleEndian.AppendUint32(b, 32000)
	b = binary.LittleEndian.AppendUint16(b, 2)
	b = binary.LittleEndian.AppendUint16(b, 16)
	b = append(b, "data"...)
	b = binary.LittleEndian.AppendUint32(b, uint32(n))
	for _, s := range pcm {
		b = binary.LittleEndian.AppendUint16(b, uint16(s))
	}
	return b
}
