// Package netguard is the one guard every network-facing HTTP server of the
// daemon runs behind (the node port today, any port added later). It wraps
// a net.Listener and an http.Handler with:
//
//   - read, write and idle timeouts and a header size cap on the
//     http.Server it builds;
//   - a connection cap, in total and per client, enforced at accept: a
//     connection beyond either cap is closed at once;
//   - a deadline on every call (the request's context);
//   - a token bucket per client, taken before the handler runs, so a flood
//     costs no signature check, chain read or disk write downstream.
//
// A client is its remote address: an IPv4 address, or the /64 prefix of an
// IPv6 address (a home gets a whole /64). Its tables are bounded: the
// connection counts by the connection cap, the buckets by MaxClients (full
// buckets are evicted first). Time is injected for tests.
//
// Who may import it: agent (which wires it in front of each listener),
// registrar (the sign-up grant registrar's port) and tests. It imports only
// the standard library and internal/bucket.
package netguard
