// Package agent is the mycroft daemon: the one composition root (New) that
// opens the state database and the board and wires keystore, chain, wallet,
// voice and miner together; the lifecycle of its services (Run together,
// Close in reverse order); the health registry that lets a missing peripheral
// or an unreachable chain degrade the agent instead of killing it; the
// configuration file; and the local API, HTTP/JSON over a unix socket under
// /v1, that every other `mycroft` subcommand is a client of.
//
// Only cmd/mycroft imports agent. Only the agent opens the bbolt database.
package agent
