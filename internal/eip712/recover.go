package eip712

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
)

// ErrSignature is wrapped by every signature Recover refuses.
var ErrSignature = errors.New("eip712: signature refused")

// SignatureLength is the only signature length Recover accepts: r‖s‖v.
const SignatureLength = 65

// secp256k1 group order n and ⌊n/2⌋, big-endian, for byte-wise compares.
var (
	curveN = [32]byte{
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xfe,
		0xba, 0xae, 0xdc, 0xe6, 0xaf, 0x48, 0xa0, 0x3b,
		0xbf, 0xd2, 0x5e, 0x8c, 0xd0, 0x36, 0x41, 0x41,
	}
	curveHalfN = [32]byte{
		0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0x5d, 0x57, 0x6e, 0x73, 0x57, 0xa4, 0x50, 0x1d,
		0xdf, 0xe9, 0x2f, 0x46, 0x68, 0x1b, 0x20, 0xa0,
	}
	zero32 [32]byte
)

// Recover returns the address that signed digest, accepting exactly the
// signatures the contracts accept (OpenZeppelin 5.4 ECDSA.tryRecover(bytes32,
// bytes) feeding the ecrecover precompile), so nothing is taken off chain
// that the chain would refuse:
//
//   - exactly 65 bytes r‖s‖v (no 64-byte EIP-2098 form: tryRecover with a
//     bytes argument refuses every other length);
//   - v is 27 or 28 (the precompile returns nothing for any other v, 0 and
//     1 included);
//   - 0 < r < n and 0 < s ≤ ⌊n/2⌋ (OpenZeppelin refuses high s, the
//     precompile refuses zero and out-of-range r and s);
//   - the recovered address is not zero.
//
// Every refusal wraps ErrSignature. sig is not modified.
func Recover(digest [32]byte, sig []byte) (common.Address, error) {
	if len(sig) != SignatureLength {
		return common.Address{}, fmt.Errorf("%w: length %d, want %d", ErrSignature, len(sig), SignatureLength)
	}
	v := sig[64]
	if v != 27 && v != 28 {
		return common.Address{}, fmt.Errorf("%w: v = %d, want 27 or 28", ErrSignature, v)
	}
	r, s := sig[:32], sig[32:64]
	if bytes.Equal(r, zero32[:]) || bytes.Compare(r, curveN[:]) >= 0 {
		return common.Address{}, fmt.Errorf("%w: r out of range", ErrSignature)
	}
	if bytes.Equal(s, zero32[:]) {
		return common.Address{}, fmt.Errorf("%w: s is zero", ErrSignature)
	}
	if bytes.Compare(s, curveHalfN[:]) > 0 {
		return common.Address{}, fmt.Errorf("%w: high s", ErrSignature)
	}
	var norm [SignatureLength]byte
	copy(norm[:], sig)
	norm[64] = v - 27
	pub, err := crypto.Ecrecover(digest[:], norm[:])
	if err != nil {
		return common.Address{}, fmt.Errorf("%w: %v", ErrSignature, err)
	}
	if len(pub) != 65 || pub[0] != 4 {
		return common.Address{}, fmt.Errorf("%w: recovered key malformed", ErrSignature)
	}
	var a common.Address
	copy(a[:], crypto.Keccak256(pub[1:])[12:])
	if a == (common.Address{}) {
		return common.Address{}, fmt.Errorf("%w: recovers to the zero address", ErrSignature)
	}
	return a, nil
}
