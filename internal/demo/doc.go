// Package demo runs the whole Mycroft network on one machine for `mycroft
// demo` and its end-to-end test: the development chain in process, then a
// provider node, two storage nodes and the owner's agent on the simulated
// board as child processes of the same binary (each with its own state
// directory, socket, config file and log), and a spoken session whose every
// number is checked (balances to the wei, receipts, faceplate states, the
// vote on chain, the backup and its restore). Only cmd/mycroft imports it
// (it links the dev chain, so never in a device build).
package demo
