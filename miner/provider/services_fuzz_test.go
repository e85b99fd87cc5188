package provider

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/mycroft-network/mycroft/internal/jsgf"
)

// oneLine reports whether s is printable UTF-8 on one line.
func oneLine(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return false
		}
	}
	return true
}

// FuzzParseSphinx: any output of pocketsphinx gives one line of printable
// text within maxTranscript bytes.
func FuzzParseSphinx(f *testing.F) {
	f.Add([]byte("what time is it\n"))
	f.Add([]byte("INFO: x\n\nhello world\n\n"))
	f.Add([]byte(`{"b":0.0,"d":1.2,"p":1,"t":"what is the weather","w":[]}` + "\n"))
	f.Add([]byte(`{"t":"a\u0000b\nc"}`))
	f.Add([]byte("{oops\n"))
	f.Fuzz(func(t *testing.T, out []byte) {
		got := parseSphinx(out)
		if !oneLine(got) || len(got) > maxTranscript || strings.TrimSpace(got) != got {
			t.Fatalf("parseSphinx(%q) = %q: not one trimmed line of printable text within %d bytes", out, got, maxTranscript)
		}
	})
}

// FuzzSphinxGrammar: a grammar from a call is refused with ErrBadRequest,
// or reaches pocketsphinx in jsgf's canonical form.
func FuzzSphinxGrammar(f *testing.F) {
	gram, err := os.ReadFile(filepath.Join("testdata", "audio", "cmd.gram"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(gram))
	f.Add("#JSGF V1.0;\ngrammar g;\npublic <g> = yes | no;\n")
	f.Add("#JSGF V1.0;\ngrammar g;\npublic <g> = yes {tag} | <h>;\n<h> = no <g>;\n")
	f.Add("")
	f.Fuzz(func(t *testing.T, in string) {
		got, err := sphinxGrammar(in, "")
		if err != nil {
			if !errors.Is(err, ErrBadRequest) {
				t.Fatalf("sphinxGrammar(%q): %v does not wrap ErrBadRequest", in, err)
			}
			return
		}
		if again, err := jsgf.Canonical(got); err != nil || again != got {
			t.Fatalf("sphinxGrammar(%q) = %q, which is not canonical (%q, %v)", in, got, again, err)
		}
	})
}

// FuzzWeatherPlace: parameters give a place on Earth or ErrBadRequest.
func FuzzWeatherPlace(f *testing.F) {
	for _, p := range [][2]string{{"52.52", "13.42"}, {"-90", "180"}, {"NaN", "0"}, {"91", "0"}, {"1e400", "0"}, {"0x1p-2", "-0"}, {"", ""}} {
		f.Add(p[0], p[1])
	}
	f.Fuzz(func(t *testing.T, lat, lon string) {
		la, lo, err := weatherPlace(map[string][]string{"latitude": {lat}, "longitude": {lon}})
		if err != nil {
			if !errors.Is(err, ErrBadRequest) {
				t.Fatalf("weatherPlace(%q, %q): %v does not wrap ErrBadRequest", lat, lon, err)
			}
			return
		}
		if math.IsNaN(la) || math.IsNaN(lo) || la < -90 || la > 90 || lo < -180 || lo > 180 {
			t.Fatalf("weatherPlace(%q, %q) = %v, %v: not on Earth", lat, lon, la, lo)
		}
	})
}

// FuzzParseOpenMeteo: any upstream answer is refused or gives weather
// within the ranges parseOpenMeteo promises.
func FuzzParseOpenMeteo(f *testing.F) {
	real, err := os.ReadFile(filepath.Join("testdata", "upstream", "open-meteo-forecast.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(real)
	f.Add([]byte(`{"latitude":1,"longitude":2,"current":{"time":"2026-01-01T00:00","temperature_2m":1e6}}`))
	f.Add([]byte(`{"current":null}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, body []byte) {
		w, err := parseOpenMeteo(body)
		if err != nil {
			if w != (Weather{}) {
				t.Fatalf("parseOpenMeteo(%q) = %+v with error %v", body, w, err)
			}
			return
		}
		if w.TemperatureC < -100 || w.TemperatureC > 100 || w.Humidity < 0 || w.Humidity > 100 || w.WindKmh < 0 ||
			w.Code < 0 || w.Code > 99 || w.Latitude < -90 || w.Latitude > 90 || !isStamp(w.Time) {
			t.Fatalf("parseOpenMeteo(%q) = %+v: out of range", body, w)
		}
	})
}

// FuzzArticleTitle: a title parameter is refused with ErrBadRequest or is
// one line of printable text that is not a path step.
func FuzzArticleTitle(f *testing.F) {
	for _, s := range []string{"Raspberry Pi", "AC/DC", "..", " . ", "a\nb", "\xff", strings.Repeat("x", 300)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got, err := articleTitle(map[string][]string{"title": {in}})
		if err != nil {
			if !errors.Is(err, ErrBadRequest) {
				t.Fatalf("articleTitle(%q): %v does not wrap ErrBadRequest", in, err)
			}
			return
		}
		if got == "" || len(got) > maxTitle || !oneLine(got) || strings.Contains(got, " ") || strings.Trim(got, ".") == "" {
			t.Fatalf("articleTitle(%q) = %q", in, got)
		}
	})
}

// FuzzParseWikipedia: any upstream answer is refused or gives one-line
// title and extract within their limits and an http(s) URL or none.
func FuzzParseWikipedia(f *testing.F) {
	real, err := os.ReadFile(filepath.Join("testdata", "upstream", "wikipedia-summary-Raspberry_Pi.json"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(real)
	f.Add([]byte(`{"title":"a\nb","extract":"x\u2028y","content_urls":{"desktop":{"page":"javascript:alert(1)"}}}`))
	f.Add([]byte(`{"extract":"` + strings.Repeat("é", 3000) + `"}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, body []byte) {
		s, err := parseWikipedia(body)
		if err != nil {
			return
		}
		if !oneLine(s.Title) || !oneLine(s.Extract) || len(s.Title) > maxTitle || len(s.Extract) > maxExtract {
			t.Fatalf("parseWikipedia(%q) = %+v: text not one bounded line", body, s)
		}
		if s.URL != "" && !strings.HasPrefix(s.URL, "https://") && !strings.HasPrefix(s.URL, "http://") {
			t.Fatalf("parseWikipedia(%q): URL %q", body, s.URL)
		}
	})
}
