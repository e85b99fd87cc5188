package chain

import (
	"crypto/ecdsa"
	"fmt"
	"log/slog"
	"math/big"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
)

// TxSigner signs transactions for one account. The keystore implements it
// for the device's wallet key; KeySigner wraps a raw key for tests and the
// devnet.
type TxSigner interface {
	Address() common.Address
	SignTx(tx *types.Transaction, chainID *big.Int) (*types.Transaction, error)
}

// KeySigner signs transactions and typed data with an in-memory private
// key. For tests, the devnet and tools only; it never prints the key.
type KeySigner struct {
	key  *ecdsa.PrivateKey
	addr common.Address
}

// NewKeySigner wraps key.
func NewKeySigner(key *ecdsa.PrivateKey) *KeySigner {
	return &KeySigner{key: key, addr: crypto.PubkeyToAddress(key.PublicKey)}
}

// Address is the key's account.
func (s *KeySigner) Address() common.Address { return s.addr }

// SignTx signs tx for chainID with the latest signer for that chain.
func (s *KeySigner) SignTx(tx *types.Transaction, chainID *big.Int) (*types.Transaction, error) {
	signed, err := types.SignTx(tx, types.LatestSignerForChainID(chainID), s.key)
	if err != nil {
		return nil, fmt.Errorf("chain: sign tx: %w", err)
	}
	return signed, nil
}

// SignTypedData signs EIP-712 typed data (r||s||v, v in {27,28}).
func (s *KeySigner) SignTypedData(td apitypes.TypedData) ([]byte, error) {
	return SignTypedDataWithKey(s.key, td)
}

// String never shows the key.
func (s *KeySigner) String() string { return "KeySigner(" + s.addr.Hex() + ", key [redacted])" }

// GoString never shows the key.
func (s *KeySigner) GoString() string { return s.String() }

// LogValue never shows the key.
func (s *KeySigner) LogValue() slog.Value { return slog.StringValue(s.String()) }

// MarshalJSON never shows the key.
func (s *KeySigner) MarshalJSON() ([]byte, error) {
	return []byte(`"` + s.String() + `"`), nil
}
