package keystore

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/big"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
)

type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

var (
	passA = []byte("correct horse battery staple")
	passB = []byte("another long passphrase!")
)

func newTestStore(t *testing.T, dir string, clk *fakeClock, logs *bytes.Buffer) *Store {
	t.Helper()
	opts := Options{Dir: dir, ChainID: big.NewInt(1337), ScryptLogN: MinScryptLogN, ExportScryptLogN: 12, IdleLock: time.Minute}
	if clk != nil {
		opts.Clock = clk.Now
	}
	if logs != nil {
		opts.Logger = slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	s, err := New(opts)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func initStore(t *testing.T) (*Store, Mnemonic, string, *fakeClock) {
	t.Helper()
	dir := t.TempDir()
	clk := &fakeClock{t: time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)}
	s := newTestStore(t, dir, clk, nil)
	m, err := s.Init(context.Background(), passA)
	if err != nil {
		t.Fatal(err)
	}
	return s, m, dir, clk
}

func TestInitUnlockSealSign(t *testing.T) {
	ctx := context.Background()
	s, m, dir, clk := initStore(t)
	if len(strings.Fields(m.Reveal())) != 24 {
		t.Fatalf("mnemonic has %d words", len(strings.Fields(m.Reveal())))
	}
	want, _ := DeriveAddress(m)
	if s.Address() != want {
		t.Fatalf("address %s, want %s", s.Address().Hex(), want.Hex())
	}
	fi, err := os.Stat(filepath.Join(dir, KeyringFile))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("keyring mode %v, %v", fi.Mode(), err)
	}
	raw, _ := os.ReadFile(filepath.Join(dir, KeyringFile))
	for _, w := range strings.Fields(m.Reveal())[:3] {
		if bytes.Contains(raw, []byte(" "+w+" ")) {
			t.Error("keyring contains a backup word in clear")
		}
	}
	sealed, err := s.Seal(CategoryVoice, "utt-1", []byte("pcm"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Init(ctx, passA); !errors.Is(err, ErrExists) {
		t.Errorf("second init: %v", err)
	}

	// A fresh process: address known while locked; everything else locked.
	s2 := newTestStore(t, dir, clk, nil)
	if s2.Address() != want {
		t.Errorf("locked address %s", s2.Address().Hex())
	}
	if _, err := s2.Open(CategoryVoice, "utt-1", sealed); !errors.Is(err, ErrLocked) {
		t.Errorf("open while locked: %v", err)
	}
	if _, err := s2.SignText([]byte("x")); !errors.Is(err, ErrLocked) {
		t.Errorf("sign while locked: %v", err)
	}
	if err := s2.Unlock(ctx, passA); err != nil {
		t.Fatal(err)
	}
	if got, err := s2.Open(CategoryVoice, "utt-1", sealed); err != nil || string(got) != "pcm" {
		t.Fatalf("open after unlock: %q %v", got, err)
	}
	sig, err := s2.SignTypedData(voucher(t, 1337))
	if err != nil {
		t.Fatal(err)
	}
	if a, _ := RecoverTypedData(voucher(t, 1337), sig); a != want {
		t.Errorf("signed by %s", a.Hex())
	}
	st := s2.Status()
	if !st.Initialized || !st.Unlocked || !st.WalletUnlocked || st.ScryptN != 1<<MinScryptLogN || st.Address != want {
		t.Errorf("status %+v", st)
	}
}

func TestIdleLockWipesWalletOnly(t *testing.T) {
	s, _, _, clk := initStore(t)
	signer := s.signer
	if _, err := s.SignText([]byte("a")); err != nil {
		t.Fatal(err)
	}
	clk.Add(59 * time.Second)
	if _, err := s.SignText([]byte("b")); err != nil {
		t.Fatalf("within window: %v", err)
	}
	clk.Add(59 * time.Second) // window restarts at each use
	s.ExpireIdle()
	if !s.Status().WalletUnlocked {
		t.Fatal("locked although used 59 s ago")
	}
	clk.Add(2 * time.Second)
	s.ExpireIdle()
	if s.Status().WalletUnlocked {
		t.Fatal("wallet still unlocked after idle period")
	}
	if signer.key != nil {
		t.Error("signer key not dropped")
	}
	if _, err := s.SignText([]byte("c")); !errors.Is(err, ErrLocked) {
		t.Errorf("after idle: %v", err)
	}
	if _, err := s.Seal(CategorySettings, "k", []byte("v")); err != nil {
		t.Errorf("data keys should stay: %v", err)
	}
	// Unlocking again brings the wallet back without replacing the data
	// keys other goroutines are using.
	data := s.data
	if err := s.Unlock(context.Background(), passA); err != nil {
		t.Fatal(err)
	}
	if s.data != data {
		t.Error("re-unlock replaced the data keys")
	}
	if _, err := s.SignText([]byte("d")); err != nil {
		t.Errorf("after re-unlock: %v", err)
	}
}

func TestLockZeroizes(t *testing.T) {
	s, _, _, _ := initStore(t)
	signer, data := s.signer, s.data
	d := signer.key.D //nolint:staticcheck // SA1019: checking that the scalar is wiped
	fk := s.fileKey
	s.Lock()
	if d.Sign() != 0 {
		t.Error("private scalar not zeroed")
	}
	if data.root != [32]byte{} {
		t.Error("data root not zeroed")
	}
	if !bytes.Equal(fk, make([]byte, len(fk))) {
		t.Error("file key not zeroed")
	}
	if st := s.Status(); st.Unlocked || st.WalletUnlocked {
		t.Errorf("status after lock %+v", st)
	}
}

func TestRestore(t *testing.T) {
	ctx := context.Background()
	s, m, _, _ := initStore(t)
	addr := s.Address()
	old, _ := s.Seal(CategoryQueries, "q1", []byte("epoch0"))
	if _, err := s.Rotate(ctx, CategoryQueries); err != nil {
		t.Fatal(err)
	}
	newer, _ := s.Seal(CategoryQueries, "q2", []byte("epoch1"))
	table, err := s.KeyTable()
	if err != nil {
		t.Fatal(err)
	}

	// Restoring onto a device that already has a keyring needs the flag.
	other, _ := NewMnemonic(nil)
	otherAddr, _ := DeriveAddress(other)
	if _, err := s.Restore(ctx, other, passB, RestoreOptions{}); !errors.Is(err, ErrExists) {
		t.Fatalf("restore without overwrite: %v", err)
	}
	if _, err := s.Restore(ctx, other, passB, RestoreOptions{Overwrite: true, ExpectedAddress: addr}); !errors.Is(err, ErrAddressMismatch) {
		t.Fatalf("restore wrong words: %v", err)
	}
	if s.Address() != addr {
		t.Fatal("keyring changed by a refused restore")
	}

	// Wipe the device; restore from the words (and key table) elsewhere.
	dir2 := t.TempDir()
	s2 := newTestStore(t, dir2, nil, nil)
	got, err := s2.Restore(ctx, m, passB, RestoreOptions{ExpectedAddress: addr, KeyTable: table})
	if err != nil || got != addr {
		t.Fatalf("restore: %s %v", got.Hex(), err)
	}
	for id, sealed := range map[string][]byte{"q1": old, "q2": newer} {
		if _, err := s2.Open(CategoryQueries, id, sealed); err != nil {
			t.Errorf("restored keys cannot open %s: %v", id, err)
		}
	}
	// Without the key table only epoch 0 opens.
	s3 := newTestStore(t, t.TempDir(), nil, nil)
	if _, err := s3.Restore(ctx, m, passB, RestoreOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := s3.Open(CategoryQueries, "q1", old); err != nil {
		t.Errorf("epoch 0 from words alone: %v", err)
	}
	if _, err := s3.Open(CategoryQueries, "q2", newer); !errors.Is(err, ErrUnknownEpoch) {
		t.Errorf("epoch 1 without key table: %v", err)
	}
	// A key table of other words is refused.
	s4 := newTestStore(t, t.TempDir(), nil, nil)
	if _, err := s4.Restore(ctx, other, passB, RestoreOptions{KeyTable: table}); !errors.Is(err, ErrDecrypt) {
		t.Errorf("foreign key table: %v", err)
	}
	if _, err := s.Restore(ctx, other, passB, RestoreOptions{Overwrite: true, ExpectedAddress: otherAddr, Proof: Proof{Passphrase: passA}}); err != nil {
		t.Fatalf("restore with overwrite: %v", err)
	}
	if s.Address() != otherAddr {
		t.Error("overwrite did not take")
	}
}

func TestChangePassphrase(t *testing.T) {
	ctx := context.Background()
	s, _, dir, clk := initStore(t)
	sealed, _ := s.Seal(CategorySettings, "s", []byte("v"))
	if err := s.ChangePassphrase(ctx, passA, []byte("short")); !errors.Is(err, ErrPassphrase) {
		t.Errorf("short new passphrase: %v", err)
	}
	if err := s.ChangePassphrase(ctx, []byte("not the old one"), passB); !errors.Is(err, ErrDecrypt) {
		t.Errorf("wrong old passphrase: %v", err)
	}
	if err := s.ChangePassphrase(ctx, passA, passB); err != nil {
		t.Fatal(err)
	}
	s2 := newTestStore(t, dir, clk, nil)
	if err := s2.Unlock(ctx, passA); !errors.Is(err, ErrDecrypt) {
		t.Errorf("old passphrase still works: %v", err)
	}
	if err := s2.Unlock(ctx, passB); err != nil {
		t.Fatal(err)
	}
	if _, err := s2.Open(CategorySettings, "s", sealed); err != nil {
		t.Error(err)
	}
	// The previous generation must not hold the old passphrase either.
	prev, err := readPrivateFile(filepath.Join(dir, KeyringPrevFile))
	if err != nil {
		t.Fatal(err)
	}
	p, _ := parseKeyring(prev)
	k, _ := deriveFileKey(NormalizePassphrase(passA), p.salt, p.header.KDF.N)
	if _, err := openKeyring(p, k); err == nil {
		t.Error("keyring.prev still opens with the old passphrase")
	}
}

func TestShredForgetsPreviousGeneration(t *testing.T) {
	ctx := context.Background()
	s, _, dir, clk := initStore(t)
	v, _ := s.Seal(CategoryVoice, "v", []byte("secret audio"))
	q, _ := s.Seal(CategoryQueries, "q", []byte("query"))
	if err := s.Shred(ctx, CategoryVoice); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{KeyringFile, KeyringPrevFile} {
		// Load each generation alone and try the old record.
		d2 := t.TempDir()
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d2, KeyringFile), data, 0o600); err != nil {
			t.Fatal(err)
		}
		s2 := newTestStore(t, d2, clk, nil)
		if err := s2.Unlock(ctx, passA); err != nil {
			t.Fatal(err)
		}
		if _, err := s2.Open(CategoryVoice, "v", v); !errors.Is(err, ErrUnknownEpoch) {
			t.Errorf("%s: shredded record: %v", name, err)
		}
		if _, err := s2.Open(CategoryQueries, "q", q); err != nil {
			t.Errorf("%s: other category: %v", name, err)
		}
	}
}

func TestPermissionsAndSymlink(t *testing.T) {
	ctx := context.Background()
	_, _, dir, clk := initStore(t)
	main := filepath.Join(dir, KeyringFile)
	if err := os.Chmod(main, 0o640); err != nil {
		t.Fatal(err)
	}
	s := newTestStore(t, dir, clk, nil)
	if err := s.Unlock(ctx, passA); !errors.Is(err, ErrInsecureFile) {
		t.Errorf("group-readable: %v", err)
	} else if !strings.Contains(err.Error(), "chmod 600") {
		t.Errorf("error does not say how to fix: %v", err)
	}
	os.Chmod(main, 0o600)

	// Keyring behind a symlink.
	d2 := t.TempDir()
	if err := os.Symlink(main, filepath.Join(d2, KeyringFile)); err != nil {
		t.Fatal(err)
	}
	s2 := newTestStore(t, d2, clk, nil)
	if err := s2.Unlock(ctx, passA); !errors.Is(err, ErrInsecureFile) {
		t.Errorf("symlink: %v", err)
	}
	// State dir writable by others.
	d3 := t.TempDir()
	os.Chmod(d3, 0o777)
	if _, err := New(Options{Dir: d3, ChainID: big.NewInt(1)}); !errors.Is(err, ErrInsecureFile) {
		t.Errorf("world-writable dir: %v", err)
	}
}

// rewriteHeader changes the header of a keyring file (breaking its
// authentication, which does not matter for checks that run first).
func rewriteHeader(t *testing.T, path string, f func(h map[string]any)) {
	t.Helper()
	raw, _ := os.ReadFile(path)
	var kf map[string]json.RawMessage
	json.Unmarshal(raw, &kf)
	var h map[string]any
	json.Unmarshal(kf["header"], &h)
	f(h)
	kf["header"], _ = json.Marshal(h)
	out, _ := json.Marshal(kf)
	if err := os.WriteFile(path, out, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestKDFParamsOutOfBounds(t *testing.T) {
	cases := []struct {
		name string
		set  func(k map[string]any)
		want error
	}{
		{"N=2^30", func(k map[string]any) { k["n"] = 1 << 30 }, ErrParams},
		{"N=2^21", func(k map[string]any) { k["n"] = 1 << 21 }, ErrParams},
		{"N=2^13", func(k map[string]any) { k["n"] = 1 << 13 }, ErrParams},
		{"N not power of 2", func(k map[string]any) { k["n"] = 3 << 14 }, ErrParams},
		{"N huge number", func(k map[string]any) { k["n"] = 1e300 }, ErrFormat},
		{"r=1024", func(k map[string]any) { k["r"] = 1024 }, ErrParams},
		{"p=2^20", func(k map[string]any) { k["p"] = 1 << 20 }, ErrParams},
		{"alg pbkdf2", func(k map[string]any) { k["alg"] = "pbkdf2" }, ErrParams},
		{"short salt", func(k map[string]any) { k["salt"] = "AAAA" }, ErrFormat},
		{"missing salt", func(k map[string]any) { delete(k, "salt") }, ErrFormat},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, _, dir, clk := initStore(t)
			main := filepath.Join(dir, KeyringFile)
			rewriteHeader(t, main, func(h map[string]any) { tc.set(h["kdf"].(map[string]any)) })
			os.Remove(filepath.Join(dir, KeyringPrevFile))
			s := newTestStore(t, dir, clk, nil)
			if err := s.Unlock(context.Background(), passA); !errors.Is(err, tc.want) {
				t.Errorf("err = %v, want %v", err, tc.want)
			}
		})
	}
}

func TestTamperedKeyringNeverOpens(t *testing.T) {
	_, _, dir, _ := initStore(t)
	raw, _ := os.ReadFile(filepath.Join(dir, KeyringFile))
	p, err := parseKeyring(raw)
	if err != nil {
		t.Fatal(err)
	}
	key, _ := deriveFileKey(NormalizePassphrase(passA), p.salt, p.header.KDF.N)
	if _, err := openKeyring(p, key); err != nil {
		t.Fatal(err)
	}
	// Flip each byte (one bit) of the file: either it no longer parses, or it
	// parses and fails authentication. Never opens, never panics. (A flip
	// inside the salt or N would change the KDF output too; we use the
	// original key, which is what an attacker without the passphrase faces
	// at best.)
	for i := range raw {
		for _, bit := range []byte{0x01, 0x20} {
			bad := append([]byte(nil), raw...)
			bad[i] ^= bit
			pp, err := parseKeyring(bad)
			if err != nil {
				continue
			}
			if pl, err := openKeyring(pp, key); err == nil {
				// Only JSON-insignificant changes may still open, and then
				// they must decrypt to the same payload.
				if !bytes.Equal(pp.headerRaw, p.headerRaw) || !bytes.Equal(pp.ct, p.ct) {
					t.Fatalf("byte %d ^%#x: tampered keyring opened (%d byte seed)", i, bit, len(pl.Seed))
				}
			}
		}
	}
	// Every truncation: clean error.
	for n := 0; n < len(bytes.TrimSpace(raw)); n++ {
		if _, err := parseKeyring(raw[:n]); err == nil {
			t.Fatalf("truncated to %d bytes parsed", n)
		}
	}
	// Trailing garbage, duplicate keys.
	for name, bad := range map[string][]byte{
		"trailing":  append(append([]byte(nil), raw...), []byte("{}")...),
		"duplicate": bytes.Replace(raw, []byte(`"nonce"`), []byte(`"nonce": "AAAA", "nonce"`), 1),
	} {
		if _, err := parseKeyring(bad); !errors.Is(err, ErrFormat) {
			t.Errorf("%s: %v", name, err)
		}
	}
}

func TestCrashAtEveryWriteStep(t *testing.T) {
	ctx := context.Background()
	for _, step := range writeSteps {
		t.Run(step, func(t *testing.T) {
			s, _, dir, clk := initStore(t)
			if _, err := s.Rotate(ctx, CategoryVoice); err != nil { // so keyring.prev exists
				t.Fatal(err)
			}
			s.hook = func(got string) error {
				if got == step {
					return errCrash
				}
				return nil
			}
			err := s.ChangePassphrase(ctx, passA, passB)
			if !errors.Is(err, errCrash) {
				t.Fatalf("change passphrase: %v", err)
			}
			// Restart: one of the two passphrases must open the keyring.
			s2 := newTestStore(t, dir, clk, nil)
			errA := s2.Unlock(ctx, passA)
			errB := s2.Unlock(ctx, passB)
			if errA != nil && errB != nil {
				t.Fatalf("neither generation opens: old %v, new %v", errA, errB)
			}
			if errA == nil && errB == nil {
				t.Fatalf("both passphrases open the keyring")
			}
			ents, _ := os.ReadDir(dir)
			for _, e := range ents {
				if strings.HasSuffix(e.Name(), tempSuffix) {
					t.Errorf("temp file left after restart: %s", e.Name())
				}
			}
		})
	}
}

func TestDamagedKeyringFallsBackToPrevious(t *testing.T) {
	ctx := context.Background()
	s, _, dir, clk := initStore(t)
	sealed, _ := s.Seal(CategoryVoice, "v", []byte("x"))
	if _, err := s.Rotate(ctx, CategoryResults); err != nil {
		t.Fatal(err)
	}
	main := filepath.Join(dir, KeyringFile)
	raw, _ := os.ReadFile(main)
	os.WriteFile(main, raw[:len(raw)/2], 0o600) // torn write
	var logs bytes.Buffer
	s2 := newTestStore(t, dir, clk, &logs)
	if err := s2.Unlock(ctx, passA); err != nil {
		t.Fatalf("unlock with damaged main: %v", err)
	}
	if !strings.Contains(logs.String(), "previous generation") {
		t.Errorf("fallback not reported: %s", logs.String())
	}
	if _, err := s2.Open(CategoryVoice, "v", sealed); err != nil {
		t.Error(err)
	}
	if p, err := parseKeyring(mustRead(t, main)); err != nil {
		t.Errorf("main not repaired: %v", err)
	} else if p.header.Address != s.Address().Hex() {
		t.Error("repaired main has another address")
	}
	// A main that parses but fails to decrypt is NOT replaced by prev.
	if err := s2.ChangePassphrase(ctx, passA, passB); err != nil {
		t.Fatal(err)
	}
	s3 := newTestStore(t, dir, clk, nil)
	if err := s3.Unlock(ctx, passA); !errors.Is(err, ErrDecrypt) {
		t.Errorf("old passphrase via fallback: %v", err)
	}
}

func mustRead(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestEraseAndReinit(t *testing.T) {
	ctx := context.Background()
	s, _, dir, _ := initStore(t)
	if err := s.Erase(ctx, Proof{Passphrase: passA}); err != nil {
		t.Fatal(err)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 0 {
		t.Errorf("files left after erase: %v", ents)
	}
	if st := s.Status(); st.Initialized || st.Unlocked {
		t.Errorf("status after erase %+v", st)
	}
	if err := s.Unlock(ctx, passA); !errors.Is(err, ErrNotInitialized) {
		t.Errorf("unlock after erase: %v", err)
	}
	if _, err := s.Init(ctx, passB); err != nil {
		t.Errorf("init after erase: %v", err)
	}
}

func TestConcurrentUnlocks(t *testing.T) {
	_, _, dir, clk := initStore(t)
	s := newTestStore(t, dir, clk, nil)
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Go(func() { errs <- s.Unlock(context.Background(), passA) })
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
}

func TestNoSecretsInLogsOrPrints(t *testing.T) {
	ctx := context.Background()
	var logs bytes.Buffer
	dir := t.TempDir()
	s := newTestStore(t, dir, nil, &logs)
	m, err := s.Init(ctx, passA)
	if err != nil {
		t.Fatal(err)
	}
	s.Unlock(ctx, []byte("wrong passphrase canary"))
	s.Unlock(ctx, passA)
	s.Rotate(ctx, CategoryVoice)
	s.ChangePassphrase(ctx, passA, passB)
	sealed, _ := s.Seal(CategoryVoice, "r", []byte("x"))
	dk, _ := s.data.RecordKey(CategoryVoice, "r", sealed)
	s.log.Info("objects", "mnemonic", m, "store", s, "datakey", dk, "signer", s.signer, "data", s.data)

	words := m.Reveal()
	secrets := []string{words, strings.Join(strings.Fields(words)[:2], " "), string(passA), string(passB), "canary",
		fmt.Sprintf("%x", dk.key[:8]), fmt.Sprintf("%x", s.signer.key.D.Bytes()[:8])} //nolint:staticcheck // SA1019: the raw scalar must not appear
	var printed bytes.Buffer
	for _, v := range []any{m, &m, dk, &dk, s, s.signer, s.data} {
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d"} {
			fmt.Fprintf(&printed, verb+"\n", v)
		}
		j, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		printed.Write(j)
		if !bytes.Contains(j, []byte(redacted)) {
			t.Errorf("%T JSON = %s", v, j)
		}
	}
	st, _ := json.Marshal(s.Status())
	printed.Write(st)
	for _, sec := range secrets {
		for name, out := range map[string]string{"logs": logs.String(), "prints": printed.String()} {
			if strings.Contains(out, sec) {
				t.Errorf("%s contain a secret (%q...)", name, sec[:min(4, len(sec))])
			}
		}
	}
	if !strings.Contains(printed.String(), redacted) || !strings.Contains(logs.String(), redacted) {
		t.Error("redaction marker missing")
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		for _, sec := range secrets {
			if bytes.Contains(b, []byte(sec)) {
				t.Errorf("%s contains a secret", e.Name())
			}
		}
	}
}

func TestChooseLogN(t *testing.T) {
	cases := []struct {
		name   string
		floor  time.Duration
		target time.Duration
		mem    int64
		want   int
	}{
		{"fast machine capped by max", time.Millisecond, time.Second, 1 << 40, MaxScryptLogN},
		{"pi-like", 150 * time.Millisecond, time.Second, 1 << 40, 16},
		{"slow stays at floor", 2 * time.Second, time.Second, 1 << 40, MinScryptLogN},
		{"memory bound", time.Millisecond, time.Second, 64 << 20, 16},
	}
	for _, tc := range cases {
		got := chooseLogN(func(int) time.Duration { return tc.floor }, tc.target, tc.mem)
		if got != tc.want {
			t.Errorf("%s: logN %d, want %d", tc.name, got, tc.want)
		}
	}
}

func TestNormalizePassphrase(t *testing.T) {
	cases := []struct{ in, want string }{
		{"plain", "plain"},
		{"tab\there\x7f", "tabhere"},
		{"caf\u00e9", "cafe\u0301"}, // NFKD
		{"\ufb01le", "file"},        // compatibility ligature
		{"a\u0085b\u009fc", "abc"},  // C1 controls
		{"\U0001F511 key", "\U0001F511 key"},
	}
	for _, tc := range cases {
		if got := string(NormalizePassphrase([]byte(tc.in))); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.in, got, tc.want)
		}
	}
}

func BenchmarkUnlock(b *testing.B) {
	for _, logN := range []int{14, 15, 16, 17} {
		b.Run(fmt.Sprintf("N=2^%d", logN), func(b *testing.B) {
			s, err := New(Options{Dir: b.TempDir(), ChainID: big.NewInt(1), ScryptLogN: logN})
			if err != nil {
				b.Fatal(err)
			}
			if _, err := s.Init(context.Background(), passA); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if err := s.Unlock(context.Background(), passA); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

var _ = common.Address{}
