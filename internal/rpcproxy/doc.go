// Package rpcproxy is a test helper: a JSON-RPC reverse proxy that stands
// in front of a node (geth --dev) the way public RPC services behave. It
// refuses eth_getLogs ranges wider than a limit with a real provider's
// error, drops every n-th request (the connection closes without an
// answer) and rate-limits every m-th with HTTP 429 and Retry-After.
//
// Who may import it: tests only.
package rpcproxy
