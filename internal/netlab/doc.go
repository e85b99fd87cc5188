// Package netlab builds a small internet with homes behind NAT routers out
// of Linux network namespaces, for tests of peer-to-peer networking (issue
// 15: libp2p across home NATs) that must see real NAT mappings, filtering
// and hole punching rather than a mock.
//
// A Lab is one set of namespaces, named after the test process, removed
// when the test ends (and, when a crashed earlier run left some behind,
// removed by the next run). In it:
//
//   - the internet: a switch (a bridge in its own namespace) on
//     Lab.Internet (7.7.0.0/16), a public-looking range, so libp2p sees public
//     addresses (it treats the private, shared, loopback, link-local,
//     documentation and benchmarking ranges as non-public);
//   - Lab.Host: a machine on the internet with a public address;
//   - Lab.Home: a router with a public address on the internet and a LAN
//     (192.168.N.0/24) behind a NAT of the given NATKind, with stateful
//     filtering (replies come in, new inbound connections are dropped);
//   - Home.Host: a machine on that LAN, with a default route via the router;
//   - Home.PortMapping: the router offers port mapping (NAT-PMP and UPnP
//     IGD servers, run in the test process with their sockets in the
//     router's namespace), each mapping a real nft DNAT rule.
//
// Nothing in a lab is connected to the machine it runs on: every veth has
// both ends inside the lab's namespaces, and no namespace has a route out,
// so no packet addressed to the lab's internet (or anywhere else) can leave the
// lab and reach a real address.
//
// Programs run inside with Namespace.Command (a child process through
// `ip netns exec`), Namespace.Helper (the test binary itself, re-executed
// as a named helper: see RunHelper) or Namespace.Do (a Go function on an OS
// thread switched into the namespace; only sockets it opens are in the
// namespace, so servers are better run as child processes).
//
// It needs Linux, root, iproute2 (ip) and nftables (nft): New skips the test
// when not root, and fails it when root but the tools are missing. CI runs
// as root and installs both.
//
// Who may import it: tests only.
package netlab
