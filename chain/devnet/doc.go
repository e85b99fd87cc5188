// Package devnet runs an in-process go-ethereum development chain for
// development, tests and the demo: a node serving JSON-RPC over HTTP and
// WebSocket on loopback, sealing a block as soon as a transaction arrives
// and on a short period, with every Mycroft contract deployed from the
// committed artifacts, the given accounts funded with native coin and MYC,
// and a deployment manifest. Each block moves the chain clock at least a
// second, so under a heavy load (many blocks a second) the chain's time runs
// ahead of the wall clock.
//
// It links the whole go-ethereum node and must never be part of a device
// build: only cmd/ and tests may import it (and nothing in chain imports it).
package devnet
