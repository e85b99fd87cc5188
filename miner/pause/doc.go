// Package pause is the gate every piece of mining work observes so the
// owner's voice always wins: Pause is an atomic store plus a channel
// broadcast, so workers stop between chunks or blocks, and Quiesced tells
// when the last piece of work in flight has returned.
//
// Who may import it: miner and its subpackages (miner/provider included),
// and agent, which wires the voice pipeline to the owning Miner.
package pause
