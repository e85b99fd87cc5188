package agent

import (
	"context"
	"errors"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	gethkeystore "github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/google/uuid"

	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/keystore"
	"github.com/mycroft-network/mycroft/wallet"
)

func init() {
	// The cheapest scrypt the keystore accepts: tests need the format, not
	// the cost.
	keysTestOptions = func(o *keystore.Options) {
		o.ScryptLogN = keystore.MinScryptLogN
		o.ExportScryptLogN = 12
		// The backoff's delays are the keystore's tests' business; here
		// they pass at once.
		o.Sleep = func(ctx context.Context, _ time.Duration) error { return ctx.Err() }
	}
}

const testPass = "correct horse battery"

func apiStatus(err error) int {
	var ae *apiclient.Error
	if errors.As(err, &ae) {
		return ae.Status
	}
	return 0
}

func warning(t *testing.T, c *apiclient.Client, component string) string {
	t.Helper()
	ws, err := c.Status(context.Background())
	if err != nil {
		t.Fatalf("Status: %v", err)
	}
	for _, w := range ws.Warnings {
		if w.Component == component {
			return w.Message
		}
	}
	return ""
}

func TestKeysLifecycle(t *testing.T) {
	ctx := context.Background()
	cfg := testConfig(t)
	_, c, _ := start(t, cfg, Options{})

	st, err := c.KeysStatus(ctx)
	if err != nil || st.Initialized || st.Address != "" {
		t.Fatalf("status before init = %+v, %v", st, err)
	}
	if _, err := c.KeysInit(ctx, "short"); apiStatus(err) != http.StatusBadRequest {
		t.Errorf("init with a short passphrase: %v, want 400", err)
	}
	ini, err := c.KeysInit(ctx, testPass)
	if err != nil {
		t.Fatalf("init: %v", err)
	}
	words := ini.Words
	if n := len(strings.Fields(words)); n != keystore.MnemonicWords {
		t.Fatalf("init gave %d words", n)
	}
	if _, err := c.KeysInit(ctx, testPass); apiStatus(err) != http.StatusConflict {
		t.Errorf("second init: %v, want 409", err)
	}
	st, err = c.KeysStatus(ctx)
	if err != nil || !st.Initialized || !st.Unlocked || st.Address != ini.Address {
		t.Fatalf("status after init = %+v, %v (address %s)", st, err, ini.Address)
	}
	// The words are in no other answer.
	var raw map[string]any
	if err := c.Get(ctx, "/keys/status", &raw); err != nil {
		t.Fatal(err)
	}
	for k, v := range raw {
		if s, ok := v.(string); ok && strings.Contains(s, strings.Fields(words)[0]+" ") {
			t.Errorf("status field %s carries the words", k)
		}
	}
	full, _ := c.Status(ctx)
	if !strings.Contains(string(full.Components["keys"]), ini.Address) {
		t.Errorf("status component keys = %s, want the address", full.Components["keys"])
	}

	// Lock and unlock.
	if err := c.KeysLock(ctx); err != nil {
		t.Fatalf("lock: %v", err)
	}
	if st, _ := c.KeysStatus(ctx); st.Unlocked {
		t.Error("unlocked after lock")
	}
	if w := warning(t, c, "keys"); !strings.Contains(w, "locked") {
		t.Errorf("keys warning when locked = %q", w)
	}
	if err := c.KeysUnlock(ctx, "wrong passphrase"); apiStatus(err) != http.StatusForbidden {
		t.Errorf("unlock with the wrong passphrase: %v, want 403", err)
	}
	if st, _ := c.KeysStatus(ctx); st.Unlocked {
		t.Error("unlocked by a wrong passphrase")
	}
	if err := c.KeysUnlock(ctx, testPass); err != nil {
		t.Fatalf("unlock: %v", err)
	}
	if w := warning(t, c, "keys"); w != "" {
		t.Errorf("keys warning after unlock = %q", w)
	}

	// Change the passphrase, rotate, export.
	if err := c.KeysChangePassphrase(ctx, testPass, "a new passphrase"); err != nil {
		t.Fatalf("change passphrase: %v", err)
	}
	rot, err := c.KeysRotate(ctx, "voice")
	if err != nil || rot.Epoch != 1 {
		t.Fatalf("rotate = %+v, %v", rot, err)
	}
	if _, err := c.KeysRotate(ctx, "nope"); apiStatus(err) != http.StatusBadRequest {
		t.Errorf("rotate unknown category: %v", err)
	}
	if _, err := c.KeysExport(ctx, testPass, "export pass"); apiStatus(err) != http.StatusForbidden {
		t.Errorf("export with the old passphrase: %v, want 403", err)
	}
	v3, err := c.KeysExport(ctx, "a new passphrase", "export pass")
	if err != nil || !strings.Contains(strings.ToLower(string(v3)), strings.ToLower(strings.TrimPrefix(ini.Address, "0x"))) {
		t.Fatalf("export = %s, %v", v3, err)
	}

	// Restore: derive first, then restore over the keyring.
	der, err := c.KeysRestore(ctx, apiclient.KeysRestoreRequest{Words: words})
	if err != nil || der.Address != ini.Address || der.Restored {
		t.Fatalf("derive = %+v, %v", der, err)
	}
	if _, err := c.KeysRestore(ctx, apiclient.KeysRestoreRequest{Words: words, Passphrase: testPass, Confirm: true}); apiStatus(err) != http.StatusConflict {
		t.Errorf("restore over a keyring without overwrite: %v, want 409", err)
	}
	if _, err := c.KeysRestore(ctx, apiclient.KeysRestoreRequest{Words: "not the words", Confirm: true}); apiStatus(err) != http.StatusBadRequest {
		t.Errorf("restore bad words: %v, want 400", err)
	}

	// Erase needs the right address.
	if err := c.KeysErase(ctx, apiclient.KeysEraseRequest{ConfirmAddress: "0x0000000000000000000000000000000000000001", Passphrase: testPass}); apiStatus(err) != http.StatusConflict {
		t.Errorf("erase with the wrong address: %v, want 409", err)
	}
	if st, _ := c.KeysStatus(ctx); !st.Initialized {
		t.Fatal("erased by a wrong address")
	}
	if err := c.KeysErase(ctx, apiclient.KeysEraseRequest{ConfirmAddress: strings.ToLower(ini.Address), Words: words}); err != nil {
		t.Fatalf("erase: %v", err)
	}
	if st, _ := c.KeysStatus(ctx); st.Initialized {
		t.Fatal("still initialised after erase")
	}
	// The words give the same wallet back.
	res, err := c.KeysRestore(ctx, apiclient.KeysRestoreRequest{Words: words, Passphrase: testPass, ExpectedAddress: ini.Address, Confirm: true})
	if err != nil || !res.Restored || res.Address != ini.Address {
		t.Fatalf("restore = %+v, %v", res, err)
	}
	if st, _ := c.KeysStatus(ctx); st.Address != ini.Address {
		t.Errorf("address after restore %s, want %s", st.Address, ini.Address)
	}
}

func TestPassphraseFile(t *testing.T) {
	ctx := context.Background()
	cfg := testConfig(t)
	_, c, stop := start(t, cfg, Options{})
	ini, err := c.KeysInit(ctx, testPass)
	if err != nil {
		t.Fatal(err)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}

	pf := filepath.Join(t.TempDir(), "pass")
	if err := os.WriteFile(pf, []byte(testPass+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(pf, 0o644); err != nil {
		t.Fatal(err)
	}
	cfg.Keys.PassphraseFile = pf
	_, c, stop = start(t, cfg, Options{})
	if st, _ := c.KeysStatus(ctx); st.Unlocked {
		t.Error("unlocked from a file others can read")
	}
	if w := warning(t, c, "keys.passphrase_file"); !strings.Contains(w, "0644") {
		t.Errorf("passphrase file warning = %q", w)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}

	if err := os.Chmod(pf, 0o600); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	now := time.Now()
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	a, c, _ := start(t, cfg, Options{Now: clock})
	st, err := c.KeysStatus(ctx)
	if err != nil || !st.Unlocked || !st.WalletUnlocked || st.Address != ini.Address {
		t.Fatalf("status with a private passphrase file = %+v, %v", st, err)
	}
	if w := warning(t, c, "keys.passphrase_file") + warning(t, c, "keys"); w != "" {
		t.Errorf("warnings = %q", w)
	}

	// The wallet key idles out; an unattended device unlocks it again
	// from the file.
	mu.Lock()
	now = now.Add(cfg.Keys.IdleLock.Std() + time.Minute)
	mu.Unlock()
	a.keys.ExpireIdle()
	if st, _ := c.KeysStatus(ctx); st.WalletUnlocked {
		t.Fatal("wallet key still unlocked after the idle lock")
	}
	a.rearmWallet(ctx)
	if st, _ := c.KeysStatus(ctx); !st.WalletUnlocked {
		t.Fatal("wallet key not unlocked again from the passphrase file")
	}
	// A keyring the owner locked stays locked.
	if err := c.KeysLock(ctx); err != nil {
		t.Fatal(err)
	}
	a.rearmWallet(ctx)
	if st, _ := c.KeysStatus(ctx); st.Unlocked || st.WalletUnlocked {
		t.Fatalf("owner's lock undone: %+v", st)
	}
}

func TestReadPassphraseFile(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		content string
		mode    os.FileMode
		want    string
		ok      bool
	}{
		{"secret pass\n", 0o600, "secret pass", true},
		{"secret pass\r\n", 0o400, "secret pass", true},
		{"secret pass", 0o600, "secret pass", true},
		{"two\n\n", 0o600, "two\n", true},
		{"secret", 0o640, "", false},
		{"secret", 0o604, "", false},
	} {
		p := filepath.Join(dir, "p")
		os.Remove(p)
		if err := os.WriteFile(p, []byte(tc.content), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, tc.mode); err != nil {
			t.Fatal(err)
		}
		got, err := readPassphraseFile(p)
		if (err == nil) != tc.ok || string(got) != tc.want {
			t.Errorf("%q mode %o: %q, %v", tc.content, tc.mode, got, err)
		}
	}
}

// Erasing or replacing the keyring needs its passphrase (or its words);
// knowing the public address is not enough.
func TestKeysDestructiveNeedProof(t *testing.T) {
	ctx := context.Background()
	_, c, _ := start(t, testConfig(t), Options{})
	ini, err := c.KeysInit(ctx, testPass)
	if err != nil {
		t.Fatal(err)
	}
	const other = "test test test test test test test test test test test junk"
	const otherAddr = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"
	for _, tc := range []struct {
		name string
		run  func() error
	}{
		{"erase with the address only", func() error {
			return c.KeysErase(ctx, apiclient.KeysEraseRequest{ConfirmAddress: ini.Address})
		}},
		{"erase with a wrong passphrase", func() error {
			return c.KeysErase(ctx, apiclient.KeysEraseRequest{ConfirmAddress: ini.Address, Passphrase: "not the passphrase"})
		}},
		{"erase with other words", func() error {
			return c.KeysErase(ctx, apiclient.KeysEraseRequest{ConfirmAddress: ini.Address, Words: other})
		}},
		{"restore over it without proof", func() error {
			_, err := c.KeysRestore(ctx, apiclient.KeysRestoreRequest{Words: other, Passphrase: testPass, Overwrite: true, Confirm: true})
			return err
		}},
		{"restore over it with a wrong passphrase", func() error {
			_, err := c.KeysRestore(ctx, apiclient.KeysRestoreRequest{Words: other, Passphrase: testPass, Overwrite: true, Confirm: true, CurrentPassphrase: "not the passphrase"})
			return err
		}},
		{"import over it without proof", func() error {
			_, err := c.KeysImport(ctx, apiclient.KeysImportRequest{File: "{}", FilePassphrase: "x"})
			return err
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.run(); apiStatus(err) != http.StatusForbidden {
				t.Errorf("got %v, want 403", err)
			}
			if st, _ := c.KeysStatus(ctx); !st.Initialized || st.Address != ini.Address {
				t.Fatalf("keyring changed by a refused request: %+v", st)
			}
		})
	}
	res, err := c.KeysRestore(ctx, apiclient.KeysRestoreRequest{Words: other, Passphrase: testPass, Overwrite: true, Confirm: true, CurrentPassphrase: testPass})
	if err != nil || res.Address != otherAddr {
		t.Fatalf("12-word restore over the keyring with its passphrase: %+v, %v; want %s", res, err, otherAddr)
	}
	if err := c.KeysErase(ctx, apiclient.KeysEraseRequest{ConfirmAddress: otherAddr, Passphrase: testPass}); err != nil {
		t.Fatalf("erase with the passphrase: %v", err)
	}
}

// Wrong unlocks by anyone in the socket's group slow attempts down but
// never lock the owner out.
func TestKeysWrongUnlocksDoNotLockOut(t *testing.T) {
	ctx := context.Background()
	_, c, _ := start(t, testConfig(t), Options{})
	if _, err := c.KeysInit(ctx, testPass); err != nil {
		t.Fatal(err)
	}
	if err := c.KeysLock(ctx); err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 6; i++ {
		if err := c.KeysUnlock(ctx, "a wrong passphrase"); apiStatus(err) != http.StatusForbidden {
			t.Fatalf("wrong unlock %d: got %v, want 403", i, err)
		}
	}
	if err := c.KeysUnlock(ctx, testPass); err != nil {
		t.Fatalf("owner's unlock after 6 wrong ones: %v, want success", err)
	}
	if st, _ := c.KeysStatus(ctx); !st.Unlocked || st.FailedUnlocks != 0 {
		t.Errorf("status %+v, want unlocked with no failures", st)
	}
}

// A request body must be exactly one JSON value.
func TestRequestTrailingDataRefused(t *testing.T) {
	_, c, _ := start(t, testConfig(t), Options{})
	hc := &http.Client{Transport: &http.Transport{DialContext: func(ctx context.Context, _, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "unix", c.Socket)
	}}}
	for _, tc := range []struct {
		name, body string
		want       int
	}{
		{"one value", `{}`, http.StatusOK},
		{"trailing white space", "{}\n \t", http.StatusOK},
		{"empty body", ``, http.StatusOK},
		{"trailing garbage", `{} garbage`, http.StatusBadRequest},
		{"two values", `{}{}`, http.StatusBadRequest},
		{"trailing brace", `{}}`, http.StatusBadRequest},
		{"unknown field", `{"x":1}`, http.StatusBadRequest},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, err := hc.Post("http://mycroft.local"+apiclient.Prefix+"/keys/lock", "application/json", strings.NewReader(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tc.want {
				t.Errorf("POST /keys/lock %q: got %d, want %d", tc.body, resp.StatusCode, tc.want)
			}
		})
	}
}

// A v3 file made by go-ethereum imports as the wallet key; the answer
// names the wallet it replaced and the address the words still give.
func TestKeysImportGethFile(t *testing.T) {
	ctx := context.Background()
	_, c, _ := start(t, testConfig(t), Options{})
	ini, err := c.KeysInit(ctx, testPass)
	if err != nil {
		t.Fatal(err)
	}
	key, _ := crypto.GenerateKey()
	addr := crypto.PubkeyToAddress(key.PublicKey)
	file, err := gethkeystore.EncryptKey(&gethkeystore.Key{Id: uuid.New(), Address: addr, PrivateKey: key}, "geth file pass", gethkeystore.LightScryptN, gethkeystore.LightScryptP)
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.KeysImport(ctx, apiclient.KeysImportRequest{File: string(file), FilePassphrase: "geth file pass", Passphrase: testPass})
	if err != nil {
		t.Fatalf("import: %v", err)
	}
	if res.Address != addr.Hex() || res.Replaced != ini.Address || res.WordsAddress != ini.Address || res.Words != "" {
		t.Errorf("import = %+v, want address %s replacing %s", res, addr.Hex(), ini.Address)
	}
	if st, _ := c.KeysStatus(ctx); st.Address != addr.Hex() {
		t.Errorf("status address %s, want %s", st.Address, addr.Hex())
	}
}

func TestRaisedLimits(t *testing.T) {
	base := wallet.DefaultLimits()
	more := func(v *big.Int) *big.Int { return new(big.Int).Add(v, big.NewInt(1)) }
	less := func(v *big.Int) *big.Int { return new(big.Int).Sub(v, big.NewInt(1)) }
	for _, tc := range []struct {
		name string
		mod  func(l *wallet.Limits)
		want string
	}{
		{"unchanged", func(*wallet.Limits) {}, ""},
		{"all lowered", func(l *wallet.Limits) {
			l.MaxPrice, l.DailyBudget, l.MaxExposure, l.Deposit = less(l.MaxPrice), less(l.DailyBudget), less(l.MaxExposure), less(l.Deposit)
			l.TopUpCalls--
		}, ""},
		{"close delay shortened", func(l *wallet.Limits) { l.CloseDelay = 60 }, ""},
		{"daily budget raised", func(l *wallet.Limits) { l.DailyBudget = more(l.DailyBudget) }, "daily_budget"},
		{"price raised, deposit lowered", func(l *wallet.Limits) {
			l.MaxPrice, l.Deposit = more(l.MaxPrice), less(l.Deposit)
		}, "max_price_per_call"},
		{"exposure and top-up raised", func(l *wallet.Limits) { l.MaxExposure = more(l.MaxExposure); l.TopUpCalls++ }, "max_exposure_per_provider,top_up_calls"},
		{"deposit raised", func(l *wallet.Limits) { l.Deposit = more(l.Deposit) }, "deposit"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			next := base
			tc.mod(&next)
			if got := strings.Join(raisedLimits(base, next), ","); got != tc.want {
				t.Errorf("raisedLimits: got %q, want %q", got, tc.want)
			}
		})
	}
}
