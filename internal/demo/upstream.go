package demo

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net"
	"net/http"
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"
)

// The recorded answers of the upstream services the demo's provider sells
// (weather from Open-Meteo's forecast API, knowledge from Wikipedia's REST
// page summaries), in the exact JSON those APIs return.
//
//go:embed testdata/openmeteo/*.json testdata/wikipedia/*.json
var recordings embed.FS

// upstream replays the recordings over HTTP on 127.0.0.1, as the
// provider's weather_upstream and knowledge_upstream: the demo needs no
// network and its answers do not change from run to run.
type upstream struct {
	srv     *http.Server
	ln      net.Listener
	places  []place
	summary map[string][]byte // by normalised title
}

// place is one recorded forecast and where it was asked for.
type place struct {
	name     string
	lat, lon float64
	body     []byte
}

// Where the owner's speaker says it is in the demo (agent.latitude and
// agent.longitude): the recorded forecast nearest to it answers.
const (
	demoLatitude  = 51.5072
	demoLongitude = -0.1276
)

// loadRecordings reads the recordings and checks that each parses as the
// API it stands for.
func loadRecordings() (*upstream, error) {
	u := &upstream{summary: map[string][]byte{}}
	ents, err := recordings.ReadDir("testdata/openmeteo")
	if err != nil {
		return nil, fmt.Errorf("demo: recordings: %w", err)
	}
	for _, e := range ents {
		b, err := recordings.ReadFile("testdata/openmeteo/" + e.Name())
		if err != nil {
			return nil, fmt.Errorf("demo: recordings: %w", err)
		}
		var f struct {
			Latitude  *float64        `json:"latitude"`
			Longitude *float64        `json:"longitude"`
			Current   json.RawMessage `json:"current"`
		}
		if err := json.Unmarshal(b, &f); err != nil || f.Latitude == nil || f.Longitude == nil || len(f.Current) == 0 {
			return nil, fmt.Errorf("demo: recording %s: not an Open-Meteo forecast (%v)", e.Name(), err)
		}
		u.places = append(u.places, place{name: strings.TrimSuffix(e.Name(), ".json"), lat: *f.Latitude, lon: *f.Longitude, body: b})
	}
	ents, err = recordings.ReadDir("testdata/wikipedia")
	if err != nil {
		return nil, fmt.Errorf("demo: recordings: %w", err)
	}
	for _, e := range ents {
		b, err := recordings.ReadFile("testdata/wikipedia/" + e.Name())
		if err != nil {
			return nil, fmt.Errorf("demo: recordings: %w", err)
		}
		var s struct {
			Title   string `json:"title"`
			Extract string `json:"extract"`
		}
		if err := json.Unmarshal(b, &s); err != nil || s.Title == "" || s.Extract == "" {
			return nil, fmt.Errorf("demo: recording %s: not a Wikipedia page summary (%v)", e.Name(), err)
		}
		u.summary[normTitle(s.Title)] = b
	}
	if len(u.places) == 0 || len(u.summary) == 0 {
		return nil, errors.New("demo: recordings: none")
	}
	return u, nil
}

// titles lists the recorded article titles, sorted.
func (u *upstream) titles() []string {
	var out []string
	for _, b := range u.summary {
		var s struct {
			Title string `json:"title"`
		}
		if json.Unmarshal(b, &s) == nil {
			out = append(out, s.Title)
		}
	}
	sort.Strings(out)
	return out
}

// normTitle is how the replay matches an article title: Wikipedia ignores
// the case of the first letter and resolves "The_Moon" to "Moon" by a
// redirect; the replay ignores case and a leading article.
func normTitle(t string) string {
	t = strings.ToLower(strings.ReplaceAll(strings.TrimSpace(t), "_", " "))
	for _, a := range []string{"the ", "a ", "an "} {
		t = strings.TrimPrefix(t, a)
	}
	return strings.Join(strings.Fields(t), " ")
}

// start serves the recordings on 127.0.0.1 until close.
func (u *upstream) start() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", fmt.Errorf("demo: upstream: %w", err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/forecast", u.forecast)
	mux.HandleFunc("GET /page/summary/{title}", u.pageSummary)
	u.ln = ln
	u.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = u.srv.Serve(ln) }()
	return "http://" + ln.Addr().String(), nil
}

func (u *upstream) close() {
	if u.srv != nil {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = u.srv.Shutdown(ctx)
	}
}

// forecast answers GET /v1/forecast?latitude=…&longitude=… with the
// recording nearest to the place asked for; Open-Meteo's error shape for
// bad coordinates.
func (u *upstream) forecast(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	lat, err1 := strconv.ParseFloat(q.Get("latitude"), 64)
	lon, err2 := strconv.ParseFloat(q.Get("longitude"), 64)
	if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		writeJSON(w, http.StatusBadRequest, map[string]any{"error": true,
			"reason": "Latitude must be in range of -90 to 90°. Longitude must be in range of -180 to 180°."})
		return
	}
	best, bestD := u.places[0], math.Inf(1)
	for _, p := range u.places {
		if d := math.Hypot(p.lat-lat, p.lon-lon); d < bestD {
			best, bestD = p, d
		}
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(best.body)
}

// pageSummary answers GET /page/summary/{title}, or Wikipedia's 404.
func (u *upstream) pageSummary(w http.ResponseWriter, r *http.Request) {
	t, err := url.PathUnescape(r.PathValue("title"))
	if err != nil {
		t = r.PathValue("title")
	}
	b, ok := u.summary[normTitle(t)]
	if !ok {
		writeJSON(w, http.StatusNotFound, map[string]any{
			"type": "https://mediawiki.org/wiki/HyperSwitch/errors/not_found", "title": "Not found.",
			"method": "get", "detail": "Page or revision not found.", "uri": "/en.wikipedia.org/v1/page/summary/" + path.Base(r.URL.EscapedPath()),
		})
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(b)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
