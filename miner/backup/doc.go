// Package backup is the owner's side of storage: the device's own encrypted
// backup (settings, history, voice if kept; never the keyring) split into
// fixed-size chunks, each sealed with the keystore's "backups" category,
// committed under one Merkle root on N storage nodes chosen from the
// Registry, audited on a schedule and repaired on another node when a node
// fails; and restored on a fresh device from the mnemonic alone.
//
// Where the manifest lives: the manifest (root, leaf hashes, chunk size,
// the nodes and their signed commitments) is sealed with the backups
// category (record id "backup/manifest"), put with the keystore's key table
// into a storage.SignedManifest the owner signs (EIP-712 BackupManifest,
// with a growing sequence), and left on every node that holds the data,
// under the owner's address (PUT /v1/manifests/{address}: nodes keep only
// manifests that address signed, newest by sequence), and in the local
// database. A fresh device restores the keyring from the mnemonic, which
// gives the address and the backups key; it lists the storage nodes in the
// Registry, fetches the manifests kept under its address, ignores those the
// owner did not sign, imports the newest one's key table (so data sealed
// after a key rotation opens) and opens it, then fetches and opens the
// chunks.
//
// Who may import it: agent and cmd/mycroft.
package backup
