package keystore

import (
	"fmt"
	"log/slog"
)

const redacted = "[redacted]"

// redactor gives a type every printing method, each printing "[redacted]".
// Embed it (by value) in any type that carries a secret.
type redactor struct{}

func (redactor) String() string                { return redacted }
func (redactor) GoString() string              { return redacted }
func (redactor) MarshalJSON() ([]byte, error)  { return []byte(`"` + redacted + `"`), nil }
func (redactor) MarshalText() ([]byte, error)  { return []byte(redacted), nil }
func (redactor) LogValue() slog.Value          { return slog.StringValue(redacted) }
func (redactor) Format(f fmt.State, verb rune) { _, _ = f.Write([]byte(redacted)) }

// Mnemonic is the 24 backup words. It prints as "[redacted]" everywhere;
// Reveal is the only way to read the words, and callers must show them to
// the owner (CLI, local web page) and nowhere else — never to the voice
// pipeline, a log or an error.
type Mnemonic struct {
	redactor
	words []byte
}

// Reveal returns the words, space separated. Call it only to show the words
// to the owner.
func (m Mnemonic) Reveal() string { return string(m.words) }

// IsZero reports whether m holds no words.
func (m Mnemonic) IsZero() bool { return len(m.words) == 0 }

// Wipe overwrites the words in memory (best effort: Go may hold other copies).
func (m *Mnemonic) Wipe() {
	wipe(m.words)
	m.words = nil
}

// DataKey is one record's 32-byte data-encryption key, as handed to a
// grantee inside a grant. It redacts itself like every secret.
type DataKey struct {
	redactor
	key [32]byte
}

// Wipe zeroes the key.
func (k *DataKey) Wipe() { wipe(k.key[:]) }

// wipe zeroes b. Best effort: the Go runtime may have copied the bytes
// (stack growth, GC moves nothing but earlier copies may linger); see
// docs/keys.md for the limits.
func wipe(b []byte) {
	for i := range b {
		b[i] = 0
	}
}
