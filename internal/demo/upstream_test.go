package demo

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/mycroft-network/mycroft/miner/provider"
)

// TestUpstream replays the recordings to the provider's own Open-Meteo
// and Wikipedia clients: the recordings have the shape those clients
// parse, and the replay answers the places and titles the demo asks.
func TestUpstream(t *testing.T) {
	u, err := loadRecordings()
	if err != nil {
		t.Fatal(err)
	}
	base, err := u.start()
	if err != nil {
		t.Fatal(err)
	}
	defer u.close()
	ctx := context.Background()

	weather := []struct {
		name     string
		lat, lon string
		wantLat  float64
	}{
		{"the demo's place", "51.5072", "-0.1276", 51.5},
		{"near Berlin", "52.4", "13.2", 52.52},
		{"Sydney", "-33.9", "151.2", -33.875},
	}
	for _, c := range weather {
		b, err := (&provider.OpenMeteo{BaseURL: base}).Call(ctx, map[string][]string{"latitude": {c.lat}, "longitude": {c.lon}})
		if err != nil {
			t.Errorf("%s: weather at %s,%s: %v", c.name, c.lat, c.lon, err)
			continue
		}
		var w provider.Weather
		if err := json.Unmarshal(b, &w); err != nil || w.Latitude != c.wantLat || w.Time == "" || w.HighC < w.LowC {
			t.Errorf("%s: weather at %s,%s = %s (%v), want the recording at latitude %v", c.name, c.lat, c.lon, b, err, c.wantLat)
		}
	}

	knowledge := []struct {
		name, title, want string
		err               error
	}{
		{"as the agent asks", "The_Moon", "Moon", nil},
		{"lower case", "mars", "Mars", nil},
		{"with spaces", "the internet", "Internet", nil},
		{"not written for the demo: Wikipedia's 404, answered with no extract", "Xyzzy_Plugh", "", nil},
	}
	for _, c := range knowledge {
		b, err := (&provider.Wikipedia{BaseURL: base}).Call(ctx, map[string][]string{"title": {c.title}})
		if c.err != nil {
			if !errors.Is(err, c.err) {
				t.Errorf("%s: title %q: err %v, want %v", c.name, c.title, err, c.err)
			}
			continue
		}
		var s provider.Summary
		if c.want == "" {
			if err != nil || json.Unmarshal(b, &s) != nil || s.Title != strings.ReplaceAll(c.title, "_", " ") || s.Extract != "" {
				t.Errorf("%s: title %q = %s (%v), want an answer with no extract", c.name, c.title, b, err)
			}
			continue
		}
		if err != nil || json.Unmarshal(b, &s) != nil || s.Title != c.want || s.Extract == "" || s.URL == "" {
			t.Errorf("%s: title %q = %s (%v), want the summary of %s", c.name, c.title, b, err, c.want)
		}
	}
}
