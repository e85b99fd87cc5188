package wallet

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/internal/oneline"
)

// Service names (as in the Registry).
const (
	ServiceSTT       = "stt"
	ServiceWeather   = "weather"
	ServiceKnowledge = "knowledge"
)

// Transcribe pays a provider to turn audio (raw 16 kHz mono s16le,
// streamed) into text under a JSGF grammar (empty: the provider's
// default). The voice layer can adapt it to its own STT interface.
func (w *Wallet) Transcribe(ctx context.Context, grammar string, audio io.Reader) (string, error) {
	params := url.Values{}
	if grammar != "" {
		params.Set("grammar", grammar)
	}
	res, err := w.Call(ctx, ServiceSTT, params, audio)
	if err != nil {
		return "", err
	}
	return parseTranscript(res.Body)
}

// ErrBadAnswer is wrapped by errors about a paid answer whose content a
// provider cannot honestly have sent (out of range, another place, too
// long).
var ErrBadAnswer = errors.New("wallet: bad answer")

// maxErrorMessage caps a provider's refusal message (bytes).
const maxErrorMessage = 200

// isErrorCode reports whether s is shaped like a wire error code: 1 to 40
// bytes of a-z, 0-9 and '_'.
func isErrorCode(s string) bool {
	if s == "" || len(s) > 40 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// Limits of what a provider's answer may hold (bytes).
const (
	maxTranscript = 4 << 10
	maxTitle      = 256
	maxExtract    = 4 << 10
	maxPageURL    = 2 << 10
)

// parseTranscript reads an stt answer {"text": ...}: one line, at most
// maxTranscript bytes.
func parseTranscript(body []byte) (string, error) {
	var t struct {
		Text *string `json:"text"`
	}
	if err := json.Unmarshal(body, &t); err != nil {
		return "", fmt.Errorf("wallet: stt answer: %w", err)
	}
	if t.Text == nil {
		return "", fmt.Errorf("wallet: stt answer: no text: %w", ErrBadAnswer)
	}
	text := oneline.Flatten(*t.Text)
	if len(text) > maxTranscript {
		return "", fmt.Errorf("wallet: stt answer: %d bytes of text (at most %d): %w", len(text), maxTranscript, ErrBadAnswer)
	}
	return text, nil
}

// Weather is the current weather at a place.
type Weather = chain.Weather

// Weather pays for the current weather at latitude, longitude.
func (w *Wallet) Weather(ctx context.Context, latitude, longitude float64) (Weather, error) {
	params := url.Values{
		"latitude":  {strconv.FormatFloat(latitude, 'f', 4, 64)},
		"longitude": {strconv.FormatFloat(longitude, 'f', 4, 64)},
	}
	res, err := w.Call(ctx, ServiceWeather, params, nil)
	if err != nil {
		return Weather{}, err
	}
	return parseWeather(res.Body, latitude, longitude)
}

// maxPlaceDrift is how far (degrees) the place of a weather answer may be
// from the place asked (upstreams answer for their grid cell).
const maxPlaceDrift = 2.0

// parseWeather reads a weather answer for the place asked: values the
// weather cannot take, or another place, are ErrBadAnswer.
func parseWeather(body []byte, latitude, longitude float64) (Weather, error) {
	var out Weather
	if err := json.Unmarshal(body, &out); err != nil {
		return Weather{}, fmt.Errorf("wallet: weather answer: %w", err)
	}
	if err := out.Check(); err != nil {
		return Weather{}, fmt.Errorf("wallet: weather answer: %v: %w", err, ErrBadAnswer)
	}
	dLon := math.Abs(out.Longitude - longitude)
	dLon = math.Min(dLon, 360-dLon)
	if !(math.Abs(out.Latitude-latitude) <= maxPlaceDrift && dLon <= maxPlaceDrift) { // NaN asked: refused too
		return Weather{}, fmt.Errorf("wallet: weather answer: for %.2f,%.2f, asked %.2f,%.2f: %w",
			out.Latitude, out.Longitude, latitude, longitude, ErrBadAnswer)
	}
	if t := oneline.Flatten(out.Time); t != out.Time || len(t) > 32 {
		return Weather{}, fmt.Errorf("wallet: weather answer: time %q: %w", clipLine(out.Time, 40), ErrBadAnswer)
	}
	return out, nil
}

// Summary is a short encyclopedia answer.
type Summary struct {
	Title   string `json:"title"`
	Extract string `json:"extract"`
	URL     string `json:"url,omitempty"`
}

// Knowledge pays for the summary of an encyclopedia article.
func (w *Wallet) Knowledge(ctx context.Context, title string) (Summary, error) {
	res, err := w.Call(ctx, ServiceKnowledge, url.Values{"title": {title}}, nil)
	if err != nil {
		return Summary{}, err
	}
	return parseSummary(res.Body)
}

// parseSummary reads a knowledge answer: title and extract flattened to
// one line and clipped, the URL kept only when it is an absolute http(s)
// URL.
func parseSummary(body []byte) (Summary, error) {
	var in Summary
	if err := json.Unmarshal(body, &in); err != nil {
		return Summary{}, fmt.Errorf("wallet: knowledge answer: %w", err)
	}
	out := Summary{Title: clipLine(in.Title, maxTitle), Extract: clipLine(in.Extract, maxExtract)}
	if u, err := url.Parse(in.URL); err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" && len(in.URL) <= maxPageURL {
		out.URL = u.String()
	}
	return out, nil
}

// clipLine flattens s to one line (oneline.Flatten) and cuts it to at most
// n bytes at a rune boundary, marking a cut with "…" (within the n).
func clipLine(s string, n int) string {
	s = oneline.Flatten(s)
	if len(s) <= n {
		return s
	}
	const mark = "…"
	cut := max(n-len(mark), 0)
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return strings.TrimSpace(s[:cut]) + mark
}
