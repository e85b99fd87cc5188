package agent

import (
	"encoding/json"
	"io"
	"net/http"
	"testing"

	"github.com/mycroft-network/mycroft/internal/apiclient"
)

// BenchmarkWebStatusPage: the status page of the owner's web page, served
// by a real agent (no chain, no board) on its loopback listener: the
// server's time per page (every read goes through the local API's
// handlers in process) and the page's weight.
func BenchmarkWebStatusPage(b *testing.B) {
	cfg := testConfig(b)
	_, c, _ := start(b, cfg, Options{})
	st, err := c.Status(b.Context())
	if err != nil {
		b.Fatal(err)
	}
	var ws apiclient.WebStatus
	if err := json.Unmarshal(st.Components["web"], &ws); err != nil || ws.Loopback == "" {
		b.Fatalf("web status %s: %v", st.Components["web"], err)
	}
	get := func(cookie *http.Cookie) (*http.Response, int) {
		req, _ := http.NewRequestWithContext(b.Context(), "GET", ws.Loopback+"/", nil)
		if cookie != nil {
			req.AddCookie(cookie)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		n, _ := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 {
			b.Fatalf("status page: %d", resp.StatusCode)
		}
		return resp, int(n)
	}
	resp, _ := get(nil)
	cookies := resp.Cookies()
	if len(cookies) == 0 {
		b.Fatal("no session cookie")
	}
	var size int
	for b.Loop() {
		_, size = get(cookies[0])
	}
	b.ReportMetric(float64(size), "html-bytes")
}
