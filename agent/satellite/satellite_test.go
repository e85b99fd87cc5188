package satellite

import (
	"bufio"
	"context"
	"encoding/binary"
	"net"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/board/sim"
	"github.com/mycroft-network/mycroft/internal/wav"
	"github.com/mycroft-network/mycroft/internal/wyoming"
	"github.com/mycroft-network/mycroft/voice"
	"github.com/mycroft-network/mycroft/voice/intent"
	"github.com/mycroft-network/mycroft/voice/tts"
)

// wakeOnCue is a wake word engine that detects when the test says so.
type wakeOnCue struct{ cue chan struct{} }

func (w *wakeOnCue) Run(ctx context.Context, audio <-chan []int16, detect func(wyoming.Detection)) error {
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-audio:
		case <-w.cue:
			detect(wyoming.Detection{Name: "hey_mycroft"})
		}
	}
}

type clockSkill struct{}

func (clockSkill) Name() string { return "clock" }
func (clockSkill) Intents() []intent.Spec {
	return []intent.Spec{{Name: "time", Patterns: []string{"what time is it"}}}
}
func (clockSkill) Handle(context.Context, intent.Intent) (intent.Reply, error) {
	return intent.Reply{Text: "It is noon."}, nil
}

type beep struct{}

func (beep) Synthesize(context.Context, string) ([]int16, error) { return make([]int16, 1600), nil }

type rig struct {
	sat     *Satellite
	p       *voice.Pipeline
	board   *sim.Sim
	addr    string
	wake    *wakeOnCue
	speaker string
}

// newRig runs a real pipeline on the simulated board (a paced mic, a WAV
// speaker) with the satellite wrapped in, serving on 127.0.0.1.
func newRig(t testing.TB, answers string) *rig {
	t.Helper()
	speaker := filepath.Join(t.TempDir(), "speaker.wav")
	b, err := sim.New(sim.Config{Speaker: speaker})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	sat, err := New(Config{Name: "Kitchen speaker", Area: "kitchen", Version: "test", Answers: answers})
	if err != nil {
		t.Fatal(err)
	}
	router, err := intent.NewRouter(nil, clockSkill{})
	if err != nil {
		t.Fatal(err)
	}
	wake := &wakeOnCue{cue: make(chan struct{})}
	tr, br, syn := sat.Wrap(nil, router, beep{})
	p, err := voice.New(voice.Config{Mic: b.Mic, Speaker: b.Speaker, Mute: b.Mute, Wake: wake,
		Transcriber: tr, Brain: br, Voice: syn, RefractoryFrames: 1})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 2)
	go func() { done <- p.Run(ctx) }()
	go func() { done <- sat.Serve(ctx, ln, p) }()
	t.Cleanup(func() {
		cancel()
		for range 2 {
			if err := <-done; err != nil {
				t.Errorf("stop: %v", err)
			}
		}
	})
	return &rig{sat: sat, p: p, board: b, addr: ln.Addr().String(), wake: wake, speaker: speaker}
}

// homeAssistant plays Home Assistant's side of the protocol.
type homeAssistant struct {
	t     testing.TB
	conn  net.Conn
	r     *bufio.Reader
	pings int  // pings the satellite sent
	mute  bool // stop answering them
}

func dialHA(t testing.TB, addr string) *homeAssistant {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return &homeAssistant{t: t, conn: c, r: bufio.NewReader(c)}
}

func (h *homeAssistant) send(typ string, data any, payload []byte) {
	h.t.Helper()
	ev, err := wyoming.NewEvent(typ, data, payload)
	if err != nil {
		h.t.Fatal(err)
	}
	if err := wyoming.WriteEvent(h.conn, ev); err != nil {
		h.t.Fatal(err)
	}
}

// next reads the next event; the satellite's pings are answered (unless
// mute) and not returned.
func (h *homeAssistant) next() wyoming.Event {
	h.t.Helper()
	for {
		_ = h.conn.SetReadDeadline(time.Now().Add(20 * time.Second))
		ev, err := wyoming.ReadEvent(h.r)
		if err != nil {
			h.t.Fatal(err)
		}
		if ev.Type != wyoming.TypePing {
			return ev
		}
		h.pings++
		if !h.mute {
			h.send(wyoming.TypePong, nil, nil)
		}
	}
}

func (h *homeAssistant) expect(typ string) wyoming.Event {
	h.t.Helper()
	ev := h.next()
	if ev.Type != typ {
		h.t.Fatalf("got %s, want %s", ev, typ)
	}
	return ev
}

// connect does what Home Assistant does on connecting: describe, then
// run-satellite.
func (h *homeAssistant) connect() wyoming.Info {
	h.t.Helper()
	h.send(wyoming.TypeDescribe, nil, nil)
	var info wyoming.Info
	if err := h.expect(wyoming.TypeInfo).Decode(&info); err != nil {
		h.t.Fatal(err)
	}
	h.send(wyoming.TypeRunSatellite, nil, nil)
	h.send(wyoming.TypePing, wyoming.Ping{Text: "1"}, nil)
	h.expect(wyoming.TypePong)
	return info
}

// question streams: after the wake word, the question's audio until
// audio-stop, as 16 kHz samples.
func (h *homeAssistant) question() (wake string, pcm []int16) {
	h.t.Helper()
	var d wyoming.Detection
	if err := h.expect(wyoming.TypeDetection).Decode(&d); err != nil {
		h.t.Fatal(err)
	}
	var rp wyoming.RunPipeline
	if err := h.expect(wyoming.TypeRunPipeline).Decode(&rp); err != nil {
		h.t.Fatal(err)
	}
	if rp.StartStage != "asr" || rp.EndStage != "tts" {
		h.t.Errorf("run-pipeline %+v, want asr to tts", rp)
	}
	var a wyoming.Audio
	if err := h.expect(wyoming.TypeAudioStart).Decode(&a); err != nil || a.Rate != 16000 || a.Width != 2 || a.Channels != 1 {
		h.t.Fatalf("audio-start %+v, %v", a, err)
	}
	for {
		ev := h.next()
		switch ev.Type {
		case wyoming.TypeAudioChunk:
			for i := 0; i+1 < len(ev.Payload); i += 2 {
				pcm = append(pcm, int16(binary.LittleEndian.Uint16(ev.Payload[i:])))
			}
		case wyoming.TypeAudioStop:
			return d.Name, pcm
		default:
			h.t.Fatalf("got %s while streaming", ev)
		}
	}
}

// answer sends the transcript and a recorded answer at 22 050 Hz in
// 2048-byte chunks, as Home Assistant does.
func (h *homeAssistant) answer(transcript, text string, pcm []int16) {
	h.t.Helper()
	h.send(wyoming.TypeTranscript, wyoming.Transcript{Text: transcript}, nil)
	h.send(wyoming.TypeSynthesize, wyoming.Synthesize{Text: text}, nil)
	h.sendAudio(pcm)
}

// sendAudio sends 22 050 Hz audio in 2048-byte chunks.
func (h *homeAssistant) sendAudio(pcm []int16) {
	h.t.Helper()
	h.send(wyoming.TypeAudioStart, wyoming.Audio{Rate: 22050, Width: 2, Channels: 1}, nil)
	b := pcmBytes(pcm)
	for len(b) > 0 {
		n := min(len(b), 2048)
		h.send(wyoming.TypeAudioChunk, wyoming.Audio{Rate: 22050, Width: 2, Channels: 1}, b[:n])
		b = b[n:]
	}
	h.send(wyoming.TypeAudioStop, nil, nil)
}

func fixture(t testing.TB, name string) []int16 {
	t.Helper()
	a, err := wav.ReadFile(filepath.Join("..", "..", "voice", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return a.Samples
}

func waitFor(t testing.TB, what string, ok func() bool) {
	t.Helper()
	for end := time.Now().Add(20 * time.Second); !ok(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("waiting for %s", what)
		}
	}
}

// TestHomeAssistantAnswers: Home Assistant connects, describes and runs
// the satellite; after the wake word the recorded question arrives intact
// in Home Assistant's stream; Home Assistant's transcript and recorded
// answer audio (22 050 Hz) come out of the device's speaker at 16 kHz, and
// played goes back. A typed question is still answered on the device.
func TestHomeAssistantAnswers(t *testing.T) {
	r := newRig(t, AnswersHomeAssistant)
	ha := dialHA(t, r.addr)
	info := ha.connect()
	if s := info.Satellite; s == nil || s.Name != "Kitchen speaker" || s.Area != "kitchen" || !slices.Equal(s.ActiveWakeWords, []string{"hey_mycroft"}) ||
		len(info.Mic) != 1 || info.Mic[0].MicFormat != (wyoming.AudioFormat{Rate: 16000, Width: 2, Channels: 1}) || len(info.Wake) != 1 || info.Wake[0].Models[0].Phrase != "hey mycroft" {
		t.Fatalf("info %+v", info)
	}
	waitFor(t, "run-satellite", func() bool { _, run := r.sat.Connected(); return run })

	question := fixture(t, "time.wav")
	events := r.p.Subscribe(32)
	r.wake.cue <- struct{}{}
	waitFor(t, "listening", func() bool { in, ok := r.p.LastInteraction(); return ok && !in.Done })
	r.board.Mic.Push(question)
	wake, got := ha.question()
	if wake != "hey_mycroft" {
		t.Errorf("detection %q", wake)
	}
	// The question (its speech, 0.5 to 1.2 s) is in the stream, sample
	// for sample, after the silence before it.
	speech := question[8000:19417]
	if i := indexOf(got, speech); i < 0 {
		t.Fatalf("the question's speech is not in the %d streamed samples", len(got))
	}

	answer := tts.Resample(fixture(t, "money.wav"), 16000, 22050)
	ha.answer("what time is it", "It is five past twelve.", answer)
	ha.expect(wyoming.TypePlayed)
	in, _ := r.p.LastInteraction()
	waitFor(t, "the end of the interaction", func() bool { in, _ = r.p.LastInteraction(); return in.Done })
	if in.Trigger != "wake" || in.Transcript != "what time is it" || in.Reply != "It is five past twelve." || in.Error != "" {
		t.Errorf("interaction %+v", in)
	}
	// The pipeline's events of the turn, in order.
	var kinds []string
	for len(kinds) < 6 {
		select {
		case ev := <-events.C:
			kinds = append(kinds, ev.Kind.String())
		case <-time.After(10 * time.Second):
			t.Fatalf("events %q", kinds)
		}
	}
	if want := []string{"wake", "record-begin", "record-end", "heard", "speak-begin", "speak-end"}; !slices.Equal(kinds, want) {
		t.Errorf("events %q, want %q", kinds, want)
	}
	want, err := toVoice(pcmBytes(answer), wyoming.Audio{Rate: 22050, Width: 2, Channels: 1})
	if err != nil {
		t.Fatal(err)
	}
	// A typed question is the device's (its answer, 1600 samples, follows
	// on the speaker).
	if got, err := r.p.Ask(context.Background(), "what time is it"); err != nil || got != "It is noon." {
		t.Errorf("typed question: %q, %v", got, err)
	}
	if err := r.board.Close(); err != nil {
		t.Fatal(err)
	}
	played, err := wav.ReadFile(r.speaker)
	if err != nil {
		t.Fatal(err)
	}
	if len(played.Samples) != len(want)+1600 || !slices.Equal(played.Samples[:len(want)], want) {
		t.Errorf("the speaker played %d samples, want Home Assistant's answer (%d samples at 16 kHz)", len(played.Samples), len(want))
	}
	if r.sat.Stats().Turns.Load() != 1 {
		t.Errorf("turns %d", r.sat.Stats().Turns.Load())
	}
}

// TestMutedStreamsNothing: with the mute switch on, the wake word starts
// nothing and Home Assistant gets no audio; pause-satellite and answers =
// mycroft keep spoken turns on the device.
func TestMutedStreamsNothing(t *testing.T) {
	r := newRig(t, AnswersHomeAssistant)
	ha := dialHA(t, r.addr)
	ha.connect()
	waitFor(t, "run-satellite", func() bool { _, run := r.sat.Connected(); return run })
	r.board.Mute.Set(true)
	waitFor(t, "muted", func() bool { return r.p.Status().Muted })
	r.wake.cue <- struct{}{}
	waitFor(t, "the wake word ignored", func() bool { return r.p.Status().WakeIgnored == 1 })
	ha.send(wyoming.TypePing, wyoming.Ping{Text: "after"}, nil)
	if ev := ha.next(); ev.Type != wyoming.TypePong {
		t.Fatalf("while muted Home Assistant got %s", ev)
	}
	if r.sat.Stats().Turns.Load() != 0 {
		t.Error("a turn went to Home Assistant while muted")
	}

	r.board.Mute.Set(false)
	ha.send(wyoming.TypePauseSatellite, nil, nil)
	waitFor(t, "paused", func() bool { _, run := r.sat.Connected(); return !run })
	r.wake.cue <- struct{}{}
	waitFor(t, "a local turn", func() bool { return r.sat.Stats().Local.Load() == 1 })
}

func TestNewRefusesAnswers(t *testing.T) {
	if _, err := New(Config{Answers: "alexa"}); err == nil {
		t.Error("answers = alexa accepted")
	}
}

// A malformed event from Home Assistant ends its connection; the satellite
// takes the next one.
func TestBadEventDisconnects(t *testing.T) {
	r := newRig(t, AnswersHomeAssistant)
	ha := dialHA(t, r.addr)
	if _, err := ha.conn.Write([]byte("{\"type\":\"x\",\"data_length\":99999999}\n")); err != nil {
		t.Fatal(err)
	}
	if _, err := wyoming.ReadEvent(ha.r); err == nil {
		t.Fatalf("connection still open")
	}
	dialHA(t, r.addr).connect()
	if r.sat.Stats().Malformed.Load() != 1 {
		t.Errorf("malformed %d", r.sat.Stats().Malformed.Load())
	}
}

func indexOf(hay, needle []int16) int {
	for i := 0; i+len(needle) <= len(hay); i++ {
		if slices.Equal(hay[i:i+len(needle)], needle) {
			return i
		}
	}
	return -1
}

func pcmBytes(pcm []int16) []byte {
	b := make([]byte, 0, 2*len(pcm))
	for _, v := range pcm {
		b = binary.LittleEndian.AppendUint16(b, uint16(v))
	}
	return b
}

// TestPingKeepAlive: once Home Assistant has pinged, the satellite pings it
// too; a Home Assistant that stops answering is dropped (spoken questions
// go back to the device) and the next connection is served.
func TestPingKeepAlive(t *testing.T) {
	r := newRig(t, AnswersHomeAssistant)
	r.sat.pingEvery, r.sat.pongWait = 20*time.Millisecond, 50*time.Millisecond
	ha := dialHA(t, r.addr)
	ha.connect()
	for ha.pings < 3 {
		ha.send(wyoming.TypeDescribe, nil, nil)
		ha.expect(wyoming.TypeInfo)
		time.Sleep(10 * time.Millisecond)
	}
	if conn, _ := r.sat.Connected(); !conn {
		t.Fatal("dropped while answering pings")
	}
	ha.mute = true
	waitFor(t, "the silent Home Assistant dropped", func() bool { conn, _ := r.sat.Connected(); return !conn })
	dialHA(t, r.addr).connect()
	waitFor(t, "the next one", func() bool { _, run := r.sat.Connected(); return run })
}

// TestAnswersMycroft: with answers = mycroft nothing goes to a connected
// Home Assistant; the device answers.
func TestAnswersMycroft(t *testing.T) {
	r := newRig(t, AnswersMycroft)
	ha := dialHA(t, r.addr)
	ha.connect()
	waitFor(t, "run-satellite", func() bool { _, run := r.sat.Connected(); return run })
	r.wake.cue <- struct{}{}
	waitFor(t, "a local turn", func() bool { return r.sat.Stats().Local.Load() == 1 })
	ha.send(wyoming.TypePing, wyoming.Ping{Text: "after"}, nil)
	if ev := ha.next(); ev.Type != wyoming.TypePong || r.sat.Stats().Turns.Load() != 0 {
		t.Fatalf("Home Assistant got %s, turns %d", ev, r.sat.Stats().Turns.Load())
	}
}

// TestAnnouncement: audio Home Assistant sends outside a turn (an
// announcement) is played on the device's speaker, then played goes back.
func TestAnnouncement(t *testing.T) {
	r := newRig(t, AnswersHomeAssistant)
	ha := dialHA(t, r.addr)
	ha.connect()
	chime := tts.Resample(fixture(t, "money.wav")[:8000], 16000, 22050)
	ha.sendAudio(chime)
	ha.expect(wyoming.TypePlayed)
	want, err := toVoice(pcmBytes(chime), wyoming.Audio{Rate: 22050, Width: 2, Channels: 1})
	if err != nil {
		t.Fatal(err)
	}
	if err := r.board.Close(); err != nil {
		t.Fatal(err)
	}
	played, err := wav.ReadFile(r.speaker)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(played.Samples, want) {
		t.Errorf("the speaker played %d samples, want the announcement's %d", len(played.Samples), len(want))
	}
}
