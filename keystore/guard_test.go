package keystore

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tyler-smith/go-bip39"
)

// sleeper is an injected backoff wait: it records each wait and moves the
// fake clock by it, so tests see every delay without waiting.
type sleeper struct {
	mu    sync.Mutex
	clk   *fakeClock
	waits []time.Duration
}

func (sl *sleeper) Sleep(ctx context.Context, d time.Duration) error {
	sl.mu.Lock()
	sl.waits = append(sl.waits, d)
	sl.mu.Unlock()
	sl.clk.Add(d)
	return ctx.Err()
}

func (sl *sleeper) taken() []time.Duration {
	sl.mu.Lock()
	defer sl.mu.Unlock()
	return slices.Clone(sl.waits)
}

func sleepyStore(t *testing.T, dir string, clk *fakeClock) (*Store, *sleeper) {
	t.Helper()
	sl := &sleeper{clk: clk}
	s, err := New(Options{Dir: dir, ChainID: big.NewInt(1337), ScryptLogN: MinScryptLogN, ExportScryptLogN: 12,
		IdleLock: time.Minute, Clock: clk.Now, Sleep: sl.Sleep})
	if err != nil {
		t.Fatal(err)
	}
	return s, sl
}

// Wrong passphrases slow attempts down, boundedly, and never lock the
// owner out: after any number of failures the right passphrase works once
// its wait has passed.
func TestBackoffNeverLocksOut(t *testing.T) {
	ctx := context.Background()
	_, _, dir, clk := initStore(t)
	s, sl := sleepyStore(t, dir, clk)
	const wrong = 12
	for i := 1; i <= wrong; i++ {
		if err := s.Unlock(ctx, []byte("wrong passphrase")); !errors.Is(err, ErrDecrypt) {
			t.Fatalf("wrong attempt %d: got %v, want ErrDecrypt", i, err)
		}
	}
	waits := sl.taken()
	if len(waits) != wrong-freeUnlockFailures {
		t.Fatalf("waits after %d failures: got %d (%v), want %d", wrong, len(waits), waits, wrong-freeUnlockFailures)
	}
	for i, w := range waits {
		want := min(time.Second<<min(i, 20), maxBackoff)
		if w != want {
			t.Errorf("wait %d: got %s, want %s", i, w, want)
		}
	}
	if st := s.Status(); st.FailedUnlocks != wrong || st.RetryAfter.IsZero() {
		t.Errorf("status after %d failures: %+v, want the count and a retry time", wrong, st)
	}
	if err := s.Unlock(ctx, passA); err != nil {
		t.Fatalf("right passphrase after %d failures: %v, want success", wrong, err)
	}
	if got := sl.taken()[len(sl.taken())-1]; got > maxBackoff {
		t.Errorf("owner waited %s, want at most %s", got, maxBackoff)
	}
	if st := s.Status(); st.FailedUnlocks != 0 || !st.Unlocked {
		t.Errorf("status after the right passphrase: %+v, want unlocked with no failures", st)
	}
	// Each attempt waits from the last failure only: once that has passed,
	// the next attempt runs at once.
	for range freeUnlockFailures + 1 {
		_ = s.Unlock(ctx, []byte("wrong passphrase"))
	}
	clk.Add(time.Hour)
	n := len(sl.taken())
	if err := s.VerifyPassphrase(ctx, passA); err != nil {
		t.Fatal(err)
	}
	if len(sl.taken()) != n {
		t.Errorf("waited again although the backoff had passed: %v", sl.taken()[n:])
	}
}

// A wait cut short by the caller is ErrBackoff and changes nothing.
func TestBackoffWaitCancelled(t *testing.T) {
	_, _, dir, clk := initStore(t)
	s, err := New(Options{Dir: dir, ChainID: big.NewInt(1337), Clock: clk.Now})
	if err != nil {
		t.Fatal(err)
	}
	for range freeUnlockFailures {
		_ = s.Unlock(context.Background(), []byte("wrong passphrase"))
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.Unlock(ctx, passA); !errors.Is(err, ErrBackoff) && !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled wait: got %v, want ErrBackoff or context.Canceled", err)
	}
	if st := s.Status(); st.Unlocked || st.FailedUnlocks != freeUnlockFailures {
		t.Errorf("status after a cancelled attempt: %+v", st)
	}
}

func TestVerifyChangesNoState(t *testing.T) {
	ctx := context.Background()
	s, m, dir, clk := initStore(t)
	s.Lock()
	before, _ := os.ReadFile(filepath.Join(dir, KeyringFile))
	other, _ := NewMnemonic(nil)
	for _, tc := range []struct {
		name  string
		proof Proof
		want  error
	}{
		{"right passphrase", Proof{Passphrase: passA}, nil},
		{"wrong passphrase", Proof{Passphrase: passB}, ErrDecrypt},
		{"right words", Proof{Words: m}, nil},
		{"other words", Proof{Words: other}, ErrDecrypt},
		{"nothing", Proof{}, ErrProofRequired},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := s.Verify(ctx, tc.proof)
			if !errors.Is(err, tc.want) || (tc.want == nil) != (err == nil) {
				t.Errorf("Verify: got %v, want %v", err, tc.want)
			}
			if st := s.Status(); st.Unlocked || st.WalletUnlocked {
				t.Errorf("Verify unlocked the store: %+v", st)
			}
		})
	}
	after, _ := os.ReadFile(filepath.Join(dir, KeyringFile))
	if string(before) != string(after) {
		t.Error("Verify rewrote the keyring")
	}
	// A passphrase change on a locked store leaves it locked.
	if err := s.ChangePassphrase(ctx, passA, passB); err != nil {
		t.Fatal(err)
	}
	if st := s.Status(); st.Unlocked {
		t.Errorf("change passphrase unlocked a locked store: %+v", st)
	}
	if err := newTestStore(t, dir, clk, nil).Unlock(ctx, passB); err != nil {
		t.Errorf("new passphrase: %v", err)
	}
}

func TestDestructiveOpsNeedProof(t *testing.T) {
	ctx := context.Background()
	other, _ := NewMnemonic(nil)
	otherAddr, _ := DeriveAddress(other)
	for _, tc := range []struct {
		name string
		run  func(s *Store, m Mnemonic) error
		want error // nil: allowed
	}{
		{"erase without proof", func(s *Store, _ Mnemonic) error { return s.Erase(ctx, Proof{}) }, ErrProofRequired},
		{"erase with a wrong passphrase", func(s *Store, _ Mnemonic) error { return s.Erase(ctx, Proof{Passphrase: passB}) }, ErrDecrypt},
		{"erase with other words", func(s *Store, _ Mnemonic) error { return s.Erase(ctx, Proof{Words: other}) }, ErrDecrypt},
		{"erase with the passphrase", func(s *Store, _ Mnemonic) error { return s.Erase(ctx, Proof{Passphrase: passA}) }, nil},
		{"erase with the words", func(s *Store, m Mnemonic) error { return s.Erase(ctx, Proof{Words: m}) }, nil},
		{"restore other words without proof", func(s *Store, _ Mnemonic) error {
			_, err := s.Restore(ctx, other, passB, RestoreOptions{Overwrite: true})
			return err
		}, ErrProofRequired},
		{"restore other words with a wrong passphrase", func(s *Store, _ Mnemonic) error {
			_, err := s.Restore(ctx, other, passB, RestoreOptions{Overwrite: true, Proof: Proof{Passphrase: passB}})
			return err
		}, ErrDecrypt},
		{"restore other words with the passphrase", func(s *Store, _ Mnemonic) error {
			_, err := s.Restore(ctx, other, passB, RestoreOptions{Overwrite: true, Proof: Proof{Passphrase: passA}})
			return err
		}, nil},
		{"restore other words with the keyring's words", func(s *Store, m Mnemonic) error {
			_, err := s.Restore(ctx, other, passB, RestoreOptions{Overwrite: true, Proof: Proof{Words: m}})
			return err
		}, nil},
		{"restore the keyring's own words (forgotten passphrase)", func(s *Store, m Mnemonic) error {
			_, err := s.Restore(ctx, m, passB, RestoreOptions{Overwrite: true})
			return err
		}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, m, dir, _ := initStore(t)
			addr := s.Address()
			err := tc.run(s, m)
			if !errors.Is(err, tc.want) || (tc.want == nil) != (err == nil) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
			_, statErr := os.Stat(filepath.Join(dir, KeyringFile))
			switch {
			case tc.want != nil && (statErr != nil || s.Address() != addr):
				t.Errorf("refused, yet the keyring changed: address %s (want %s), stat %v", s.Address().Hex(), addr.Hex(), statErr)
			case tc.want == nil && strings.HasPrefix(tc.name, "restore other") && s.Address() != otherAddr:
				t.Errorf("restore: address %s, want %s", s.Address().Hex(), otherAddr.Hex())
			}
		})
	}
}

func TestRestoreEveryLength(t *testing.T) {
	ctx := context.Background()
	for _, n := range MnemonicLengths {
		t.Run(fmt.Sprintf("%d words", n), func(t *testing.T) {
			ent := make([]byte, n/3*4)
			for i := range ent {
				ent[i] = byte(i*7 + n)
			}
			words, err := bip39.NewMnemonic(ent)
			if err != nil {
				t.Fatal(err)
			}
			m, err := ParseMnemonic(strings.ToUpper(words))
			if err != nil {
				t.Fatalf("ParseMnemonic(%d words): %v", n, err)
			}
			want, _ := DeriveAddress(m)
			s := newTestStore(t, t.TempDir(), nil, nil)
			got, err := s.Restore(ctx, m, passA, RestoreOptions{ExpectedAddress: want})
			if err != nil || got != want {
				t.Fatalf("Restore(%d words) = %s, %v; want %s", n, got.Hex(), err, want.Hex())
			}
			if _, err := s.SignText([]byte("hello")); err != nil {
				t.Errorf("sign after restore: %v", err)
			}
		})
	}
	// The well-known 12-word phrase gives the address every wallet shows.
	m, err := ParseMnemonic("test test test test test test test test test test test junk")
	if err != nil {
		t.Fatal(err)
	}
	got, err := newTestStore(t, t.TempDir(), nil, nil).Restore(ctx, m, passA, RestoreOptions{})
	if want := "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"; err != nil || got.Hex() != want {
		t.Errorf("12-word restore: %s, %v; want %s", got.Hex(), err, want)
	}
	// New keyrings keep 24 words.
	fresh, err := NewMnemonic(nil)
	if n := len(strings.Fields(fresh.Reveal())); err != nil || n != MnemonicWords {
		t.Errorf("new mnemonic: %d words, %v; want %d", n, err, MnemonicWords)
	}
}

// FuzzParseMnemonic: never panics; accepts only checksummed English
// phrases of a BIP-39 length, and what it accepts round-trips through its
// entropy.
func FuzzParseMnemonic(f *testing.F) {
	f.Add("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about")
	f.Add("test test test test test test test test test test test junk")
	f.Add("  ZOO zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong\n")
	f.Add(strings.Repeat("abandon ", 23) + "art")
	f.Add(strings.Repeat("abandon ", 24))
	f.Add("legal winner thank year wave sausage worth useful legal winner thank yellow")
	f.Add("abandon\u00a0abandon")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		m, err := ParseMnemonic(s)
		if err != nil {
			if !errors.Is(err, ErrMnemonic) {
				t.Fatalf("ParseMnemonic(%q): error %v does not wrap ErrMnemonic", s, err)
			}
			return
		}
		words := strings.Fields(m.Reveal())
		if !slices.Contains(MnemonicLengths, len(words)) {
			t.Fatalf("ParseMnemonic(%q) accepted %d words", s, len(words))
		}
		ent, err := m.Entropy()
		if err != nil {
			t.Fatalf("accepted %q but its entropy: %v", s, err)
		}
		if len(ent) != len(words)/3*4 {
			t.Fatalf("%d words gave %d bytes of entropy, want %d", len(words), len(ent), len(words)/3*4)
		}
		back, err := bip39.NewMnemonic(ent)
		if err != nil || back != m.Reveal() {
			t.Fatalf("round trip of %q: got %q, %v", m.Reveal(), back, err)
		}
	})
}
