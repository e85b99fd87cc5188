package agent

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/keystore"
)

// KeysConfig is the [keys] table.
type KeysConfig struct {
	// PassphraseFile, if set, holds the keyring passphrase and unlocks the
	// keyring at boot (mode 0600 or stricter; for unattended devices and
	// the demo).
	PassphraseFile string `toml:"passphrase_file"`
	// IdleLock is how long the wallet key stays decrypted after its last
	// use.
	IdleLock Duration `toml:"idle_lock"`
}

func defaultKeysConfig() KeysConfig {
	return KeysConfig{IdleLock: Duration(keystore.DefaultIdleLock)}
}

func (c KeysConfig) validate(bad badFunc) {
	if c.IdleLock <= 0 || c.IdleLock.Std() > keystore.MaxIdleLock {
		bad("keys.idle_lock", "must be between 1ns and %s", keystore.MaxIdleLock)
	}
}

// unknownChainID binds the keystore when there is no deployment manifest:
// no real chain uses it, so nothing signed then is valid anywhere.
var unknownChainID = new(big.Int).SetUint64(1<<63 - 1)

// keysTestOptions lets tests lower the scrypt cost; nil in the daemon.
var keysTestOptions func(*keystore.Options)

// wireKeys loads the deployment manifest (for the chain id), opens the
// keystore (a.keys) and unlocks it from keys.passphrase_file when set.
func (a *Agent) wireKeys(ctx context.Context) error {
	a.chainx = &chainParts{}
	chainID := unknownChainID
	// A missing manifest is reported by wireChain when the chain is
	// configured; an offline device needs none.
	if a.cfg.Chain.Manifest == "" {
		a.chainx.manifestErr = errors.New("chain.manifest is not set")
	} else if m, err := chain.LoadManifest(a.cfg.Chain.Manifest); err != nil {
		a.chainx.manifestErr = err
	} else {
		a.manifest = m
		chainID = new(big.Int).SetUint64(m.ChainID)
	}
	opts := keystore.Options{
		Dir:      a.cfg.Agent.StateDir,
		ChainID:  chainID,
		Logger:   a.log,
		Clock:    a.now,
		IdleLock: a.cfg.Keys.IdleLock.Std(),
	}
	if a.chainx.manifestErr == nil {
		// Permits only for the deployment's Channels (one-transaction and
		// relayed channel opens).
		opts.PermitSpenders = []common.Address{a.manifest.Channels}
	}
	if keysTestOptions != nil {
		keysTestOptions(&opts)
	}
	ks, err := keystore.New(opts)
	if err != nil {
		// A keyring we cannot read (insecure file, bad directory) must not
		// be silently replaced: degrade with no keystore.
		a.log.Error("keystore unavailable", "err", err)
		a.health.Set("keys", Degraded, err.Error())
		return nil
	}
	a.keys = ks
	a.svcs.list = append(a.svcs.list, keysService{a})
	if pf := a.cfg.Keys.PassphraseFile; pf != "" && ks.Status().Initialized {
		if err := a.unlockFromFile(ctx, pf); err != nil {
			a.log.Error("keys: passphrase file", "err", err)
			a.health.Set("keys.passphrase_file", Degraded, err.Error())
		}
	}
	a.refreshKeysHealth()
	a.keysRoutes()
	a.addStatus("keys", func() any {
		st := ks.Status()
		return map[string]any{
			"initialised":    st.Initialized,
			"unlocked":       st.Unlocked,
			"walletUnlocked": st.WalletUnlocked,
			"address":        addressOrEmpty(st.Address),
		}
	})
	return nil
}

// unlockFromFile unlocks the keyring with the passphrase in path, refusing
// a file that anyone but its owner can read.
func (a *Agent) unlockFromFile(ctx context.Context, path string) error {
	pass, err := readPassphraseFile(path)
	if err != nil {
		return err
	}
	defer wipe(pass)
	if err := a.keys.Unlock(ctx, pass); err != nil {
		return fmt.Errorf("keys.passphrase_file %s: %w", path, err)
	}
	return nil
}

// readPassphraseFile reads a passphrase file (one trailing newline is not
// part of the passphrase). A file readable or writable by group or others
// is refused.
func readPassphraseFile(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("keys.passphrase_file: %w", err)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("keys.passphrase_file %s is not a regular file", path)
	}
	if fi.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("keys.passphrase_file %s is mode %04o: refusing a passphrase that group or others can read (chmod 600 it)", path, fi.Mode().Perm())
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("keys.passphrase_file: %w", err)
	}
	return trimNewline(b), nil
}

func trimNewline(b []byte) []byte {
	n := len(b)
	if n > 0 && b[n-1] == '\n' {
		n--
		if n > 0 && b[n-1] == '\r' {
			n--
		}
	}
	return b[:n]
}

func wipe(b []byte) {
	for i := range b {
		b[i] = 0
	}
}

func addressOrEmpty(a common.Address) string {
	if a == (common.Address{}) {
		return ""
	}
	return a.Hex()
}

// refreshKeysHealth sets or clears the keys warning from the keystore's
// state. A device with no chain configured and no keyring is an offline
// speaker: that is not worth a warning (the status shows it).
func (a *Agent) refreshKeysHealth() {
	st := a.keys.Status()
	switch {
	case !st.Initialized && len(a.cfg.Chain.URLs()) == 0:
		a.health.Clear("keys")
	case !st.Initialized:
		a.health.Set("keys", Degraded, "not initialised — run mycroft keys init")
	case !st.Unlocked:
		a.health.Set("keys", Degraded, "locked — run mycroft keys unlock")
	default:
		a.health.Clear("keys")
	}
}

// keysRefreshInterval is how often an unattended device (with
// keys.passphrase_file) checks whether its wallet key idled out.
var keysRefreshInterval = 30 * time.Second

// keysService runs the keystore's idle lock and locks it at shutdown. With
// keys.passphrase_file set, the passphrase is on the device's disk anyway,
// so a wallet key that idled out is unlocked again from the file (the
// wallet must keep signing vouchers unattended); a keyring the owner locked
// with `mycroft keys lock` stays locked.
type keysService struct{ a *Agent }

func (keysService) Name() string { return "keys" }

func (s keysService) Run(ctx context.Context) error {
	if s.a.cfg.Keys.PassphraseFile == "" {
		return s.a.keys.Run(ctx)
	}
	errc := make(chan error, 1)
	go func() { errc <- s.a.keys.Run(ctx) }()
	t := time.NewTicker(keysRefreshInterval)
	defer t.Stop()
	for {
		select {
		case err := <-errc:
			return err
		case <-t.C:
			s.a.rearmWallet(ctx)
		}
	}
}

func (s keysService) Close() error { return s.a.keys.Close() }

// rearmWallet unlocks the wallet key again from keys.passphrase_file when it
// idled out while the keyring stayed unlocked.
func (a *Agent) rearmWallet(ctx context.Context) {
	pf := a.cfg.Keys.PassphraseFile
	if pf == "" {
		return
	}
	a.keys.ExpireIdle()
	st := a.keys.Status()
	if !st.Initialized || !st.Unlocked || st.WalletUnlocked {
		return
	}
	if err := a.unlockFromFile(ctx, pf); err != nil {
		a.log.Error("keys: passphrase file", "err", err)
		a.health.Set("keys.passphrase_file", Degraded, err.Error())
		return
	}
	a.health.Clear("keys.passphrase_file")
}

// keysError maps keystore errors to API errors.
func keysError(err error) error {
	if err == nil {
		return nil
	}
	var ae *apiclient.Error
	if errors.As(err, &ae) {
		return ae
	}
	status := http.StatusInternalServerError
	switch {
	case errors.Is(err, keystore.ErrDecrypt), errors.Is(err, keystore.ErrProofRequired):
		status = http.StatusForbidden
	case errors.Is(err, keystore.ErrBackoff):
		status = http.StatusTooManyRequests
	case errors.Is(err, keystore.ErrNotInitialized), errors.Is(err, keystore.ErrExists),
		errors.Is(err, keystore.ErrLocked), errors.Is(err, keystore.ErrAddressMismatch):
		status = http.StatusConflict
	case errors.Is(err, keystore.ErrMnemonic), errors.Is(err, keystore.ErrPassphrase),
		errors.Is(err, keystore.ErrCategory), errors.Is(err, keystore.ErrFormat), errors.Is(err, keystore.ErrParams):
		status = http.StatusBadRequest
	}
	return &apiclient.Error{Status: status, Message: err.Error()}
}

func (a *Agent) keysStatus() apiclient.KeysStatus {
	st := a.keys.Status()
	out := apiclient.KeysStatus{
		Initialized: st.Initialized, Unlocked: st.Unlocked, WalletUnlocked: st.WalletUnlocked,
		Address: addressOrEmpty(st.Address), Created: st.Created, ScryptN: st.ScryptN,
		WalletLocksAt: st.WalletLocksAt, FailedUnlocks: st.FailedUnlocks, RetryAfter: st.RetryAfter,
	}
	if a.manifest.ChainID != 0 {
		out.ChainID = a.manifest.ChainID
	}
	if len(st.Epochs) > 0 {
		out.Epochs = make(map[string]uint32, len(st.Epochs))
		for c, e := range st.Epochs {
			out.Epochs[string(c)] = e
		}
	}
	return out
}

// keysRoutes registers the /keys endpoints. Passphrases and words travel in
// request bodies over the local socket (0660, owner group) and are never
// logged; the words are answered once, by init.
func (a *Agent) keysRoutes() {
	ks := a.keys
	// keysOp runs op and refreshes the health warning after it; and since
	// the node's libp2p identity is the wallet key, it starts the host if
	// the op made the key available (unlock, init, restore, import): the
	// network starts without a restart (p2p.go).
	keysOp := func(h apiHandler) apiHandler {
		return func(r *http.Request) (any, error) {
			defer a.startP2P(context.WithoutCancel(r.Context()))
			defer a.refreshKeysHealth()
			v, err := h(r)
			return v, keysError(err)
		}
	}
	a.handle("GET /keys/status", func(*http.Request) (any, error) { return a.keysStatus(), nil })
	a.handle("POST /keys/init", keysOp(func(r *http.Request) (any, error) {
		var req apiclient.KeysInitRequest
		if err := decodeJSON(r, &req); err != nil {
			return nil, err
		}
		m, err := ks.Init(r.Context(), []byte(req.Passphrase))
		if err != nil {
			return nil, err
		}
		defer m.Wipe()
		a.health.Clear("keys.passphrase_file")
		return apiclient.KeysInitResponse{Address: ks.Address().Hex(), Words: m.Reveal()}, nil
	}))
	a.handle("POST /keys/restore", keysOp(func(r *http.Request) (any, error) {
		var req apiclient.KeysRestoreRequest
		if err := decodeJSON(r, &req); err != nil {
			return nil, err
		}
		m, err := keystore.ParseMnemonic(req.Words)
		if err != nil {
			return nil, err
		}
		defer m.Wipe()
		var expected common.Address
		if req.ExpectedAddress != "" {
			if !common.IsHexAddress(req.ExpectedAddress) {
				return nil, badRequest("expected_address is not an address")
			}
			expected = common.HexToAddress(req.ExpectedAddress)
		}
		if !req.Confirm {
			addr, err := keystore.DeriveAddress(m)
			if err != nil {
				return nil, err
			}
			return apiclient.KeysRestoreResponse{Address: addr.Hex()}, nil
		}
		proof, err := proofOf(req.CurrentPassphrase, req.CurrentWords)
		if err != nil {
			return nil, err
		}
		defer proof.Words.Wipe()
		addr, err := ks.Restore(r.Context(), m, []byte(req.Passphrase), keystore.RestoreOptions{
			Overwrite: req.Overwrite, ExpectedAddress: expected, Proof: proof,
		})
		if err != nil {
			return nil, err
		}
		return apiclient.KeysRestoreResponse{Address: addr.Hex(), Restored: true}, nil
	}))
	a.handle("POST /keys/unlock", keysOp(func(r *http.Request) (any, error) {
		var req apiclient.KeysPassphrase
		if err := decodeJSON(r, &req); err != nil {
			return nil, err
		}
		if err := ks.Unlock(r.Context(), []byte(req.Passphrase)); err != nil {
			return nil, err
		}
		a.health.Clear("keys.passphrase_file")
		return a.keysStatus(), nil
	}))
	a.handle("POST /keys/lock", keysOp(func(r *http.Request) (any, error) {
		if err := decodeJSON(r, &struct{}{}); err != nil {
			return nil, err
		}
		ks.Lock()
		return a.keysStatus(), nil
	}))
	a.handle("POST /keys/export", keysOp(func(r *http.Request) (any, error) {
		var req apiclient.KeysExportRequest
		if err := decodeJSON(r, &req); err != nil {
			return nil, err
		}
		if req.ExportPassphrase == "" {
			return nil, badRequest("export_passphrase is empty")
		}
		b, err := ks.Export(r.Context(), []byte(req.Passphrase), []byte(req.ExportPassphrase))
		if err != nil {
			return nil, err
		}
		return rawJSON(b), nil
	}))
	a.handle("POST /keys/change-passphrase", keysOp(func(r *http.Request) (any, error) {
		var req apiclient.KeysChangePassphraseRequest
		if err := decodeJSON(r, &req); err != nil {
			return nil, err
		}
		if err := ks.ChangePassphrase(r.Context(), []byte(req.Old), []byte(req.New)); err != nil {
			return nil, err
		}
		return a.keysStatus(), nil
	}))
	a.handle("POST /keys/rotate", keysOp(func(r *http.Request) (any, error) {
		var req apiclient.KeysRotateRequest
		if err := decodeJSON(r, &req); err != nil {
			return nil, err
		}
		cat := keystore.Category(req.Category)
		if !cat.Valid() {
			return nil, badRequest("unknown category %q (one of %s)", req.Category, categoryList())
		}
		epoch, err := ks.Rotate(r.Context(), cat)
		if err != nil {
			return nil, err
		}
		return apiclient.KeysRotateResponse{Category: req.Category, Epoch: epoch}, nil
	}))
	a.handle("POST /keys/erase", keysOp(func(r *http.Request) (any, error) {
		var req apiclient.KeysEraseRequest
		if err := decodeJSON(r, &req); err != nil {
			return nil, err
		}
		cur := ks.Address()
		if cur == (common.Address{}) {
			return nil, keystore.ErrNotInitialized
		}
		if !common.IsHexAddress(req.ConfirmAddress) || common.HexToAddress(req.ConfirmAddress) != cur {
			return nil, &apiclient.Error{Status: http.StatusConflict, Message: "confirm_address does not match the keyring's address " + cur.Hex()}
		}
		proof, err := proofOf(req.Passphrase, req.Words)
		if err != nil {
			return nil, err
		}
		defer proof.Words.Wipe()
		if err := ks.Erase(r.Context(), proof); err != nil {
			return nil, err
		}
		a.log.Warn("keys: keyring erased", "address", cur.Hex())
		return struct{}{}, nil
	}))
	a.handle("POST /keys/import", keysOp(func(r *http.Request) (any, error) {
		var req apiclient.KeysImportRequest
		if err := decodeJSON(r, &req); err != nil {
			return nil, err
		}
		if req.File == "" {
			return nil, badRequest("file is empty")
		}
		res, err := ks.ImportWallet(r.Context(), []byte(req.File), []byte(req.FilePassphrase), []byte(req.Passphrase))
		if err != nil {
			return nil, err
		}
		defer res.Words.Wipe()
		a.health.Clear("keys.passphrase_file")
		out := apiclient.KeysImportResponse{Address: res.Address.Hex(), Replaced: addressOrEmpty(res.Replaced),
			WordsAddress: res.WordsAddress.Hex(), Words: res.Words.Reveal()}
		return out, nil
	}))
}

// proofOf builds the proof a destructive operation needs from a request's
// current passphrase or backup words (the words are checked for form here,
// against the keyring by the keystore).
func proofOf(passphrase, words string) (keystore.Proof, error) {
	p := keystore.Proof{Passphrase: []byte(passphrase)}
	if words != "" {
		m, err := keystore.ParseMnemonic(words)
		if err != nil {
			return keystore.Proof{}, err
		}
		p.Words = m
	}
	return p, nil
}

func categoryList() string {
	var s []string
	for _, c := range keystore.Categories() {
		s = append(s, string(c))
	}
	return strings.Join(s, ", ")
}

// rawJSON is a JSON document passed through unchanged.
type rawJSON []byte

func (r rawJSON) MarshalJSON() ([]byte, error) { return r, nil }
