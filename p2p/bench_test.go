package p2p

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"
)

// Connection setup: dial, handshake (Noise on TCP, TLS 1.3 in QUIC), muxer
// negotiation, on loopback. Each iteration closes the connection first.
func BenchmarkConnect(b *testing.B) {
	for _, name := range []string{"tcp", "quic"} {
		b.Run(name, func(b *testing.B) {
			server, client := newHost(b, transports[name]), newHost(b, transports[name])
			info := server.AddrInfo()
			ctx := context.Background()
			for b.Loop() {
				if err := client.Libp2p().Connect(ctx, info); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				_ = client.Libp2p().Network().ClosePeer(info.ID)
				for len(server.Libp2p().Network().ConnsToPeer(client.ID())) > 0 {
					time.Sleep(time.Millisecond)
				}
				b.StartTimer()
			}
		})
	}
}

// A call's round trip: a request body of the given size up, a 64-byte
// answer down, on an open connection; libp2p (a new stream per call) next
// to plain HTTP on loopback TCP with keep-alive (the node port today).
func BenchmarkRoundTrip(b *testing.B) {
	answer := []byte(strings.Repeat("x", 64))
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		_, _ = w.Write(answer)
	})
	for _, size := range []int{1 << 10, 100 << 10} {
		body := bytes.Repeat([]byte{'b'}, size)
		for _, name := range []string{"libp2p-tcp", "libp2p-quic", "http-loopback"} {
			b.Run(fmt.Sprintf("%s/%dKiB", name, size>>10), func(b *testing.B) {
				var hc *http.Client
				if name == "http-loopback" {
					ln, err := net.Listen("tcp", "127.0.0.1:0")
					if err != nil {
						b.Fatal(err)
					}
					srv := &http.Server{Handler: handler}
					go func() { _ = srv.Serve(ln) }()
					b.Cleanup(func() { srv.Close() })
					hc = &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
					hc.Transport.(*http.Transport).MaxIdleConnsPerHost = 4
					hc.Transport.(*http.Transport).ForceAttemptHTTP2 = false
					b.Cleanup(hc.CloseIdleConnections)
					hc.Transport = &urlRewrite{rt: hc.Transport, host: ln.Addr().String()}
				} else {
					listen := transports[strings.TrimPrefix(name, "libp2p-")]
					server, client := newHost(b, listen), newHost(b, listen)
					serve(b, server, handler, ServerLimits{})
					hc = client.Client(server.AddrInfo(), Expect(server.Address()))
				}
				call := func() {
					resp, err := hc.Post("http://node/v1/call/stt", "application/octet-stream", bytes.NewReader(body))
					if err != nil {
						b.Fatal(err)
					}
					_, _ = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
				}
				call() // connect outside the timing
				b.SetBytes(int64(size))
				for b.Loop() {
					call()
				}
			})
		}
	}
}

type urlRewrite struct {
	rt   http.RoundTripper
	host string
}

func (u *urlRewrite) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.URL.Host = u.host
	return u.rt.RoundTrip(r)
}

// TestIdleRSS measures a host's idle resident memory in its own process:
// P2P_RSS=1 go test -run TestIdleRSS -v ./p2p. It logs the RSS before New,
// after 5 s idle (TCP and QUIC on 127.0.0.1, no peers), and the
// difference. Skipped otherwise: it is a measurement, not a check.
func TestIdleRSS(t *testing.T) {
	if os.Getenv("P2P_RSS") == "" {
		t.Skip("set P2P_RSS=1 to measure")
	}
	runtime.GC()
	before := rss(t)
	h := newHost(t, []string{"/ip4/127.0.0.1/tcp/0", "/ip4/127.0.0.1/udp/0/quic-v1"})
	time.Sleep(5 * time.Second)
	after := rss(t)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t.Logf("RSS before New %.1f MB, idle host %.1f MB, added %.1f MB; heap in use %.1f MiB; %d goroutines; listening on %v",
		float64(before)/1e6, float64(after)/1e6, float64(after-before)/1e6, float64(ms.HeapInuse)/(1<<20), runtime.NumGoroutine(), h.AddrInfo().Addrs)
}

func rss(t *testing.T) int64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skipf("no /proc here: %v", err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmRSS:") {
			var kb int64
			fmt.Sscanf(strings.TrimSpace(strings.TrimPrefix(line, "VmRSS:")), "%d", &kb)
			return kb * 1024
		}
	}
	t.Skip("no VmRSS")
	return 0
}
