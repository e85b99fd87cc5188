package provider

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/internal/jsgf"
	"github.com/mycroft-network/mycroft/internal/oneline"
	"github.com/mycroft-network/mycroft/internal/wyoming"
)

// Transcript is the result of an stt call.
type Transcript struct {
	Text string `json:"text"`
}

// maxGrammar caps a JSGF grammar sent with a call.
const maxGrammar = 16 << 10

// Sphinx is speech-to-text through the pocketsphinx command line with a
// JSGF grammar. Audio is raw 16 kHz mono s16le. The grammar comes with the
// call (query parameter "grammar") or is the configured default.
type Sphinx struct {
	// Command is the program: "pocketsphinx_continuous" (Debian's 0.8 and
	// 5prealpha packages) or "pocketsphinx" (5.x, JSON output); found on
	// PATH when empty.
	Command  string
	HMM      string // acoustic model dir (optional, the package default otherwise)
	Dict     string // pronunciation dictionary (optional)
	Grammar  string // default JSGF grammar
	TempDir  string // for the audio and grammar files (default os.TempDir())
	MaxAudio int64  // bytes (default 4 MiB)
}

// Call transcribes body. The grammar is checked and rewritten by
// jsgf.Canonical before pocketsphinx (C) parses it.
func (s *Sphinx) Call(ctx context.Context, params map[string][]string, body io.Reader) ([]byte, error) {
	grammar, err := sphinxGrammar(first(params, "grammar"), s.Grammar)
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp(s.TempDir, "mycroft-stt-")
	if err != nil {
		return nil, fmt.Errorf("provider: stt: %w", err)
	}
	defer os.RemoveAll(dir)
	gram := filepath.Join(dir, "g.gram")
	if err := os.WriteFile(gram, []byte(grammar), 0o600); err != nil {
		return nil, fmt.Errorf("provider: stt: %w", err)
	}
	audio := filepath.Join(dir, "a.raw")
	f, err := os.OpenFile(audio, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o600)
	if err != nil {
		return nil, fmt.Errorf("provider: stt: %w", err)
	}
	max := s.MaxAudio
	if max <= 0 {
		max = 4 << 20
	}
	n, err := io.Copy(f, io.LimitReader(body, max+1))
	f.Close()
	if err != nil {
		return nil, fmt.Errorf("provider: stt: read audio: %w", err)
	}
	if n > max || n%2 != 0 || n == 0 {
		return nil, fmt.Errorf("%w: audio of %d bytes (want 1..%d bytes of s16le)", ErrBadRequest, n, max)
	}
	cmd, args := s.command(gram, audio)
	out, err := exec.CommandContext(ctx, cmd, args...).Output()
	if err != nil {
		return nil, fmt.Errorf("provider: stt: %s: %w", cmd, err)
	}
	return json.Marshal(Transcript{Text: parseSphinx(out)})
}

// sphinxGrammar is the call's grammar (or the default) in the canonical
// form pocketsphinx gets, or an error wrapping ErrBadRequest.
func sphinxGrammar(grammar, fallback string) (string, error) {
	if grammar == "" {
		grammar = fallback
	}
	if grammar == "" || len(grammar) > maxGrammar {
		return "", fmt.Errorf("%w: stt needs a JSGF grammar (#JSGF header, at most %d bytes)", ErrBadRequest, maxGrammar)
	}
	g, err := jsgf.Canonical(grammar)
	if err != nil {
		return "", fmt.Errorf("%w: stt: %w", ErrBadRequest, err)
	}
	return g, nil
}

func (s *Sphinx) command(gram, audio string) (string, []string) {
	cmd := s.Command
	if cmd == "" {
		cmd = "pocketsphinx_continuous"
		if _, err := exec.LookPath(cmd); err != nil {
			cmd = "pocketsphinx"
		}
	}
	var args []string
	if s.HMM != "" {
		args = append(args, "-hmm", s.HMM)
	}
	if s.Dict != "" {
		args = append(args, "-dict", s.Dict)
	}
	args = append(args, "-jsgf", gram)
	if filepath.Base(cmd) == "pocketsphinx" {
		return cmd, append(args, "-loglevel", "FATAL", "single", audio)
	}
	return cmd, append(args, "-infile", audio, "-logfn", os.DevNull)
}

// maxTranscript caps the text of a transcript (bytes).
const maxTranscript = 4 << 10

// parseSphinx takes the hypothesis from either CLI's output: the last
// non-empty line, or the "t" field of a 5.x JSON line ("" when that line
// is not JSON). The result is one line of printable UTF-8 of at most
// maxTranscript bytes.
func parseSphinx(out []byte) string {
	var last string
	for _, l := range strings.Split(string(out), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			last = l
		}
	}
	if strings.HasPrefix(last, "{") {
		var j struct {
			T string `json:"t"`
		}
		if json.Unmarshal([]byte(last), &j) != nil {
			return ""
		}
		last = j.T
	}
	return clipText(oneline.Flatten(last), maxTranscript)
}

// clipText cuts s to at most n bytes, at the last space before the limit
// (or a rune boundary when there is none).
func clipText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	if i := strings.LastIndexByte(s[:n+1], ' '); i > 0 {
		n = i
	}
	return strings.TrimSpace(s[:n])
}

func first(params map[string][]string, key string) string {
	if v := params[key]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// Wyoming is speech-to-text through any Wyoming STT server (Addr is
// host:port): transcribe, audio-start, audio-chunk…, audio-stop, then the
// server's transcript event.
type Wyoming struct {
	Addr     string
	Language string        // optional
	Timeout  time.Duration // whole call (default 30 s)
}

// Call streams body to the Wyoming server and returns its transcript.
func (y *Wyoming) Call(ctx context.Context, params map[string][]string, body io.Reader) ([]byte, error) {
	timeout := y.Timeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", y.Addr)
	if err != nil {
		return nil, fmt.Errorf("provider: wyoming: %w", err)
	}
	defer conn.Close()
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer stop()
	w := bufio.NewWriter(conn)
	send := func(typ string, data any, payload []byte) error {
		ev, err := wyoming.NewEvent(typ, data, payload)
		if err == nil {
			err = wyoming.WriteEvent(w, ev)
		}
		if err != nil {
			return fmt.Errorf("provider: %w", err)
		}
		return nil
	}
	tr := map[string]string{}
	if y.Language != "" {
		tr["language"] = y.Language
	}
	audioFmt := wyoming.Audio{Rate: 16000, Width: 2, Channels: 1}
	if err := send("transcribe", tr, nil); err != nil {
		return nil, err
	}
	if err := send("audio-start", audioFmt, nil); err != nil {
		return nil, err
	}
	buf := make([]byte, 3200) // 100 ms
	total := 0
	for {
		n, rerr := io.ReadFull(body, buf)
		if n > 0 {
			total += n
			if err := send("audio-chunk", audioFmt, buf[:n]); err != nil {
				return nil, err
			}
		}
		if rerr == io.EOF || rerr == io.ErrUnexpectedEOF {
			break
		}
		if rerr != nil {
			return nil, fmt.Errorf("provider: wyoming: read audio: %w", rerr)
		}
	}
	if total == 0 {
		return nil, fmt.Errorf("%w: no audio", ErrBadRequest)
	}
	if err := send("audio-stop", nil, nil); err != nil {
		return nil, err
	}
	if err := w.Flush(); err != nil {
		return nil, fmt.Errorf("provider: wyoming: %w", err)
	}
	r := bufio.NewReaderSize(conn, 64<<10)
	for {
		ev, err := wyoming.ReadEvent(r)
		if err != nil {
			return nil, fmt.Errorf("provider: wyoming: %w", err)
		}
		switch ev.Type {
		case "transcript":
			var t Transcript
			if err := ev.Decode(&t); err != nil {
				return nil, fmt.Errorf("provider: transcript: %w", err)
			}
			return json.Marshal(t)
		case "error":
			var e wyoming.ErrorData
			_ = ev.Decode(&e)
			return nil, fmt.Errorf("provider: wyoming: server error: %s", clip(e.Text))
		}
	}
}

// Weather is the normalised result of a weather call.
type Weather = chain.Weather

// OpenMeteo is weather through an Open-Meteo-compatible upstream:
// GET {BaseURL}/v1/forecast?latitude=…&longitude=…&current=….
// Call parameters: latitude, longitude (decimal degrees).
type OpenMeteo struct {
	BaseURL string
	Client  *http.Client
}

// Call fetches the current weather at the given place.
func (o *OpenMeteo) Call(ctx context.Context, params map[string][]string) ([]byte, error) {
	lat, lon, err := weatherPlace(params)
	if err != nil {
		return nil, err
	}
	q := url.Values{
		"latitude":      {strconv.FormatFloat(lat, 'f', 4, 64)},
		"longitude":     {strconv.FormatFloat(lon, 'f', 4, 64)},
		"current":       {"temperature_2m,relative_humidity_2m,weather_code,wind_speed_10m"},
		"daily":         {"temperature_2m_max,temperature_2m_min"},
		"forecast_days": {"1"},
		"timezone":      {"auto"},
	}
	body, err := getBody(ctx, o.Client, strings.TrimSuffix(o.BaseURL, "/")+"/v1/forecast?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("provider: weather: %w", err)
	}
	out, err := parseOpenMeteo(body)
	if err != nil {
		return nil, err
	}
	return json.Marshal(out)
}

// weatherPlace reads the latitude and longitude parameters (decimal
// degrees).
func weatherPlace(params map[string][]string) (lat, lon float64, err error) {
	lat, err1 := strconv.ParseFloat(first(params, "latitude"), 64)
	lon, err2 := strconv.ParseFloat(first(params, "longitude"), 64)
	if err1 != nil || err2 != nil || !(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180) {
		return 0, 0, fmt.Errorf("%w: latitude in -90..90 and longitude in -180..180, in decimal degrees", ErrBadRequest)
	}
	return lat, lon, nil
}

// parseOpenMeteo reads an Open-Meteo forecast answer. Values outside what
// the Earth's weather allows are an error rather than a forecast.
func parseOpenMeteo(body []byte) (Weather, error) {
	var up struct {
		Latitude  float64 `json:"latitude"`
		Longitude float64 `json:"longitude"`
		Current   *struct {
			Time        string  `json:"time"`
			Temperature float64 `json:"temperature_2m"`
			Humidity    float64 `json:"relative_humidity_2m"`
			Code        int     `json:"weather_code"`
			Wind        float64 `json:"wind_speed_10m"`
		} `json:"current"`
		Daily struct {
			Max []float64 `json:"temperature_2m_max"`
			Min []float64 `json:"temperature_2m_min"`
		} `json:"daily"`
	}
	if err := json.Unmarshal(bytes.TrimSpace(body), &up); err != nil {
		return Weather{}, fmt.Errorf("provider: weather: upstream JSON: %w", err)
	}
	if up.Current == nil {
		return Weather{}, errors.New("provider: weather: upstream sent no current weather")
	}
	out := Weather{Latitude: up.Latitude, Longitude: up.Longitude, Time: up.Current.Time,
		TemperatureC: up.Current.Temperature, Humidity: up.Current.Humidity, WindKmh: up.Current.Wind, Code: up.Current.Code}
	if len(up.Daily.Max) > 0 && len(up.Daily.Min) > 0 {
		out.HighC, out.LowC = up.Daily.Max[0], up.Daily.Min[0]
	}
	if err := out.Check(); err != nil {
		return Weather{}, fmt.Errorf("provider: weather: upstream sent %w", err)
	}
	if !isStamp(out.Time) {
		return Weather{}, fmt.Errorf("provider: weather: upstream sent time %q", clip(out.Time))
	}
	return out, nil
}

// isStamp reports whether s looks like an ISO 8601 time stamp
// ("2026-11-24T16:00"): at most 32 bytes of digits, letters, '-', ':',
// '+', '.'.
func isStamp(s string) bool {
	if s == "" || len(s) > 32 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || strings.IndexByte("-:+.", c) >= 0) {
			return false
		}
	}
	return true
}

// Summary is the normalised result of a knowledge call.
type Summary struct {
	Title   string `json:"title"`
	Extract string `json:"extract"`
	URL     string `json:"url,omitempty"`
}

// Wikipedia is knowledge through a Wikipedia-REST-compatible upstream:
// GET {BaseURL}/page/summary/{title}. Call parameter: title.
type Wikipedia struct {
	BaseURL string
	Client  *http.Client
}

// Call fetches the summary of an article.
func (k *Wikipedia) Call(ctx context.Context, params map[string][]string) ([]byte, error) {
	title, err := articleTitle(params)
	if err != nil {
		return nil, err
	}
	u := strings.TrimSuffix(k.BaseURL, "/") + "/page/summary/" + url.PathEscape(title)
	body, err := getBody(ctx, k.Client, u)
	if errors.Is(err, errNotFoundUpstream) {
		// No article of that title is an answer, not a failure: the
		// summary comes back with no extract and the device says it does
		// not know, instead of blaming the provider.
		return json.Marshal(Summary{Title: strings.ReplaceAll(title, "_", " ")})
	}
	if err != nil {
		return nil, fmt.Errorf("provider: knowledge: %w", err)
	}
	out, err := parseWikipedia(body)
	if err != nil {
		return nil, err
	}
	return json.Marshal(out)
}

// Limits of a knowledge answer (bytes).
const (
	maxTitle   = 256
	maxExtract = 4 << 10
	maxPageURL = 2 << 10
)

// articleTitle reads the title parameter: 1..256 bytes of printable UTF-8
// on one line, spaces written as '_' (as in Wikipedia's paths), and not a
// path step ("." or "..").
func articleTitle(params map[string][]string) (string, error) {
	title := strings.TrimSpace(first(params, "title"))
	if title == "" || len(title) > maxTitle || !utf8.ValidString(title) || oneline.Flatten(title) != title {
		return "", fmt.Errorf("%w: title of 1..%d bytes of printable text on one line", ErrBadRequest, maxTitle)
	}
	title = strings.ReplaceAll(title, " ", "_")
	if strings.Trim(title, ".") == "" {
		return "", fmt.Errorf("%w: title %q", ErrBadRequest, title)
	}
	return title, nil
}

// parseWikipedia reads a page summary answer: the title and extract are
// flattened to one line and clipped, the page URL kept only when it is an
// absolute http(s) URL.
func parseWikipedia(body []byte) (Summary, error) {
	var up struct {
		Title       string `json:"title"`
		Extract     string `json:"extract"`
		ContentURLs struct {
			Desktop struct {
				Page string `json:"page"`
			} `json:"desktop"`
		} `json:"content_urls"`
	}
	if err := json.Unmarshal(bytes.TrimSpace(body), &up); err != nil {
		return Summary{}, fmt.Errorf("provider: knowledge: upstream JSON: %w", err)
	}
	out := Summary{Title: clipText(oneline.Flatten(up.Title), maxTitle), Extract: clipText(oneline.Flatten(up.Extract), maxExtract)}
	if u, err := url.Parse(up.ContentURLs.Desktop.Page); err == nil && (u.Scheme == "https" || u.Scheme == "http") &&
		u.Host != "" && len(up.ContentURLs.Desktop.Page) <= maxPageURL {
		out.URL = u.String()
	}
	return out, nil
}

// Simple adapts a service without a request body.
type Simple func(ctx context.Context, params map[string][]string) ([]byte, error)

// Call ignores the body.
func (f Simple) Call(ctx context.Context, params map[string][]string, _ io.Reader) ([]byte, error) {
	return f(ctx, params)
}

// errNotFoundUpstream is the upstream's 404: a bad request for weather (no
// such place), an answer for knowledge (no such article).
var errNotFoundUpstream = fmt.Errorf("%w: not found upstream", ErrBadRequest)

// getBody GETs u and returns its body (at most 1 MiB) when the status is
// 200.
func getBody(ctx context.Context, c *http.Client, u string) ([]byte, error) {
	if c == nil {
		c = &http.Client{Timeout: 10 * time.Second}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "mycroft-provider/1")
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusNotFound {
		return nil, errNotFoundUpstream
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("upstream status %d", resp.StatusCode)
	}
	return b, nil
}
