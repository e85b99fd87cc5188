// Package web3 reads and writes Web3 Secret Storage v3 key files (the
// format of go-ethereum's accounts/keystore, MetaMask and most Ethereum
// wallets), so the owner can move the wallet key to any wallet and back.
//
// Every input is validated before any key derivation runs: size, strict
// JSON (no duplicate keys), version 3, cipher aes-128-ctr, hex lengths, and
// KDF parameters within Bounds, so a hostile file can neither crash the
// caller nor make it allocate gigabytes. Anyone may import this package.
package web3

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/ecdsa"
	"crypto/pbkdf2"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/mycroft-network/mycroft/keystore/internal/strictjson"
	"golang.org/x/crypto/scrypt"
)

// Errors; every returned error wraps one of them.
var (
	ErrFormat          = errors.New("web3: malformed key file")
	ErrParams          = errors.New("web3: KDF parameters out of bounds")
	ErrUnsupported     = errors.New("web3: unsupported key file (need version 3, aes-128-ctr, scrypt or pbkdf2/hmac-sha256)")
	ErrDecrypt         = errors.New("web3: wrong passphrase or damaged key file")
	ErrAddressMismatch = errors.New("web3: key does not match the file's address")
)

// MaxFileSize bounds the accepted file (64 KiB).
const MaxFileSize = 64 << 10

// Bounds limit the KDF cost accepted from a file.
type Bounds struct {
	MinScryptLogN, MaxScryptLogN int // N = 2^logN
	MaxScryptR, MaxScryptP       int
	MinPBKDF2, MaxPBKDF2         int // iterations
}

// DefaultBounds accept what real wallets write (geth "light" 2^12 up to
// 2^20; the spec's own vector uses r = 1, p = 8) and nothing that would
// exhaust a Raspberry Pi.
var DefaultBounds = Bounds{
	MinScryptLogN: 12, MaxScryptLogN: 20,
	MaxScryptR: 8, MaxScryptP: 8,
	MinPBKDF2: 10_000, MaxPBKDF2: 1 << 21,
}

// hardMax caps memory whatever Bounds say: 128·N·r bytes ≤ 1 GiB.
const hardMaxScryptMem = 1 << 30

type fileJSON struct {
	Address string          `json:"address"`
	Crypto  cryptoJSON      `json:"crypto"`
	ID      string          `json:"id"`
	Version int             `json:"version"`
	XEthers json.RawMessage `json:"x-ethers,omitempty"`
}

type cryptoJSON struct {
	Cipher       string           `json:"cipher"`
	CipherText   string           `json:"ciphertext"`
	CipherParams cipherParamsJSON `json:"cipherparams"`
	KDF          string           `json:"kdf"`
	KDFParams    json.RawMessage  `json:"kdfparams"`
	MAC          string           `json:"mac"`
}

type cipherParamsJSON struct {
	IV string `json:"iv"`
}

type scryptJSON struct {
	N     int    `json:"n"`
	R     int    `json:"r"`
	P     int    `json:"p"`
	DKLen int    `json:"dklen"`
	Salt  string `json:"salt"`
}

type pbkdf2JSON struct {
	C     int    `json:"c"`
	PRF   string `json:"prf"`
	DKLen int    `json:"dklen"`
	Salt  string `json:"salt"`
}

// File is a validated key file, ready to decrypt.
type File struct {
	// Address is the address the file claims (zero if it names none).
	Address common.Address
	ID      string
	kdf     string
	scrypt  scryptJSON
	pbkdf2  pbkdf2JSON
	salt    []byte
	iv      []byte
	ct      []byte
	mac     []byte
}

func decodeHex(field, s string, min, max int) ([]byte, error) {
	b, err := hex.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("%w: %s is not hex", ErrFormat, field)
	}
	if len(b) < min || len(b) > max {
		return nil, fmt.Errorf("%w: %s is %d bytes", ErrFormat, field, len(b))
	}
	return b, nil
}

// Parse validates a key file without decrypting it, using DefaultBounds.
func Parse(data []byte) (*File, error) { return ParseWithBounds(data, DefaultBounds) }

// ParseWithBounds validates a key file against b.
func ParseWithBounds(data []byte, b Bounds) (*File, error) {
	var fj fileJSON
	if err := strictjson.Decode(data, MaxFileSize, &fj); err != nil {
		// Say "unsupported" rather than "malformed" for other versions.
		var probe struct {
			Version any `json:"version"`
		}
		if len(data) <= MaxFileSize && json.Unmarshal(data, &probe) == nil && probe.Version != nil && probe.Version != float64(3) && probe.Version != "3" {
			return nil, fmt.Errorf("%w: version %v", ErrUnsupported, probe.Version)
		}
		return nil, fmt.Errorf("%w: %v", ErrFormat, err)
	}
	if fj.Version != 3 {
		return nil, fmt.Errorf("%w: version %d", ErrUnsupported, fj.Version)
	}
	c := fj.Crypto
	if c.Cipher != "aes-128-ctr" {
		return nil, fmt.Errorf("%w: cipher %q", ErrUnsupported, c.Cipher)
	}
	f := &File{ID: fj.ID, kdf: c.KDF}
	if fj.Address != "" {
		a := strings.TrimPrefix(fj.Address, "0x")
		raw, err := decodeHex("address", a, 20, 20)
		if err != nil {
			return nil, err
		}
		f.Address = common.BytesToAddress(raw)
	}
	var err error
	if f.iv, err = decodeHex("iv", c.CipherParams.IV, 16, 16); err != nil {
		return nil, err
	}
	// geth's vectors include 30- and 31-byte keys (leading zeros dropped).
	if f.ct, err = decodeHex("ciphertext", c.CipherText, 16, 32); err != nil {
		return nil, err
	}
	if f.mac, err = decodeHex("mac", c.MAC, 32, 32); err != nil {
		return nil, err
	}
	if len(c.KDFParams) == 0 {
		return nil, fmt.Errorf("%w: kdfparams missing", ErrFormat)
	}
	switch c.KDF {
	case "scrypt":
		p := &f.scrypt
		if err := strictjson.Decode(c.KDFParams, MaxFileSize, p); err != nil {
			return nil, fmt.Errorf("%w: kdfparams: %v", ErrFormat, err)
		}
		if p.DKLen != 32 {
			return nil, fmt.Errorf("%w: dklen %d", ErrParams, p.DKLen)
		}
		if p.N < 1<<b.MinScryptLogN || p.N > 1<<b.MaxScryptLogN || p.N&(p.N-1) != 0 {
			return nil, fmt.Errorf("%w: scrypt n=%d", ErrParams, p.N)
		}
		if p.R < 1 || p.R > b.MaxScryptR || p.P < 1 || p.P > b.MaxScryptP {
			return nil, fmt.Errorf("%w: scrypt r=%d p=%d", ErrParams, p.R, p.P)
		}
		if int64(128)*int64(p.N)*int64(p.R) > hardMaxScryptMem {
			return nil, fmt.Errorf("%w: scrypt needs more than 1 GiB", ErrParams)
		}
		if f.salt, err = decodeHex("salt", p.Salt, 16, 64); err != nil {
			return nil, err
		}
	case "pbkdf2":
		p := &f.pbkdf2
		if err := strictjson.Decode(c.KDFParams, MaxFileSize, p); err != nil {
			return nil, fmt.Errorf("%w: kdfparams: %v", ErrFormat, err)
		}
		if p.PRF != "hmac-sha256" {
			return nil, fmt.Errorf("%w: prf %q", ErrUnsupported, p.PRF)
		}
		if p.DKLen != 32 {
			return nil, fmt.Errorf("%w: dklen %d", ErrParams, p.DKLen)
		}
		if p.C < b.MinPBKDF2 || p.C > b.MaxPBKDF2 {
			return nil, fmt.Errorf("%w: pbkdf2 c=%d", ErrParams, p.C)
		}
		if f.salt, err = decodeHex("salt", p.Salt, 16, 64); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("%w: kdf %q", ErrUnsupported, c.KDF)
	}
	return f, nil
}

// Decrypt validates data (DefaultBounds) and returns its private key. If
// the file names an address, the key must give that address.
func Decrypt(data, passphrase []byte) (*ecdsa.PrivateKey, error) {
	return DecryptWithBounds(data, passphrase, DefaultBounds)
}

// DecryptWithBounds is Decrypt with explicit bounds.
func DecryptWithBounds(data, passphrase []byte, b Bounds) (key *ecdsa.PrivateKey, err error) {
	defer func() {
		if r := recover(); r != nil {
			key, err = nil, fmt.Errorf("%w: internal error while decrypting", ErrFormat)
		}
	}()
	f, err := ParseWithBounds(data, b)
	if err != nil {
		return nil, err
	}
	return f.Decrypt(passphrase)
}

// Decrypt derives the key from passphrase and decrypts the file.
func (f *File) Decrypt(passphrase []byte) (*ecdsa.PrivateKey, error) {
	var dk []byte
	var err error
	switch f.kdf {
	case "scrypt":
		dk, err = scrypt.Key(passphrase, f.salt, f.scrypt.N, f.scrypt.R, f.scrypt.P, 32)
	case "pbkdf2":
		dk, err = pbkdf2.Key(sha256.New, string(passphrase), f.salt, f.pbkdf2.C, 32)
	default:
		err = ErrUnsupported
	}
	if err != nil {
		return nil, fmt.Errorf("web3: kdf: %w", err)
	}
	defer clear(dk)
	mac := crypto.Keccak256(dk[16:32], f.ct)
	if subtle.ConstantTimeCompare(mac, f.mac) != 1 {
		return nil, ErrDecrypt
	}
	plain := make([]byte, 32)
	defer clear(plain)
	off := 32 - len(f.ct)
	if err := aesCTR(dk[:16], f.iv, plain[off:], f.ct); err != nil {
		return nil, err
	}
	key, err := crypto.ToECDSA(plain)
	if err != nil {
		return nil, fmt.Errorf("%w: not a valid secp256k1 key", ErrDecrypt)
	}
	if f.Address != (common.Address{}) && crypto.PubkeyToAddress(key.PublicKey) != f.Address {
		key.D.SetInt64(0) //nolint:staticcheck // SA1019: wiping the scalar, the only use of D left
		return nil, ErrAddressMismatch
	}
	return key, nil
}

func aesCTR(key, iv, dst, src []byte) error {
	blk, err := aes.NewCipher(key)
	if err != nil {
		return fmt.Errorf("web3: aes: %w", err)
	}
	cipher.NewCTR(blk, iv).XORKeyStream(dst, src)
	return nil
}

// Encrypt writes key as a v3 key file: scrypt (N = 2^logN, r = 8, p),
// AES-128-CTR, keccak256 MAC, random 32-byte salt, 16-byte IV and UUID v4
// id from rand. logN must be within DefaultBounds.
func Encrypt(key *ecdsa.PrivateKey, passphrase []byte, logN, p int, rand io.Reader) ([]byte, error) {
	if logN < DefaultBounds.MinScryptLogN || logN > DefaultBounds.MaxScryptLogN || p < 1 || p > DefaultBounds.MaxScryptP {
		return nil, fmt.Errorf("web3: encrypt: %w: logN=%d p=%d", ErrParams, logN, p)
	}
	if key == nil || key.D == nil { //nolint:staticcheck // SA1019: a nil check, not a use of the value
		return nil, fmt.Errorf("web3: encrypt: no key")
	}
	buf := make([]byte, 32+16+16)
	if _, err := io.ReadFull(rand, buf); err != nil {
		return nil, fmt.Errorf("web3: encrypt: random: %w", err)
	}
	salt, iv, id := buf[:32], buf[32:48], buf[48:]
	id[6] = id[6]&0x0f | 0x40
	id[8] = id[8]&0x3f | 0x80
	dk, err := scrypt.Key(passphrase, salt, 1<<logN, 8, p, 32)
	if err != nil {
		return nil, fmt.Errorf("web3: encrypt: %w", err)
	}
	defer clear(dk)
	plain := crypto.FromECDSA(key)
	defer clear(plain)
	ct := make([]byte, 32)
	if err := aesCTR(dk[:16], iv, ct, plain); err != nil {
		return nil, err
	}
	kdfParams, _ := json.Marshal(scryptJSON{N: 1 << logN, R: 8, P: p, DKLen: 32, Salt: hex.EncodeToString(salt)})
	out := fileJSON{
		Address: hex.EncodeToString(crypto.PubkeyToAddress(key.PublicKey).Bytes()),
		Crypto: cryptoJSON{
			Cipher:       "aes-128-ctr",
			CipherText:   hex.EncodeToString(ct),
			CipherParams: cipherParamsJSON{IV: hex.EncodeToString(iv)},
			KDF:          "scrypt",
			KDFParams:    kdfParams,
			MAC:          hex.EncodeToString(crypto.Keccak256(dk[16:32], ct)),
		},
		ID:      fmt.Sprintf("%x-%x-%x-%x-%x", id[0:4], id[4:6], id[6:8], id[8:10], id[10:16]),
		Version: 3,
	}
	var w bytes.Buffer
	enc := json.NewEncoder(&w)
	if err := enc.Encode(out); err != nil {
		return nil, fmt.Errorf("web3: encrypt: %w", err)
	}
	return w.Bytes(), nil
}
