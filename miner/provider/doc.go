// Package provider is the selling side of paid calls: it serves a signed
// Offer (GET /v1/offer), answers paid calls (POST /v1/call/{service}) after
// verifying the payer's EIP-712 voucher and persisting it in bbolt (bucket
// "miner/provider"), signs a Receipt for every served call, reports the last
// voucher and receipt of a channel (GET /v1/channel/{id}) so a payer can
// recover, redeems vouchers on chain when the fee is at most 2% of what is
// redeemed or before a closing channel's delay runs out, and rate-limits
// each payer with a token bucket. The services themselves (speech-to-text
// through pocketsphinx or a Wyoming server, weather through an
// Open-Meteo-compatible upstream, knowledge through a Wikipedia-summary
// compatible upstream) implement the small Service interface.
//
// The wire protocol is documented in docs/protocol.md; the payer side lives
// in package wallet, which this package never imports (and vice versa).
//
// Who may import it: miner, agent and cmd/mycroft.
package provider
