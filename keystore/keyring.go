package keystore

import (
	"crypto/subtle"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/ethereum/go-ethereum/common"
	"github.com/mycroft-network/mycroft/keystore/internal/strictjson"
	"golang.org/x/crypto/chacha20poly1305"
	"golang.org/x/crypto/scrypt"
	"golang.org/x/text/unicode/norm"
)

// Keyring file format version and bounds. The scrypt bounds are checked
// when reading, before the KDF runs, so a hostile file cannot make the
// device allocate gigabytes.
const (
	keyringVersion = 1
	// MinScryptLogN and MaxScryptLogN bound N = 2^logN (16 MiB .. 1 GiB at r = 8).
	MinScryptLogN = 14
	MaxScryptLogN = 20
	scryptR       = 8
	scryptP       = 1
	saltLen       = 32
	maxKeyringLen = 64 << 10
	// MinPassphraseLen is the shortest new passphrase accepted (bytes, after normalisation).
	MinPassphraseLen = 8
	aeadName         = "xchacha20poly1305"
)

// kdfParams are the scrypt parameters recorded in the keyring header.
type kdfParams struct {
	Alg  string `json:"alg"`
	N    int    `json:"n"`
	R    int    `json:"r"`
	P    int    `json:"p"`
	Salt string `json:"salt"` // base64 (std, padded), 32 bytes
}

// keyringHeader is authenticated (its exact bytes are the AEAD associated
// data) but not encrypted. The address is public on chain anyway and lets
// `mycroft keys address` work while locked.
type keyringHeader struct {
	V       int       `json:"v"`
	KDF     kdfParams `json:"kdf"`
	AEAD    string    `json:"aead"`
	Address string    `json:"address"`
	Created time.Time `json:"created"`
	// WordsAddress is the address the backup words give, set only when a
	// wallet key was imported (Address is then the imported key's).
	WordsAddress string `json:"wordsAddress,omitempty"`
}

type keyringFile struct {
	Header json.RawMessage `json:"header"`
	Nonce  string          `json:"nonce"`
	CT     string          `json:"ct"`
}

// payload is what the keyring encrypts. The BIP-39 seed (not the words)
// is stored, so the device can never show the backup words again after
// Init. WalletKey, if set, is a wallet key imported from a v3 file: it
// replaces the key derived from the seed; the data keys still come from
// the seed.
type payload struct {
	Seed      []byte       `json:"seed"`
	WalletKey []byte       `json:"walletKey,omitempty"`
	Table     keyTable     `json:"table"`
	Revoked   []revocation `json:"revoked,omitempty"`
}

// revocation stops sharing a dataset with a grantee (zero dataset = all).
type revocation struct {
	Grantee common.Address `json:"grantee"`
	Dataset common.Hash    `json:"dataset"`
	At      time.Time      `json:"at"`
}

// parsedKeyring is a keyring file after the structural checks, before any
// cryptography.
type parsedKeyring struct {
	header    keyringHeader
	headerRaw []byte
	salt      []byte
	nonce     []byte
	ct        []byte
}

func (h *keyringHeader) address() common.Address { return common.HexToAddress(h.Address) }

// checkKDF bounds the parameters of our own keyring.
func checkKDF(k kdfParams) ([]byte, error) {
	if k.Alg != "scrypt" {
		return nil, fmt.Errorf("%w: kdf %q", ErrParams, k.Alg)
	}
	if k.N < 1<<MinScryptLogN || k.N > 1<<MaxScryptLogN || k.N&(k.N-1) != 0 {
		return nil, fmt.Errorf("%w: scrypt N=%d (need a power of two in 2^%d..2^%d)", ErrParams, k.N, MinScryptLogN, MaxScryptLogN)
	}
	if k.R != scryptR || k.P != scryptP {
		return nil, fmt.Errorf("%w: scrypt r=%d p=%d (need r=8 p=1)", ErrParams, k.R, k.P)
	}
	salt, err := base64.StdEncoding.Strict().DecodeString(k.Salt)
	if err != nil || len(salt) != saltLen {
		return nil, fmt.Errorf("%w: salt must be %d bytes of base64", ErrFormat, saltLen)
	}
	return salt, nil
}

// parseKeyring checks everything that can be checked without the
// passphrase. It never panics on any input.
func parseKeyring(data []byte) (*parsedKeyring, error) {
	var f keyringFile
	if err := strictjson.Decode(data, maxKeyringLen, &f); err != nil {
		return nil, fmt.Errorf("%w: keyring: %v", ErrFormat, err)
	}
	p := &parsedKeyring{headerRaw: []byte(f.Header)}
	if err := strictjson.Decode(p.headerRaw, maxKeyringLen, &p.header); err != nil {
		return nil, fmt.Errorf("%w: keyring header: %v", ErrFormat, err)
	}
	h := p.header
	if h.V != keyringVersion {
		return nil, fmt.Errorf("%w: keyring version %d (this build reads %d)", ErrFormat, h.V, keyringVersion)
	}
	if h.AEAD != aeadName {
		return nil, fmt.Errorf("%w: aead %q", ErrFormat, h.AEAD)
	}
	if !common.IsHexAddress(h.Address) || !strings.HasPrefix(h.Address, "0x") {
		return nil, fmt.Errorf("%w: address", ErrFormat)
	}
	if h.WordsAddress != "" && (!common.IsHexAddress(h.WordsAddress) || !strings.HasPrefix(h.WordsAddress, "0x")) {
		return nil, fmt.Errorf("%w: words address", ErrFormat)
	}
	salt, err := checkKDF(h.KDF)
	if err != nil {
		return nil, err
	}
	p.salt = salt
	if p.nonce, err = base64.StdEncoding.Strict().DecodeString(f.Nonce); err != nil || len(p.nonce) != chacha20poly1305.NonceSizeX {
		return nil, fmt.Errorf("%w: nonce", ErrFormat)
	}
	if p.ct, err = base64.StdEncoding.Strict().DecodeString(f.CT); err != nil || len(p.ct) < chacha20poly1305.Overhead {
		return nil, fmt.Errorf("%w: ciphertext", ErrFormat)
	}
	return p, nil
}

// deriveFileKey runs scrypt. Bounds must have been checked.
func deriveFileKey(pass, salt []byte, n int) ([]byte, error) {
	k, err := scrypt.Key(pass, salt, n, scryptR, scryptP, 32)
	if err != nil {
		return nil, fmt.Errorf("keystore: kdf: %w", err)
	}
	return k, nil
}

// openKeyring decrypts the payload with the derived file key.
func openKeyring(p *parsedKeyring, fileKey []byte) (*payload, error) {
	a, err := chacha20poly1305.NewX(fileKey)
	if err != nil {
		return nil, ErrDecrypt
	}
	pt, err := a.Open(nil, p.nonce, p.ct, p.headerRaw)
	if err != nil {
		return nil, ErrDecrypt
	}
	defer wipe(pt)
	var pl payload
	if err := strictjson.Decode(pt, maxKeyringLen, &pl); err != nil {
		return nil, fmt.Errorf("%w: keyring payload: %v", ErrFormat, err)
	}
	if len(pl.Seed) != 64 {
		pl.wipe()
		return nil, fmt.Errorf("%w: keyring payload: seed length", ErrFormat)
	}
	if len(pl.WalletKey) != 0 && len(pl.WalletKey) != 32 {
		pl.wipe()
		return nil, fmt.Errorf("%w: keyring payload: wallet key length", ErrFormat)
	}
	if err := pl.Table.validate(); err != nil {
		pl.wipe()
		return nil, err
	}
	return &pl, nil
}

// sealKeyring builds the file bytes for pl under fileKey.
func sealKeyring(h keyringHeader, pl *payload, fileKey []byte, rand io.Reader) ([]byte, error) {
	hb, err := json.Marshal(h)
	if err != nil {
		return nil, fmt.Errorf("keystore: keyring header: %w", err)
	}
	pt, err := json.Marshal(pl)
	if err != nil {
		return nil, fmt.Errorf("keystore: keyring payload: %w", err)
	}
	defer wipe(pt)
	nonce := make([]byte, chacha20poly1305.NonceSizeX)
	if _, err := io.ReadFull(rand, nonce); err != nil {
		return nil, fmt.Errorf("keystore: random: %w", err)
	}
	a, err := chacha20poly1305.NewX(fileKey)
	if err != nil {
		return nil, fmt.Errorf("keystore: keyring: %w", err)
	}
	ct := a.Seal(nil, nonce, pt, hb)
	out, err := json.Marshal(keyringFile{
		Header: hb,
		Nonce:  base64.StdEncoding.EncodeToString(nonce),
		CT:     base64.StdEncoding.EncodeToString(ct),
	})
	if err != nil {
		return nil, fmt.Errorf("keystore: keyring: %w", err)
	}
	return append(out, '\n'), nil
}

// verifyKeyring re-parses file bytes and checks they decrypt under fileKey
// to the same seed (used on the temp file before it replaces the keyring).
func verifyKeyring(data, fileKey []byte, seed []byte) error {
	p, err := parseKeyring(data)
	if err != nil {
		return err
	}
	pl, err := openKeyring(p, fileKey)
	if err != nil {
		return err
	}
	defer pl.wipe()
	if subtle.ConstantTimeCompare(pl.Seed, seed) != 1 {
		return fmt.Errorf("%w: read back a different seed", ErrFormat)
	}
	return nil
}

// NormalizePassphrase applies the EIP-2335 rule: NFKD, then drop C0, C1
// and DEL control codes. The result (a new slice) is what the KDF sees.
func NormalizePassphrase(p []byte) []byte {
	s := norm.NFKD.Bytes(p)
	out := make([]byte, 0, len(s))
	for len(s) > 0 {
		r, n := utf8.DecodeRune(s)
		if !(r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f)) {
			out = append(out, s[:n]...)
		}
		s = s[n:]
	}
	return out
}
