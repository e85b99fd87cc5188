package wallet

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"strconv"
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
	var t struct {
		Text string `json:"text"`
	}
	if err := json.Unmarshal(res.Body, &t); err != nil {
		return "", fmt.Errorf("wallet: stt answer: %w", err)
	}
	return t.Text, nil
}

// Weather is the current weather at a place.
type Weather struct {
	Latitude     float64 `json:"latitude"`
	Longitude    float64 `json:"longitude"`
	Time         string  `json:"time"`
	TemperatureC float64 `json:"temperatureC"`
	Humidity     float64 `json:"humidity"`
	WindKmh      float64 `json:"windKmh"`
	Code         int     `json:"code"`  // WMO weather code, see Summary
	HighC        float64 `json:"highC"` // today's maximum
	LowC         float64 `json:"lowC"`  // today's minimum
}

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
	var out Weather
	if err := json.Unmarshal(res.Body, &out); err != nil {
		return Weather{}, fmt.Errorf("wallet: weather answer: %w", err)
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
	var out Summary
	if err := json.Unmarshal(res.Body, &out); err != nil {
		return Summary{}, fmt.Errorf("wallet: knowledge answer: %w", err)
	}
	return out, nil
}
