package keystore

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"

	"github.com/tyler-smith/go-bip39"
	"golang.org/x/text/unicode/norm"
)

// MnemonicWords is the number of backup words a new keyring gets (256 bits
// of entropy).
const MnemonicWords = 24

// MnemonicLengths are the phrase lengths Restore accepts: every BIP-39
// length (128 to 256 bits of entropy), so a 12-word phrase from MetaMask or
// a hardware wallet restores too.
var MnemonicLengths = []int{12, 15, 18, 21, 24}

// NewMnemonic returns 24 fresh BIP-39 words (256 bits of entropy read from
// rand; nil means the OS CSPRNG).
func NewMnemonic(rand io.Reader) (Mnemonic, error) {
	if rand == nil {
		rand = cryptoRand
	}
	ent := make([]byte, 32)
	defer wipe(ent)
	if _, err := io.ReadFull(rand, ent); err != nil {
		return Mnemonic{}, fmt.Errorf("keystore: new mnemonic: random: %w", err)
	}
	s, err := bip39.NewMnemonic(ent)
	if err != nil {
		return Mnemonic{}, fmt.Errorf("keystore: new mnemonic: %w", err)
	}
	return Mnemonic{words: []byte(s)}, nil
}

// ParseMnemonic normalises s (NFKD, lower case, any run of white space
// becomes one space) and checks that it is an English BIP-39 mnemonic of
// 12, 15, 18, 21 or 24 words with a valid checksum. Errors never contain
// the words.
func ParseMnemonic(s string) (Mnemonic, error) {
	s = norm.NFKD.String(s)
	fields := strings.FieldsFunc(s, unicode.IsSpace)
	if !slices.Contains(MnemonicLengths, len(fields)) {
		return Mnemonic{}, fmt.Errorf("%w: need 12, 15, 18, 21 or 24 words, got %d", ErrMnemonic, len(fields))
	}
	for i, w := range fields {
		w = strings.ToLower(w)
		if _, ok := bip39.GetWordIndex(w); !ok {
			return Mnemonic{}, fmt.Errorf("%w: word %d is not in the English list", ErrMnemonic, i+1)
		}
		fields[i] = w
	}
	joined := strings.Join(fields, " ")
	if _, err := bip39.EntropyFromMnemonic(joined); err != nil {
		return Mnemonic{}, fmt.Errorf("%w: checksum does not match (a word is wrong or out of order)", ErrMnemonic)
	}
	return Mnemonic{words: []byte(joined)}, nil
}

// Entropy returns the entropy the words encode (16 to 32 bytes). The
// caller wipes it.
func (m Mnemonic) Entropy() ([]byte, error) {
	if m.IsZero() {
		return nil, fmt.Errorf("%w: empty", ErrMnemonic)
	}
	e, err := bip39.EntropyFromMnemonic(string(m.words))
	if err != nil {
		return nil, fmt.Errorf("%w: checksum does not match", ErrMnemonic)
	}
	return e, nil
}

// seedFromMnemonic checks the checksum again and returns the 64-byte
// BIP-39 seed (PBKDF2-HMAC-SHA512, 2048 rounds, salt "mnemonic"+passphrase,
// both NFKD). We never use a BIP-39 passphrase in the product (""), tests
// use "TREZOR" for the published vectors.
func seedFromMnemonic(m Mnemonic, passphrase string) ([]byte, error) {
	if m.IsZero() {
		return nil, fmt.Errorf("%w: empty", ErrMnemonic)
	}
	seed, err := bip39.NewSeedWithErrorChecking(norm.NFKD.String(string(m.words)), norm.NFKD.String(passphrase))
	if err != nil {
		return nil, fmt.Errorf("%w: checksum does not match", ErrMnemonic)
	}
	return seed, nil
}
