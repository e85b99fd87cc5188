// Package eip712 computes EIP-712 digests of typed data quickly. It gives
// exactly the digest of go-ethereum's apitypes.TypedDataAndHash, which stays
// the reference: that function validates and encodes generically (maps,
// reflection, big integers parsed from strings), about 45 µs a digest, paid
// four times by every paid call (the payer signs a voucher, the provider
// checks it and signs a receipt, the payer checks that).
//
// Hash takes a shortcut only for what it can prove equal: a schema (types,
// primary type and domain) is checked once by apitypes and remembered with
// its domain separator and type hash, and only messages whose fields are
// all atomic and whose values are in canonical string form (as the chain
// package writes them) are encoded here. Anything else, and every error, is
// apitypes' own.
//
// Recover (recover.go) is the one rule for every signature the project
// accepts from outside: exactly what the contracts' OpenZeppelin
// ECDSA.tryRecover accepts, no more.
//
// Imported by chain and keystore (they may not import each other).
package eip712

import (
	"encoding/hex"
	"math/big"
	"strconv"
	"strings"
	"sync"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"
	"golang.org/x/crypto/sha3"
)

// schema is what is remembered of a checked (types, primary, domain).
type schema struct {
	domainSep common.Hash
	typeHash  common.Hash
	fields    []apitypes.Type
}

// maxSchemas bounds the cache; past it, new schemas take the slow path.
const maxSchemas = 256

var (
	mu      sync.RWMutex
	schemas = map[string]*schema{}
)

// Hash returns keccak256(0x1901 ‖ domainSeparator ‖ hashStruct(message)),
// the digest apitypes.TypedDataAndHash returns, with its errors.
func Hash(td apitypes.TypedData) (common.Hash, error) {
	key, ok := schemaKey(&td)
	if ok {
		mu.RLock()
		s := schemas[key]
		mu.RUnlock()
		if s != nil {
			if h, ok := s.digest(td.Message); ok {
				return h, nil
			}
		}
	}
	d, _, err := apitypes.TypedDataAndHash(td)
	if err != nil {
		return common.Hash{}, err
	}
	digest := common.BytesToHash(d)
	if ok {
		learn(key, &td, digest)
	}
	return digest, nil
}

// learn remembers td's schema once apitypes has accepted it, if the fast
// encoding of the same message gives the same digest.
func learn(key string, td *apitypes.TypedData, digest common.Hash) {
	mu.RLock()
	known, full := schemas[key] != nil, len(schemas) >= maxSchemas
	mu.RUnlock()
	if known || full {
		return
	}
	sep, err := td.HashStruct("EIP712Domain", td.Domain.Map())
	if err != nil {
		return
	}
	s := &schema{
		domainSep: common.BytesToHash(sep),
		typeHash:  common.BytesToHash(td.TypeHash(td.PrimaryType)),
		fields:    append([]apitypes.Type(nil), td.Types[td.PrimaryType]...),
	}
	if h, ok := s.digest(td.Message); !ok || h != digest {
		return
	}
	mu.Lock()
	if len(schemas) < maxSchemas {
		schemas[key] = s
	}
	mu.Unlock()
}

// schemaKey is a string that names the types, primary type and domain
// exactly; ok is false when the schema is not one the fast path handles
// (exactly two types, the primary's fields all atomic).
func schemaKey(td *apitypes.TypedData) (string, bool) {
	if len(td.Types) != 2 || td.Domain.Salt != "" {
		return "", false
	}
	dom, okd := td.Types["EIP712Domain"]
	fields, okp := td.Types[td.PrimaryType]
	if !okd || !okp || td.PrimaryType == "EIP712Domain" {
		return "", false
	}
	var b strings.Builder
	b.Grow(256)
	b.WriteString(td.PrimaryType)
	for _, f := range fields {
		if !atomic(f.Type) {
			return "", false
		}
		b.WriteByte(0)
		b.WriteString(f.Name)
		b.WriteByte(1)
		b.WriteString(f.Type)
	}
	b.WriteByte(2)
	for _, f := range dom {
		b.WriteString(f.Name)
		b.WriteByte(1)
		b.WriteString(f.Type)
		b.WriteByte(0)
	}
	b.WriteByte(2)
	b.WriteString(td.Domain.Name)
	b.WriteByte(0)
	b.WriteString(td.Domain.Version)
	b.WriteByte(0)
	if td.Domain.ChainId != nil {
		b.WriteString((*big.Int)(td.Domain.ChainId).String())
	} else {
		b.WriteByte('-')
	}
	b.WriteByte(0)
	b.WriteString(td.Domain.VerifyingContract)
	return b.String(), true
}

// atomic reports whether t is a type the fast path encodes.
func atomic(t string) bool {
	switch t {
	case "address", "bool", "string", "bytes":
		return true
	}
	if n, ok := strings.CutPrefix(t, "bytes"); ok {
		k, err := strconv.Atoi(n)
		return err == nil && k >= 1 && k <= 32 && strconv.Itoa(k) == n
	}
	if n, ok := strings.CutPrefix(t, "uint"); ok {
		k, err := strconv.Atoi(n)
		return err == nil && k >= 8 && k <= 256 && k%8 == 0 && strconv.Itoa(k) == n
	}
	return false
}

// digest encodes msg under s; ok is false if any value is not in the
// canonical form the fast path knows (the caller then asks apitypes).
func (s *schema) digest(msg apitypes.TypedDataMessage) (common.Hash, bool) {
	if len(msg) > len(s.fields) {
		return common.Hash{}, false
	}
	h := sha3.NewLegacyKeccak256()
	h.Write(s.typeHash[:])
	var word [32]byte
	for _, f := range s.fields {
		if !encode(&word, f.Type, msg[f.Name]) {
			return common.Hash{}, false
		}
		h.Write(word[:])
	}
	var structHash common.Hash
	h.Sum(structHash[:0])
	h.Reset()
	h.Write([]byte{0x19, 0x01})
	h.Write(s.domainSep[:])
	h.Write(structHash[:])
	var out common.Hash
	h.Sum(out[:0])
	return out, true
}

// encode writes the 32-byte encoding of v as type t into w.
func encode(w *[32]byte, t string, v any) bool {
	*w = [32]byte{}
	switch t {
	case "bool":
		b, ok := v.(bool)
		if ok && b {
			w[31] = 1
		}
		return ok
	case "string":
		s, ok := v.(string)
		if ok {
			copy(w[:], crypto.Keccak256([]byte(s)))
		}
		return ok
	}
	s, ok := v.(string)
	if !ok {
		return false
	}
	switch {
	case t == "address":
		if len(s) != 42 || s[:2] != "0x" {
			return false
		}
		_, err := hex.Decode(w[12:], []byte(s[2:]))
		return err == nil
	case t == "bytes":
		b, ok := hexBytes(s)
		if ok {
			copy(w[:], crypto.Keccak256(b))
		}
		return ok
	case strings.HasPrefix(t, "bytes"):
		n, _ := strconv.Atoi(t[5:])
		if len(s) != 2+2*n || s[:2] != "0x" {
			return false
		}
		_, err := hex.Decode(w[:n], []byte(s[2:]))
		return err == nil
	case strings.HasPrefix(t, "uint"):
		bits, _ := strconv.Atoi(t[4:])
		return decimal(w, s, bits)
	}
	return false
}

// hexBytes decodes "0x" followed by an even number of hex digits.
func hexBytes(s string) ([]byte, bool) {
	if len(s) < 2 || s[:2] != "0x" || len(s)%2 != 0 {
		return nil, false
	}
	b, err := hex.DecodeString(s[2:])
	return b, err == nil
}

// decimal writes s, a canonical unsigned decimal (digits only, no leading
// zero unless it is "0") of at most bits bits, big-endian into w.
func decimal(w *[32]byte, s string, bits int) bool {
	if s == "" || len(s) > 78 || (len(s) > 1 && s[0] == '0') {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	if len(s) <= 19 { // fits in a uint64
		u, err := strconv.ParseUint(s, 10, 64)
		if err != nil || (bits < 64 && u>>bits != 0) {
			return false
		}
		for i := 0; i < 8; i++ {
			w[31-i] = byte(u >> (8 * i))
		}
		return true
	}
	n, ok := new(big.Int).SetString(s, 10)
	if !ok || n.BitLen() > bits {
		return false
	}
	n.FillBytes(w[:])
	return true
}
