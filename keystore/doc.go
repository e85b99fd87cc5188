// Package keystore owns the device owner's secrets: the BIP-39 backup words,
// the secp256k1 wallet key derived from them (m/44'/60'/0'/0/0) or imported
// from a Web3 v3 file (ImportWallet), the data
// root and the per-category key-encryption keys derived from it, the one
// keyring file that seals all of it under a passphrase (scrypt +
// XChaCha20-Poly1305), record sealing (Seal/Open), typed signing (EIP-712
// from an allow-list, EIP-191 personal_sign, transactions) and data-sharing
// grants. Operations that destroy or replace keys (Erase, Restore over a
// keyring, ImportWallet) need a Proof: the current passphrase or the
// keyring's backup words.
//
// Who may import it: agent (which holds the single Store), cmd/mycroft for
// the `mycroft keys ...` client, and tests. wallet, miner and voice must NOT
// import it: they declare the small interface they need (Seal/Open,
// Address/SignTypedData) and receive the Store from agent. The subpackage
// keystore/web3 (Web3 Secret Storage v3 import/export) may be imported by
// anyone.
//
// Nothing in this package logs or formats a secret: every secret-carrying
// type prints "[redacted]" through String, GoString, Format, MarshalJSON and
// LogValue. The design, formats, labels and guarantees are written down in
// docs/keys.md.
package keystore
