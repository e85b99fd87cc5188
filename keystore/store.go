package keystore

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"math/big"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/mycroft-network/mycroft/internal/atomicfile"
)

// Defaults and bounds of Options.
const (
	DefaultIdleLock     = 5 * time.Minute
	MaxIdleLock         = time.Hour
	DefaultUnlockTarget = time.Second
	MaxUnlockTarget     = 5 * time.Second
	DefaultKDFMemory    = 256 << 20
)

// Options configure a Store. Dir and ChainID are required.
type Options struct {
	// Dir is the state directory (0700); the keyring lives in
	// Dir/keyring.json with the previous generation in Dir/keyring.prev.
	Dir string
	// ChainID is the chain every signature is bound to.
	ChainID *big.Int
	// Logger receives events (never secrets). nil: discard.
	Logger *slog.Logger
	// Clock is the time source (tests inject a fake). nil: time.Now.
	Clock func() time.Time
	// Sleep waits out the wrong-passphrase backoff (tests inject one that
	// moves their clock). nil: a timer that ends with ctx.
	Sleep func(ctx context.Context, d time.Duration) error
	// Rand is the randomness source. nil: crypto/rand.
	Rand io.Reader
	// IdleLock is how long the decrypted wallet key stays in memory after
	// its last use (default 5 min, at most 1 h). Data keys stay until Lock.
	IdleLock time.Duration
	// PermitSpenders are the contracts an EIP-2612 Permit may name (the
	// deployment's Channels); none, and no permit is signed.
	PermitSpenders []common.Address
	// UnlockTarget is the scrypt time aimed for when calibrating at
	// provisioning (default 1 s, at most 5 s).
	UnlockTarget time.Duration
	// ScryptLogN, if non-zero, fixes N = 2^ScryptLogN instead of
	// calibrating (must be within MinScryptLogN..MaxScryptLogN).
	ScryptLogN int
	// MaxKDFMemory bounds scrypt memory at calibration (default 256 MiB,
	// and never more than 1/8 of RAM where that can be read).
	MaxKDFMemory int64
	// ExportScryptLogN is the scrypt N used for Web3 v3 exports (default 18,
	// go-ethereum's standard; tests lower it).
	ExportScryptLogN int
}

// Status is a snapshot of the store for `mycroft status` and the local API.
// It carries no secret.
type Status struct {
	Initialized    bool                `json:"initialized"`
	Unlocked       bool                `json:"unlocked"`
	WalletUnlocked bool                `json:"walletUnlocked"`
	Address        common.Address      `json:"address"`
	Created        time.Time           `json:"created,omitzero"`
	ScryptN        int                 `json:"scryptN,omitempty"`
	WalletLocksAt  time.Time           `json:"walletLocksAt,omitzero"`
	FailedUnlocks  int                 `json:"failedUnlocks"`
	RetryAfter     time.Time           `json:"retryAfter,omitzero"`
	Epochs         map[Category]uint32 `json:"epochs,omitempty"`
}

// RestoreOptions control Restore.
type RestoreOptions struct {
	// Overwrite must be true to replace an existing keyring (which is then
	// kept as keyring.prev).
	Overwrite bool
	// ExpectedAddress, if non-zero, must equal the address the words give;
	// nothing is written otherwise.
	ExpectedAddress common.Address
	// KeyTable is a blob from Store.KeyTable (kept with the encrypted data
	// backup); it restores the key epochs created after provisioning.
	// Without it only epoch-0 data (never rotated or shredded) opens.
	KeyTable []byte
	// Proof authorises replacing an existing keyring: its current
	// passphrase, or its backup words. Restoring the keyring's own words
	// (a forgotten passphrase) needs no other proof.
	Proof Proof
}

// Store is the keystore service the daemon holds: it provisions, restores,
// unlocks and locks the keyring, seals and opens records, signs, and makes
// grants. All methods are safe for concurrent use.
type Store struct {
	redactor
	opts  Options
	log   *slog.Logger
	now   func() time.Time
	rand  io.Reader
	kdfMu sync.Mutex // never two KDF runs at once (memory)
	// attemptMu makes passphrase attempts (and their backoff waits) run
	// one at a time, so parallel guesses gain nothing.
	attemptMu sync.Mutex

	mu       sync.Mutex
	header   *keyringHeader
	data     *DataKeys
	fileKey  []byte
	revoked  []revocation
	signer   *Signer
	permit   []common.Address // SetPermitSpenders
	lastUse  time.Time
	failures int
	lastFail time.Time

	// hook, if set, is called after each step of a keyring write (tests).
	hook func(step string) error
}

// New returns a Store over opts.Dir. It reads the keyring header if one
// exists (no passphrase needed) and removes temp files left by an
// interrupted write.
func New(opts Options) (*Store, error) {
	if opts.Dir == "" {
		return nil, errors.New("keystore: new: no state dir")
	}
	if opts.ChainID == nil || opts.ChainID.Sign() <= 0 {
		return nil, errors.New("keystore: new: chain id required")
	}
	opts.ChainID = new(big.Int).Set(opts.ChainID)
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Clock == nil {
		opts.Clock = time.Now
	}
	if opts.Rand == nil {
		opts.Rand = cryptoRand
	}
	if opts.Sleep == nil {
		opts.Sleep = sleepCtx
	}
	if opts.IdleLock <= 0 {
		opts.IdleLock = DefaultIdleLock
	}
	opts.IdleLock = min(opts.IdleLock, MaxIdleLock)
	if opts.UnlockTarget <= 0 {
		opts.UnlockTarget = DefaultUnlockTarget
	}
	opts.UnlockTarget = min(opts.UnlockTarget, MaxUnlockTarget)
	if opts.MaxKDFMemory <= 0 {
		opts.MaxKDFMemory = DefaultKDFMemory
	}
	if ram := totalRAM(); ram > 0 {
		opts.MaxKDFMemory = min(opts.MaxKDFMemory, ram/8)
	}
	if opts.ScryptLogN != 0 && (opts.ScryptLogN < MinScryptLogN || opts.ScryptLogN > MaxScryptLogN) {
		return nil, fmt.Errorf("keystore: new: %w: ScryptLogN %d", ErrParams, opts.ScryptLogN)
	}
	if opts.ExportScryptLogN == 0 {
		opts.ExportScryptLogN = 18
	}
	if err := checkDir(opts.Dir); err != nil {
		return nil, fmt.Errorf("keystore: new: %w", err)
	}
	s := &Store{opts: opts, log: opts.Logger, now: opts.Clock, rand: opts.Rand, permit: slices.Clone(opts.PermitSpenders)}
	removeTemps(opts.Dir)
	if p, _, err := s.load(); err == nil {
		s.header = &p.header
	} else if !errors.Is(err, ErrNotInitialized) {
		s.log.Warn("keystore: keyring unreadable", "err", err)
	}
	return s, nil
}

func (s *Store) path(name string) string { return filepath.Join(s.opts.Dir, name) }

// load reads and parses the keyring, falling back to the previous
// generation only when the current file is missing or malformed (never
// when it merely fails to decrypt: after a passphrase change the previous
// generation has the old passphrase). fromPrev reports the fallback.
func (s *Store) load() (p *parsedKeyring, fromPrev bool, err error) {
	data, err := readPrivateFile(s.path(KeyringFile))
	if err == nil {
		if p, err = parseKeyring(data); err == nil {
			return p, false, nil
		}
	}
	if errors.Is(err, ErrInsecureFile) {
		return nil, false, err
	}
	mainErr := err
	prevData, perr := readPrivateFile(s.path(KeyringPrevFile))
	if perr != nil {
		if errors.Is(mainErr, fs.ErrNotExist) && errors.Is(perr, fs.ErrNotExist) {
			return nil, false, ErrNotInitialized
		}
		if errors.Is(perr, ErrInsecureFile) {
			return nil, false, perr
		}
		return nil, false, mainErr
	}
	pp, perr := parseKeyring(prevData)
	if perr != nil {
		return nil, false, mainErr
	}
	return pp, true, nil
}

func (s *Store) exists() bool {
	for _, n := range []string{KeyringFile, KeyringPrevFile} {
		if _, err := os.Lstat(s.path(n)); err == nil {
			return true
		}
	}
	return false
}

func checkNewPassphrase(p []byte) error {
	if len(p) < MinPassphraseLen {
		return fmt.Errorf("%w: need at least %d characters", ErrPassphrase, MinPassphraseLen)
	}
	return nil
}

// Init provisions a new keyring: 24 fresh backup words, the wallet key and
// data root derived from them, sealed under passphrase with a scrypt cost
// calibrated on this device. It returns the words once; they are never
// stored (only the seed is) and never logged. The store is unlocked after.
func (s *Store) Init(ctx context.Context, passphrase []byte) (Mnemonic, error) {
	if err := ctx.Err(); err != nil {
		return Mnemonic{}, err
	}
	if s.exists() {
		return Mnemonic{}, fmt.Errorf("keystore: init: %w", ErrExists)
	}
	m, err := NewMnemonic(s.rand)
	if err != nil {
		return Mnemonic{}, err
	}
	if err := s.create(ctx, m, passphrase, newKeyTable(), false, nil); err != nil {
		m.Wipe()
		return Mnemonic{}, fmt.Errorf("keystore: init: %w", err)
	}
	s.log.Info("keystore: keyring created", "address", s.Address())
	return m, nil
}

// Restore rebuilds the keyring from the backup words. Call DeriveAddress
// first and let the owner compare; opts.ExpectedAddress makes the check
// binding. An existing keyring is replaced only with opts.Overwrite.
func (s *Store) Restore(ctx context.Context, m Mnemonic, passphrase []byte, opts RestoreOptions) (common.Address, error) {
	if err := ctx.Err(); err != nil {
		return common.Address{}, err
	}
	addr, err := DeriveAddress(m)
	if err != nil {
		return common.Address{}, fmt.Errorf("keystore: restore: %w", err)
	}
	if opts.ExpectedAddress != (common.Address{}) && opts.ExpectedAddress != addr {
		return addr, fmt.Errorf("keystore: restore: %w: words give %s, expected %s", ErrAddressMismatch, addr.Hex(), opts.ExpectedAddress.Hex())
	}
	if s.exists() {
		if !opts.Overwrite {
			return addr, fmt.Errorf("keystore: restore: %w (pass overwrite to replace it)", ErrExists)
		}
		if err := s.checkReplace(ctx, &addr, opts.Proof); err != nil {
			return addr, fmt.Errorf("keystore: restore: %w", err)
		}
	}
	table := newKeyTable()
	if len(opts.KeyTable) > 0 {
		seed, err := seedFromMnemonic(m, "")
		if err != nil {
			return addr, fmt.Errorf("keystore: restore: %w", err)
		}
		root, err := dataRoot(seed)
		wipe(seed)
		if err != nil {
			return addr, err
		}
		table, err = openKeyTable(root, opts.KeyTable)
		wipe(root[:])
		if err != nil {
			return addr, fmt.Errorf("keystore: restore: %w", err)
		}
	}
	if err := s.create(ctx, m, passphrase, table, opts.Overwrite, nil); err != nil {
		return addr, fmt.Errorf("keystore: restore: %w", err)
	}
	s.log.Info("keystore: keyring restored from backup words", "address", addr)
	return addr, nil
}

// create seals a new keyring for m and leaves the store unlocked. imported,
// if not nil, is a wallet key imported from a v3 file that replaces the one
// the words give (the store takes ownership of it).
func (s *Store) create(ctx context.Context, m Mnemonic, passphrase []byte, table keyTable, overwrite bool, imported *ecdsa.PrivateKey) error {
	pass := NormalizePassphrase(passphrase)
	defer wipe(pass)
	if err := checkNewPassphrase(pass); err != nil {
		return err
	}
	seed, err := seedFromMnemonic(m, "")
	if err != nil {
		return err
	}
	defer wipe(seed)
	logN := s.opts.ScryptLogN
	if logN == 0 {
		logN = s.calibrate()
	}
	salt := make([]byte, saltLen)
	if _, err := io.ReadFull(s.rand, salt); err != nil {
		return fmt.Errorf("random: %w", err)
	}
	s.kdfMu.Lock()
	fileKey, err := deriveFileKey(pass, salt, 1<<logN)
	s.kdfMu.Unlock()
	debug.FreeOSMemory()
	if err != nil {
		return err
	}
	priv, err := walletKey(seed)
	if err != nil {
		wipe(fileKey)
		return err
	}
	h := keyringHeader{
		V:       keyringVersion,
		KDF:     kdfParams{Alg: "scrypt", N: 1 << logN, R: scryptR, P: scryptP, Salt: b64(salt)},
		AEAD:    aeadName,
		Address: crypto.PubkeyToAddress(priv.PublicKey).Hex(),
		Created: s.now().UTC().Truncate(time.Second),
	}
	pl := &payload{Seed: seed, Table: table}
	if imported != nil && crypto.PubkeyToAddress(imported.PublicKey) != crypto.PubkeyToAddress(priv.PublicKey) {
		h.WordsAddress = h.Address
		h.Address = crypto.PubkeyToAddress(imported.PublicKey).Hex()
		pl.WalletKey = crypto.FromECDSA(imported)
		defer wipe(pl.WalletKey)
		zeroKey(priv)
		priv = imported
	} else if imported != nil {
		zeroKey(imported)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if !overwrite && s.exists() {
		wipe(fileKey)
		zeroKey(priv)
		return ErrExists
	}
	if err := s.writeLocked(h, pl, fileKey, true); err != nil {
		wipe(fileKey)
		zeroKey(priv)
		return err
	}
	root, err := dataRoot(seed)
	if err != nil {
		wipe(fileKey)
		zeroKey(priv)
		return err
	}
	s.lockLocked()
	s.header = &h
	s.installLocked(priv, root, table, nil, fileKey)
	return nil
}

func (s *Store) writeLocked(h keyringHeader, pl *payload, fileKey []byte, keepPrev bool) error {
	data, err := sealKeyring(h, pl, fileKey, s.rand)
	if err != nil {
		return err
	}
	verify := func(b []byte) error { return verifyKeyring(b, fileKey, pl.Seed) }
	if err := writeAtomic(s.opts.Dir, data, verify, keepPrev, s.hook); err != nil {
		return fmt.Errorf("write keyring: %w", err)
	}
	return nil
}

// installLocked makes key material current. Ownership passes to the store.
func (s *Store) installLocked(priv *ecdsa.PrivateKey, root [32]byte, table keyTable, revoked []revocation, fileKey []byte) {
	s.data = newDataKeys(root, table, s.rand)
	wipe(root[:])
	s.signer = s.newSigner(priv)
	s.revoked = revoked
	s.fileKey = fileKey
	s.lastUse = s.now()
}

// Unlock decrypts the keyring with passphrase (one scrypt run) and holds
// the wallet key (for IdleLock after its last use) and the data keys
// (until Lock). Wrong passphrases and damaged files give the same
// ErrDecrypt; after a few failures each attempt first waits out a bounded
// backoff (at most maxBackoff), then runs.
func (s *Store) Unlock(ctx context.Context, passphrase []byte) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	o, err := s.openWithPassphrase(ctx, passphrase)
	if err != nil {
		return fmt.Errorf("keystore: unlock: %w", err)
	}
	p, pl, fileKey, fromPrev := o.parsed, o.pl, o.fileKey, o.fromPrev
	defer pl.wipe()
	priv, err := pl.wallet()
	if err != nil {
		wipe(fileKey)
		return fmt.Errorf("keystore: unlock: %w", err)
	}
	if crypto.PubkeyToAddress(priv.PublicKey) != p.header.address() {
		wipe(fileKey)
		zeroKey(priv)
		return fmt.Errorf("keystore: unlock: %w: keyring address does not match its key", ErrAddressMismatch)
	}
	root, err := dataRoot(pl.Seed)
	if err != nil {
		wipe(fileKey)
		zeroKey(priv)
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if fromPrev {
		// The current file was missing or malformed: put the previous
		// generation back in place (without rotating it out).
		s.log.Warn("keystore: keyring damaged, restored the previous generation")
		if err := s.writeLocked(p.header, pl, fileKey, false); err != nil {
			s.log.Error("keystore: could not rewrite keyring from previous generation", "err", err)
		}
	}
	h := p.header
	s.header = &h
	s.failures = 0
	if s.data != nil {
		// Already unlocked (re-unlock after the wallet idle-locked): keep the
		// data keys in use so concurrent Seal/Open never see a gap.
		wipe(root[:])
		if s.signer != nil {
			s.signer.Wipe()
		}
		s.signer = s.newSigner(priv)
		wipe(s.fileKey)
		s.fileKey = fileKey
		s.revoked = pl.Revoked
		s.lastUse = s.now()
	} else {
		s.installLocked(priv, root, pl.Table, pl.Revoked, fileKey)
	}
	s.log.Info("keystore: unlocked", "address", h.Address)
	return nil
}

// Lock wipes every decrypted key (wallet key, data keys, keyring key).
func (s *Store) Lock() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lockLocked()
}

func (s *Store) lockLocked() {
	if s.signer != nil {
		s.signer.Wipe()
		s.signer = nil
	}
	if s.data != nil {
		s.data.Wipe()
		s.data = nil
	}
	wipe(s.fileKey)
	s.fileKey = nil
	s.revoked = nil
}

// ExpireIdle wipes the wallet key if it has not been used for IdleLock.
// Run calls it periodically; tests call it after moving their clock.
func (s *Store) ExpireIdle() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.expireLocked()
}

func (s *Store) expireLocked() {
	if s.signer != nil && s.now().Sub(s.lastUse) >= s.opts.IdleLock {
		s.signer.Wipe()
		s.signer = nil
		s.log.Info("keystore: wallet key locked after idle period")
	}
}

// Run expires the wallet key on time until ctx ends, then locks everything.
func (s *Store) Run(ctx context.Context) error {
	t := time.NewTicker(min(s.opts.IdleLock/4, 15*time.Second))
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			s.Lock()
			return nil
		case <-t.C:
			s.ExpireIdle()
		}
	}
}

// Close locks the store.
func (s *Store) Close() error {
	s.Lock()
	return nil
}

// Address returns the wallet address (readable without unlocking once a
// keyring exists; zero before Init/Restore).
func (s *Store) Address() common.Address {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.header == nil {
		return common.Address{}
	}
	return s.header.address()
}

// ChainID returns the configured chain id.
func (s *Store) ChainID() *big.Int { return new(big.Int).Set(s.opts.ChainID) }

// Status reports the store's state.
func (s *Store) Status() Status {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.expireLocked()
	st := Status{FailedUnlocks: s.failures, Initialized: s.header != nil}
	if t := s.retryAtLocked(); !t.IsZero() && s.now().Before(t) {
		st.RetryAfter = t
	}
	if s.header != nil {
		st.Address = s.header.address()
		st.Created = s.header.Created
		st.ScryptN = s.header.KDF.N
	}
	if s.data != nil {
		st.Unlocked = true
		st.Epochs = map[Category]uint32{}
		for _, c := range Categories() {
			st.Epochs[c], _ = s.data.CurrentEpoch(c)
		}
	}
	if s.signer != nil {
		st.WalletUnlocked = true
		st.WalletLocksAt = s.lastUse.Add(s.opts.IdleLock)
	}
	return st
}

// rewriteLocked decrypts the current keyring with the in-memory file key,
// applies mod, and writes it back (twice with purge, so that keyring.prev
// no longer holds what mod removed).
func (s *Store) rewriteLocked(mod func(*payload) error, purge bool) error {
	if s.fileKey == nil {
		return ErrLocked
	}
	p, fromPrev, err := s.load()
	if err != nil {
		return err
	}
	pl, err := openKeyring(p, s.fileKey)
	if err != nil {
		return err
	}
	defer pl.wipe()
	if err := mod(pl); err != nil {
		return err
	}
	for i := range 1 + btoi(purge) {
		// A damaged current file is never kept as the previous generation.
		keep := !fromPrev || i > 0
		if err := s.writeLocked(p.header, pl, s.fileKey, keep); err != nil {
			return err
		}
	}
	return nil
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Rotate starts a new key epoch for cat: new records use a new KEK; old
// records still open (Rewrap moves them). Returns the new epoch.
func (s *Store) Rotate(ctx context.Context, cat Category) (uint32, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	return s.changeEpoch(cat, false)
}

// Shred forgets every key epoch of cat and starts a fresh one: records
// sealed before can no longer be opened with this keyring (nor its
// previous generation). See docs/keys.md for what this does and does not
// guarantee on flash storage and against the backup words.
func (s *Store) Shred(ctx context.Context, cat Category) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	_, err := s.changeEpoch(cat, true)
	return err
}

func (s *Store) changeEpoch(cat Category, shred bool) (uint32, error) {
	op := "rotate"
	if shred {
		op = "shred"
	}
	if err := checkCategory(cat); err != nil {
		return 0, fmt.Errorf("keystore: %s: %w", op, err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.data == nil {
		return 0, fmt.Errorf("keystore: %s: %w", op, ErrLocked)
	}
	before := s.data.snapshotTable()
	epoch, err := s.data.rotate(cat, shred)
	if err != nil {
		return 0, fmt.Errorf("keystore: %s: %w", op, err)
	}
	after := s.data.snapshotTable()
	err = s.rewriteLocked(func(pl *payload) error { pl.Table = after; return nil }, shred)
	if err != nil {
		s.data.setTable(before)
		return 0, fmt.Errorf("keystore: %s: %w", op, err)
	}
	s.log.Info("keystore: key epoch changed", "category", string(cat), "epoch", epoch, "shred", shred)
	return epoch, nil
}

// Erase locks the store and deletes the keyring, its previous generation
// and temp files. proof (the current passphrase or the keyring's backup
// words) is checked first. Without the backup words, everything sealed is
// lost. Deleting files on SD/eMMC does not overwrite the flash cells
// (docs/keys.md).
func (s *Store) Erase(ctx context.Context, proof Proof) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := s.checkReplace(ctx, nil, proof); err != nil {
		return fmt.Errorf("keystore: erase: %w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lockLocked()
	removeTemps(s.opts.Dir)
	for _, n := range []string{KeyringPrevFile, KeyringFile} {
		if err := os.Remove(s.path(n)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("keystore: erase: %w", err)
		}
	}
	if err := atomicfile.SyncDir(s.opts.Dir); err != nil {
		return fmt.Errorf("keystore: erase: %w", err)
	}
	s.header = nil
	s.failures = 0
	s.log.Info("keystore: keyring erased")
	return nil
}

// KeyTable returns the key epochs sealed under a key derived from the
// backup words, to store with the encrypted data backup: Restore with it
// (and the words) opens data of every epoch. It holds no key, only salts.
func (s *Store) KeyTable() ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.data == nil {
		return nil, fmt.Errorf("keystore: key table: %w", ErrLocked)
	}
	return s.data.sealKeyTable()
}
