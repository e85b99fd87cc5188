package p2p

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"
	gethcrypto "github.com/ethereum/go-ethereum/crypto"
	"github.com/libp2p/go-libp2p/core/peer"
	ma "github.com/multiformats/go-multiaddr"
)

var transports = map[string][]string{
	"tcp":  {"/ip4/127.0.0.1/tcp/0"},
	"quic": {"/ip4/127.0.0.1/udp/0/quic-v1"},
}

// newHost starts a host with a fresh key on 127.0.0.1 and closes it when
// the test ends.
func newHost(t testing.TB, listen []string) *Host {
	t.Helper()
	k, err := gethcrypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	id, err := IdentityFromECDSA(k)
	if err != nil {
		t.Fatal(err)
	}
	h, err := New(context.Background(), Config{Identity: id, ListenAddrs: listen, PublishPrivateAddrs: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Close() })
	return h
}

// serve serves handler over ProtocolHTTP on h until the test ends.
func serve(t testing.TB, h *Host, handler http.Handler, lim ServerLimits) {
	t.Helper()
	l, err := h.Listen(ProtocolHTTP, 0)
	if err != nil {
		t.Fatal(err)
	}
	srv := Server(handler, lim, nil)
	done := make(chan struct{})
	go func() { defer close(done); _ = srv.Serve(l) }()
	t.Cleanup(func() { srv.Close(); <-done })
}

// A paid call's shape: a 1 MiB body of unknown length streamed up, the
// handler sees the caller's address, a 1 MiB answer streamed down.
func TestStreamedCall(t *testing.T) {
	for name, listen := range transports {
		t.Run(name, func(t *testing.T) {
			server, client := newHost(t, listen), newHost(t, listen)
			const size = 1 << 20
			serve(t, server, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				c, ok := CallerOf(r)
				if !ok || c.Address != client.Address() || c.Peer != client.ID() {
					http.Error(w, fmt.Sprintf("caller %+v %v, want %s", c, ok, client.Address().Hex()), http.StatusForbidden)
					return
				}
				if r.ContentLength != -1 || len(r.TransferEncoding) == 0 || r.TransferEncoding[0] != "chunked" {
					http.Error(w, fmt.Sprintf("length %d encoding %v, want chunked", r.ContentLength, r.TransferEncoding), http.StatusBadRequest)
					return
				}
				hsh := sha256.New()
				n, err := io.Copy(hsh, r.Body)
				if err != nil {
					http.Error(w, err.Error(), http.StatusBadRequest)
					return
				}
				w.Header().Set("X-Body-Sha256", hex.EncodeToString(hsh.Sum(nil)))
				w.Header().Set("X-Body-Len", fmt.Sprint(n))
				w.Header().Set("X-Caller", c.Address.Hex())
				chunk := bytes.Repeat([]byte{'a'}, 64<<10)
				for range size / len(chunk) {
					if _, err := w.Write(chunk); err != nil {
						return
					}
					w.(http.Flusher).Flush()
				}
			}), ServerLimits{})

			pr, pw := io.Pipe()
			body := make([]byte, size)
			for i := range body {
				body[i] = byte(i * 7)
			}
			go func() {
				for off := 0; off < size; off += 10000 {
					end := min(off+10000, size)
					if _, err := pw.Write(body[off:end]); err != nil {
						return
					}
				}
				pw.Close()
			}()
			req, _ := http.NewRequest(http.MethodPost, "http://provider/v1/call/stt?grammar=x", pr)
			hc := client.Client(server.AddrInfo(), Expect(server.Address()))
			resp, err := hc.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			got, err := io.ReadAll(resp.Body)
			if err != nil {
				t.Fatalf("read answer: %v", err)
			}
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status %d: %s", resp.StatusCode, got)
			}
			sum := sha256.Sum256(body)
			if h := resp.Header.Get("X-Body-Sha256"); h != hex.EncodeToString(sum[:]) || resp.Header.Get("X-Body-Len") != fmt.Sprint(size) {
				t.Errorf("server got body sha256 %s len %s, want %x len %d", h, resp.Header.Get("X-Body-Len"), sum, size)
			}
			if len(got) != size || strings.Trim(string(got), "a") != "" {
				t.Errorf("answer: %d bytes, want %d bytes of 'a'", len(got), size)
			}
			if resp.Header.Get("X-Caller") != client.Address().Hex() {
				t.Errorf("handler saw caller %s, want %s", resp.Header.Get("X-Caller"), client.Address().Hex())
			}
		})
	}
}

// A payer that expects provider X and reaches a node with another key is
// refused before any byte of the request leaves: the handler never runs.
func TestWrongPeerRefused(t *testing.T) {
	for name, listen := range transports {
		t.Run(name, func(t *testing.T) {
			impostor, client := newHost(t, listen), newHost(t, listen)
			registered := common.HexToAddress(vectorAddr)
			var reached atomic.Int64
			serve(t, impostor, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { reached.Add(1) }), ServerLimits{})
			l2, _ := impostor.Listen("/probe/1", 0) // any stream at all would show here
			go func() {
				for {
					c, err := l2.Accept()
					if err != nil {
						return
					}
					reached.Add(1)
					c.Close()
				}
			}()
			t.Cleanup(func() { l2.Close() })

			vectorRaw, _ := hex.DecodeString(vectorKey)
			vectorID, _ := PeerIDOf(vectorRaw)
			for _, tc := range []struct {
				name string
				info peer.AddrInfo
			}{
				// The impostor's own id: its key is not the registered address.
				{"impostor id", impostor.AddrInfo()},
				// The registered node's id at the impostor's address: the
				// handshake proves another key.
				{"registered id at impostor address", peer.AddrInfo{ID: vectorID, Addrs: impostor.AddrInfo().Addrs}},
			} {
				body := &countingReader{r: strings.NewReader("voucher and audio")}
				req, _ := http.NewRequest(http.MethodPost, "http://provider/v1/call/stt", body)
				_, err := client.Client(tc.info, Expect(registered), WithProtocol("/probe/1")).Do(req)
				if err == nil {
					t.Fatalf("%s: call succeeded, want a refusal", tc.name)
				}
				if tc.name == "impostor id" && !errors.Is(err, ErrWrongPeer) {
					t.Errorf("%s: error %v, want ErrWrongPeer", tc.name, err)
				}
				if body.n.Load() != 0 {
					t.Errorf("%s: %d bytes of the body were read, want 0", tc.name, body.n.Load())
				}
				t.Logf("%s: %v", tc.name, err)
			}
			time.Sleep(100 * time.Millisecond) // a stream, had one been opened, would have arrived
			if n := reached.Load(); n != 0 {
				t.Errorf("the impostor saw %d streams, want 0", n)
			}
		})
	}
}

type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	k, err := c.r.Read(p)
	c.n.Add(int64(k))
	return k, err
}

// A server that never answers is cut by the client's deadline, and a
// client that stalls in its body is cut by the server's.
func TestStallsAreCut(t *testing.T) {
	for name, listen := range transports {
		t.Run(name, func(t *testing.T) {
			server, client := newHost(t, listen), newHost(t, listen)
			release := make(chan struct{})
			t.Cleanup(func() { close(release) })
			bodyErr := make(chan error, 1)
			serve(t, server, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/stall" {
					select {
					case <-release:
					case <-r.Context().Done():
					}
					return
				}
				_, err := io.Copy(io.Discard, r.Body)
				bodyErr <- err
			}), ServerLimits{ReadTimeout: 300 * time.Millisecond, ReadHeaderTimeout: 300 * time.Millisecond})

			hc := client.Client(server.AddrInfo(), WithLimits(ClientLimits{ResponseHeaderTimeout: 300 * time.Millisecond}))
			resp, err := hc.Get("http://provider/stall")
			if err == nil {
				resp.Body.Close()
				t.Fatal("a server that never answers: call succeeded, want a timeout")
			}
			if !strings.Contains(err.Error(), "no answer within") {
				t.Errorf("stalled server: error %v, want the answer timeout", err)
			}

			pr, pw := io.Pipe()
			defer pw.Close()
			go func() { _, _ = pw.Write([]byte("a little, then nothing")) }()
			req, _ := http.NewRequest(http.MethodPost, "http://provider/upload", pr)
			hc = client.Client(server.AddrInfo())
			go func() {
				if resp, err := hc.Do(req); err == nil {
					resp.Body.Close()
				}
			}()
			select {
			case err := <-bodyErr:
				if err == nil {
					t.Error("stalled body: the server read it to the end, want a deadline error")
				}
			case <-time.After(30 * time.Second):
				t.Fatal("stalled body: the server's read deadline never fired")
			}
		})
	}
}

// Many calls on one connection, each on its own stream, half as many at
// once as the per-peer limit of served calls (a stream the client is done
// with is released on the server a moment later; beyond the limit the
// resource manager resets streams: the cap doing its job).
func TestConcurrentStreams(t *testing.T) {
	for name, listen := range transports {
		t.Run(name, func(t *testing.T) {
			server, client := newHost(t, listen), newHost(t, listen)
			serve(t, server, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				_, _ = io.Copy(w, r.Body)
			}), ServerLimits{})
			hc := client.Client(server.AddrInfo(), Expect(server.Address()))
			const calls = 200
			var wg sync.WaitGroup
			errs := make(chan error, calls)
			sem := make(chan struct{}, DefaultLimits().HTTPStreamsPerPeer/2)
			for i := range calls {
				wg.Go(func() {
					sem <- struct{}{}
					defer func() { <-sem }()
					want := strings.Repeat(fmt.Sprint(i), 1000)
					resp, err := hc.Post("http://provider/echo", "text/plain", strings.NewReader(want))
					if err != nil {
						errs <- err
						return
					}
					defer resp.Body.Close()
					got, err := io.ReadAll(resp.Body)
					if err != nil || string(got) != want {
						errs <- fmt.Errorf("call %d: got %d bytes (%v), want %d", i, len(got), err, len(want))
					}
				})
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Error(err)
			}
			if n := len(client.Libp2p().Network().ConnsToPeer(server.ID())); n != 1 {
				t.Errorf("%d connections to the server, want 1", n)
			}
		})
	}
}

// Hosts that served calls close without leaving goroutines behind.
func TestCloseLeavesNoGoroutines(t *testing.T) {
	before := runtime.NumGoroutine()
	for _, listen := range transports {
		func() {
			tb := &cleanupTB{TB: t}
			defer tb.run()
			server, client := newHost(tb, listen), newHost(tb, listen)
			serve(tb, server, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = io.Copy(w, r.Body) }), ServerLimits{})
			resp, err := client.Client(server.AddrInfo()).Post("http://p/echo", "text/plain", strings.NewReader("hello"))
			if err != nil {
				t.Fatal(err)
			}
			_, _ = io.ReadAll(resp.Body)
			resp.Body.Close()
		}()
	}
	waitGoroutines(t, before, "closing the hosts")
}

// waitGoroutines fails t unless the goroutine count falls back to before
// (give or take the runtime's and testing's own) within 10 s of what.
func waitGoroutines(t *testing.T, before int, what string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		now := runtime.NumGoroutine()
		if now <= before+2 {
			return
		}
		if time.Now().After(deadline) {
			buf := make([]byte, 1<<20)
			t.Fatalf("%d goroutines before, %d after %s:\n%s", before, now, what, buf[:runtime.Stack(buf, true)])
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// cleanupTB runs its cleanups when run is called, not at the test's end.
type cleanupTB struct {
	testing.TB
	fns []func()
}

func (c *cleanupTB) Cleanup(f func()) { c.fns = append(c.fns, f) }
func (c *cleanupTB) run() {
	for i := len(c.fns) - 1; i >= 0; i-- {
		c.fns[i]()
	}
}

func TestConfigRefusals(t *testing.T) {
	raw, _ := hex.DecodeString(vectorKey)
	id, _ := IdentityFromRaw(raw)
	for _, tc := range []struct {
		name string
		cfg  Config
	}{
		{"no identity", Config{}},
		{"hole punching without relay client", Config{Identity: id, HolePunching: true}},
		{"bad listen address", Config{Identity: id, ListenAddrs: []string{"127.0.0.1:4001"}}},
		{"port out of range", Config{Identity: id, Port: 70000}},
		{"high water below low", Config{Identity: id, ListenAddrs: transports["tcp"], Limits: Limits{LowWater: 50, HighWater: 10}}},
	} {
		h, err := New(context.Background(), tc.cfg)
		if err == nil {
			h.Close()
			t.Errorf("%s: New succeeded, want an error", tc.name)
		}
	}
}

// The default listen addresses are TCP and QUIC on one port, all
// interfaces.
func TestDefaultListen(t *testing.T) {
	raw, _ := hex.DecodeString(vectorKey)
	id, _ := IdentityFromRaw(raw)
	h, err := New(context.Background(), Config{Identity: id, Port: 40917})
	if err != nil {
		t.Skipf("port 40917 not free here: %v", err)
	}
	defer h.Close()
	var tcp, quic bool
	for _, a := range h.Libp2p().Network().ListenAddresses() {
		if v, err := a.ValueForProtocol(ma.P_TCP); err == nil && v == "40917" {
			tcp = true
		}
		if v, err := a.ValueForProtocol(ma.P_UDP); err == nil && v == "40917" {
			quic = true
		}
	}
	if !tcp || !quic {
		t.Errorf("listen addresses %v: want TCP and QUIC on 40917", h.Libp2p().Network().ListenAddresses())
	}
}

// Cancelling a call's context mid-body resets the stream: the handler's
// context ends and its read of the body fails.
func TestCancelResetsStream(t *testing.T) {
	for name, listen := range transports {
		t.Run(name, func(t *testing.T) {
			server, client := newHost(t, listen), newHost(t, listen)
			got := make(chan error, 1)
			started := make(chan struct{})
			serve(t, server, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				close(started)
				_, err := io.Copy(io.Discard, r.Body)
				got <- err
			}), ServerLimits{})
			pr, pw := io.Pipe()
			defer pw.Close()
			go func() { _, _ = pw.Write([]byte("first part of the audio")) }()
			ctx, cancel := context.WithCancel(context.Background())
			req, _ := http.NewRequestWithContext(ctx, http.MethodPost, "http://provider/v1/call/stt", pr)
			done := make(chan error, 1)
			go func() {
				resp, err := client.Client(server.AddrInfo()).Do(req)
				if err == nil {
					resp.Body.Close()
				}
				done <- err
			}()
			<-started
			cancel()
			if err := <-done; !errors.Is(err, context.Canceled) {
				t.Errorf("client: error %v, want context.Canceled", err)
			}
			select {
			case err := <-got:
				if err == nil {
					t.Error("handler read the whole body, want an error after the reset")
				}
			case <-time.After(30 * time.Second):
				t.Fatal("the handler never saw the reset")
			}
		})
	}
}

// Answer headers beyond the client's cap are refused.
func TestAnswerHeaderCap(t *testing.T) {
	server, client := newHost(t, transports["tcp"]), newHost(t, transports["tcp"])
	serve(t, server, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Big", strings.Repeat("h", 8<<10))
	}), ServerLimits{})
	_, err := client.Client(server.AddrInfo(), WithLimits(ClientLimits{MaxResponseHeaderBytes: 4 << 10})).Get("http://p/")
	if err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("8 KiB of headers with a 4 KiB cap: error %v, want the header cap", err)
	}
	resp, err := client.Client(server.AddrInfo()).Get("http://p/")
	if err != nil {
		t.Fatalf("same answer with the default 16 KiB cap: %v", err)
	}
	resp.Body.Close()
}
