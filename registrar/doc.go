// Package registrar is the sign-up grant registrar: an HTTP service that
// checks a device's sign-up request (chain.SignUpRequest, signed by the
// device key) under its operator's policy and answers with the registrar
// key's EIP-712 SignUp signature (a chain.SignUpClaim anyone may submit to
// the Grants contract), and sends the owner a little native coin for gas.
//
// Policy: one grant per device key, per owner and per serial, kept in a
// bbolt database so a restart forgets nothing (the contract enforces once
// per owner and per device id as well, and is asked first); new claims per
// hour in total and per client address; an optional allow-list of device
// serials. Requests go through internal/netguard (timeouts, connection
// caps, a per-client token bucket) and a body limit.
//
// Who may import it: cmd/mycroft (the `mycroft registrar` command, left out
// of device builds) and tests. docs/registrar.md is the operator's guide.
package registrar
