package voice_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/keystore"
	"github.com/mycroft-network/mycroft/voice"
	"github.com/mycroft-network/mycroft/voice/intent"
	"github.com/mycroft-network/mycroft/voice/tts"
)

func fixture(t testing.TB, name string) []int16 {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	pcm, rate, err := tts.DecodeWAV(b)
	if err != nil || rate != 16000 {
		t.Fatalf("%s: %v (rate %d)", name, err, rate)
	}
	return pcm
}

type reference struct {
	SpeechStart int `json:"speechStart"`
	SpeechEnd   int `json:"speechEnd"`
}

func references(t testing.TB) map[string]reference {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "fixtures.json"))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]reference{}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// gateMic plays samples in 10 ms reads and stops at each hold point (a
// sample offset) until the test calls release; then io.EOF at the end.
type gateMic struct {
	mu      sync.Mutex
	cond    *sync.Cond
	samples []int16
	pos     int
	holds   []int
	closed  bool
}

func newGateMic(samples []int16, holds ...int) *gateMic {
	m := &gateMic{samples: samples, holds: holds}
	m.cond = sync.NewCond(&m.mu)
	return m
}

func (m *gateMic) Format() hal.AudioFormat { return hal.Voice }

func (m *gateMic) Read(p []int16) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	for len(m.holds) > 0 && m.pos >= m.holds[0] && !m.closed {
		m.cond.Wait()
	}
	if m.pos >= len(m.samples) || m.closed {
		return 0, io.EOF
	}
	end := min(len(m.samples), m.pos+hal.FrameSamples)
	if len(m.holds) > 0 {
		end = min(end, m.holds[0])
	}
	n := copy(p, m.samples[m.pos:end])
	m.pos += n
	return n, nil
}

// release lets the mic run to the next hold point.
func (m *gateMic) release() {
	m.mu.Lock()
	defer m.mu.Unlock()
	if len(m.holds) > 0 {
		m.holds = m.holds[1:]
	}
	m.cond.Broadcast()
}

func (m *gateMic) close() {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.closed = true
	m.cond.Broadcast()
}

// fakeClock fires After channels when the test advances it.
type fakeClock struct {
	mu     sync.Mutex
	now    time.Time
	timers []fakeTimer
}

type fakeTimer struct {
	at time.Time
	ch chan time.Time
}

func newFakeClock() *fakeClock {
	return &fakeClock{now: time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) After(d time.Duration) <-chan time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	ch := make(chan time.Time, 1)
	c.timers = append(c.timers, fakeTimer{c.now.Add(d), ch})
	return ch
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	kept := c.timers[:0]
	for _, t := range c.timers {
		if !t.at.After(c.now) {
			t.ch <- c.now
		} else {
			kept = append(kept, t)
		}
	}
	c.timers = kept
}

// fakeSealer "seals" by prefixing and remembers what it sealed.
type fakeSealer struct {
	mu      sync.Mutex
	records []sealed
}

type sealed struct {
	cat       keystore.Category
	id        string
	plaintext []byte
}

func (s *fakeSealer) Seal(cat keystore.Category, id string, p []byte) ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.records = append(s.records, sealed{cat, id, append([]byte(nil), p...)})
	out := []byte("sealed:")
	for _, b := range p {
		out = append(out, b^0x5a)
	}
	return out, nil
}

func (s *fakeSealer) all() []sealed {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]sealed(nil), s.records...)
}

// testSkills: the time question and a confirmed vote.
type testSkill struct {
	mu    sync.Mutex
	heard []string
	voted []int
}

func (s *testSkill) Name() string { return "test" }
func (s *testSkill) Intents() []intent.Spec {
	return []intent.Spec{
		{Name: "time", Patterns: []string{"what time is it"}},
		{Name: "weather", Patterns: []string{"what is the weather"}},
		{Name: "money", Patterns: []string{"how much money do i have"}},
		{Name: "vote", Patterns: []string{"vote {vote} on proposal {number}"}},
	}
}

func (s *testSkill) Handle(ctx context.Context, in intent.Intent) (intent.Reply, error) {
	s.mu.Lock()
	s.heard = append(s.heard, in.Text)
	s.mu.Unlock()
	switch in.Name {
	case "time":
		return intent.Reply{Text: "It is noon."}, nil
	case "vote":
		n, _ := in.Number("number")
		return intent.Reply{Text: "Vote " + in.Slots["vote"] + "?", Confirm: &intent.Confirmation{
			Prompt: "Press the button to confirm.",
			Do: func(context.Context) (intent.Reply, error) {
				s.mu.Lock()
				s.voted = append(s.voted, n)
				s.mu.Unlock()
				return intent.Reply{Text: "Voted."}, nil
			},
		}}, nil
	}
	return intent.Reply{Text: "OK."}, nil
}

func (s *testSkill) heardAll() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.heard...)
}

func newBrain(t testing.TB) (*intent.Router, *testSkill) {
	t.Helper()
	sk := &testSkill{}
	r, err := intent.NewRouter(nil, sk)
	if err != nil {
		t.Fatal(err)
	}
	return r, sk
}

// beepVoice is a fast Synthesizer: 0.2 s of tone per reply.
type beepVoice struct{}

func (beepVoice) Synthesize(_ context.Context, text string) ([]int16, error) {
	p := make([]int16, 3200)
	for i := range p {
		p[i] = int16((i % 32) * 500)
	}
	return p, nil
}

// recordingSTT is a loopback HTTP STT that keeps the audio it got and
// answers with a fixed text (or fails with status).
type recordingSTT struct {
	mu     sync.Mutex
	audio  [][]byte
	text   string
	status int
}

func (s *recordingSTT) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b, err := io.ReadAll(r.Body)
	s.mu.Lock()
	if err == nil {
		s.audio = append(s.audio, b)
	}
	status, text := s.status, s.text
	s.mu.Unlock()
	if status != 0 {
		http.Error(w, "recogniser down", status)
		return
	}
	_ = json.NewEncoder(w).Encode(voice.Transcript{Text: text})
}

func (s *recordingSTT) got() [][]byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([][]byte(nil), s.audio...)
}

func serve(t testing.TB, h http.Handler) string {
	t.Helper()
	srv := httptest.NewServer(h) // 127.0.0.1
	t.Cleanup(srv.Close)
	return srv.URL
}

// run starts p and stops it at the end of the test.
func run(t testing.TB, p *voice.Pipeline) {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- p.Run(context.Background()) }()
	t.Cleanup(func() {
		p.Close()
		if err := <-done; err != nil {
			t.Errorf("Run: %v", err)
		}
	})
}

func waitCtx(t testing.TB) context.Context {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	t.Cleanup(cancel)
	return ctx
}
