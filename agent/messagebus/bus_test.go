package messagebus

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"

	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/hal/haltest"
	"github.com/mycroft-network/mycroft/voice"
	"github.com/mycroft-network/mycroft/voice/intent"
)

// clockSkill is the built-in skill of these tests.
type clockSkill struct{}

func (clockSkill) Name() string { return "clock" }
func (clockSkill) Intents() []intent.Spec {
	return []intent.Spec{{Name: "time", Patterns: []string{"what time is it"}}, {Name: "stop", Patterns: []string{"stop"}}}
}
func (clockSkill) Handle(_ context.Context, in intent.Intent) (intent.Reply, error) {
	if in.Name == "stop" {
		return intent.Reply{Stop: true}, nil
	}
	return intent.Reply{Text: "It is noon."}, nil
}

type rig struct {
	bus   *Bus
	brain voice.Brain
	p     *voice.Pipeline
	url   string
	vol   *haltest.FakeVolume
	btn   *haltest.ScriptedButtons
	ctx   context.Context
	stop  func()
}

// newRig runs a real pipeline (no devices: typed questions, answers not
// played) and a bus for it on 127.0.0.1 (addr is what the bus is
// configured with, for its token rule).
func newRig(t testing.TB, addr string, cfg Config) *rig {
	t.Helper()
	router, err := intent.NewRouter(nil, clockSkill{})
	if err != nil {
		t.Fatal(err)
	}
	vol := haltest.NewFakeVolume(50)
	cfg.Volume = vol
	cfg.HandlerTimeout = 5 * time.Second
	b, err := New(addr, cfg)
	if err != nil {
		t.Fatal(err)
	}
	btn := haltest.NewScriptedButtons()
	brain := b.Brain(router)
	p, err := voice.New(voice.Config{Brain: brain, Buttons: btn, Volume: vol})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	done := make(chan error, 2)
	go func() { done <- p.Run(ctx) }()
	go func() { done <- b.Serve(ctx, ln, p) }()
	r := &rig{bus: b, brain: brain, p: p, url: "ws://" + ln.Addr().String() + Route, vol: vol, btn: btn, ctx: ctx}
	r.stop = func() {
		cancel()
		for range 2 {
			if err := <-done; err != nil {
				t.Errorf("stop: %v", err)
			}
		}
	}
	t.Cleanup(r.stop)
	return r
}

type wsClient struct {
	t    testing.TB
	conn *websocket.Conn
	in   chan Message
}

func (r *rig) dial(t testing.TB, suffix string, h http.Header) *wsClient {
	t.Helper()
	conn, _, err := websocket.DefaultDialer.Dial(r.url+suffix, h)
	if err != nil {
		t.Fatal(err)
	}
	c := &wsClient{t: t, conn: conn, in: make(chan Message, 256)}
	go func() {
		defer close(c.in)
		for {
			_, b, err := conn.ReadMessage()
			if err != nil {
				return
			}
			if m, err := Parse(b); err == nil {
				c.in <- m
			}
		}
	}()
	t.Cleanup(func() { conn.Close() })
	c.expect("connected", nil)
	return c
}

func (c *wsClient) send(typ string, data, ctx map[string]any) {
	c.t.Helper()
	if err := c.conn.WriteMessage(websocket.TextMessage, Message{Type: typ, Data: data, Context: ctx}.Encode()); err != nil {
		c.t.Fatal(err)
	}
}

// expect waits for a message of type typ (that ok accepts), skipping
// others.
func (c *wsClient) expect(typ string, ok func(Message) bool) Message {
	c.t.Helper()
	timeout := time.After(20 * time.Second)
	var seen []string
	for {
		select {
		case m, open := <-c.in:
			if !open {
				c.t.Fatalf("connection closed waiting for %s (saw %q)", typ, seen)
			}
			if m.Type == typ && (ok == nil || ok(m)) {
				return m
			}
			seen = append(seen, m.Type)
		case <-timeout:
			c.t.Fatalf("no %s (saw %q)", typ, seen)
		}
	}
}

// TestRelayAndUtterance: what one client sends reaches the others (and
// itself, as on mycroft-core's bus); an utterance is answered by the
// built-in skill and the answer goes out as speak, bracketed by audio
// output start and end.
func TestRelayAndUtterance(t *testing.T) {
	r := newRig(t, DefaultAddr, Config{})
	a, b := r.dial(t, "", nil), r.dial(t, "", nil)
	a.send("my.gui.event", map[string]any{"x": 1.0}, nil)
	got := b.expect("my.gui.event", nil)
	if got.Data["x"] != 1.0 {
		t.Errorf("relayed data %v", got.Data)
	}
	a.expect("my.gui.event", nil)
	a.send("recognizer_loop:utterance", map[string]any{"utterances": []any{"What time is it?"}}, nil)
	sp := b.expect("speak", nil)
	if str(sp.Data, "utterance") != "It is noon." {
		t.Errorf("speak %v", sp.Data)
	}
	b.expect("recognizer_loop:audio_output_start", nil)
	b.expect("recognizer_loop:audio_output_end", nil)
	// Not JSON, no type, data not an object: dropped and counted, the
	// connection stays.
	for _, bad := range []string{"hello", `{"data":{}}`, `{"type":"x","data":[1]}`} {
		if err := a.conn.WriteMessage(websocket.TextMessage, []byte(bad)); err != nil {
			t.Fatal(err)
		}
	}
	a.send("still.here", nil, nil)
	b.expect("still.here", nil)
	if n := r.bus.Stats().Malformed.Load(); n != 3 {
		t.Errorf("malformed %d, want 3", n)
	}
}

// TestExternalSkill: a client registers a Padatious and an Adapt intent;
// utterances that match them are sent to it as the intent's message with
// the entities; what it says back is the device's answer (spoken once: no
// second speak from the bus); the built-in skill keeps its utterance; a
// detached skill gets nothing more.
func TestExternalSkill(t *testing.T) {
	r := newRig(t, DefaultAddr, Config{})
	skill, user := r.dial(t, "", nil), r.dial(t, "", nil)
	skill.send("padatious:register_intent", map[string]any{"name": "gowx:weather.intent", "samples": []any{"(what is|what's) the weather (in|at) {city}", "weather for {city} (please|)"}}, map[string]any{"skill_id": "gowx"})
	skill.send("register_vocab", map[string]any{"entity_value": "lights", "entity_type": "gowxThing"}, nil)
	skill.send("register_vocab", map[string]any{"entity_value": "lamp", "entity_type": "gowxThing"}, nil)
	skill.send("register_vocab", map[string]any{"start": "turn on", "end": "gowxOn"}, nil)
	skill.send("register_intent", map[string]any{"name": "gowx:LightsOn", "requires": []any{[]any{"gowxOn", "gowxOn"}, []any{"gowxThing", "thing"}}}, nil)
	skill.send("register_vocab", map[string]any{"regex": "^remind me to (?P<gowxTask>.+)$"}, nil)
	skill.send("register_intent", map[string]any{"name": "gowx:Remind", "requires": []any{[]any{"gowxTask", "task"}}}, nil)
	skill.send("sync", nil, nil)
	skill.expect("sync", nil)

	for _, c := range []struct {
		say, intent, key, value, answer string
	}{
		{"What's the weather in Paris?", "gowx:weather.intent", "city", "paris", "Sunny in Paris."},
		{"weather for new york", "gowx:weather.intent", "city", "new york", "Rain in New York."},
		{"please turn on the lamp", "gowx:LightsOn", "thing", "lamp", "The lamp is on."},
		{"Remind me to water the plants", "gowx:Remind", "task", "water the plants", "I will remind you."},
	} {
		user.send("recognizer_loop:utterance", map[string]any{"utterances": []any{c.say}}, nil)
		m := skill.expect(c.intent, nil)
		if got := str(m.Data, c.key); got != c.value {
			t.Errorf("%q: %s = %q, want %q (data %v)", c.say, c.key, got, c.value, m.Data)
		}
		if str(m.Context, "skill_id") != "gowx" || str(m.Data, "utterance") != c.say {
			t.Errorf("%q: intent message %+v", c.say, m)
		}
		ctx := map[string]any{"skill_id": "gowx"}
		skill.send("mycroft.skill.handler.start", map[string]any{"name": "Weather.handle"}, ctx)
		skill.send("speak", map[string]any{"utterance": c.answer}, ctx)
		skill.send("mycroft.skill.handler.complete", map[string]any{"name": "Weather.handle"}, ctx)
		user.expect("speak", func(m Message) bool { return str(m.Data, "utterance") == c.answer })
		user.expect("recognizer_loop:audio_output_end", nil)
		in := r.done(t, c.say)
		if in.Reply != c.answer || in.Transcript != c.say {
			t.Errorf("interaction %+v, want %q answered %q", in, c.say, c.answer)
		}
	}
	// The built-in skill keeps "what time is it" (a tie at best).
	skill.send("padatious:register_intent", map[string]any{"name": "gowx:time.intent", "samples": []any{"what time is it"}}, nil)
	user.send("recognizer_loop:utterance", map[string]any{"utterances": []any{"what time is it"}}, nil)
	user.expect("speak", func(m Message) bool { return str(m.Data, "utterance") == "It is noon." })
	if n := r.bus.Stats().Intents.Load(); n != 4 {
		t.Errorf("%d intents dispatched, want 4", n)
	}
	skill.send("detach_intent", map[string]any{"intent_name": "gowx:Remind"}, nil)
	skill.send("sync", nil, nil)
	skill.expect("sync", nil)
	user.send("intent.service.intent.get", map[string]any{"utterance": "remind me to sleep"}, nil)
	if rep := user.expect("intent.service.intent.reply", nil); rep.Data["intent"] != nil {
		t.Errorf("after detach_intent: intent %v", rep.Data["intent"])
	}
	user.send("intent.service.intent.get", map[string]any{"utterance": "turn on the lights"}, nil)
	if rep := user.expect("intent.service.intent.reply", nil); rep.Data["intent"] == nil {
		t.Error("detach_intent removed another intent")
	}
	// Only one speak for each external answer reached the user: the skill's.
	skill.send("detach_skill", map[string]any{"skill_id": "gowx:"}, nil)
	skill.send("sync", nil, nil)
	skill.expect("sync", nil)
	user.send("intent.service.intent.get", map[string]any{"utterance": "what is the weather in paris"}, nil)
	rep := user.expect("intent.service.intent.reply", nil)
	if rep.Data["intent"] != nil {
		t.Errorf("after detach_skill: intent %v", rep.Data["intent"])
	}
}

// TestExternalGrammar: an external skill's Padatious samples join the
// grammar the local recogniser is given when its dictionary knows their
// words, and leave it when the skill detaches; samples with an entity,
// or with an unknown word, stay out.
func TestExternalGrammar(t *testing.T) {
	r := newRig(t, DefaultAddr, Config{Known: func(w string) bool { return w != "zzqxjv" }})
	skill := r.dial(t, "", nil)
	skill.send("padatious:register_intent", map[string]any{"name": "fun:joke.intent", "samples": []any{"tell me a joke", "play zzqxjv radio", "joke about {topic}"}}, map[string]any{"skill_id": "fun"})
	skill.send("sync", nil, nil)
	skill.expect("sync", nil)
	g := r.brain.Grammar()
	if !strings.Contains(g, "tell me a joke") || !strings.Contains(g, "what time is it") {
		t.Errorf("grammar lacks the external sample or the built-in one:\n%s", g)
	}
	if strings.Contains(g, "zzqxjv") || strings.Contains(g, "topic") {
		t.Errorf("grammar holds an unknown word or a free entity:\n%s", g)
	}
	skill.send("detach_skill", map[string]any{"skill_id": "fun"}, nil)
	skill.send("sync", nil, nil)
	skill.expect("sync", nil)
	if g := r.brain.Grammar(); strings.Contains(g, "joke") {
		t.Errorf("after detach_skill the grammar still holds the sample:\n%s", g)
	}
}

// TestSpeakOutsideHandler: a skill's speak of its own initiative is said
// by the device (not while the speaker is muted with mycroft.volume.mute).
func TestSpeakAndVolume(t *testing.T) {
	r := newRig(t, DefaultAddr, Config{})
	c := r.dial(t, "", nil)
	c.send("speak", map[string]any{"utterance": "The washing is done."}, nil)
	c.expect("recognizer_loop:audio_output_end", nil)
	if in := r.done(t, "The washing is done."); in.Reply != "The washing is done." {
		t.Errorf("interaction %+v", in)
	}
	for _, s := range []struct {
		typ     string
		data    map[string]any
		percent float64
		muted   bool
	}{
		{"mycroft.volume.get", nil, 0.5, false},
		{"mycroft.volume.set", map[string]any{"percent": 0.8}, 0.8, false},
		{"mycroft.volume.decrease", nil, 0.7, false},
		{"mycroft.volume.increase", map[string]any{"percent": 0.2}, 0.9, false},
		{"mycroft.volume.mute", nil, 0, true},
		{"mycroft.volume.unmute", nil, 0.9, false},
		{"mycroft.volume.mute.toggle", nil, 0, true},
	} {
		c.send(s.typ, s.data, map[string]any{"source": "gui", "destination": "audio"})
		m := c.expect(s.typ+".response", nil)
		if p, _ := number(m.Data, "percent"); p != s.percent || m.Data["muted"] != s.muted || str(m.Context, "destination") != "gui" {
			t.Errorf("%s: %+v, want percent %v muted %v to the gui", s.typ, m, s.percent, s.muted)
		}
	}
	if v, _ := r.vol.Volume(); v != 0 {
		t.Errorf("board volume %d while muted", v)
	}
	// The volume buttons: the new level goes out as a volume service's
	// answer, and the bus's mute is over.
	r.btn.Push(haltest.Click(hal.ButtonVolUp)...)
	if m := c.expect("mycroft.volume.get.response", nil); m.Data["percent"] != 0.1 || m.Data["muted"] != false {
		t.Errorf("after volume up from 0: %+v, want percent 0.1, not muted", m)
	}
	r.btn.Push(haltest.Click(hal.ButtonVolDown)...)
	c.expect("mycroft.volume.get.response", func(m Message) bool { return m.Data["percent"] == 0.0 })
	c.send("mycroft.volume.mute", nil, nil)
	c.expect("mycroft.volume.mute.response", nil)
	c.send("speak", map[string]any{"utterance": "Not while muted."}, nil)
	c.send("sync", nil, nil)
	c.expect("sync", nil)
	time.Sleep(50 * time.Millisecond) // a speak that was wrongly queued would be said by now
	if in, _ := r.p.LastInteraction(); in.Reply == "Not while muted." {
		t.Error("a speak was said while the speaker was muted")
	}
}

// TestAuth: loopback needs no token unless one is set or a browser asks;
// any other address needs one, refused without or with a wrong one; the
// token is taken from the query or an Authorization header.
func TestAuth(t *testing.T) {
	if _, err := New("0.0.0.0:8181", Config{}); !errors.Is(err, ErrToken) {
		t.Errorf("0.0.0.0 without a token: %v, want ErrToken", err)
	}
	if _, err := New("192.168.1.20:8181", Config{}); !errors.Is(err, ErrToken) {
		t.Errorf("a LAN address without a token: %v, want ErrToken", err)
	}
	open := newRig(t, DefaultAddr, Config{})
	lan := newRig(t, "0.0.0.0:8181", Config{Token: "s3cret"})
	bearer := http.Header{"Authorization": {"Bearer s3cret"}}
	browser := http.Header{"Origin": {"http://evil.example"}}
	for _, c := range []struct {
		name   string
		r      *rig
		suffix string
		h      http.Header
		ok     bool
	}{
		{"loopback", open, "", nil, true},
		{"loopback, a browser", open, "", browser, false},
		{"lan, no token", lan, "", nil, false},
		{"lan, wrong token", lan, "?token=guess", nil, false},
		{"lan, query token", lan, "?token=s3cret", nil, true},
		{"lan, bearer", lan, "", bearer, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			conn, resp, err := websocket.DefaultDialer.Dial(c.r.url+c.suffix, c.h)
			if conn != nil {
				conn.Close()
			}
			if ok := err == nil; ok != c.ok {
				t.Fatalf("dial: %v, want ok %v", err, c.ok)
			}
			if !c.ok && (resp == nil || resp.StatusCode != http.StatusUnauthorized) {
				t.Errorf("refused with %v, want 401", resp)
			}
		})
	}
}

// TestLimits: a frame over MaxMessage closes the connection; clients over
// MaxClients are refused.
func TestLimits(t *testing.T) {
	r := newRig(t, DefaultAddr, Config{MaxMessage: 1024, MaxClients: 2})
	a := r.dial(t, "", nil)
	r.dial(t, "", nil)
	if _, resp, err := websocket.DefaultDialer.Dial(r.url, nil); err == nil || resp == nil || resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("third client: %v, %v; want 503", err, resp)
	}
	big, _ := json.Marshal(Message{Type: "big", Data: map[string]any{"x": strings.Repeat("a", 2048)}})
	if err := a.conn.WriteMessage(websocket.TextMessage, big); err != nil {
		t.Fatal(err)
	}
	for range a.in {
	}
}

func TestPadatiousPattern(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"What's the weather in {City}?", "what's the weather in {city}"},
		{"(turn|switch) on (the|) light", "( turn | switch ) on [ the ] light"},
		{"play {song name} ((on|with) spotify|)", "play {song_name} [ ( on | with ) spotify ]"},
		{"set a timer for :0 minutes", ""},
		{"# a comment", ""},
		{"(unbalanced", ""},
		{"", ""},
	} {
		got, ok := padatiousPattern(c.in)
		if ok != (c.want != "") || got != c.want {
			t.Errorf("padatiousPattern(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
}

// FuzzParse: whatever the frame, Parse returns a message with a type and
// non-nil data and context, or ErrMalformed; what it accepts encodes and
// parses back the same.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		`{"type":"speak","data":{"utterance":"hi"},"context":{}}`,
		`{"type":"recognizer_loop:utterance","data":{"utterances":["what time is it"],"lang":"en-us"},"context":{"source":"audio","destination":["skills"]}}`,
		`{"type":"x"}`, `{"type":"x","data":null}`, `{"type":1}`, `[]`, `{`, ``, `{"type":"x","context":"s"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Parse(b)
		if err != nil {
			if !errors.Is(err, ErrMalformed) {
				t.Fatalf("Parse(%q): %v is not ErrMalformed", b, err)
			}
			return
		}
		if m.Type == "" || m.Data == nil || m.Context == nil {
			t.Fatalf("Parse(%q) = %+v", b, m)
		}
		again, err := Parse(m.Encode())
		if err != nil || again.Type != m.Type || len(again.Data) != len(m.Data) || len(again.Context) != len(m.Context) {
			t.Fatalf("round trip of %q: %+v, %v", b, again, err)
		}
	})
}

// FuzzPadatiousPattern: whatever a skill sends as a sample, the
// conversion never panics and what it accepts compiles.
func FuzzPadatiousPattern(f *testing.F) {
	for _, s := range []string{"what's the weather in {city}", "(a|b|) c", "((x|y)|) {a b}", ":0 #", "[opt] (", "{}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, ok := padatiousPattern(s)
		if !ok {
			return
		}
		if _, err := intent.NewRouter(nil, padSkill{&padIntent{name: "x", patterns: []string{p}}}); err != nil {
			t.Fatalf("padatiousPattern(%q) = %q, which does not compile: %v", s, p, err)
		}
	})
}

// done waits for the interaction of transcript to end (its speech ends a
// moment before the interaction does) and returns it.
func (r *rig) done(t testing.TB, transcript string) voice.Interaction {
	t.Helper()
	for end := time.Now().Add(20 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		in, _ := r.p.LastInteraction()
		if in.Done && in.Transcript == transcript {
			return in
		}
		if time.Now().After(end) {
			t.Fatalf("interaction %+v, want %q done", in, transcript)
		}
	}
}
