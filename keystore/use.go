package keystore

// What an unlocked Store does with its keys: seal and open records, sign
// typed data, texts and transactions.

import (
	"context"
	"crypto/ecdsa"
	"fmt"
	"log/slog"
	"math/big"

	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
)

func (s *Store) dataKeys() (*DataKeys, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.data == nil {
		return nil, ErrLocked
	}
	return s.data, nil
}

func (s *Store) wallet() (*Signer, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.expireLocked()
	if s.signer == nil {
		return nil, ErrLocked
	}
	s.lastUse = s.now()
	return s.signer, nil
}

// Seal encrypts a record (see DataKeys.Seal). ErrLocked until Unlock.
func (s *Store) Seal(cat Category, recordID string, plaintext []byte) ([]byte, error) {
	d, err := s.dataKeys()
	if err != nil {
		return nil, fmt.Errorf("keystore: seal: %w", err)
	}
	return d.Seal(cat, recordID, plaintext)
}

// Open decrypts a record (see DataKeys.Open). ErrLocked until Unlock.
func (s *Store) Open(cat Category, recordID string, sealed []byte) ([]byte, error) {
	d, err := s.dataKeys()
	if err != nil {
		return nil, fmt.Errorf("keystore: open: %w", err)
	}
	return d.Open(cat, recordID, sealed)
}

// Rewrap moves a record's key to the category's current epoch.
func (s *Store) Rewrap(cat Category, recordID string, sealed []byte) ([]byte, error) {
	d, err := s.dataKeys()
	if err != nil {
		return nil, fmt.Errorf("keystore: rewrap: %w", err)
	}
	return d.Rewrap(cat, recordID, sealed)
}

// SignTypedData signs allow-listed EIP-712 data (see Signer.SignTypedData).
func (s *Store) SignTypedData(td apitypes.TypedData) ([]byte, error) {
	w, err := s.wallet()
	if err != nil {
		return nil, fmt.Errorf("keystore: sign typed data: %w", err)
	}
	sig, err := w.SignTypedData(td)
	if err != nil {
		s.log.Warn("keystore: refused to sign typed data", "type", td.PrimaryType, "domain", td.Domain.Name, "err", err)
		return nil, err
	}
	// Audit trail (no secrets): per-call vouchers and receipts at debug.
	lvl := slog.LevelInfo
	if td.PrimaryType == "Voucher" || td.PrimaryType == "Receipt" {
		lvl = slog.LevelDebug
	}
	s.log.Log(context.Background(), lvl, "keystore: signed typed data", "type", td.PrimaryType, "domain", td.Domain.Name,
		"chainId", (*big.Int)(td.Domain.ChainId), "contract", td.Domain.VerifyingContract)
	return sig, nil
}

// SignText signs an EIP-191 personal message (see Signer.SignText).
func (s *Store) SignText(msg []byte) ([]byte, error) {
	w, err := s.wallet()
	if err != nil {
		return nil, fmt.Errorf("keystore: sign text: %w", err)
	}
	sig, err := w.SignText(msg)
	if err == nil {
		s.log.Info("keystore: signed personal message", "bytes", len(msg))
	}
	return sig, err
}

// SignTx signs a transaction for the configured chain.
func (s *Store) SignTx(tx *types.Transaction, chainID *big.Int) (*types.Transaction, error) {
	w, err := s.wallet()
	if err != nil {
		return nil, fmt.Errorf("keystore: sign tx: %w", err)
	}
	signed, err := w.SignTx(tx, chainID)
	if err == nil {
		s.log.Info("keystore: signed transaction", "hash", signed.Hash(), "to", tx.To(), "nonce", tx.Nonce(), "value", tx.Value())
	}
	return signed, err
}

// WithWalletKey calls fn with the wallet key's 32 raw bytes (go-ethereum's
// crypto.FromECDSA) and zeroes them when fn returns. It exists for one
// caller, the agent, which makes the node's libp2p identity from them
// (p2p.IdentityFromRaw) so that its peer id proves its on-chain address
// (docs/security.md, "The node's libp2p key"). fn must not keep raw or
// hand it on; it runs in this process, under the Store's lock, so it must
// not call the Store. ErrLocked while the wallet key is locked; the call
// counts as a use of the key (the idle lock restarts).
func (s *Store) WithWalletKey(fn func(raw []byte) error) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.expireLocked()
	if s.signer == nil {
		return fmt.Errorf("keystore: wallet key: %w", ErrLocked)
	}
	s.lastUse = s.now()
	return s.signer.withRaw(fn)
}

// newSigner wraps key with the store's chain and permit spenders; s.mu is
// held.
func (s *Store) newSigner(key *ecdsa.PrivateKey) *Signer {
	w := NewSigner(key, s.opts.ChainID)
	w.SetPermitSpenders(s.permit...)
	return w
}
