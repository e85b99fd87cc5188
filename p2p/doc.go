// Package p2p is the node network: a libp2p host whose identity is the
// node's secp256k1 wallet key, so its peer id proves its on-chain address,
// and the protocol's HTTP messages (docs/protocol.md) carried over libp2p
// streams, unchanged.
//
// What it holds today:
//
//   - Host (New): TCP and QUIC transports only, Noise and TLS 1.3, yamux;
//     a resource manager with fixed limits sized for a Raspberry Pi and a
//     connection manager (Limits); relay client, hole punching, NAT port
//     mapping, AutoNAT v2 and the relay service as Config switches, all off
//     unless asked for; no Prometheus metrics.
//   - Identity: AddressOf maps a peer id to the Ethereum address of its key
//     (secp256k1 ids only), PeerIDOf and Identity go the other way.
//   - HTTP over libp2p: Host.Listen gives a net.Listener of inbound streams
//     of one protocol, Server an http.Server with timeouts and header caps
//     that tells the handler who called (CallerFrom); Host.RoundTripper
//     dials one peer, refuses it unless its key is the expected address
//     (Expect) before any byte of the request leaves, and streams bodies
//     both ways.
//   - Endpoints: ParseEndpoint reads a Registry endpoint, an http(s) URL or
//     a multiaddr ending in /p2p/<peer id> (EndpointOf makes one).
//     NodeTransport dials a node by its endpoint, expecting the registered
//     address (what the wallet's PeerTransport asks for).
//   - Discovery (NewDiscovery): the node network's own Kademlia DHT
//     (/mycroft/kad/1.0.0), peer routing only, joined through configured
//     bootstrap peers; NodeTransport.Finder (Find) looks a node up when its
//     endpoint's address no longer reaches it or it has none.
//
// See docs/network.md for what comes next.
//
// Who may import it: agent (which wires the host into the provider, the
// wallet and the storage node), cmd/mycroft and tests. wallet and miner see
// it only through small interfaces of their own (an http.RoundTripper, a
// net.Listener).
package p2p
