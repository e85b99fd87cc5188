package agent

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain/devnet"
)

// rpcCounter is a reverse proxy in front of a JSON-RPC endpoint that
// counts the calls by method (a batch counts each call).
type rpcCounter struct {
	mu    sync.Mutex
	calls map[string]int
	http  int
}

func (c *rpcCounter) handler(target string) (http.Handler, error) {
	u, err := url.Parse(target)
	if err != nil {
		return nil, err
	}
	rp := httputil.NewSingleHostReverseProxy(u)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		var one struct{ Method string }
		var batch []struct{ Method string }
		c.mu.Lock()
		c.http++
		if json.Unmarshal(body, &batch) == nil {
			for _, m := range batch {
				c.calls[m.Method]++
			}
		} else if json.Unmarshal(body, &one) == nil {
			c.calls[one.Method]++
		}
		c.mu.Unlock()
		r.Body = io.NopCloser(bytes.NewReader(body))
		rp.ServeHTTP(w, r)
	}), nil
}

// BenchmarkIdleRPC: JSON-RPC calls an idle speaker makes (wallet on, a
// chain configured, no provider, voice off), counted by a proxy in front
// of the devnet over MYCROFT_BENCH_IDLE (default 5 minutes) after a
// minute to settle, scaled to an hour. Issue 16's target: under 100 an
// hour, so a free public RPC quota serves a device.
func BenchmarkIdleRPC(b *testing.B) {
	window := 5 * time.Minute
	if s := os.Getenv("MYCROFT_BENCH_IDLE"); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil {
			b.Fatal(err)
		}
		window = d
	}
	ctx, cancel := context.WithTimeout(context.Background(), window+5*time.Minute)
	defer cancel()
	cfg, owner, _ := speakerConfig(b, ctx, nil)
	manifest := filepath.Join(b.TempDir(), "deployment.json")
	dn, err := devnet.Start(ctx, devnet.Config{Accounts: []common.Address{owner}, BlockPeriod: time.Second, ManifestPath: manifest})
	if err != nil {
		b.Fatal(err)
	}
	defer dn.Close()
	counter := &rpcCounter{calls: map[string]int{}}
	h, err := counter.handler(dn.URL)
	if err != nil {
		b.Fatal(err)
	}
	proxy := httptest.NewServer(h)
	defer proxy.Close()
	cfg.Chain.RPCURL, cfg.Chain.Manifest = proxy.URL, manifest
	cfg.Voice.Enabled = false
	start(b, cfg, Options{})
	time.Sleep(time.Minute) // boot: keys, first reads
	counter.mu.Lock()
	counter.calls, counter.http = map[string]int{}, 0
	counter.mu.Unlock()
	time.Sleep(window)
	counter.mu.Lock()
	calls, requests := counter.calls, counter.http
	counter.mu.Unlock()
	total := 0
	var methods []string
	for m, n := range calls {
		total += n
		methods = append(methods, m)
	}
	sort.Strings(methods)
	for _, m := range methods {
		b.Logf("%s: %.0f an hour", m, float64(calls[m])*float64(time.Hour)/float64(window))
	}
	for b.Loop() {
	}
	b.ReportMetric(float64(total)*float64(time.Hour)/float64(window), "rpc-calls/hour")
	b.ReportMetric(float64(requests)*float64(time.Hour)/float64(window), "http-requests/hour")
}
