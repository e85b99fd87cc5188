// Package update installs the releases governance approved: it learns of
// the latest release from the chain (the Releases contract, owned by the
// Timelock), fetches the binary for the device's architecture from a
// configured HTTP mirror or from storage nodes, checks its size and sha256
// against the chain before anything else, installs it into the inactive
// slot of an A/B pair and switches to it; the new binary must become
// healthy within the health timeout, else the device goes back to the
// previous slot by itself and says why.
//
// The pieces:
//
//   - Version: semver packed as major<<32 | minor<<16 | patch, as the
//     contract keeps it.
//   - Manifest: release.json, what a maintainer writes to propose a
//     release (ParseManifest, BuildArtifact).
//   - Fetcher: mirrors (GET <mirror>/<sha256 hex>, resumable with Range)
//     and storage nodes (the release set: chunk 0 is the index of the
//     data chunks' hashes, chunks 1.. the binary in 64 KiB pieces; its
//     Merkle root is on chain: SplitRelease, Publish).
//   - Slots: <dir>/{a,b}/mycroft, the symlink <dir>/current and
//     <dir>/state.json (the trial of a new slot, its attempts and deadline,
//     the last rollback). Launch is what `mycroft agent` runs first: the
//     installed binary acts as the stable launcher of the A/B pair and
//     executes the current slot, or rolls back a trial that failed.
//   - Updater: the service that polls, applies (never while the owner
//     speaks or a paid call is in flight), holds the health gate and rolls
//     back.
//
// Who may import it: agent, cmd/mycroft and tests. It imports chain (the
// Releases client's types and the Merkle tree) and miner/storage (the
// storage node client), never wallet, voice or agent.
package update
