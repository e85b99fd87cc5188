package p2p

import (
	"context"
	"errors"
	"net"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/libp2p/go-libp2p/core/network"
	"github.com/libp2p/go-libp2p/core/peer"
)

// ErrListenerClosed is what Accept returns once the listener is closed.
var ErrListenerClosed = errors.New("p2p: listener closed")

// PeerAddr is the net.Addr of a stream's end: the peer id (String) and the
// multiaddr of the connection it rides on.
type PeerAddr struct {
	ID        peer.ID
	Multiaddr string
}

// Network is "libp2p".
func (a PeerAddr) Network() string { return "libp2p" }

// String is the peer id, so http.Request.RemoteAddr names the caller.
func (a PeerAddr) String() string { return a.ID.String() }

// streamConn is a libp2p stream seen as a net.Conn. Deadlines are the
// stream's own (yamux and QUIC both implement them).
type streamConn struct {
	network.Stream
	caller Caller
}

func (c *streamConn) LocalAddr() net.Addr {
	return PeerAddr{ID: c.Conn().LocalPeer(), Multiaddr: c.Conn().LocalMultiaddr().String()}
}

func (c *streamConn) RemoteAddr() net.Addr {
	return PeerAddr{ID: c.Conn().RemotePeer(), Multiaddr: c.Conn().RemoteMultiaddr().String()}
}

// Listener is a net.Listener of a host's inbound streams of one protocol.
// Make it with Host.Listen; Close unregisters the protocol.
type Listener struct {
	n      *Host
	proto  ProtocolID
	ch     chan *streamConn
	done   chan struct{}
	once   sync.Once
	accept time.Duration
}

// Listen registers proto on the host and returns the listener its inbound
// streams are accepted from. Streams of callers whose key is not
// secp256k1 are reset at once: they cannot be nodes. A stream not
// accepted within acceptWait (default 5 s: the server is saturated) is
// reset.
func (n *Host) Listen(proto ProtocolID, acceptWait time.Duration) (*Listener, error) {
	if proto == "" {
		return nil, errors.New("p2p: listen: no protocol id")
	}
	if acceptWait <= 0 {
		acceptWait = 5 * time.Second
	}
	l := &Listener{n: n, proto: proto, ch: make(chan *streamConn), done: make(chan struct{}), accept: acceptWait}
	n.h.SetStreamHandler(proto, l.handle)
	return l, nil
}

func (l *Listener) handle(s network.Stream) {
	remote := s.Conn().RemotePeer()
	addr, err := AddressOf(remote)
	if err != nil {
		l.n.log.Debug("p2p: stream refused", "peer", remote.String(), "err", err)
		_ = s.Reset()
		return
	}
	c := &streamConn{Stream: s, caller: Caller{Peer: remote, Address: addr, Relayed: s.Conn().Stat().Limited}}
	t := time.NewTimer(l.accept)
	defer t.Stop()
	select {
	case l.ch <- c:
	case <-l.done:
		_ = s.Reset()
	case <-t.C:
		l.n.log.Debug("p2p: stream not accepted in time", "peer", remote.String(), "protocol", string(l.proto))
		_ = s.Reset()
	}
}

// Accept waits for the next inbound stream.
func (l *Listener) Accept() (net.Conn, error) {
	select {
	case c := <-l.ch:
		return c, nil
	case <-l.done:
		return nil, ErrListenerClosed
	}
}

// Close unregisters the protocol; streams not yet accepted are reset.
func (l *Listener) Close() error {
	l.once.Do(func() {
		l.n.h.RemoveStreamHandler(l.proto)
		close(l.done)
	})
	return nil
}

// Addr is the host's own peer id.
func (l *Listener) Addr() net.Addr { return PeerAddr{ID: l.n.h.ID()} }

// Caller is who opened a stream: its peer id, authenticated by the
// transport's handshake, and the Ethereum address of its key.
type Caller struct {
	Peer    peer.ID
	Address common.Address
	// Relayed is true when the stream came over a relayed (limited)
	// connection: circuit relay v2 caps it in time and bytes.
	Relayed bool
}

type callerKey struct{}

// WithCaller returns ctx carrying c.
func WithCaller(ctx context.Context, c Caller) context.Context {
	return context.WithValue(ctx, callerKey{}, c)
}

// CallerFrom returns the caller Server put in a request's context; false
// for a request that did not come over a libp2p stream.
func CallerFrom(ctx context.Context) (Caller, bool) {
	c, ok := ctx.Value(callerKey{}).(Caller)
	return c, ok
}
