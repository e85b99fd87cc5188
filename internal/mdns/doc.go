// Package mdns is a minimal multicast DNS responder (RFC 6762) with DNS
// service discovery records (RFC 6763) for one service instance: it
// answers PTR queries for the service type (and for
// _services._dns-sd._udp), SRV and TXT queries for the instance and A
// queries for the host, with the addresses of the interface the query
// came in on, and announces the instance when it starts and says goodbye
// when it stops. Queries from a port other than 5353 (one-shot queriers,
// RFC 6762 §6.7) and queries asking for a unicast answer get one.
//
// It is what the Home Assistant satellite (agent/satellite) needs to be
// found as _wyoming._tcp; a full resolver or cache is not its job. It
// shares port 5353 with a running avahi-daemon (SO_REUSEADDR/REUSEPORT).
// Standard library and golang.org/x/net only.
package mdns
