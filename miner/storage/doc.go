// Package storage is the storage node: it keeps other owners' encrypted,
// content-addressed chunks as files on disk (never in bbolt), within the
// owner's disk quota, answers audits (a chunk index → the chunk and its
// Merkle proof against the root the data owner holds), signs storage
// commitments the data owner can take to the Registry, answers on-chain
// challenges before their deadline, and keeps the small sealed backup
// manifests owners leave under their address (kept only if signed by that
// address: SignedManifest).
//
// A chunk's address is its Registry leaf hash, keccak256(0x00 || chunk)
// (chain.LeafHash), so the node checks every upload against its address
// and the same hash is the Merkle leaf.
//
// The node signs a commitment only for the data owner and only for chunks
// that owner paid for: a commit request carries the owner's EIP-712
// StorageRequest signature for this node (chain.StorageRequestTypedData),
// and the node records who paid for every chunk (the provider's payer,
// provider.PayerFrom, or whom a Rent charged; Free on a node that charges
// nothing). Sets hold at most MaxLeaves leaves and their records count
// against the quota with the chunks; every request body is bounded at what
// its endpoint takes (see Node.Commit and the API in server.go).
//
// Layout under the node's directory:
//
//	chunks/ab/cd/<64 hex>   one file per chunk, two levels of fan-out
//	sets/<64 hex root>.json one file per committed data set
//	payers.log              who paid for each chunk (52-byte records)
//	manifests/<address>/<seq> the owner's newest signed manifests
//	quarantine/             chunks that failed verification
//	tmp/                    writes in progress (cleared at start)
//
// Every write is temp file → fsync → rename → fsync of the directory, so a
// crash or a full disk (ENOSPC) never leaves a half-written chunk under a
// valid name.
//
// Who may import it: agent, cmd/mycroft, miner and miner/backup (tests).
package storage
