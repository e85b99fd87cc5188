// Package wallet is the spending side of paid calls. It holds no key: it
// signs EIP-712 vouchers through a Signer (the keystore) and seals its
// payment history through a Sealer (the keystore's data keys, category
// "queries", since a payment record says what the owner asked and when).
//
// It keeps one payment channel per provider (opened with a deposit sized
// by the owner's Limits, topped up when low, closed and withdrawn on
// request), persists every voucher in bbolt (buckets under "wallet/",
// committed with fsync) BEFORE the voucher leaves the device, enforces the
// owner's limits (price per call, daily budget, exposure per provider)
// with errors the voice layer can speak (LimitError wrapping ErrOverPrice,
// ErrOverBudget, ErrOverExposure), chooses providers from the Registry
// (stake-weighted random among healthy providers under the price ceiling)
// and fails over to the next on error or timeout, verifies the provider's
// signed offer and every receipt, and recovers its channels from the chain
// and the providers' last receipts after a crash or a lost database.
//
// The wire protocol is documented in docs/protocol.md; the provider side
// is miner/provider, which this package never imports (and vice versa).
//
// Who may import it: agent and cmd/mycroft. Voice reaches it through the
// small interfaces it declares (Transcribe, Weather, Knowledge), wired by
// the agent.
package wallet
