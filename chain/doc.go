// Package chain owns everything the device does with the EVM chain: the
// Solidity sources (contracts/), their committed artifacts (artifacts/) and
// Go bindings (bindings/), and a typed client (Client) over any JSON-RPC
// endpoint, or several with failover and per-endpoint health (DialPool),
// with nonce management, gas estimation, fees by chain preset (Preset) and
// receipts; every log read goes through one bounded, resumable,
// reorg-aware scanner (LogScanner). Plus the
// EIP-712 typed data (Voucher, Receipt, Offer, Ballot, Storage, SignUp), the
// Merkle tree used by storage challenges, the on-chain service encoding and
// the deployment manifest.
//
// wallet, miner, agent, keystore consumers and cmd may import it. It never
// imports chain/devnet, which only cmd/ and tests may import.
package chain
