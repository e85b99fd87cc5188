// Package relay is a provider's relaying service: it submits, and pays the
// gas of, transactions a device with no native coin has signed, so gas
// never blocks an owner.
//
//   - POST /v1/relay/open: a channel open (chain.SignedOpen: the payer's
//     Open and EIP-2612 permit). The relayer is paid the fee the payer
//     signed, in MYC, in the same transaction (Channels.openWithPermit).
//   - POST /v1/relay/claim: a sign-up grant claim (the registrar's
//     signature and the owner's ClaimRelay naming this relayer). The
//     relayer is paid the Grants' relay fee out of the grant
//     (Grants.claimRelayed).
//   - the paid service "relay" (POST /v1/call/relay, paid by voucher like
//     any call): a ballot (castVoteBySig) or a vote delegation
//     (delegateBySig), which pay nothing on chain.
//
// Every action is estimated before it is sent (an action that would revert
// costs the relayer nothing), each payer is rate-limited, and an open must
// pay at least the relayer's fee and, unless the operator allows others,
// open a channel to the relayer itself. The wire format is in
// docs/protocol.md ("Relaying").
//
// Who may import it: agent.
package relay
