package update

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/mycroft-network/mycroft/internal/atomicfile"
)

// Environment of a slot binary started by the launcher.
const (
	// EnvSlot names the slot the process runs from ("a" or "b"); the
	// launcher sets it so the slot binary does not launch again.
	EnvSlot = "MYCROFT_SLOT"
	// EnvLauncher is the path of the installed binary that launched the
	// slot: a restart executes it again.
	EnvLauncher = "MYCROFT_LAUNCHER"
)

// BinaryName is the name of the binary in a slot.
const BinaryName = "mycroft"

// MaxAttempts is how many times a new slot may be started before it is
// rolled back: the start the switch makes and two restarts by systemd.
const MaxAttempts = 3

// ErrSlots is wrapped by errors about the slot directory.
var ErrSlots = errors.New("update: slots")

// Trial is a new slot on probation: it must report healthy before
// Deadline, within MaxAttempts starts.
type Trial struct {
	Slot        string    `json:"slot"`
	Version     Version   `json:"version"`
	From        string    `json:"from"` // the slot to go back to; "" is the installed binary
	FromVersion Version   `json:"from_version"`
	Started     time.Time `json:"started"`
	Deadline    time.Time `json:"deadline"`
	Attempts    int       `json:"attempts"`
}

// Rollback records why a release was abandoned.
type Rollback struct {
	Version Version   `json:"version"`
	To      Version   `json:"to"`
	At      time.Time `json:"at"`
	Reason  string    `json:"reason"`
}

// State is <dir>/state.json.
type State struct {
	// Versions are the versions installed in the slots, by slot name.
	Versions     map[string]Version `json:"versions,omitempty"`
	Trial        *Trial             `json:"trial,omitempty"`
	LastRollback *Rollback          `json:"last_rollback,omitempty"`
	// Good is the last version that passed its health gate, and when.
	Good   Version   `json:"good,omitempty"`
	GoodAt time.Time `json:"good_at,omitzero"`
}

// Slots is the A/B pair in Dir: Dir/a/mycroft, Dir/b/mycroft, the symlink
// Dir/current (to "a" or "b"; none: the installed binary runs) and
// Dir/state.json. Every change is atomic: files are written to a
// temporary name, synced and renamed; the symlink is replaced by renaming
// a new one over it.
type Slots struct {
	Dir string
	Now func() time.Time
}

func (s *Slots) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

// Current is the slot the symlink names ("" when there is none).
func (s *Slots) Current() (string, error) {
	t, err := os.Readlink(filepath.Join(s.Dir, "current"))
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("%w: %w", ErrSlots, err)
	}
	if t != "a" && t != "b" {
		return "", fmt.Errorf("%w: current points at %q, not a or b", ErrSlots, t)
	}
	return t, nil
}

// Binary is the path of a slot's binary.
func (s *Slots) Binary(slot string) string { return filepath.Join(s.Dir, slot, BinaryName) }

// State reads state.json (empty when there is none).
func (s *Slots) State() (State, error) {
	b, err := os.ReadFile(filepath.Join(s.Dir, "state.json"))
	if errors.Is(err, fs.ErrNotExist) {
		return State{}, nil
	}
	if err != nil {
		return State{}, fmt.Errorf("%w: %w", ErrSlots, err)
	}
	var st State
	if err := json.Unmarshal(b, &st); err != nil {
		return State{}, fmt.Errorf("%w: state.json: %w", ErrSlots, err)
	}
	return st, nil
}

func (s *Slots) save(st State) error {
	b, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return fmt.Errorf("%w: %w", ErrSlots, err)
	}
	path := filepath.Join(s.Dir, "state.json")
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, b) {
		return nil
	}
	if err := atomicfile.WriteFile(path, b, 0o600); err != nil {
		return fmt.Errorf("%w: write state: %w", ErrSlots, err)
	}
	return nil
}

// setCurrent points the symlink at slot ("" removes it) atomically.
func (s *Slots) setCurrent(slot string) error {
	link := filepath.Join(s.Dir, "current")
	if slot == "" {
		if err := os.Remove(link); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("%w: %w", ErrSlots, err)
		}
		return syncDir(s.Dir)
	}
	tmp := link + ".new"
	_ = os.Remove(tmp)
	if err := os.Symlink(slot, tmp); err != nil {
		return fmt.Errorf("%w: %w", ErrSlots, err)
	}
	if err := os.Rename(tmp, link); err != nil {
		return fmt.Errorf("%w: %w", ErrSlots, err)
	}
	return syncDir(s.Dir)
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("%w: %w", ErrSlots, err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("%w: sync %s: %w", ErrSlots, dir, err)
	}
	return nil
}

// Inactive is the slot an update installs into: the one current does not
// name.
func (s *Slots) Inactive() (string, error) {
	cur, err := s.Current()
	if err != nil {
		return "", err
	}
	if cur == "a" {
		return "b", nil
	}
	return "a", nil
}

// Install moves the verified binary at src (on the same file system, e.g.
// Dir/download) into the inactive slot as version v, and returns the slot.
// The current slot is not touched.
func (s *Slots) Install(src string, v Version) (string, error) {
	slot, err := s.Inactive()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(s.Dir, slot)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("%w: %w", ErrSlots, err)
	}
	if err := os.Chmod(src, 0o755); err != nil {
		return "", fmt.Errorf("%w: %w", ErrSlots, err)
	}
	if err := os.Rename(src, s.Binary(slot)); err != nil {
		return "", fmt.Errorf("%w: install into slot %s: %w", ErrSlots, slot, err)
	}
	if err := syncDir(dir); err != nil {
		return "", err
	}
	st, err := s.State()
	if err != nil {
		return "", err
	}
	if st.Versions == nil {
		st.Versions = map[string]Version{}
	}
	st.Versions[slot] = v
	return slot, s.save(st)
}

// Switch makes slot current on probation: the trial (with from, the
// version running now, and the deadline) is written first, then the
// symlink is switched. A crash in between leaves the old slot current and
// a trial the launcher discards.
func (s *Slots) Switch(slot string, running Version, healthTimeout time.Duration) error {
	from, err := s.Current()
	if err != nil {
		return err
	}
	if slot == from {
		return fmt.Errorf("%w: slot %s is already current", ErrSlots, slot)
	}
	st, err := s.State()
	if err != nil {
		return err
	}
	now := s.now()
	st.Trial = &Trial{Slot: slot, Version: st.Versions[slot], From: from, FromVersion: running,
		Started: now, Deadline: now.Add(healthTimeout)}
	if err := s.save(st); err != nil {
		return err
	}
	return s.setCurrent(slot)
}

// MarkGood ends the trial of slot: it passed the health gate.
func (s *Slots) MarkGood(slot string) error {
	st, err := s.State()
	if err != nil {
		return err
	}
	if st.Trial == nil || st.Trial.Slot != slot {
		return nil
	}
	st.Good, st.GoodAt = st.Trial.Version, s.now()
	st.Trial = nil
	return s.save(st)
}

// RollBack goes back from the trial (or, with none, from the current slot
// to the other one, or to the installed binary when the other is empty)
// and records why.
func (s *Slots) RollBack(reason string) (Rollback, error) {
	cur, err := s.Current()
	if err != nil {
		return Rollback{}, err
	}
	st, err := s.State()
	if err != nil {
		return Rollback{}, err
	}
	rb := Rollback{At: s.now(), Reason: reason}
	var to string
	switch {
	case st.Trial != nil && st.Trial.Slot == cur:
		to, rb.Version, rb.To = st.Trial.From, st.Trial.Version, st.Trial.FromVersion
	case cur == "":
		return Rollback{}, fmt.Errorf("%w: nothing to roll back: the installed binary runs", ErrSlots)
	default:
		other := "a"
		if cur == "a" {
			other = "b"
		}
		rb.Version = st.Versions[cur]
		if _, err := os.Stat(s.Binary(other)); err == nil {
			to, rb.To = other, st.Versions[other]
		}
	}
	if err := s.setCurrent(to); err != nil {
		return Rollback{}, err
	}
	st.Trial = nil
	st.LastRollback = &rb
	return rb, s.save(st)
}

// Launch is what `mycroft agent` does first. In a slot binary (EnvSlot
// set) it does nothing. In the installed binary it counts a start of a
// slot on trial and rolls the trial back when it has been started
// MaxAttempts times or its deadline passed, then returns the binary to
// execute: the current slot's, or "" to run the installed binary itself
// (no slot, or the installed binary is newer than the slot's: the owner
// installed a newer package). rolled is set when this start rolled back.
func (s *Slots) Launch(self Version) (exe string, rolled *Rollback, err error) {
	if os.Getenv(EnvSlot) != "" {
		return "", nil, nil
	}
	cur, err := s.Current()
	if err != nil || cur == "" {
		return "", nil, err
	}
	st, err := s.State()
	if err != nil {
		return "", nil, err
	}
	if t := st.Trial; t != nil {
		switch {
		case t.Slot != cur: // the switch never happened
			st.Trial = nil
			if err := s.save(st); err != nil {
				return "", nil, err
			}
		case t.Attempts >= MaxAttempts:
			rb, err := s.RollBack(fmt.Sprintf("%s was started %d times and never became healthy", t.Version, t.Attempts))
			if err != nil {
				return "", nil, err
			}
			rolled = &rb
		case s.now().After(t.Deadline):
			rb, err := s.RollBack(fmt.Sprintf("%s was not healthy by %s", t.Version, t.Deadline.Format(time.RFC3339)))
			if err != nil {
				return "", nil, err
			}
			rolled = &rb
		default:
			t.Attempts++
			if err := s.save(st); err != nil {
				return "", nil, err
			}
		}
		if cur, err = s.Current(); err != nil || cur == "" {
			return "", rolled, err
		}
		if st, err = s.State(); err != nil {
			return "", rolled, err
		}
	}
	if self != 0 && self > st.Versions[cur] && st.Trial == nil {
		return "", rolled, nil
	}
	if _, err := os.Stat(s.Binary(cur)); err != nil {
		return "", rolled, fmt.Errorf("%w: slot %s has no binary: %w", ErrSlots, cur, err)
	}
	return s.Binary(cur), rolled, nil
}
