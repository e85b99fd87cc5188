package keystore

import (
	"crypto/ecdsa"
	"crypto/hmac"
	"crypto/sha512"
	"encoding/binary"
	"errors"
	"fmt"
	"math/big"
	"strconv"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// WalletPath is the BIP-44 path of the wallet key (Ethereum, account 0,
// external chain, index 0), the default of MetaMask, Ledger and geth.
const WalletPath = "m/44'/60'/0'/0/0"

const hardened = uint32(1) << 31

var errInvalidChild = errors.New("keystore: bip32: invalid child key (probability < 2^-127)")

// extKey is a BIP-32 extended private key.
type extKey struct {
	key   [32]byte
	chain [32]byte
	depth uint8
	index uint32
}

func (k *extKey) wipe() { wipe(k.key[:]); wipe(k.chain[:]) }

var curveN = crypto.S256().Params().N

// masterKey computes the BIP-32 master key from a seed.
func masterKey(seed []byte) (*extKey, error) {
	if len(seed) < 16 || len(seed) > 64 {
		return nil, fmt.Errorf("keystore: bip32: seed must be 16..64 bytes")
	}
	mac := hmac.New(sha512.New, []byte("Bitcoin seed"))
	mac.Write(seed)
	sum := mac.Sum(nil)
	defer wipe(sum)
	il := new(big.Int).SetBytes(sum[:32])
	if il.Sign() == 0 || il.Cmp(curveN) >= 0 {
		return nil, errInvalidChild
	}
	k := &extKey{}
	copy(k.key[:], sum[:32])
	copy(k.chain[:], sum[32:])
	return k, nil
}

// child derives child index i (hardened if i >= 2^31) from a private parent.
func (k *extKey) child(i uint32) (*extKey, error) {
	data := make([]byte, 0, 37)
	if i >= hardened {
		data = append(data, 0)
		data = append(data, k.key[:]...)
	} else {
		priv, err := crypto.ToECDSA(k.key[:])
		if err != nil {
			return nil, fmt.Errorf("keystore: bip32: %w", err)
		}
		data = append(data, crypto.CompressPubkey(&priv.PublicKey)...)
		zeroKey(priv)
	}
	data = binary.BigEndian.AppendUint32(data, i)
	defer wipe(data)
	mac := hmac.New(sha512.New, k.chain[:])
	mac.Write(data)
	sum := mac.Sum(nil)
	defer wipe(sum)
	il := new(big.Int).SetBytes(sum[:32])
	if il.Cmp(curveN) >= 0 {
		return nil, errInvalidChild
	}
	il.Add(il, new(big.Int).SetBytes(k.key[:]))
	il.Mod(il, curveN)
	if il.Sign() == 0 {
		return nil, errInvalidChild
	}
	c := &extKey{depth: k.depth + 1, index: i}
	il.FillBytes(c.key[:]) // keeps leading zeros (BIP-32 test vector 4)
	il.SetInt64(0)
	copy(c.chain[:], sum[32:])
	return c, nil
}

// parsePath parses "m/44'/60'/0'/0/0" (h or H also mark hardened).
func parsePath(p string) ([]uint32, error) {
	parts := strings.Split(p, "/")
	if len(parts) == 0 || parts[0] != "m" {
		return nil, fmt.Errorf("keystore: bip32: path %q must start with m", p)
	}
	out := make([]uint32, 0, len(parts)-1)
	for _, s := range parts[1:] {
		h := uint32(0)
		if n := len(s); n > 0 && (s[n-1] == '\'' || s[n-1] == 'h' || s[n-1] == 'H') {
			h, s = hardened, s[:n-1]
		}
		v, err := strconv.ParseUint(s, 10, 31)
		if err != nil {
			return nil, fmt.Errorf("keystore: bip32: bad path element %q", s)
		}
		out = append(out, uint32(v)|h)
	}
	return out, nil
}

func derivePath(seed []byte, path string) (*extKey, error) {
	idx, err := parsePath(path)
	if err != nil {
		return nil, err
	}
	k, err := masterKey(seed)
	if err != nil {
		return nil, err
	}
	for _, i := range idx {
		c, err := k.child(i)
		k.wipe()
		if err != nil {
			return nil, err
		}
		k = c
	}
	return k, nil
}

// walletKey derives the secp256k1 wallet key at WalletPath from a seed.
func walletKey(seed []byte) (*ecdsa.PrivateKey, error) {
	k, err := derivePath(seed, WalletPath)
	if err != nil {
		return nil, err
	}
	defer k.wipe()
	priv, err := crypto.ToECDSA(k.key[:])
	if err != nil {
		return nil, fmt.Errorf("keystore: wallet key: %w", err)
	}
	return priv, nil
}

// DeriveAddress returns the wallet address the mnemonic gives at
// WalletPath. Show it to the owner to compare with the address they expect
// BEFORE restoring over an existing keyring.
func DeriveAddress(m Mnemonic) (common.Address, error) {
	seed, err := seedFromMnemonic(m, "")
	if err != nil {
		return common.Address{}, err
	}
	defer wipe(seed)
	priv, err := walletKey(seed)
	if err != nil {
		return common.Address{}, err
	}
	defer zeroKey(priv)
	return crypto.PubkeyToAddress(priv.PublicKey), nil
}

// zeroKey clears the private scalar (best effort). ecdsa.PrivateKey.D is
// deprecated for building keys, but it is the only handle on the scalar's
// memory, and wiping it is what we use it for.
func zeroKey(k *ecdsa.PrivateKey) {
	if k == nil || k.D == nil { //nolint:staticcheck // SA1019: see above
		return
	}
	b := k.D.Bits() //nolint:staticcheck // SA1019: see above
	for i := range b {
		b[i] = 0
	}
	k.D.SetInt64(0) //nolint:staticcheck // SA1019: see above
}
