package mark2

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"
	"time"
)

// The ring link: the agent runs unprivileged, and the R10 ring (GPIO12,
// the PWM block's serialiser) needs /dev/mem, so a minimal helper
// (cmd/mycroft-ring: CAP_SYS_RAWIO and /dev/mem, nothing else) owns the
// PWM ring channel and the agent sends it frames over a unix socket
// (DefaultRingSocket, mode 0660, group mycroft).
//
// Request: 'R', op, payload length (uint16, big-endian), payload.
//
//	op 1 (frame): the NRZ line bytes of one frame (EncodeNRZ), 1..MaxRingPayload
//	op 2 (off):   no payload; the helper sends an all-dark frame
//
// Reply: 'r', status (0 ok, 1 failed), message length (uint16,
// big-endian), message (why it failed, at most MaxRingMessage bytes).
const (
	// DefaultRingSocket is where the helper listens (systemd socket
	// activation: scripts/mycroft-ring.socket).
	DefaultRingSocket = "/run/mycroft-ring/ring.sock"
	// MaxRingPayload bounds a frame: an encoded 12-LED frame with its
	// latch is NRZFrameBytes (198).
	MaxRingPayload = 256
	// MaxRingMessage bounds a reply's message.
	MaxRingMessage = 256

	ringRequestMagic = 'R'
	ringReplyMagic   = 'r'
	// RingOpFrame and RingOpOff are the request operations.
	RingOpFrame = 1
	RingOpOff   = 2

	ringIOTimeout = 2 * time.Second
	ringIdle      = 10 * time.Minute
)

// ErrRingFrame is returned for a malformed request or reply.
var ErrRingFrame = errors.New("mark2: ring link: malformed message")

// ErrRingHelper wraps a failure the helper reported (the link itself is
// fine).
var ErrRingHelper = errors.New("mark2: ring helper")

// RingRequest is one request of the ring link.
type RingRequest struct {
	Op      byte
	Payload []byte
}

// ReadRingRequest reads one request. A malformed one is ErrRingFrame (the
// helper then drops the connection); io.EOF means the peer closed between
// requests.
func ReadRingRequest(r io.Reader) (RingRequest, error) {
	var h [4]byte
	if _, err := io.ReadFull(r, h[:]); err != nil {
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return RingRequest{}, fmt.Errorf("%w: truncated header", ErrRingFrame)
		}
		return RingRequest{}, err
	}
	n := int(binary.BigEndian.Uint16(h[2:]))
	switch {
	case h[0] != ringRequestMagic:
		return RingRequest{}, fmt.Errorf("%w: bad magic 0x%02x", ErrRingFrame, h[0])
	case h[1] == RingOpFrame && (n == 0 || n > MaxRingPayload):
		return RingRequest{}, fmt.Errorf("%w: frame of %d bytes, want 1..%d", ErrRingFrame, n, MaxRingPayload)
	case h[1] == RingOpOff && n != 0:
		return RingRequest{}, fmt.Errorf("%w: off with a %d-byte payload", ErrRingFrame, n)
	case h[1] != RingOpFrame && h[1] != RingOpOff:
		return RingRequest{}, fmt.Errorf("%w: unknown op %d", ErrRingFrame, h[1])
	}
	req := RingRequest{Op: h[1], Payload: make([]byte, n)}
	if _, err := io.ReadFull(r, req.Payload); err != nil {
		return RingRequest{}, fmt.Errorf("%w: truncated payload: %w", ErrRingFrame, err)
	}
	return req, nil
}

// AppendRingRequest appends the encoding of req to dst.
func AppendRingRequest(dst []byte, req RingRequest) []byte {
	dst = append(dst, ringRequestMagic, req.Op, 0, 0)
	binary.BigEndian.PutUint16(dst[len(dst)-2:], uint16(len(req.Payload)))
	return append(dst, req.Payload...)
}

// ReadRingReply reads one reply: nil for success, the helper's message as
// an error for a failure, ErrRingFrame for a malformed reply.
func ReadRingReply(r io.Reader) error {
	var h [4]byte
	if _, err := io.ReadFull(r, h[:]); err != nil {
		return fmt.Errorf("mark2: ring link: reply: %w", err)
	}
	n := int(binary.BigEndian.Uint16(h[2:]))
	if h[0] != ringReplyMagic || h[1] > 1 || n > MaxRingMessage || (h[1] == 0 && n != 0) {
		return fmt.Errorf("%w: bad reply header % x", ErrRingFrame, h)
	}
	if h[1] == 0 {
		return nil
	}
	msg := make([]byte, n)
	if _, err := io.ReadFull(r, msg); err != nil {
		return fmt.Errorf("%w: truncated reply: %w", ErrRingFrame, err)
	}
	return fmt.Errorf("%w: %q", ErrRingHelper, msg)
}

// appendRingReply appends a reply for err (nil: success).
func appendRingReply(dst []byte, err error) []byte {
	if err == nil {
		return append(dst, ringReplyMagic, 0, 0, 0)
	}
	msg := err.Error()
	if len(msg) > MaxRingMessage {
		msg = msg[:MaxRingMessage]
	}
	dst = append(dst, ringReplyMagic, 1, 0, 0)
	binary.BigEndian.PutUint16(dst[len(dst)-2:], uint16(len(msg)))
	return append(dst, msg...)
}

// ServeRing answers ring-link connections on ln with w (the helper's PWM
// ring channel) until ctx is done; then it closes ln and returns nil.
// Each connection has its goroutine; their frames reach w one at a time. A
// malformed request drops its connection.
func ServeRing(ctx context.Context, ln net.Listener, w NRZWriter, log *slog.Logger) error {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	stop := context.AfterFunc(ctx, func() { _ = ln.Close() })
	defer stop()
	var mu sync.Mutex // one connection writes at a time
	var wg sync.WaitGroup
	defer wg.Wait()
	var conns sync.Map
	defer conns.Range(func(c, _ any) bool { _ = c.(net.Conn).Close(); return true })
	for {
		c, err := ln.Accept()
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return fmt.Errorf("mark2: ring link: accept: %w", err)
		}
		conns.Store(c, nil)
		wg.Go(func() {
			defer conns.Delete(c)
			defer c.Close()
			if err := serveRingConn(c, w, &mu); !errors.Is(err, io.EOF) && ctx.Err() == nil {
				log.Warn("mark2: ring link", "err", err)
			}
		})
	}
}

// serveRingConn answers requests on c until an error; io.EOF when the
// peer closed between requests.
func serveRingConn(c net.Conn, w NRZWriter, mu *sync.Mutex) error {
	dark := EncodeNRZ(nil, make([]byte, RingLEDs*3))
	var out []byte
	for {
		_ = c.SetReadDeadline(time.Now().Add(ringIdle))
		req, err := ReadRingRequest(c)
		if err != nil {
			return err
		}
		line := req.Payload
		if req.Op == RingOpOff {
			line = dark
		}
		mu.Lock()
		werr := w.WriteNRZ(line)
		mu.Unlock()
		_ = c.SetWriteDeadline(time.Now().Add(ringIOTimeout))
		if _, err := c.Write(appendRingReply(out[:0], werr)); err != nil {
			return fmt.Errorf("mark2: ring link: reply: %w", err)
		}
	}
}

// RingClient is the agent's end of the ring link: an NRZWriter that sends
// each frame to the helper at Path and waits for its answer. It dials on
// first use and again after any error.
type RingClient struct {
	Path string

	mu   sync.Mutex
	conn net.Conn
	buf  []byte
}

// WriteNRZ implements NRZWriter.
func (c *RingClient) WriteNRZ(line []byte) error {
	if len(line) == 0 || len(line) > MaxRingPayload {
		return fmt.Errorf("mark2: ring link: frame of %d bytes, want 1..%d", len(line), MaxRingPayload)
	}
	return c.send(RingRequest{Op: RingOpFrame, Payload: line})
}

// Off asks the helper to darken the ring.
func (c *RingClient) Off() error { return c.send(RingRequest{Op: RingOpOff}) }

func (c *RingClient) send(req RingRequest) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.conn == nil {
		conn, err := net.DialTimeout("unix", c.Path, ringIOTimeout)
		if err != nil {
			return fmt.Errorf("mark2: ring link: %w", err)
		}
		c.conn = conn
	}
	c.buf = AppendRingRequest(c.buf[:0], req)
	_ = c.conn.SetDeadline(time.Now().Add(ringIOTimeout))
	_, err := c.conn.Write(c.buf)
	if err == nil {
		err = ReadRingReply(c.conn)
	}
	if err != nil && !errors.Is(err, ErrRingHelper) {
		_ = c.conn.Close()
		c.conn = nil
	}
	if err != nil {
		return fmt.Errorf("mark2: ring link: %w", err)
	}
	return nil
}

func (c *RingClient) String() string { return "helper" }

// Close closes the connection to the helper.
func (c *RingClient) Close() error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.conn == nil {
		return nil
	}
	err := c.conn.Close()
	c.conn = nil
	return err
}

var _ NRZWriter = (*RingClient)(nil)
