// Package demo runs the whole Mycroft network on one machine for `mycroft
// demo` and its end-to-end test: the development chain in process, then a
// provider node, two storage nodes and the owner's agent on the simulated
// board as child processes of the same binary (each with its own state
// directory, socket, config file and log, and its libp2p host on
// 127.0.0.1: the paid calls and the backup go over libp2p, as between
// homes; the miners serve no plain HTTP), and a spoken session whose every
// number is checked (balances to the wei, receipts, faceplate states, the
// vote on chain, the backup and its restore).
//
// The provider sells weather and knowledge from a local server that
// serves canned answers in Open-Meteo's and Wikipedia's formats (testdata/openmeteo,
// testdata/wikipedia), so the demo needs no network.
//
// The screen: on a terminal the owner's face keeps the bottom rows and the
// story scrolls above it in a VT100 scroll region (screen.go); the agent
// draws its face on a pseudo-terminal of its own whose frames the demo
// copies there (facefeed.go). Output that is not a terminal gets plain
// lines. Only cmd/mycroft imports it (it links the dev chain, so never in a
// device build).
package demo
