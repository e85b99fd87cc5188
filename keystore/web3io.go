package keystore

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"golang.org/x/text/unicode/norm"

	"github.com/mycroft-network/mycroft/keystore/web3"
)

// ImportBounds limit the KDF cost of an imported v3 file: what geth
// (standard 2^18 and light 2^12), MetaMask (2^18) and ethers (2^17) write,
// at most 256 MiB of scrypt memory so a 1 GB Mark I can open it.
var ImportBounds = web3.Bounds{
	MinScryptLogN: 12, MaxScryptLogN: 18,
	MaxScryptR: 8, MaxScryptP: 8,
	MinPBKDF2: 10_000, MaxPBKDF2: 1 << 21,
}

// Export returns the wallet key as a Web3 Secret Storage v3 file encrypted
// under exportPass, for MetaMask, geth, ethers and other wallets. The
// keyring passphrase is checked again (under the backoff) rather than
// trusting an open session; a locked store stays locked. exportPass is
// used exactly as typed (its UTF-8 bytes, no normalisation, unlike the
// keyring passphrase): that is what geth and MetaMask derive the key from,
// so the file opens there with the same string. Nothing is written to
// disk.
func (s *Store) Export(ctx context.Context, keyringPass, exportPass []byte) ([]byte, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(exportPass) < MinPassphraseLen {
		return nil, fmt.Errorf("keystore: export: %w: need at least %d bytes", ErrPassphrase, MinPassphraseLen)
	}
	if !utf8.Valid(exportPass) {
		return nil, fmt.Errorf("keystore: export: %w: not UTF-8 text", ErrPassphrase)
	}
	o, err := s.openWithPassphrase(ctx, keyringPass)
	if err != nil {
		return nil, fmt.Errorf("keystore: export: %w", err)
	}
	defer o.wipe()
	priv, err := o.pl.wallet()
	if err != nil {
		return nil, fmt.Errorf("keystore: export: %w", err)
	}
	defer zeroKey(priv)
	s.kdfMu.Lock()
	out, err := web3.Encrypt(priv, exportPass, s.opts.ExportScryptLogN, 1, s.rand)
	s.kdfMu.Unlock()
	if err != nil {
		return nil, fmt.Errorf("keystore: export: %w", err)
	}
	s.log.Info("keystore: wallet key exported", "address", crypto.PubkeyToAddress(priv.PublicKey))
	return out, nil
}

// DecryptV3 opens a v3 key file made by geth, MetaMask or ethers (within
// ImportBounds). The passphrase is tried as typed (geth, MetaMask); if that
// fails and its NFKC form differs, that form too (ethers normalises with
// NFKC before the KDF).
func (s *Store) DecryptV3(file, pass []byte) (*ecdsa.PrivateKey, error) {
	s.kdfMu.Lock()
	defer s.kdfMu.Unlock()
	k, err := web3.DecryptWithBounds(file, pass, ImportBounds)
	if errors.Is(err, web3.ErrDecrypt) {
		if alt := norm.NFKC.Bytes(pass); !bytes.Equal(alt, pass) {
			k, err = web3.DecryptWithBounds(file, alt, ImportBounds)
		}
	}
	if err != nil {
		if errors.Is(err, web3.ErrDecrypt) {
			return nil, fmt.Errorf("%w: %w", ErrDecrypt, err)
		}
		return nil, fmt.Errorf("%w: %w", ErrFormat, err)
	}
	return k, nil
}

// ImportResult says what ImportWallet did.
type ImportResult struct {
	// Address is the wallet address now in use (the imported key's).
	Address common.Address
	// Replaced is the wallet address it replaced (zero on a new keyring).
	Replaced common.Address
	// WordsAddress is the address the backup words give: they no longer
	// restore the wallet key unless it equals Address.
	WordsAddress common.Address
	// Words are the backup words of a keyring created by the import (no
	// keyring before); shown once, like Init's. Zero otherwise.
	Words Mnemonic
}

// ImportWallet installs the key in a v3 file (made by geth, MetaMask or
// ethers, opened with filePass) as the device's wallet key. The data keys
// stay derived from the backup words, which therefore no longer restore the
// wallet key: the owner must keep the v3 file (or export it) as the wallet
// key's backup.
//
// With a keyring, passphrase is its current passphrase (the proof this
// destructive change needs; the replaced key stays in keyring.prev until
// the next write). Without one, a keyring is created under passphrase with
// fresh backup words for the data keys, returned once in the result.
func (s *Store) ImportWallet(ctx context.Context, file, filePass, passphrase []byte) (ImportResult, error) {
	if err := ctx.Err(); err != nil {
		return ImportResult{}, err
	}
	if !s.exists() {
		return s.importNew(ctx, file, filePass, passphrase)
	}
	if len(passphrase) == 0 {
		return ImportResult{}, fmt.Errorf("keystore: import: %w", ErrProofRequired)
	}
	o, err := s.openWithPassphrase(ctx, passphrase)
	if err != nil {
		return ImportResult{}, fmt.Errorf("keystore: import: %w", err)
	}
	defer o.wipe()
	key, err := s.DecryptV3(file, filePass)
	if err != nil {
		return ImportResult{}, fmt.Errorf("keystore: import: %w", err)
	}
	defer zeroKey(key)
	addr := crypto.PubkeyToAddress(key.PublicKey)

	s.mu.Lock()
	defer s.mu.Unlock()
	// Re-read under the lock: the keyring may have been rewritten (rotate,
	// revoke) since the passphrase was checked.
	p, fromPrev, err := s.load()
	if err != nil {
		return ImportResult{}, fmt.Errorf("keystore: import: %w", err)
	}
	pl, err := openKeyring(p, o.fileKey)
	if err != nil {
		return ImportResult{}, fmt.Errorf("keystore: import: %w", err)
	}
	defer pl.wipe()
	h := p.header
	res := ImportResult{Address: addr, Replaced: h.address(), WordsAddress: h.wordsAddress()}
	wipe(pl.WalletKey)
	pl.WalletKey, h.WordsAddress = nil, ""
	if addr != res.WordsAddress {
		pl.WalletKey = crypto.FromECDSA(key)
		h.WordsAddress = res.WordsAddress.Hex()
	}
	h.Address = addr.Hex()
	if err := s.writeLocked(h, pl, o.fileKey, !fromPrev); err != nil {
		return ImportResult{}, fmt.Errorf("keystore: import: %w", err)
	}
	s.header = &h
	if s.data != nil {
		// Unlocked: sign with the new key from now on.
		if s.signer != nil {
			s.signer.Wipe()
		}
		nk, err := pl.wallet()
		if err != nil {
			return ImportResult{}, fmt.Errorf("keystore: import: %w", err)
		}
		s.signer = s.newSigner(nk)
		s.lastUse = s.now()
	}
	s.log.Warn("keystore: wallet key imported; the backup words no longer restore it",
		"address", addr, "replaced", res.Replaced, "wordsAddress", res.WordsAddress)
	return res, nil
}

func (s *Store) importNew(ctx context.Context, file, filePass, passphrase []byte) (ImportResult, error) {
	key, err := s.DecryptV3(file, filePass)
	if err != nil {
		return ImportResult{}, fmt.Errorf("keystore: import: %w", err)
	}
	m, err := NewMnemonic(s.rand)
	if err != nil {
		zeroKey(key)
		return ImportResult{}, err
	}
	wordsAddr, err := DeriveAddress(m)
	if err != nil {
		zeroKey(key)
		m.Wipe()
		return ImportResult{}, fmt.Errorf("keystore: import: %w", err)
	}
	addr := crypto.PubkeyToAddress(key.PublicKey)
	if err := s.create(ctx, m, passphrase, newKeyTable(), false, key); err != nil {
		zeroKey(key)
		m.Wipe()
		return ImportResult{}, fmt.Errorf("keystore: import: %w", err)
	}
	s.log.Warn("keystore: keyring created around an imported wallet key; the backup words do not restore it",
		"address", addr, "wordsAddress", wordsAddr)
	return ImportResult{Address: addr, WordsAddress: wordsAddr, Words: m}, nil
}
