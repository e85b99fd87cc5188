package p2p

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/libp2p/go-libp2p/core/peer"
	ma "github.com/multiformats/go-multiaddr"
)

// MaxEndpointLength is the longest endpoint the Registry stores
// (chain.MaxEndpointLength; p2p does not import chain).
const MaxEndpointLength = 256

// ErrBadEndpoint is returned for an endpoint that is neither form.
var ErrBadEndpoint = errors.New("p2p: bad endpoint")

// Endpoint is a node's Registry endpoint, parsed: an http(s) URL (URL
// set) or a libp2p multiaddr that ends in /p2p/<peer id> (Peer set, its
// ID a secp256k1 key whose address is Address).
type Endpoint struct {
	URL     string        // "http://192.0.2.10:8470", without a trailing slash
	Peer    peer.AddrInfo // the peer id and the address to dial
	Address common.Address
}

// IsLibp2p reports whether the endpoint is a libp2p multiaddr.
func (e Endpoint) IsLibp2p() bool { return e.Peer.ID != "" }

// ParseEndpoint parses a Registry endpoint: "http://host:port" or
// "https://..." (a URL with a host and nothing after the path), or a
// multiaddr such as "/ip4/192.0.2.10/tcp/4001/p2p/16Uiu2HA..." whose last
// component is the peer id of a secp256k1 key (a node's wallet key; other
// key types are refused, they have no address). At most
// MaxEndpointLength bytes. This is the one place endpoints are read.
func ParseEndpoint(s string) (Endpoint, error) {
	if s == "" {
		return Endpoint{}, fmt.Errorf("%w: empty", ErrBadEndpoint)
	}
	if len(s) > MaxEndpointLength {
		return Endpoint{}, fmt.Errorf("%w: %d bytes, at most %d", ErrBadEndpoint, len(s), MaxEndpointLength)
	}
	if strings.HasPrefix(s, "/") {
		return parseMultiaddrEndpoint(s)
	}
	u, err := url.Parse(s)
	if err != nil {
		return Endpoint{}, fmt.Errorf("%w: %v", ErrBadEndpoint, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil ||
		u.RawQuery != "" || u.Fragment != "" || u.Opaque != "" {
		return Endpoint{}, fmt.Errorf("%w: %q is not an http(s) URL of a host (or a /p2p/ multiaddr)", ErrBadEndpoint, s)
	}
	return Endpoint{URL: strings.TrimSuffix(s, "/")}, nil
}

func parseMultiaddrEndpoint(s string) (Endpoint, error) {
	m, err := ma.NewMultiaddr(s)
	if err != nil {
		return Endpoint{}, fmt.Errorf("%w: multiaddr: %v", ErrBadEndpoint, err)
	}
	transport, id := peer.SplitAddr(m)
	if id == "" {
		return Endpoint{}, fmt.Errorf("%w: multiaddr %q does not end in /p2p/<peer id>", ErrBadEndpoint, s)
	}
	addr, err := AddressOf(id)
	if err != nil {
		return Endpoint{}, fmt.Errorf("%w: %v", ErrBadEndpoint, err)
	}
	info := peer.AddrInfo{ID: id}
	if transport != nil {
		info.Addrs = []ma.Multiaddr{transport}
	}
	return Endpoint{Peer: info, Address: addr}, nil
}

// EndpointOf is the endpoint a node with peer id id announces at the
// transport address addr (e.g. "/ip4/192.0.2.10/tcp/4001"):
// addr + "/p2p/" + id. It is checked with ParseEndpoint.
func EndpointOf(addr ma.Multiaddr, id peer.ID) (string, error) {
	if addr == nil {
		return "", fmt.Errorf("%w: no address", ErrBadEndpoint)
	}
	if _, last := ma.SplitLast(addr); last != nil && last.Code() == ma.P_P2P {
		return "", fmt.Errorf("%w: %s already names a peer", ErrBadEndpoint, addr)
	}
	s := addr.String() + "/p2p/" + id.String()
	if _, err := ParseEndpoint(s); err != nil {
		return "", err
	}
	return s, nil
}

// NodeTransport reaches nodes by their Registry endpoint over Host: it is
// what the wallet's PeerTransport asks for. Options apply to every
// transport it makes (limits; Expect is always added). Finder, when set
// (the DHT, Discovery), finds a node its endpoint's address no longer
// reaches, or whose endpoint has no address (Find).
type NodeTransport struct {
	Host    *Host
	Options []DialOption
	Finder  PeerFinder
}

// RoundTripper parses a libp2p endpoint and returns Host.RoundTripper to
// its peer with Expect(node): a peer whose key is not node's is refused
// (ErrWrongPeer) before any byte of a request is sent, and before any
// lookup. An http(s) endpoint is not for this transport (ErrBadEndpoint).
// A bare "/p2p/<peer id>" endpoint is dialled at what the host already
// knows of the peer, else found through Finder.
func (t NodeTransport) RoundTripper(endpoint string, node common.Address) (http.RoundTripper, error) {
	if t.Host == nil {
		return nil, errors.New("p2p: node transport: no host")
	}
	e, err := ParseEndpoint(endpoint)
	if err != nil {
		return nil, err
	}
	if !e.IsLibp2p() {
		return nil, fmt.Errorf("%w: %q is not a libp2p endpoint", ErrBadEndpoint, endpoint)
	}
	opts := append(append([]DialOption(nil), t.Options...), Expect(node))
	if t.Finder != nil {
		opts = append(opts, Find(t.Finder))
	}
	return t.Host.RoundTripper(e.Peer, opts...), nil
}
