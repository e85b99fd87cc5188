package psx

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/internal/wyoming"
	"github.com/mycroft-network/mycroft/voice/tts"
)

// wakeData is the wake word engine's test recordings (16 kHz mono).
const wakeData = "../wakeword/testdata/"

// spotChunk is the chunk size the pipeline's capture sends.
const spotChunk = 1024

// spotter makes a spotter for a test and closes it after, or skips when
// the binary has no pocketsphinx.
func spotter(tb testing.TB, c SpotterConfig) *Spotter {
	tb.Helper()
	if !Built {
		tb.Skip("built without the tag pocketsphinx")
	}
	s, err := NewSpotter(c)
	if errors.Is(err, ErrUnavailable) {
		tb.Skip(err) // pocketsphinx-en-us not installed
	}
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// recording reads a WAV of testdata as 16 kHz samples.
func recording(tb testing.TB, name string) []int16 {
	tb.Helper()
	b, err := os.ReadFile(wakeData + name)
	if err != nil {
		tb.Fatal(err)
	}
	pcm, rate, err := tts.DecodeWAV(b)
	if err != nil {
		tb.Fatalf("%s: %v", name, err)
	}
	if rate != Rate {
		pcm = tts.Resample(pcm, rate, Rate)
	}
	return pcm
}

// padded is clips one after another with a second of silence around each.
func padded(clips ...[]int16) []int16 {
	out := make([]int16, Rate)
	for _, c := range clips {
		out = append(out, c...)
		out = append(out, make([]int16, Rate)...)
	}
	return out
}

// spotAll runs s over pcm fed in chunks of n samples and returns the
// detections.
func spotAll(tb testing.TB, s *Spotter, pcm []int16, n int) []wyoming.Detection {
	tb.Helper()
	audio := make(chan []int16)
	go func() {
		defer close(audio)
		for len(pcm) > 0 {
			k := min(n, len(pcm))
			audio <- pcm[:k]
			pcm = pcm[k:]
		}
	}()
	var got []wyoming.Detection
	if err := s.Run(context.Background(), audio, func(d wyoming.Detection) { got = append(got, d) }); err != nil {
		tb.Fatalf("Run = %v", err)
	}
	return got
}

// synth caches synthesised speech: espeak-ng is slow under load.
var synth sync.Map // engine/voice/text -> []int16

func say(tb testing.TB, e *tts.Engine, text string) []int16 {
	tb.Helper()
	if !e.Available() {
		tb.Skipf("%s not installed", e.Program)
	}
	key := e.Program + "/" + e.Voice + "/" + text
	if v, ok := synth.Load(key); ok {
		return v.([]int16)
	}
	pcm, err := e.Synthesize(context.Background(), text)
	if err != nil {
		tb.Fatal(err)
	}
	synth.Store(key, pcm)
	return pcm
}

// TestSpotterRecordings: the real recording of "hey mycroft" is spotted
// once, at its place in the stream, whatever the chunk size; twice when
// said twice; other wake words not at all.
func TestSpotterRecordings(t *testing.T) {
	s := spotter(t, SpotterConfig{})
	hey := recording(t, "hey_mycroft_test.wav")
	heyEnd := int64(Rate+len(hey)) * 1000 / Rate // ms
	for _, c := range []struct {
		name  string
		pcm   []int16
		chunk int
		want  int
	}{
		{"hey mycroft", padded(hey), spotChunk, 1},
		{"hey mycroft, odd chunks", padded(hey), 333, 1},
		{"hey mycroft, one chunk", padded(hey), 1 << 30, 1},
		{"hey mycroft twice", padded(hey, hey), spotChunk, 2},
		{"hey jane", padded(recording(t, "hey_jane.wav")), spotChunk, 0},
		{"alexa", padded(recording(t, "alexa_test.wav")), spotChunk, 0},
		{"silence", make([]int16, 5*Rate), spotChunk, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := spotAll(t, s, c.pcm, c.chunk)
			if len(got) != c.want {
				t.Fatalf("%d detections %v, want %d", len(got), got, c.want)
			}
			for i, d := range got {
				if d.Name != "hey_mycroft" || d.Timestamp == nil {
					t.Fatalf("detection %d = %+v, want name hey_mycroft and a timestamp", i, d)
				}
				// Found after the phrase ends (the search waits for
				// the best score), within a second.
				end := heyEnd + int64(i)*int64(len(hey)+Rate)*1000/Rate
				if ts := *d.Timestamp; c.chunk == spotChunk && (ts < end-500 || ts > end+1000) {
					t.Errorf("detection %d at %d ms, want near the phrase's end at %d ms", i, ts, end)
				}
			}
		})
	}
}

// prose is speech without the wake word, some of it close to it.
var prose = []string{
	"the weather today is mostly sunny with a high of twenty degrees",
	"please remind me to call my mother on sunday afternoon",
	"my friend bought a new craft beer at the market",
	"hey there, how are you doing this morning",
	"the microphone picked up a lot of background noise",
	"set a timer for fifteen minutes and then play some music",
	"a crow flew over the croft near the old mill",
	"i would like to make a reservation for two people at eight",
	"he said hey to the mayor and went home",
	"the computer crashed while I was writing my report",
	"turn off the lights in the kitchen and lock the front door",
	"what is the capital of australia",
	"my cousin works at microsoft in seattle",
	"the kids played minecraft all weekend long",
	"in my craft room there are paints and brushes everywhere",
	"hey, I made a cake for the party tonight",
}

// speechMinute is a minute of synthesised prose, espeak-ng and flite
// taking turns, with short pauses.
func speechMinute(tb testing.TB) []int16 {
	engines := []*tts.Engine{tts.EspeakNG(), tts.Flite()}
	var out []int16
	for i := 0; len(out) < 60*Rate; i++ {
		out = append(out, say(tb, engines[i%2], prose[(i/2)%len(prose)])...)
		out = append(out, make([]int16, Rate/4)...)
	}
	return out
}

// TestSpotterProse: a minute of speech without the wake word (some of it
// near: "hey", "craft", "croft", "microsoft") is never spotted.
func TestSpotterProse(t *testing.T) {
	s := spotter(t, SpotterConfig{})
	pcm := speechMinute(t)
	if got := spotAll(t, s, pcm, spotChunk); len(got) != 0 {
		t.Errorf("%.0f s of prose: %d detections %v, want none", float64(len(pcm))/Rate, len(got), got)
	}
}

// TestSpotterRun: a closed stream ends Run with nil, a cancelled ctx
// with its error (and soon: the deadline only catches a hang), and the
// spotter is usable after both; a closed spotter refuses.
func TestSpotterRun(t *testing.T) {
	s := spotter(t, SpotterConfig{})
	ctx, cancel := context.WithCancel(context.Background())
	audio := make(chan []int16, 1)
	audio <- make([]int16, spotChunk)
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, audio, func(wyoming.Detection) {}) }()
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("cancelled Run = %v, want context.Canceled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
	closed := make(chan []int16)
	close(closed)
	if err := s.Run(context.Background(), closed, func(wyoming.Detection) {}); err != nil {
		t.Errorf("Run on a closed stream = %v, want nil", err)
	}
	if got := spotAll(t, s, padded(recording(t, "hey_mycroft_test.wav")), spotChunk); len(got) != 1 {
		t.Errorf("after cancel: %d detections, want 1", len(got))
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := s.Run(context.Background(), closed, func(wyoming.Detection) {}); !errors.Is(err, ErrClosed) {
		t.Errorf("Run after Close = %v, want ErrClosed", err)
	}
}

// TestSpotterConfig: defaults, other phrases, and configurations refused.
func TestSpotterConfig(t *testing.T) {
	for _, c := range []struct {
		name    string
		in      SpotterConfig
		phrase  string
		words   []spotWord
		wantErr bool
	}{
		{name: "zero", phrase: "hey mycroft", words: []spotWord{{"hey", "HH EY"}, {"mycroft", "M AY K R AO F T"}}},
		{name: "default phrase, any case", in: SpotterConfig{Phrase: " Hey  MYCROFT "}, phrase: "hey mycroft", words: []spotWord{{"hey", "HH EY"}, {"mycroft", "M AY K R AO F T"}}},
		{name: "wake up", in: SpotterConfig{Phrase: "wake up", Phones: "w ey k . ah p", Threshold: 1e-20}, phrase: "wake up", words: []spotWord{{"wake", "W EY K"}, {"up", "AH P"}}},
		{name: "phrase without phones", in: SpotterConfig{Phrase: "wake up"}, wantErr: true},
		{name: "phones without phrase", in: SpotterConfig{Phones: "W EY K"}, wantErr: true},
		{name: "word count", in: SpotterConfig{Phrase: "wake up", Phones: "W EY K AH P"}, wantErr: true},
		{name: "empty group", in: SpotterConfig{Phrase: "wake up", Phones: "W EY K . "}, wantErr: true},
		{name: "stress mark", in: SpotterConfig{Phrase: "wake", Phones: "W EY1 K"}, wantErr: true},
		{name: "not a word", in: SpotterConfig{Phrase: "wake/up", Phones: "W EY K"}, wantErr: true},
		{name: "threshold above 1", in: SpotterConfig{Threshold: 2}, wantErr: true},
		{name: "negative threshold", in: SpotterConfig{Threshold: -1e-20}, wantErr: true},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, words, err := c.in.resolve()
			if c.wantErr {
				if !errors.Is(err, ErrSpotterConfig) {
					t.Fatalf("resolve(%+v) = %v, want ErrSpotterConfig", c.in, err)
				}
				if _, err := NewSpotter(c.in); !errors.Is(err, ErrSpotterConfig) {
					t.Fatalf("NewSpotter(%+v) = %v, want ErrSpotterConfig", c.in, err)
				}
				return
			}
			if err != nil {
				t.Fatalf("resolve(%+v) = %v", c.in, err)
			}
			if got.Phrase != c.phrase || fmt.Sprint(words) != fmt.Sprint(c.words) || got.Name != strings.ReplaceAll(c.phrase, " ", "_") || got.Threshold <= 0 || got.HMM == "" {
				t.Errorf("resolve(%+v) = %+v, %v; want phrase %q, words %v", c.in, got, words, c.phrase, c.words)
			}
		})
	}
	if !Built {
		if _, err := NewSpotter(SpotterConfig{}); !errors.Is(err, ErrUnavailable) || !strings.Contains(err.Error(), "pocketsphinx") {
			t.Errorf("NewSpotter without the tag = %v, want ErrUnavailable naming the tag", err)
		}
		return
	}
	// A phone the acoustic model does not have.
	if _, err := NewSpotter(SpotterConfig{Phrase: "wake", Phones: "W EY QQ"}); !errors.Is(err, ErrSpotterConfig) && !errors.Is(err, ErrUnavailable) {
		t.Errorf("NewSpotter with phone QQ = %v, want ErrSpotterConfig", err)
	}
}
