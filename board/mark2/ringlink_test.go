package mark2

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"path/filepath"
	"sync"
	"testing"
)

// recNRZ records the frames the helper side writes; fail makes it fail.
type recNRZ struct {
	mu     sync.Mutex
	frames [][]byte
	fail   error
}

func (r *recNRZ) WriteNRZ(line []byte) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.fail != nil {
		return r.fail
	}
	r.frames = append(r.frames, append([]byte(nil), line...))
	return nil
}

func (r *recNRZ) String() string { return "rec" }

func (r *recNRZ) got() [][]byte {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([][]byte(nil), r.frames...)
}

// serveRingAt starts ServeRing on a unix socket in a temporary directory.
func serveRingAt(t *testing.T, w NRZWriter) (path string, stop func()) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "ring.sock")
	return path, serveRingOn(t, path, w)
}

// serveRingOn starts ServeRing on a unix socket at path.
func serveRingOn(t *testing.T, path string, w NRZWriter) (stop func()) {
	t.Helper()
	ln, err := net.Listen("unix", path)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ServeRing(ctx, ln, w, nil) }()
	return func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("ServeRing: %v", err)
		}
	}
}

func TestRingLink(t *testing.T) {
	rec := &recNRZ{}
	path, stop := serveRingAt(t, rec)
	defer stop()
	c := &RingClient{Path: path}
	defer c.Close()

	// A ring driven through the client: what reaches the helper is the
	// same NRZ frame a local writer would get.
	ring := NewRingNRZ(c)
	if err := ring.Halt(); err != nil {
		t.Fatal(err)
	}
	frame := EncodeNRZ(nil, bytes.Repeat([]byte{0x10, 0x20, 0x30}, RingLEDs))
	if err := c.WriteNRZ(frame); err != nil {
		t.Fatal(err)
	}
	if err := c.Off(); err != nil {
		t.Fatal(err)
	}
	dark := EncodeNRZ(nil, make([]byte, RingLEDs*3))
	got := rec.got()
	if len(got) != 3 || !bytes.Equal(got[0], dark) || !bytes.Equal(got[1], frame) || !bytes.Equal(got[2], dark) {
		t.Fatalf("helper wrote %d frames %x, want dark, the frame, dark", len(got), got)
	}

	// A failure on the helper's side comes back with its reason, and the
	// link stays usable.
	rec.mu.Lock()
	rec.fail = errors.New("pwm block stalled")
	rec.mu.Unlock()
	err := c.WriteNRZ(frame)
	if !errors.Is(err, ErrRingHelper) || !bytes.Contains([]byte(err.Error()), []byte("pwm block stalled")) {
		t.Fatalf("helper failure: %v, want ErrRingHelper with the reason", err)
	}
	rec.mu.Lock()
	rec.fail = nil
	rec.mu.Unlock()
	if err := c.WriteNRZ(frame); err != nil {
		t.Fatalf("after a helper failure: %v", err)
	}

	// Frames the protocol cannot carry are refused before sending.
	for _, n := range []int{0, MaxRingPayload + 1} {
		if err := c.WriteNRZ(make([]byte, n)); err == nil {
			t.Errorf("frame of %d bytes: no error", n)
		}
	}
}

// TestRingLinkMalformed: a malformed request gets no answer and its
// connection is dropped; the helper goes on serving others.
func TestRingLinkMalformed(t *testing.T) {
	rec := &recNRZ{}
	path, stop := serveRingAt(t, rec)
	defer stop()
	for _, bad := range [][]byte{
		{'X', RingOpFrame, 0, 1, 0},       // bad magic
		{'R', 9, 0, 0},                    // unknown op
		{'R', RingOpFrame, 0, 0},          // empty frame
		{'R', RingOpFrame, 0x01, 0x01},    // 257 bytes
		{'R', RingOpOff, 0, 1, 0},         // off with a payload
		{'R', RingOpFrame, 0, 4, 1, 2, 3}, // truncated, then closed
	} {
		conn, err := net.Dial("unix", path)
		if err != nil {
			t.Fatal(err)
		}
		conn.Write(bad)
		if uc, ok := conn.(*net.UnixConn); ok {
			uc.CloseWrite()
		}
		if b, _ := io.ReadAll(conn); len(b) != 0 {
			t.Errorf("request % x: got a reply % x, want the connection dropped", bad, b)
		}
		conn.Close()
	}
	if n := len(rec.got()); n != 0 {
		t.Errorf("malformed requests wrote %d frames", n)
	}
	c := &RingClient{Path: path}
	defer c.Close()
	if err := c.Off(); err != nil {
		t.Fatalf("a good client after bad ones: %v", err)
	}
}

// TestRingClientRedials: the helper restarting (socket activation starts a
// new one) costs one failed frame at most.
func TestRingClientRedials(t *testing.T) {
	rec := &recNRZ{}
	path, stop := serveRingAt(t, rec)
	c := &RingClient{Path: path}
	defer c.Close()
	if err := c.Off(); err != nil {
		t.Fatal(err)
	}
	stop()
	if err := c.Off(); err == nil {
		t.Fatal("no error with the helper gone")
	}
	defer serveRingOn(t, path, rec)()
	if err := c.Off(); err != nil {
		t.Fatalf("after the helper came back: %v", err)
	}
}

func TestRingRequestRoundTrip(t *testing.T) {
	for _, req := range []RingRequest{
		{Op: RingOpFrame, Payload: []byte{1}},
		{Op: RingOpFrame, Payload: bytes.Repeat([]byte{0xFF}, MaxRingPayload)},
		{Op: RingOpOff, Payload: []byte{}},
	} {
		got, err := ReadRingRequest(bytes.NewReader(AppendRingRequest(nil, req)))
		if err != nil || got.Op != req.Op || !bytes.Equal(got.Payload, req.Payload) {
			t.Errorf("round trip of op %d (%d bytes): %+v, %v", req.Op, len(req.Payload), got, err)
		}
	}
	if _, err := ReadRingRequest(bytes.NewReader(nil)); !errors.Is(err, io.EOF) {
		t.Errorf("empty stream: %v, want io.EOF", err)
	}
}

func FuzzReadRingRequest(f *testing.F) {
	f.Add(AppendRingRequest(nil, RingRequest{Op: RingOpFrame, Payload: make([]byte, NRZFrameBytes)}))
	f.Add(AppendRingRequest(nil, RingRequest{Op: RingOpOff}))
	f.Add([]byte{'R', RingOpFrame, 0xFF, 0xFF, 1})
	f.Fuzz(func(t *testing.T, b []byte) {
		req, err := ReadRingRequest(bytes.NewReader(b))
		if err != nil {
			return
		}
		if (req.Op == RingOpFrame && (len(req.Payload) == 0 || len(req.Payload) > MaxRingPayload)) ||
			(req.Op == RingOpOff && len(req.Payload) != 0) || (req.Op != RingOpFrame && req.Op != RingOpOff) {
			t.Fatalf("accepted op %d with %d bytes", req.Op, len(req.Payload))
		}
		if enc := AppendRingRequest(nil, req); !bytes.Equal(enc, b[:len(enc)]) {
			t.Fatalf("re-encoding % x differs from the input % x", enc, b)
		}
	})
}

func FuzzReadRingReply(f *testing.F) {
	f.Add(appendRingReply(nil, nil))
	f.Add(appendRingReply(nil, errors.New("stalled")))
	f.Add([]byte{'r', 1, 0xFF, 0xFF})
	f.Fuzz(func(t *testing.T, b []byte) {
		err := ReadRingReply(bytes.NewReader(b))
		if err == nil && !bytes.HasPrefix(b, []byte{'r', 0, 0, 0}) {
			t.Fatalf("% x read as success", b)
		}
	})
}

// nopNRZ takes frames and keeps nothing.
type nopNRZ struct{}

func (nopNRZ) WriteNRZ([]byte) error { return nil }
func (nopNRZ) String() string        { return "nop" }

// BenchmarkRingLink: one ring frame from the agent to the helper and its
// answer, over a real unix socket (the cost the helper adds to each
// animation frame, against 33 ms per frame at 30 fps).
func BenchmarkRingLink(b *testing.B) {
	path := filepath.Join(b.TempDir(), "ring.sock")
	ln, err := net.Listen("unix", path)
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- ServeRing(ctx, ln, nopNRZ{}, nil) }()
	defer func() { cancel(); <-done }()
	c := &RingClient{Path: path}
	defer c.Close()
	frame := EncodeNRZ(nil, bytes.Repeat([]byte{0x10, 0x20, 0x30}, RingLEDs))
	b.SetBytes(int64(len(frame)))
	b.ReportAllocs()
	for b.Loop() {
		if err := c.WriteNRZ(frame); err != nil {
			b.Fatal(err)
		}
	}
}
