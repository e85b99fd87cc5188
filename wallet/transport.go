package wallet

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/ethereum/go-ethereum/common"
)

// PeerTransport gives the HTTP transport to a node whose Registry endpoint
// is a libp2p multiaddr ("/ip4/…/tcp/…/p2p/<peer id>", docs/protocol.md)
// rather than an http(s) URL. The agent's p2p host implements it
// (p2p.Host.RoundTripper with p2p.Expect). The transport must refuse a
// peer whose key is not node's before any byte of a request is sent, and
// send every request to that peer whatever the URL's host.
type PeerTransport interface {
	RoundTripper(endpoint string, node common.Address) (http.RoundTripper, error)
}

// peerClient is the reused client of one node reached over libp2p.
type peerClient struct {
	endpoint string
	c        *http.Client
}

// isURL reports whether an endpoint is an http(s) URL (the other form is
// a libp2p multiaddr, which the PeerTransport reads).
func isURL(endpoint string) bool {
	return strings.HasPrefix(endpoint, "http://") || strings.HasPrefix(endpoint, "https://")
}

// client returns the HTTP client for the node at endpoint and the base URL
// its paths go under: the wallet's own client and the endpoint for an
// http(s) URL; for a libp2p endpoint, one client per node, made once from
// the PeerTransport and reused until the node's endpoint changes. Its base
// URL names the node's address (the transport ignores the host). Timeouts
// are the caller's context, as over TCP.
func (w *Wallet) client(node common.Address, endpoint string) (*http.Client, string, error) {
	if isURL(endpoint) {
		return w.cfg.HTTP, strings.TrimSuffix(endpoint, "/"), nil
	}
	base := "http://" + strings.ToLower(node.Hex())
	if w.cfg.Peers == nil {
		return nil, "", fmt.Errorf("wallet: %s is reached over libp2p (%q) and this node's p2p is off", node.Hex(), endpoint)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if pc, ok := w.peers[node]; ok && pc.endpoint == endpoint {
		return pc.c, base, nil
	}
	rt, err := w.cfg.Peers.RoundTripper(endpoint, node)
	if err != nil {
		return nil, "", fmt.Errorf("wallet: %s: %w", node.Hex(), err)
	}
	c := &http.Client{Transport: rt}
	w.peers[node] = peerClient{endpoint: endpoint, c: c}
	return c, base, nil
}
