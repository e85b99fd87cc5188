package keystore

import "errors"

// Sentinel errors. Callers test them with errors.Is; every error returned by
// this package wraps one of these or names the failed operation.
var (
	// ErrLocked: the operation needs an unlocked keyring (or wallet key).
	ErrLocked = errors.New("locked")
	// ErrNotInitialized: no keyring file exists yet.
	ErrNotInitialized = errors.New("no keyring (run `mycroft keys init` or `restore`)")
	// ErrExists: a keyring already exists and the caller did not ask to overwrite it.
	ErrExists = errors.New("keyring already exists")
	// ErrDecrypt: wrong passphrase or a tampered keyring. The two are
	// deliberately indistinguishable.
	ErrDecrypt = errors.New("wrong passphrase or damaged keyring")
	// ErrBackoff: the wait after failed passphrase attempts was cut short
	// (the caller's context ended); try again.
	ErrBackoff = errors.New("too many failed attempts, wait before retrying")
	// ErrProofRequired: a destructive operation (erase, restore over a
	// keyring, importing a wallet key) needs the current passphrase or the
	// keyring's backup words.
	ErrProofRequired = errors.New("needs the current keyring passphrase or its backup words")
	// ErrFormat: a file or blob is malformed (before any cryptography ran).
	ErrFormat = errors.New("malformed data")
	// ErrParams: KDF parameters outside the accepted bounds.
	ErrParams = errors.New("KDF parameters out of bounds")
	// ErrInsecureFile: keyring readable by group/other, or behind a symlink,
	// or not a regular file.
	ErrInsecureFile = errors.New("keyring file is not private (need a regular file, not a symlink, mode 0600 or stricter)")
	// ErrMnemonic: the backup words are not a valid English BIP-39
	// mnemonic of 12, 15, 18, 21 or 24 words.
	ErrMnemonic = errors.New("invalid backup words")
	// ErrAddressMismatch: a restored mnemonic or imported key file does not
	// give the expected address.
	ErrAddressMismatch = errors.New("address mismatch")
	// ErrOpen: a sealed record failed authentication (tampered, wrong
	// category or record id, or shredded key).
	ErrOpen = errors.New("record authentication failed")
	// ErrUnknownEpoch: the record was sealed under a key epoch this keyring
	// no longer has (shredded or never known).
	ErrUnknownEpoch = errors.New("record key epoch unknown or shredded")
	// ErrEpochConflict: an imported key table has an epoch the keyring
	// also has, with another salt (the device rotated on its own before
	// importing); nothing is changed.
	ErrEpochConflict = errors.New("key table epoch conflicts with the keyring's")
	// ErrCategory: not one of the defined categories.
	ErrCategory = errors.New("unknown data category")
	// ErrNotAllowed: typed data is not one of our schemas.
	ErrNotAllowed = errors.New("typed data not on the allow-list")
	// ErrChainID: typed data or transaction for another chain.
	ErrChainID = errors.New("chain id mismatch")
	// ErrGrant: a grant failed verification.
	ErrGrant = errors.New("invalid grant")
	// ErrGrantExpired: the grant's expiry has passed (or the clock is unset).
	ErrGrantExpired = errors.New("grant expired")
	// ErrRevoked: sharing with this grantee/dataset was revoked.
	ErrRevoked = errors.New("sharing revoked")
	// ErrPassphrase: a new passphrase is unacceptable (empty or too short).
	ErrPassphrase = errors.New("passphrase too short")
)
