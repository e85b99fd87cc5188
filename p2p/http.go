package p2p

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"
	"github.com/libp2p/go-libp2p/core/network"
	"github.com/libp2p/go-libp2p/core/peer"
)

// ProtocolHTTP is the protocol of the node-to-node messages: one HTTP/1.1
// request and its answer per stream (docs/protocol.md, unchanged).
const ProtocolHTTP ProtocolID = "/mycroft/http/1.1"

// ServerLimits are the timeouts and caps of a server on libp2p streams,
// the same as netguard's for TCP; a stream is one request, so there is no
// keep-alive to bound. A zero field takes its default (DefaultServerLimits).
type ServerLimits struct {
	// ReadHeaderTimeout bounds reading a request's headers (default 10 s).
	ReadHeaderTimeout time.Duration
	// ReadTimeout bounds reading a whole request, body included (60 s).
	ReadTimeout time.Duration
	// WriteTimeout bounds a call from the end of its headers to the end of
	// its answer (120 s).
	WriteTimeout time.Duration
	// CallTimeout is the deadline on each request's context (90 s).
	CallTimeout time.Duration
	// MaxHeaderBytes caps a request's headers (16 KiB).
	MaxHeaderBytes int
}

// DefaultServerLimits returns netguard's defaults.
func DefaultServerLimits() ServerLimits {
	return ServerLimits{ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 60 * time.Second,
		WriteTimeout: 120 * time.Second, CallTimeout: 90 * time.Second, MaxHeaderBytes: 16 << 10}
}

func (l *ServerLimits) defaults() {
	d := DefaultServerLimits()
	set := func(v *time.Duration, def time.Duration) {
		if *v <= 0 {
			*v = def
		}
	}
	set(&l.ReadHeaderTimeout, d.ReadHeaderTimeout)
	set(&l.ReadTimeout, d.ReadTimeout)
	set(&l.WriteTimeout, d.WriteTimeout)
	set(&l.CallTimeout, d.CallTimeout)
	if l.MaxHeaderBytes <= 0 {
		l.MaxHeaderBytes = d.MaxHeaderBytes
	}
}

// Server returns an http.Server that serves h on a Listener (Serve(l)):
// with the limits' timeouts and header cap, the call deadline on each
// request's context, and the caller (CallerFrom, CallerOf) in it. Every
// answer closes its stream. log (may be nil) gets the server's own errors
// at debug level.
func Server(h http.Handler, lim ServerLimits, log *slog.Logger) *http.Server {
	lim.defaults()
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &http.Server{
		Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ctx, cancel := context.WithTimeout(r.Context(), lim.CallTimeout)
			defer cancel()
			w.Header().Set("Connection", "close")
			h.ServeHTTP(w, r.WithContext(ctx))
		}),
		ReadHeaderTimeout: lim.ReadHeaderTimeout,
		ReadTimeout:       lim.ReadTimeout,
		WriteTimeout:      lim.WriteTimeout,
		IdleTimeout:       lim.ReadHeaderTimeout,
		MaxHeaderBytes:    lim.MaxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelDebug),
		ConnContext: func(ctx context.Context, c net.Conn) context.Context {
			if sc, ok := c.(*streamConn); ok {
				return WithCaller(ctx, sc.caller)
			}
			return ctx
		},
	}
}

// CallerOf returns the caller of r: CallerFrom(r.Context()), or else from
// r.RemoteAddr, which is the caller's peer id for a request that came over
// a libp2p stream (so it also works behind a listener wrapper that hides
// the stream from Server's ConnContext).
func CallerOf(r *http.Request) (Caller, bool) {
	if c, ok := CallerFrom(r.Context()); ok {
		return c, true
	}
	id, err := peer.Decode(r.RemoteAddr)
	if err != nil {
		return Caller{}, false
	}
	a, err := AddressOf(id)
	if err != nil {
		return Caller{}, false
	}
	return Caller{Peer: id, Address: a}, true
}

// ErrWrongPeer is returned when the peer dialled is not the one expected:
// its key's address differs from the registered one, or the connection's
// remote peer is not the peer id asked for. Nothing of the request was
// sent.
var ErrWrongPeer = errors.New("p2p: peer is not the expected node")

// ClientLimits are the timeouts and caps of a RoundTripper. A zero field
// takes its default (DefaultClientLimits).
type ClientLimits struct {
	// DialTimeout bounds connecting to the peer and opening the stream
	// (default 15 s: a dial through a relay, or a hole punch, takes a few
	// round trips).
	DialTimeout time.Duration
	// ResponseHeaderTimeout bounds the wait for the answer's headers,
	// counted from the start of the request, its streamed body included
	// (default 120 s: 15 s of audio on a slow uplink, then a slow
	// speech-to-text run).
	ResponseHeaderTimeout time.Duration
	// IdleTimeout cuts a stream on which nothing was read or written for
	// this long while the request is sent or the answer read (default
	// 60 s).
	IdleTimeout time.Duration
	// MaxResponseHeaderBytes caps the answer's headers (default 16 KiB).
	MaxResponseHeaderBytes int64
}

// DefaultClientLimits returns the client's defaults.
func DefaultClientLimits() ClientLimits {
	return ClientLimits{DialTimeout: 15 * time.Second, ResponseHeaderTimeout: 120 * time.Second,
		IdleTimeout: 60 * time.Second, MaxResponseHeaderBytes: 16 << 10}
}

func (l *ClientLimits) defaults() {
	d := DefaultClientLimits()
	set := func(v *time.Duration, def time.Duration) {
		if *v <= 0 {
			*v = def
		}
	}
	set(&l.DialTimeout, d.DialTimeout)
	set(&l.ResponseHeaderTimeout, d.ResponseHeaderTimeout)
	set(&l.IdleTimeout, d.IdleTimeout)
	if l.MaxResponseHeaderBytes <= 0 {
		l.MaxResponseHeaderBytes = d.MaxResponseHeaderBytes
	}
}

// DialOption sets how a RoundTripper dials.
type DialOption func(*dialConfig)

type dialConfig struct {
	expect       *common.Address
	proto        ProtocolID
	limits       ClientLimits
	allowLimited string
	finder       PeerFinder
}

// Expect makes the RoundTripper refuse the peer unless the Ethereum address
// of its key is addr (the address the Registry lists for the provider the
// payer chose). The peer id is checked before dialling and the connection's
// remote peer again before any byte of the request is written.
func Expect(addr common.Address) DialOption {
	return func(c *dialConfig) { a := addr; c.expect = &a }
}

// WithProtocol sets the protocol streams are opened with (default
// ProtocolHTTP).
func WithProtocol(p ProtocolID) DialOption { return func(c *dialConfig) { c.proto = p } }

// WithLimits sets the client's timeouts and caps.
func WithLimits(l ClientLimits) DialOption { return func(c *dialConfig) { c.limits = l } }

// AllowLimited lets calls use a limited (relayed) connection: circuit v2
// relays cap such connections in time and bytes (by default 2 min and
// 128 KiB each way), so a long call over one may be cut; the reason is
// logged by libp2p.
func AllowLimited(reason string) DialOption {
	return func(c *dialConfig) { c.allowLimited = reason }
}

// PeerFinder finds where a peer is now, by its id: Discovery (the DHT)
// is one.
type PeerFinder interface {
	FindPeer(ctx context.Context, id peer.ID) (peer.AddrInfo, error)
}

// Find makes the RoundTripper look the peer up with f when it has no
// connection to it and cannot make one at the addresses it was given (a
// node whose address changed since it registered), or was given none (an
// endpoint that is only /p2p/<peer id>). It then dials what f found. The
// first attempt gets half of DialTimeout, the lookup and the second dial
// the rest. What f finds is only an address: the peer must still be the
// one asked for (the handshake proves its key) and pass Expect.
func Find(f PeerFinder) DialOption { return func(c *dialConfig) { c.finder = f } }

// RoundTripper returns an http.RoundTripper whose every request goes to
// the peer p (whatever the URL's host) on a new stream: the request is
// written with its body streamed (chunked when its length is unknown),
// and the answer's body is read from the stream as it arrives. Closing
// the answer's body closes the stream; cancelling the request's context
// resets it.
func (n *Host) RoundTripper(p peer.AddrInfo, opts ...DialOption) http.RoundTripper {
	c := dialConfig{proto: ProtocolHTTP}
	for _, o := range opts {
		o(&c)
	}
	c.limits.defaults()
	return &roundTripper{n: n, p: p, c: c}
}

// Client is an http.Client over RoundTripper(p, opts...). Redirects are
// not followed: a node never redirects.
func (n *Host) Client(p peer.AddrInfo, opts ...DialOption) *http.Client {
	return &http.Client{Transport: n.RoundTripper(p, opts...),
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

type roundTripper struct {
	n *Host
	p peer.AddrInfo
	c dialConfig
}

// checkPeer refuses id unless it is the peer asked for and (with Expect)
// its key's address is the expected one.
func (t *roundTripper) checkPeer(id peer.ID) error {
	if id != t.p.ID {
		return fmt.Errorf("%w: connected to %s, asked for %s", ErrWrongPeer, id, t.p.ID)
	}
	if t.c.expect == nil {
		return nil
	}
	a, err := AddressOf(id)
	if err != nil {
		return fmt.Errorf("%w: %s: %w", ErrWrongPeer, id, err)
	}
	if a != *t.c.expect {
		return fmt.Errorf("%w: peer %s has the key of %s, expected %s", ErrWrongPeer, id, a.Hex(), t.c.expect.Hex())
	}
	return nil
}

func (t *roundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	closeBody := func() {
		if req.Body != nil {
			_ = req.Body.Close()
		}
	}
	if err := t.checkPeer(t.p.ID); err != nil {
		closeBody()
		return nil, err
	}
	ctx := req.Context()
	if t.c.allowLimited != "" {
		ctx = network.WithAllowLimitedConn(ctx, t.c.allowLimited)
	}
	s, err := t.open(ctx)
	if err != nil {
		closeBody()
		return nil, err
	}
	if err := t.checkPeer(s.Conn().RemotePeer()); err != nil {
		_ = s.Reset()
		closeBody()
		return nil, err
	}
	return t.exchange(ctx, req, s)
}

func (t *roundTripper) open(ctx context.Context) (network.Stream, error) {
	dctx, cancel := context.WithTimeout(ctx, t.c.limits.DialTimeout)
	defer cancel()
	if err := t.connect(dctx); err != nil {
		return nil, err
	}
	s, err := t.n.h.NewStream(dctx, t.p.ID, t.c.proto)
	if err != nil {
		return nil, fmt.Errorf("p2p: open stream to %s: %w", t.p.ID, err)
	}
	return s, nil
}

// connect makes sure there is a connection to the peer: at the addresses
// given (and those the peerstore holds), then, with a finder, at those it
// finds. Without a finder and with no address given, NewStream dials what
// the peerstore knows.
func (t *roundTripper) connect(ctx context.Context) error {
	if t.c.finder == nil {
		if len(t.p.Addrs) == 0 {
			return nil
		}
		if err := t.n.h.Connect(ctx, t.p); err != nil {
			return fmt.Errorf("p2p: dial %s: %w", t.p.ID, err)
		}
		return nil
	}
	first, cancel := context.WithTimeout(ctx, t.c.limits.DialTimeout/2)
	derr := t.n.h.Connect(first, t.p) // no address known: fails at once
	cancel()
	if derr == nil {
		return nil
	}
	info, err := t.c.finder.FindPeer(ctx, t.p.ID)
	if err != nil {
		return fmt.Errorf("p2p: dial %s: %w; then not found: %w", t.p.ID, derr, err)
	}
	if info.ID != t.p.ID {
		return fmt.Errorf("%w: looked up %s, found %s", ErrWrongPeer, t.p.ID, info.ID)
	}
	if err := t.n.h.Connect(ctx, info); err != nil {
		return fmt.Errorf("p2p: dial %s at the addresses found (%v): %w", t.p.ID, info.Addrs, err)
	}
	return nil
}

// exchange writes req on s while it reads the answer, as net/http does: a
// server may answer (a refusal) before it has read the whole body.
func (t *roundTripper) exchange(ctx context.Context, req *http.Request, s network.Stream) (*http.Response, error) {
	ic := &idleConn{s: s, idle: t.c.limits.IdleTimeout}
	ic.touch()
	stop := context.AfterFunc(ctx, func() { _ = s.Reset() })
	r := req.Clone(ctx)
	r.Close = true // one request per stream
	written := make(chan error, 1)
	go func() {
		bw := bufio.NewWriterSize(ic, 32<<10)
		err := r.Write(bw)
		if err == nil {
			err = bw.Flush()
		}
		// No CloseWrite: net/http's server takes a half-closed stream
		// for a caller gone and cancels the call's context.
		written <- err
	}()
	hl := &headerLimit{r: ic, n: t.c.limits.MaxResponseHeaderBytes}
	timer := time.AfterFunc(t.c.limits.ResponseHeaderTimeout, func() { _ = s.Reset() })
	resp, err := http.ReadResponse(bufio.NewReader(hl), r)
	headerTimedOut := !timer.Stop()
	if err != nil {
		_ = s.Reset()
		if req.Body != nil {
			_ = req.Body.Close() // unblocks a writer stuck reading the body
		}
		werr := <-written
		stop()
		switch {
		case ctx.Err() != nil:
			return nil, fmt.Errorf("p2p: call %s: %w", t.p.ID, ctx.Err())
		case hl.exceeded:
			return nil, fmt.Errorf("p2p: call %s: answer headers larger than %d bytes", t.p.ID, t.c.limits.MaxResponseHeaderBytes)
		case headerTimedOut:
			return nil, fmt.Errorf("p2p: call %s: no answer within %s", t.p.ID, t.c.limits.ResponseHeaderTimeout)
		case werr != nil && !errors.Is(err, io.EOF):
			return nil, fmt.Errorf("p2p: call %s: send: %w", t.p.ID, werr)
		}
		return nil, fmt.Errorf("p2p: call %s: read answer: %w", t.p.ID, err)
	}
	hl.n = -1 // the body is not capped here
	resp.Body = &answerBody{ReadCloser: resp.Body, s: s, stop: stop, reqBody: req.Body}
	return resp, nil
}

// answerBody closes the stream when the answer is read or dropped.
type answerBody struct {
	io.ReadCloser
	s       network.Stream
	stop    func() bool
	reqBody io.Closer
	once    sync.Once
}

func (b *answerBody) Close() error {
	b.once.Do(func() {
		_ = b.ReadCloser.Close()
		b.stop()
		// Reset, not Close: a body dropped early must not wait for the
		// rest of the answer, and a request still being sent must stop.
		_ = b.s.Reset()
		if b.reqBody != nil {
			_ = b.reqBody.Close() // the writer, if still sending, stops
		}
	})
	return nil
}

// idleConn puts a fresh deadline on the stream before each read and write:
// a peer that stalls for IdleTimeout is cut.
type idleConn struct {
	s    network.Stream
	idle time.Duration
}

func (c *idleConn) touch() { _ = c.s.SetDeadline(time.Now().Add(c.idle)) }

func (c *idleConn) Read(p []byte) (int, error) {
	_ = c.s.SetReadDeadline(time.Now().Add(c.idle))
	return c.s.Read(p)
}

func (c *idleConn) Write(p []byte) (int, error) {
	_ = c.s.SetWriteDeadline(time.Now().Add(c.idle))
	return c.s.Write(p)
}

// headerLimit caps what is read through it while n ≥ 0; n < 0 lifts the
// cap.
type headerLimit struct {
	r        io.Reader
	n        int64
	exceeded bool
}

func (h *headerLimit) Read(p []byte) (int, error) {
	if h.n < 0 {
		return h.r.Read(p)
	}
	if h.n == 0 {
		h.exceeded = true
		return 0, errors.New("p2p: answer headers too large")
	}
	if int64(len(p)) > h.n {
		p = p[:h.n]
	}
	k, err := h.r.Read(p)
	h.n -= int64(k)
	return k, err
}
