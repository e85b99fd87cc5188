package web

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/internal/apiclient"
)

// smallAPI answers the few local API endpoints the status page reads, as
// the agent would with no wallet: enough to serve pages without an agent
// (the agent's test drives the whole page against a real one).
func smallAPI() http.Handler {
	mux := http.NewServeMux()
	js := func(status int, v any) http.HandlerFunc {
		return func(w http.ResponseWriter, _ *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(status)
			_ = json.NewEncoder(w).Encode(v)
		}
	}
	mux.Handle("GET /v1/status", js(200, apiclient.Status{Version: "test", Board: "sim"}))
	mux.Handle("GET /v1/keys/status", js(200, apiclient.KeysStatus{}))
	mux.Handle("/", js(503, apiclient.Error{Status: 503, Message: "the wallet is off (see mycroft status)"}))
	return mux
}

func startServer(t testing.TB, cfg Config) *Server {
	t.Helper()
	if cfg.StateDir == "" {
		cfg.StateDir = t.TempDir()
	}
	s, err := New(cfg, Options{API: smallAPI()})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { _ = s.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done; s.Close() })
	return s
}

func TestLoopbackPage(t *testing.T) {
	s := startServer(t, Config{Loopback: "127.0.0.1:0"})
	base := "http://" + s.Addr(false)
	resp, err := http.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "sim") {
		t.Fatalf("status page: %d %s", resp.StatusCode, body)
	}
	for k, want := range map[string]string{
		"X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer", "Cache-Control": "no-store",
		"Content-Security-Policy": "default-src 'self'",
	} {
		if got := resp.Header.Get(k); !strings.Contains(got, want) {
			t.Errorf("%s = %q, want %q", k, got, want)
		}
	}
	var ck *http.Cookie
	for _, c := range resp.Cookies() {
		if c.Name == cookieLoopback {
			ck = c
		}
	}
	if ck == nil || !ck.HttpOnly || ck.SameSite != http.SameSiteStrictMode || ck.Secure {
		t.Fatalf("loopback cookie %+v, want HttpOnly SameSite=Strict (not Secure: plain HTTP)", ck)
	}
	// A page that fails to read the API says why and still renders.
	req, _ := http.NewRequest("GET", base+"/wallet", nil)
	req.AddCookie(ck)
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "the wallet is off") {
		t.Errorf("wallet page with the wallet off: %d %s", resp.StatusCode, body)
	}
	// The loopback listener is refused on a non-loopback address.
	if _, err := New(Config{Loopback: "0.0.0.0:0"}, Options{API: smallAPI()}); err == nil {
		t.Error("a plain-HTTP listener on every interface was accepted")
	}
}

func TestLoopbackHost(t *testing.T) {
	for h, want := range map[string]bool{
		"localhost:8480": true, "127.0.0.1:8480": true, "[::1]:8480": true, "127.0.0.2": true, "localhost": true,
		"evil.example:8480": false, "192.168.1.2:8480": false, "": false, "localhost.evil.example": false,
	} {
		if got := loopbackHost(h); got != want {
			t.Errorf("loopbackHost(%q) = %v, want %v", h, got, want)
		}
	}
}

func TestSameOrigin(t *testing.T) {
	for _, tc := range []struct {
		name   string
		lan    bool
		origin string
		site   string
		want   bool
	}{
		{"same origin, LAN", true, "https://h:8443", "", true},
		{"http origin on the LAN", true, "http://h:8443", "", false},
		{"other host", true, "https://evil.example", "", false},
		{"fetch metadata same-origin", true, "null", "same-origin", true},
		{"fetch metadata cross-site", true, "", "cross-site", false},
		{"fetch metadata same-site", false, "http://h:8443", "same-site", false},
		{"no headers", false, "", "", true},
	} {
		r := &http.Request{Host: "h:8443", Header: http.Header{}}
		if tc.origin != "" {
			r.Header.Set("Origin", tc.origin)
		}
		if tc.site != "" {
			r.Header.Set("Sec-Fetch-Site", tc.site)
		}
		if got := sameOrigin(r, tc.lan); got != tc.want {
			t.Errorf("%s: sameOrigin = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// FuzzGuard sends any form and cookie to an action of the loopback page:
// nothing panics, and only the session's own token gets past the guard.
func FuzzGuard(f *testing.F) {
	s, err := New(Config{}, Options{API: smallAPI()})
	if err != nil {
		f.Fatal(err)
	}
	sess, err := s.auth.newSession(false, true)
	if err != nil {
		f.Fatal(err)
	}
	h := s.handler(false)
	f.Add("csrf=abc&daily_budget=1", sess.id)
	f.Add("csrf="+sess.csrf+"&daily_budget=%ZZ", sess.id)
	f.Add("", "")
	f.Add(strings.Repeat("a=b&", 100), strings.Repeat("0", 64))
	f.Fuzz(func(t *testing.T, form, cookie string) {
		req, err := http.NewRequest("POST", "http://127.0.0.1:8480/spending/limits", strings.NewReader(form))
		if err != nil {
			return
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.AddCookie(&http.Cookie{Name: cookieLoopback, Value: url.QueryEscape(cookie)})
		w := &recorder{h: http.Header{}}
		h.ServeHTTP(w, req)
		vals, perr := url.ParseQuery(form)
		passed := w.code == http.StatusSeeOther
		if passed && (perr != nil || cookie != sess.id || vals.Get("csrf") != sess.csrf) {
			t.Fatalf("form %q with cookie %q got past the guard (%d)", form, cookie, w.code)
		}
	})
}

// recorder is a minimal ResponseWriter for the fuzz target (no network:
// fuzzing runs it millions of times).
type recorder struct {
	h    http.Header
	code int
}

func (r *recorder) Header() http.Header { return r.h }
func (r *recorder) WriteHeader(c int) {
	if r.code == 0 {
		r.code = c
	}
}
func (r *recorder) Write(b []byte) (int, error) {
	if r.code == 0 {
		r.code = 200
	}
	return len(b), nil
}

func ExampleNew() {
	// The agent passes its local API handler; here a stand-in.
	s, err := New(Config{Loopback: "127.0.0.1:0", SessionTTL: time.Hour}, Options{API: smallAPI()})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	st := s.Status()
	fmt.Println(strings.HasPrefix(st.Loopback, "http://127.0.0.1:"), st.LAN == "", st.Fingerprint == "")
	// Output: true true true
}
