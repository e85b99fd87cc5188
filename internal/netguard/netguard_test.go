package netguard

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/internal/bucket"
)

// serve runs g in front of h on a fresh loopback port and returns its
// address.
func serve(t *testing.T, g *Guard, h http.Handler) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := g.Server(h)
	go srv.Serve(g.Listener(ln))
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

// dialFrom opens a TCP connection to addr from the loopback address src
// (Linux routes all of 127.0.0.0/8 to lo).
func dialFrom(t *testing.T, src, addr string) net.Conn {
	t.Helper()
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(src)}}
	c, err := d.Dial("tcp", addr)
	if err != nil {
		t.Skipf("cannot dial from %s (loopback aliases unavailable?): %v", src, err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// get sends one GET on c and returns the status, or an error if the
// connection was closed.
func get(c net.Conn, br *bufio.Reader) (int, error) {
	if _, err := fmt.Fprintf(c, "GET / HTTP/1.1\r\nHost: x\r\n\r\n"); err != nil {
		return 0, err
	}
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		return 0, err
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode, nil
}

var ok = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })

// frozen is a clock that never moves: buckets never refill.
func frozen() time.Time { return time.Unix(1_800_000_000, 0) }

func TestConnectionCaps(t *testing.T) {
	cases := []struct {
		name            string
		total, perIP    int
		dial            []string // source address of each connection, in order
		wantOpen        int      // how many of them answer a request
		wantRefusedConn int64
	}{
		{"per-client cap", 100, 3, []string{"127.0.0.2", "127.0.0.2", "127.0.0.2", "127.0.0.2", "127.0.0.2", "127.0.0.3"}, 4, 2},
		{"total cap", 4, 4, []string{"127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5", "127.0.0.6", "127.0.0.7"}, 4, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			g, err := New(Config{MaxConns: tc.total, MaxConnsPerClient: tc.perIP, Rate: -1})
			if err != nil {
				t.Fatal(err)
			}
			addr := serve(t, g, ok)
			conns := make([]net.Conn, len(tc.dial))
			for i, src := range tc.dial {
				conns[i] = dialFrom(t, src, addr)
				// One request each, in order, so accept order is dial order.
				_, _ = get(conns[i], bufio.NewReader(conns[i]))
			}
			open := 0
			for i, c := range conns {
				st, err := get(c, bufio.NewReader(c))
				if err == nil && st == http.StatusNoContent {
					open++
				} else {
					t.Logf("conn %d from %s: status %d, %v", i, tc.dial[i], st, err)
				}
			}
			if open != tc.wantOpen {
				t.Errorf("caps total %d, per client %d, dials %v: %d connections serve, want %d", tc.total, tc.perIP, tc.dial, open, tc.wantOpen)
			}
			if got := g.Stats().RefusedConn; got != tc.wantRefusedConn {
				t.Errorf("refused connections %d, want %d", got, tc.wantRefusedConn)
			}
		})
	}
}

// A closed connection gives its slot back.
func TestConnectionSlotFreed(t *testing.T) {
	g, err := New(Config{MaxConns: 10, MaxConnsPerClient: 1, Rate: -1})
	if err != nil {
		t.Fatal(err)
	}
	addr := serve(t, g, ok)
	for i := range 5 {
		c := dialFrom(t, "127.0.0.2", addr)
		if st, err := get(c, bufio.NewReader(c)); err != nil || st != http.StatusNoContent {
			t.Fatalf("connection %d after closing the one before: status %d, %v; want 204", i, st, err)
		}
		c.Close()
		// The server notices the close on its next read; wait for it.
		for g.Stats().Open != 0 {
			time.Sleep(time.Millisecond)
		}
	}
}

func TestRateLimitBeforeHandler(t *testing.T) {
	cases := []struct {
		name       string
		cfg        Config
		src        string
		requests   int
		wantServed int64
	}{
		{"burst then refused", Config{Rate: 1, Burst: 5, Now: frozen}, "127.0.0.2", 12, 5},
		{"exempt client", Config{Rate: 1, Burst: 5, Now: frozen, Exempt: []netip.Prefix{netip.MustParsePrefix("127.0.0.2/32")}}, "127.0.0.2", 12, 12},
		{"limit off", Config{Rate: -1, Now: frozen}, "127.0.0.2", 12, 12},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var ran atomic.Int64
			g, err := New(tc.cfg)
			if err != nil {
				t.Fatal(err)
			}
			addr := serve(t, g, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { ran.Add(1) }))
			c := dialFrom(t, tc.src, addr)
			br := bufio.NewReader(c)
			limited := 0
			for i := range tc.requests {
				st, err := get(c, br)
				if err != nil {
					t.Fatalf("request %d: %v", i, err)
				}
				if st == http.StatusTooManyRequests {
					limited++
				}
			}
			if got := ran.Load(); got != tc.wantServed {
				t.Errorf("%d requests from %s: handler ran %d times, want %d", tc.requests, tc.src, got, tc.wantServed)
			}
			if want := tc.requests - int(tc.wantServed); limited != want {
				t.Errorf("429 answers %d, want %d", limited, want)
			}
		})
	}
}

// Each client has its own bucket: one client's flood leaves another's
// tokens alone.
func TestRateLimitPerClient(t *testing.T) {
	g, err := New(Config{Rate: 1, Burst: 2, Now: frozen})
	if err != nil {
		t.Fatal(err)
	}
	addr := serve(t, g, ok)
	a := dialFrom(t, "127.0.0.2", addr)
	ab := bufio.NewReader(a)
	for range 10 {
		_, _ = get(a, ab)
	}
	b := dialFrom(t, "127.0.0.3", addr)
	if st, err := get(b, bufio.NewReader(b)); err != nil || st != http.StatusNoContent {
		t.Errorf("other client after a flood: status %d, %v; want 204", st, err)
	}
}

func TestCallDeadline(t *testing.T) {
	g, err := New(Config{CallTimeout: 7 * time.Second, Rate: -1})
	if err != nil {
		t.Fatal(err)
	}
	got := make(chan time.Duration, 1)
	addr := serve(t, g, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		dl, ok := r.Context().Deadline()
		if !ok {
			got <- 0
			return
		}
		got <- time.Until(dl)
	}))
	resp, err := http.Get("http://" + addr)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if d := <-got; d <= 0 || d > 7*time.Second {
		t.Errorf("handler's deadline in %s, want within the 7s call timeout", d)
	}
}

// A body that never ends is cut by the read timeout; the handler sees an
// error, not a stuck read.
func TestSlowBodyCut(t *testing.T) {
	g, err := New(Config{ReadHeaderTimeout: 50 * time.Millisecond, ReadTimeout: 200 * time.Millisecond, Rate: -1})
	if err != nil {
		t.Fatal(err)
	}
	res := make(chan error, 1)
	addr := serve(t, g, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, err := io.Copy(io.Discard, r.Body)
		res <- err
	}))
	c := dialFrom(t, "127.0.0.2", addr)
	fmt.Fprintf(c, "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\nabc")
	if err := <-res; err == nil {
		t.Errorf("reading a body that stalls: no error, want a timeout")
	}
}

// An idle keep-alive connection is closed after IdleTimeout.
func TestIdleClosed(t *testing.T) {
	g, err := New(Config{IdleTimeout: 100 * time.Millisecond, Rate: -1})
	if err != nil {
		t.Fatal(err)
	}
	addr := serve(t, g, ok)
	c := dialFrom(t, "127.0.0.2", addr)
	br := bufio.NewReader(c)
	if _, err := get(c, br); err != nil {
		t.Fatal(err)
	}
	if _, err := br.ReadByte(); !errors.Is(err, io.EOF) {
		t.Errorf("idle connection: read %v, want EOF (closed by the server)", err)
	}
}

func TestClientKey(t *testing.T) {
	cases := []struct {
		addr   string
		want   string
		wantOK bool
	}{
		{"192.0.2.7:5000", "192.0.2.7/32", true},
		{"[2001:db8:1:2:3:4:5:6]:443", "2001:db8:1:2::/64", true},
		{"[2001:db8:1:2:ffff::1]:443", "2001:db8:1:2::/64", true},
		{"[::ffff:192.0.2.7]:80", "192.0.2.7/32", true},
		{"[fe80::1%eth0]:80", "fe80::/64", true},
		{"pipe", "", false},
		{"", "", false},
	}
	for _, tc := range cases {
		got, ok := ClientKey(tc.addr)
		if ok != tc.wantOK || (ok && got.String() != tc.want) {
			t.Errorf("ClientKey(%q) = %v, %v; want %s, %v", tc.addr, got, ok, tc.want, tc.wantOK)
		}
	}
}

// The bucket table never holds more than MaxClients.
func TestBucketTableBounded(t *testing.T) {
	now := frozen()
	b := bucket.New[netip.Prefix](1, 2, 16, func() time.Time { return now })
	for i := range 1000 {
		k := netip.PrefixFrom(netip.AddrFrom4([4]byte{10, 0, byte(i >> 8), byte(i)}), 32)
		b.Take(k)
		b.Take(k)
		if n := b.Len(); n > 16 {
			t.Fatalf("after %d clients: %d buckets, want at most 16", i+1, n)
		}
	}
}

func TestValidate(t *testing.T) {
	cases := []struct {
		name string
		cfg  Config
		want string
	}{
		{"zero is defaults", Config{}, ""},
		{"negative timeout", Config{IdleTimeout: -1}, "negative"},
		{"header above read", Config{ReadHeaderTimeout: 2 * time.Second, ReadTimeout: time.Second}, "read header timeout"},
		{"per client above total", Config{MaxConns: 2, MaxConnsPerClient: 3}, "per-client cap"},
	}
	for _, tc := range cases {
		_, err := New(tc.cfg)
		if (tc.want == "") != (err == nil) || (err != nil && !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("%s: New(%+v) = %v, want error containing %q", tc.name, tc.cfg, err, tc.want)
		}
	}
}

func FuzzClientKey(f *testing.F) {
	for _, s := range []string{"192.0.2.7:5000", "[2001:db8::1]:1", "[::ffff:1.2.3.4]:0", "[fe80::1%lo]:9", "x", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k, ok := ClientKey(s)
		if ok && (!k.IsValid() || (k.Bits() != 32 && k.Bits() != 64)) {
			t.Errorf("ClientKey(%q) = %v: not a /32 or /64", s, k)
		}
	})
}

// ExampleGuard puts a guard in front of a handler.
func ExampleGuard() {
	g, err := New(Config{MaxConnsPerClient: 8, Rate: 10, Burst: 20})
	if err != nil {
		fmt.Println(err)
		return
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Println(err)
		return
	}
	srv := g.Server(ok)
	go srv.Serve(g.Listener(ln))
	defer srv.Shutdown(context.Background())
	resp, err := http.Get("http://" + ln.Addr().String())
	if err != nil {
		fmt.Println(err)
		return
	}
	resp.Body.Close()
	fmt.Println(resp.StatusCode, g.Config().IdleTimeout)
	// Output: 204 30s
}
