// Package miner is the earning side of the agent: the owner's consent and
// caps (Settings, persisted in bbolt bucket "miner/settings"), the idle
// policy that runs mining work only when the speaker is idle and pauses it
// at once on voice activity (Miner.VoiceActive), the low-priority worker
// process (WorkerMain, StartWorker) and staking in the on-chain Registry
// through a small interface (Registry).
//
// Subpackages: miner/pause (the pause gate every piece of mining work
// observes), miner/merkle (the Registry's Merkle tree), miner/storage (the
// storage node: chunks on disk, audits, on-chain challenges), miner/backup
// (the owner's own encrypted backup on storage nodes) and miner/provider
// (paid calls, owned separately).
//
// Who may import it: agent and cmd/mycroft. It never imports wallet or voice;
// the voice pipeline reaches it through the method VoiceActive, wired by the
// agent.
package miner
