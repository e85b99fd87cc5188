package keystore

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// Wrong-passphrase backoff. The first freeUnlockFailures failures cost
// nothing extra; each later attempt waits 1 s, 2 s, 4 s … up to maxBackoff
// after the last failure, then runs. Nothing ever refuses an attempt
// outright: whoever can reach the socket can slow the owner down by at
// most maxBackoff per attempt, never lock them out (docs/keys.md §2).
const (
	freeUnlockFailures = 3
	maxBackoff         = 30 * time.Second
)

// Proof authorises an operation that destroys or replaces keys (erase,
// restore over a keyring, importing a wallet key) or changes what the
// owner allowed: the current keyring passphrase, or, when it is lost, the
// backup words of the existing keyring. It prints "[redacted]".
type Proof struct {
	redactor
	// Passphrase is the current keyring passphrase.
	Passphrase []byte
	// Words are the existing keyring's backup words.
	Words Mnemonic
}

// IsZero reports whether p carries neither a passphrase nor words.
func (p Proof) IsZero() bool { return len(p.Passphrase) == 0 && p.Words.IsZero() }

// sleepCtx waits d or until ctx ends.
func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// retryAtLocked returns when the next passphrase attempt runs without
// waiting (zero: now).
func (s *Store) retryAtLocked() time.Time {
	if s.failures < freeUnlockFailures {
		return time.Time{}
	}
	shift := min(s.failures-freeUnlockFailures, 20)
	d := min(time.Second<<shift, maxBackoff)
	return s.lastFail.Add(d)
}

// attempt runs one passphrase check: attempts run one at a time, each
// first waiting out the backoff, and a check that fails with ErrDecrypt
// counts as a failure; a check that passes clears the count.
func (s *Store) attempt(ctx context.Context, check func() error) error {
	s.attemptMu.Lock()
	defer s.attemptMu.Unlock()
	s.mu.Lock()
	wait := s.retryAtLocked().Sub(s.now())
	s.mu.Unlock()
	if wait > 0 {
		if err := s.opts.Sleep(ctx, wait); err != nil {
			return fmt.Errorf("%w: %w", ErrBackoff, err)
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	err := check()
	s.mu.Lock()
	n := s.failures
	switch {
	case err == nil:
		s.failures = 0
	case errors.Is(err, ErrDecrypt):
		s.failures++
		s.lastFail = s.now()
		n = s.failures
	}
	s.mu.Unlock()
	if errors.Is(err, ErrDecrypt) {
		s.log.Warn("keystore: wrong passphrase", "failures", n)
	}
	return err
}

// opened is the keyring decrypted by a passphrase, not installed.
type opened struct {
	parsed   *parsedKeyring
	pl       *payload
	fileKey  []byte
	fromPrev bool
}

func (o *opened) wipe() {
	if o == nil {
		return
	}
	wipe(o.fileKey)
	if o.pl != nil {
		o.pl.wipe()
	}
}

// openWithPassphrase decrypts the keyring with passphrase (under the
// backoff) without changing what the store holds. The caller wipes it.
func (s *Store) openWithPassphrase(ctx context.Context, passphrase []byte) (*opened, error) {
	var o *opened
	err := s.attempt(ctx, func() error {
		p, fromPrev, err := s.load()
		if err != nil {
			return err
		}
		pass := NormalizePassphrase(passphrase)
		s.kdfMu.Lock()
		fileKey, err := deriveFileKey(pass, p.salt, p.header.KDF.N)
		s.kdfMu.Unlock()
		wipe(pass)
		debug.FreeOSMemory()
		if err != nil {
			return err
		}
		pl, err := openKeyring(p, fileKey)
		if err != nil {
			wipe(fileKey)
			return err
		}
		o = &opened{parsed: p, pl: pl, fileKey: fileKey, fromPrev: fromPrev}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return o, nil
}

// VerifyPassphrase checks passphrase against the keyring (one scrypt run,
// under the backoff) and changes nothing else: a locked store stays
// locked. The agent asks for it before raising spending limits.
func (s *Store) VerifyPassphrase(ctx context.Context, passphrase []byte) error {
	o, err := s.openWithPassphrase(ctx, passphrase)
	if err != nil {
		return fmt.Errorf("keystore: verify passphrase: %w", err)
	}
	o.wipe()
	return nil
}

// Verify checks proof against the existing keyring: the passphrase must
// decrypt it, or the words must be the ones it was made from. Nothing is
// unlocked. ErrProofRequired if proof is empty.
func (s *Store) Verify(ctx context.Context, proof Proof) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	h := s.header
	s.mu.Unlock()
	if h == nil {
		p, _, err := s.load()
		if err != nil {
			return fmt.Errorf("keystore: verify: %w", err)
		}
		h = &p.header
	}
	switch {
	case len(proof.Passphrase) > 0:
		return s.VerifyPassphrase(ctx, proof.Passphrase)
	case !proof.Words.IsZero():
		addr, err := DeriveAddress(proof.Words)
		if err != nil {
			return fmt.Errorf("keystore: verify: %w", err)
		}
		if addr != h.wordsAddress() {
			return fmt.Errorf("keystore: verify: %w: these are not the backup words of this keyring", ErrDecrypt)
		}
		return nil
	}
	return fmt.Errorf("keystore: verify: %w", ErrProofRequired)
}

// wallet returns the payload's wallet key: the imported one if there is
// one, else the one derived from the seed.
func (pl *payload) wallet() (*ecdsa.PrivateKey, error) {
	if len(pl.WalletKey) > 0 {
		k, err := crypto.ToECDSA(pl.WalletKey)
		if err != nil {
			return nil, fmt.Errorf("%w: imported wallet key", ErrFormat)
		}
		return k, nil
	}
	return walletKey(pl.Seed)
}

func (pl *payload) wipe() {
	wipe(pl.Seed)
	wipe(pl.WalletKey)
}

// wordsAddress is the address the backup words give: the keyring's
// address unless a wallet key was imported.
func (h *keyringHeader) wordsAddress() common.Address {
	if h.WordsAddress != "" {
		return common.HexToAddress(h.WordsAddress)
	}
	return h.address()
}

// ChangePassphrase re-seals the keyring under a new passphrase (fresh salt,
// same scrypt cost). The old passphrase is checked under the backoff; a
// locked store stays locked. Both generations on disk use the new
// passphrase afterwards; copies on flash may remain (docs/keys.md).
func (s *Store) ChangePassphrase(ctx context.Context, oldPass, newPass []byte) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	np := NormalizePassphrase(newPass)
	defer wipe(np)
	if err := checkNewPassphrase(np); err != nil {
		return fmt.Errorf("keystore: change passphrase: %w", err)
	}
	o, err := s.openWithPassphrase(ctx, oldPass)
	if err != nil {
		return fmt.Errorf("keystore: change passphrase: %w", err)
	}
	defer o.wipe()
	h := o.parsed.header
	newKey, salt, err := s.newFileKey(np, h.KDF.N)
	if err != nil {
		return fmt.Errorf("keystore: change passphrase: %w", err)
	}
	h.KDF.Salt = b64(salt)
	s.mu.Lock()
	defer s.mu.Unlock()
	for range 2 {
		if err := s.writeLocked(h, o.pl, newKey, true); err != nil {
			wipe(newKey)
			return fmt.Errorf("keystore: change passphrase: %w", err)
		}
	}
	if s.fileKey != nil {
		wipe(s.fileKey)
		s.fileKey = newKey
	} else {
		wipe(newKey)
	}
	s.header = &h
	s.log.Info("keystore: passphrase changed")
	return nil
}

// newFileKey draws a fresh salt and derives the keyring key for pass.
func (s *Store) newFileKey(pass []byte, n int) (key, salt []byte, err error) {
	salt = make([]byte, saltLen)
	if _, err := io.ReadFull(s.rand, salt); err != nil {
		return nil, nil, fmt.Errorf("random: %w", err)
	}
	s.kdfMu.Lock()
	key, err = deriveFileKey(pass, salt, n)
	s.kdfMu.Unlock()
	debug.FreeOSMemory()
	return key, salt, err
}

// checkReplace authorises destroying the existing keyring (erase, restore
// over it, import over it). proof must verify against it, except that
// restoring the keyring's own words (wordsAddr, nil for erase) needs no
// other proof: whoever has the words owns the keys. A keyring that cannot
// be parsed at all can be checked against nothing and is replaceable (it
// is kept as keyring.prev by a restore); an insecure one is refused until
// its permissions are fixed.
func (s *Store) checkReplace(ctx context.Context, wordsAddr *common.Address, proof Proof) error {
	p, _, err := s.load()
	switch {
	case errors.Is(err, ErrNotInitialized):
		return nil
	case errors.Is(err, ErrInsecureFile):
		return err
	case err != nil:
		s.log.Warn("keystore: replacing a keyring that cannot be read", "err", err)
		return nil
	}
	if proof.IsZero() && wordsAddr != nil && *wordsAddr == p.header.wordsAddress() {
		return nil
	}
	return s.Verify(ctx, proof)
}
