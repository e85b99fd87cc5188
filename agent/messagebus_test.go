package agent

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/mycroft-network/mycroft/agent/messagebus"
	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/internal/wav"
)

// pythonWithWebsockets finds a python3 that has the websockets module
// (Debian's python3-websockets; CI installs it). Without one the test
// fails, unless MYCROFT_SKIP_PYTHON=1 says to skip it.
func pythonWithWebsockets(t testing.TB) string {
	t.Helper()
	for _, py := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(py, "-c", "import websockets").Run() == nil {
			return py
		}
	}
	if os.Getenv("MYCROFT_SKIP_PYTHON") == "1" {
		t.Skip("no python3 with the websockets module and MYCROFT_SKIP_PYTHON=1")
	}
	t.Fatal("python3 with the websockets module is not installed: apt-get install python3 python3-websockets (make deps does), or set MYCROFT_SKIP_PYTHON=1 to skip the external-skill test")
	return ""
}

// toneSynth speaks any text as 0.1 s of a loud square wave.
type toneSynth struct{}

func (toneSynth) Synthesize(context.Context, string) ([]int16, error) {
	p := make([]int16, 1600)
	for i := range p {
		p[i] = int16(8000 - 16000*((i/20)%2))
	}
	return p, nil
}

// busClient is a messagebus client of the test.
type busClient struct {
	t    testing.TB
	conn *websocket.Conn
	in   chan messagebus.Message
}

func dialBus(t testing.TB, url string, h http.Header) (*busClient, *http.Response, error) {
	conn, resp, err := websocket.DefaultDialer.Dial(url, h)
	if err != nil {
		return nil, resp, err
	}
	c := &busClient{t: t, conn: conn, in: make(chan messagebus.Message, 256)}
	go func() {
		defer close(c.in)
		for {
			_, b, err := conn.ReadMessage()
			if err != nil {
				return
			}
			if m, err := messagebus.Parse(b); err == nil {
				c.in <- m
			}
		}
	}()
	t.Cleanup(func() { conn.Close() })
	return c, resp, nil
}

func (c *busClient) send(typ string, data map[string]any) {
	c.t.Helper()
	if err := c.conn.WriteMessage(websocket.TextMessage, messagebus.Message{Type: typ, Data: data}.Encode()); err != nil {
		c.t.Fatal(err)
	}
}

func (c *busClient) expect(typ string, ok func(messagebus.Message) bool) messagebus.Message {
	c.t.Helper()
	timeout := time.After(30 * time.Second)
	for {
		select {
		case m, open := <-c.in:
			if !open {
				c.t.Fatalf("bus connection closed waiting for %s", typ)
			}
			if m.Type == typ && (ok == nil || ok(m)) {
				return m
			}
		case <-timeout:
			c.t.Fatalf("no %s on the bus", typ)
		}
	}
}

func busURL(t testing.TB, c *apiclient.Client) string {
	t.Helper()
	st, err := c.Status(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var bs BusStatus
	if err := json.Unmarshal(st.Components["messagebus"], &bs); err != nil || !bs.Enabled {
		t.Fatalf("messagebus status %s, %v", st.Components["messagebus"], err)
	}
	return "ws://" + bs.Listen + messagebus.Route
}

// lines collects a process's output lines.
type lines struct {
	mu sync.Mutex
	l  []string
}

func (l *lines) all() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Clone(l.l)
}

func (l *lines) has(s string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return slices.Contains(l.l, s)
}

// pythonSkillRig starts the agent on the simulated board (answers spoken
// to speaker) and testdata/skill.py on its bus, and returns the agent's
// client and stop, a second bus client and what the skill prints.
func pythonSkillRig(t testing.TB, speaker string) (*apiclient.Client, func() error, *busClient, *lines) {
	t.Helper()
	py := pythonWithWebsockets(t)
	overrideVoice(t, func(d *voiceDeps) {
		d.Skills.Now = func() time.Time { return noon }
		d.Skills.Location = time.UTC
		d.Synth = toneSynth{}
	})
	_, client, stop := start(t, testConfig(t), Options{OpenBoard: simBoard(speaker)})
	url := busURL(t, client)
	user, _, err := dialBus(t, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(ctx, py, filepath.Join("testdata", "skill.py"), url)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	got := &lines{}
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			got.mu.Lock()
			got.l = append(got.l, sc.Text())
			got.mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		cancel()
		_ = cmd.Wait()
		if t.Failed() {
			t.Logf("skill.py stderr:\n%s", stderr.String())
		}
	})
	user.expect("weather-skill.ready", nil)
	return client, stop, user, got
}

// BenchmarkMessagebusPythonSkill: the messagebus round trip with the
// Python skill process: an utterance sent on the bus → the agent's
// pipeline and intent matching → the intent message to skill.py → its
// speak received by the sender. The device saying it is not timed.
func BenchmarkMessagebusPythonSkill(b *testing.B) {
	_, _, user, _ := pythonSkillRig(b, "")
	b.ResetTimer()
	for range b.N {
		user.send("recognizer_loop:utterance", map[string]any{"utterances": []any{"what is the weather in paris"}})
		user.expect("speak", func(m messagebus.Message) bool { return m.Data["utterance"] == "It is sunny in paris." })
		b.StopTimer()
		user.expect("recognizer_loop:audio_output_end", nil)
		b.StartTimer()
	}
}

// TestMessagebusPythonSkill: the real agent on the simulated board serves
// the messagebus; an external skill process in Python (testdata/skill.py,
// written against the documented protocol) registers a Padatious and an
// Adapt intent; utterances sent by another client reach it with the right
// entity, and what it says back is spoken by the device (a speak on the
// bus, the pipeline's interaction, audio on the speaker). "what time is
// it" is still answered by the built-in skill.
func TestMessagebusPythonSkill(t *testing.T) {
	speaker := filepath.Join(t.TempDir(), "speaker.wav")
	client, stop, user, got := pythonSkillRig(t, speaker)

	for _, c := range []struct{ say, line, answer string }{
		{"What is the weather in Paris?", "intent weather-skill:weather.intent city=paris", "It is sunny in paris."},
		{"please turn on the lamp", "intent weather-skill:LightsOn thing=lamp", "Turning on the lamp."},
		{"what time is it", "", "It is noon."},
	} {
		user.send("recognizer_loop:utterance", map[string]any{"utterances": []any{c.say}, "lang": "en-us"})
		user.expect("speak", func(m messagebus.Message) bool { return m.Data["utterance"] == c.answer })
		user.expect("recognizer_loop:audio_output_end", nil)
		if c.line != "" && !got.has(c.line) {
			t.Errorf("%q: the skill printed %q, want %q", c.say, got.all(), c.line)
		}
		// The speech ends a moment before the interaction does.
		in := waitFor(t, "the interaction", func() (apiclient.VoiceInteraction, error) { return client.VoiceLast(context.Background()) },
			func(in apiclient.VoiceInteraction) bool { return in.Done && in.Transcript == c.say })
		if in.Reply != c.answer {
			t.Errorf("%q: interaction %+v; want the answer %q", c.say, in, c.answer)
		}
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	audio, err := wav.ReadFile(speaker)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(audio.Samples); n != 3*1600 {
		t.Errorf("the speaker played %d samples, want three answers of 1600", n)
	}
}

// TestMessagebusToken: a bus on every interface needs a token (the
// configuration is refused without one); with one, a client without it is
// refused and a client with it is served.
func TestMessagebusToken(t *testing.T) {
	cfg := testConfig(t)
	cfg.Messagebus.Listen = "0.0.0.0:0"
	var ce ConfigErrors
	if err := cfg.Validate(); !errors.As(err, &ce) || !strings.Contains(err.Error(), "messagebus.token") {
		t.Fatalf("0.0.0.0 without a token: %v", err)
	}
	cfg.Messagebus.Token = "a-token-of-the-owner"
	_, client, _ := start(t, cfg, Options{})
	url := strings.Replace(busURL(t, client), "0.0.0.0", "127.0.0.1", 1)
	if _, resp, err := dialBus(t, url, nil); err == nil || resp == nil || resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("no token: %v, %v; want 401", err, resp)
	}
	c, _, err := dialBus(t, url+"?token=a-token-of-the-owner", nil)
	if err != nil {
		t.Fatal(err)
	}
	c.expect("connected", nil)
}
