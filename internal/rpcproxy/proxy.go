package rpcproxy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/ethereum/go-ethereum/common/hexutil"
)

// Proxy is the misbehaviour of one endpoint; zero fields are off.
type Proxy struct {
	// MaxRange is the widest eth_getLogs range answered (blocks); wider
	// ones get Code and Message as a JSON-RPC error.
	MaxRange uint64
	Code     int
	Message  string
	// DropEvery drops every n-th request; LimitEvery answers every m-th
	// with 429 and Retry-After: 1.
	DropEvery, LimitEvery int

	// URL is the proxy's address once started.
	URL string

	mu        sync.Mutex
	n         int
	stats     Stats
	notBefore time.Time // Retry-After of the last 429
}

// Stats counts what the proxy did.
type Stats struct {
	Requests int
	Drops    int
	Limits   int // 429s
	Refused  int // log ranges refused
	Early    int // requests that came before the last Retry-After ran out
}

// Start serves p in front of target until the test ends and returns p.
func Start(t testing.TB, target string, p *Proxy) *Proxy {
	t.Helper()
	u, err := url.Parse(target)
	if err != nil {
		t.Fatal(err)
	}
	rp := httputil.NewSingleHostReverseProxy(u)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { p.serve(t, rp, w, r) }))
	t.Cleanup(srv.Close)
	p.URL = srv.URL
	return p
}

// Stats returns what the proxy did so far.
func (p *Proxy) Stats() Stats {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.stats
}

func (p *Proxy) serve(t testing.TB, rp http.Handler, w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(io.LimitReader(r.Body, 8<<20))
	r.Body = io.NopCloser(bytes.NewReader(body))
	p.mu.Lock()
	p.n++
	n := p.n
	p.stats.Requests++
	if time.Now().Before(p.notBefore) {
		p.stats.Early++
	}
	drop := p.DropEvery > 0 && n%p.DropEvery == 0
	limit := !drop && p.LimitEvery > 0 && n%p.LimitEvery == 0
	if drop {
		p.stats.Drops++
	}
	if limit {
		p.stats.Limits++
		p.notBefore = time.Now().Add(time.Second)
	}
	p.mu.Unlock()
	switch {
	case drop:
		hj, ok := w.(http.Hijacker)
		if !ok {
			t.Error("rpcproxy: cannot hijack")
			return
		}
		if conn, _, err := hj.Hijack(); err == nil {
			conn.Close()
		}
		return
	case limit:
		w.Header().Set("Retry-After", "1")
		http.Error(w, `{"jsonrpc":"2.0","error":{"code":-32005,"message":"rate limited"}}`, http.StatusTooManyRequests)
		return
	}
	var req struct {
		ID     json.RawMessage   `json:"id"`
		Method string            `json:"method"`
		Params []json.RawMessage `json:"params"`
	}
	if p.MaxRange > 0 && json.Unmarshal(body, &req) == nil && req.Method == "eth_getLogs" && len(req.Params) == 1 {
		var f struct{ FromBlock, ToBlock string }
		if json.Unmarshal(req.Params[0], &f) == nil {
			from, err1 := hexutil.DecodeUint64(f.FromBlock)
			to, err2 := hexutil.DecodeUint64(f.ToBlock)
			if err1 != nil || err2 != nil || to-from+1 > p.MaxRange {
				p.mu.Lock()
				p.stats.Refused++
				p.mu.Unlock()
				w.Header().Set("Content-Type", "application/json")
				fmt.Fprintf(w, `{"jsonrpc":"2.0","id":%s,"error":{"code":%d,"message":%q}}`, req.ID, p.Code, p.Message)
				return
			}
		}
	}
	rp.ServeHTTP(w, r)
}
