package voice_test

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"go.etcd.io/bbolt"

	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/hal/haltest"
	"github.com/mycroft-network/mycroft/internal/wyoming"
	"github.com/mycroft-network/mycroft/keystore"
	"github.com/mycroft-network/mycroft/voice"
	"github.com/mycroft-network/mycroft/voice/internal/sphinx"
	"github.com/mycroft-network/mycroft/voice/tts"
	"github.com/mycroft-network/mycroft/voice/vad"
)

func states(s ...hal.FaceState) []hal.FaceState { return s }

// distinct is the sequence of states with consecutive repeats removed. (The
// faceplate's Wait calls its condition under its lock, so conditions must
// not call its methods.)
func distinct(faces []hal.Face) []hal.FaceState {
	var out []hal.FaceState
	for _, f := range faces {
		if len(out) == 0 || out[len(out)-1] != f.State {
			out = append(out, f.State)
		}
	}
	return out
}

// waitStates waits until the faceplate has shown exactly want (consecutive
// repeats removed) and fails if it shows something else.
func waitStates(t *testing.T, ctx context.Context, face *haltest.RecordFaceplate, want []hal.FaceState) {
	t.Helper()
	err := face.Wait(ctx, func(faces []hal.Face) bool {
		return len(distinct(faces)) >= len(want)
	})
	if err != nil {
		t.Fatalf("faceplate: %v, want %v", err, want)
	}
	if got := face.States(); !slices.Equal(got, want) {
		t.Fatalf("faceplate states %v, want %v", got, want)
	}
}

// TestSpokenQuestionToSpokenAnswer is the whole path: a WAV question is
// replayed through the microphone after a button press, endpointed, streamed
// to a pocketsphinx STT service on 127.0.0.1 with the skills' grammar,
// matched, answered with flite through the speaker, sealed and kept in
// bbolt.
func TestSpokenQuestionToSpokenAnswer(t *testing.T) {
	if err := sphinx.Available(); err != nil {
		t.Skip(err)
	}
	if !tts.Flite().Available() {
		t.Skip("flite not installed")
	}
	cases := []struct {
		file, heard string
	}{
		{"time.wav", "what time is it"},
		{"pause.wav", "what is the weather"},
		{"money.wav", "how much money do i have"},
	}
	refs := references(t)
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			ctx := waitCtx(t)
			counted := &countingSTT{next: &sphinx.Server{}}
			url := serve(t, counted)

			db, err := bbolt.Open(filepath.Join(t.TempDir(), "mycroft.db"), 0o600, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			sealer := &fakeSealer{}
			clock := newFakeClock()
			store, err := voice.NewStore(db, sealer, voice.DefaultRetention, clock)
			if err != nil {
				t.Fatal(err)
			}
			brain, skill := newBrain(t)
			mic := newGateMic(fixture(t, c.file), 0)
			face := haltest.NewRecordFaceplate()
			speaker := haltest.NewRecordSpeaker()
			buttons := haltest.NewScriptedButtons()
			p, err := voice.New(voice.Config{
				Mic: mic, Speaker: speaker, Faceplate: face, Buttons: buttons,
				Transcriber: &sphinx.Client{URL: url}, Brain: brain, Voice: tts.Flite(),
				Store: store, Clock: clock, Lossless: true,
			})
			if err != nil {
				t.Fatal(err)
			}
			run(t, p)
			if err := face.WaitState(ctx, hal.StateIdle); err != nil {
				t.Fatal(err)
			}
			buttons.Push(haltest.Click(hal.ButtonAction)...)
			if err := face.WaitState(ctx, hal.StateListening); err != nil {
				t.Fatal(err)
			}
			mic.release()
			waitStates(t, ctx, face, states(hal.StateIdle, hal.StateListening, hal.StateThinking, hal.StateSpeaking, hal.StateIdle))

			if got := skill.heardAll(); len(got) != 1 || got[0] != c.heard {
				t.Errorf("skill heard %q, want %q", got, c.heard)
			}
			if d := float64(len(speaker.Samples())) / 16000; d < 0.5 {
				t.Errorf("speaker got %.2f s of audio, want a spoken answer", d)
			}
			// The endpoint: the trigger came at frame 0 (no pre-roll yet),
			// so STT got frames up to the one where 0.7 s of silence had
			// followed the end of speech.
			ref := refs[c.file]
			wantFrames := (ref.SpeechEnd+159)/160 + vad.DefaultEndFrames
			if got := counted.bytes() / 320; got < wantFrames-1 || got > wantFrames+1 {
				t.Errorf("STT got %d frames, want %d ± 1 (speech ends at sample %d)", got, wantFrames, ref.SpeechEnd)
			}
			recs := sealer.all()
			if len(recs) != 1 || recs[0].cat != keystore.CategoryVoice {
				t.Fatalf("sealed %d records (%v), want 1 in category voice", len(recs), recs)
			}
			ids, _ := store.IDs()
			if len(ids) != 1 || ids[0] != recs[0].id {
				t.Fatalf("stored ids %v, sealed id %q", ids, recs[0].id)
			}
			stored, _ := store.Get(ids[0])
			if !strings.HasPrefix(string(stored), "sealed:") || len(recs[0].plaintext) != 44+counted.bytes() {
				t.Errorf("stored %d bytes, plaintext %d bytes (WAV of %d streamed)", len(stored), len(recs[0].plaintext), counted.bytes())
			}
			st := p.Status()
			if st.Utterances != 1 || st.Errors != 0 || st.State != hal.StateIdle || st.Capture.Dropped != 0 || st.LastUtterance.IsZero() {
				t.Errorf("status %+v", st)
			}
			// The endpointer's decision is recorded, after the trigger and
			// before the end.
			if in, _ := p.LastInteraction(); in.Heard.IsZero() || in.Heard.Before(in.Start) || in.Heard.After(in.End) {
				t.Errorf("interaction heard at %v, want between its start %v and end %v", in.Heard, in.Start, in.End)
			}
		})
	}
}

// countingSTT counts the audio bytes streamed to the next handler.
type countingSTT struct {
	next http.Handler
	mu   sync.Mutex
	n    int
}

type countingBody struct {
	r interface{ Read([]byte) (int, error) }
	c *countingSTT
}

func (b countingBody) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	b.c.mu.Lock()
	b.c.n += n
	b.c.mu.Unlock()
	return n, err
}

func (b countingBody) Close() error { return nil }

func (c *countingSTT) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	r.Body = countingBody{r.Body, c}
	c.next.ServeHTTP(w, r)
}

func (c *countingSTT) bytes() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

func newPipeline(t *testing.T, cfg voice.Config) *voice.Pipeline {
	t.Helper()
	if cfg.Brain == nil {
		cfg.Brain, _ = newBrain(t)
	}
	if cfg.Voice == nil {
		cfg.Voice = beepVoice{}
	}
	if cfg.Speaker == nil {
		cfg.Speaker = haltest.NewRecordSpeaker()
	}
	cfg.Lossless = true
	p, err := voice.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestNoSpeechTimeout(t *testing.T) {
	ctx := waitCtx(t)
	stt := &recordingSTT{text: "what time is it"}
	mic := newGateMic(fixture(t, "silence.wav"), 0)
	face := haltest.NewRecordFaceplate()
	buttons := haltest.NewScriptedButtons()
	p := newPipeline(t, voice.Config{Mic: mic, Faceplate: face, Buttons: buttons,
		Transcriber: &sphinx.Client{URL: serve(t, stt)}, Clock: newFakeClock()})
	run(t, p)
	face.WaitState(ctx, hal.StateIdle)
	buttons.Push(haltest.Click(hal.ButtonAction)...)
	face.WaitState(ctx, hal.StateListening)
	mic.release()
	waitStates(t, ctx, face, states(hal.StateIdle, hal.StateListening, hal.StateIdle))
	if st := p.Status(); st.NoSpeech != 1 || st.Utterances != 0 {
		t.Errorf("status %+v, want one no-speech timeout", st)
	}
}

// TestSTTFailure: the recogniser fails → error face → idle after the hold
// time on the (fake) clock.
func TestSTTFailure(t *testing.T) {
	ctx := waitCtx(t)
	stt := &recordingSTT{status: http.StatusBadGateway}
	mic := newGateMic(fixture(t, "time.wav"), 0)
	face := haltest.NewRecordFaceplate()
	buttons := haltest.NewScriptedButtons()
	clock := newFakeClock()
	speaker := haltest.NewRecordSpeaker()
	p := newPipeline(t, voice.Config{Mic: mic, Faceplate: face, Buttons: buttons, Speaker: speaker,
		Transcriber: &sphinx.Client{URL: serve(t, stt)}, Clock: clock, ErrorHold: 3 * time.Second})
	run(t, p)
	face.WaitState(ctx, hal.StateIdle)
	buttons.Push(haltest.Click(hal.ButtonAction)...)
	face.WaitState(ctx, hal.StateListening)
	mic.release()
	waitStates(t, ctx, face, states(hal.StateIdle, hal.StateListening, hal.StateThinking, hal.StateError))
	clock.Advance(time.Second) // not yet
	for len(face.States()) < 5 {
		clock.Advance(time.Second)
		time.Sleep(time.Millisecond)
		if ctx.Err() != nil {
			t.Fatal("no return to idle")
		}
	}
	waitStates(t, ctx, face, states(hal.StateIdle, hal.StateListening, hal.StateThinking, hal.StateError, hal.StateIdle))
	st := p.Status()
	if st.Errors != 1 || !strings.Contains(st.LastError, "502") {
		t.Errorf("status %+v, want one STT error", st)
	}
	if len(speaker.Samples()) != 0 {
		t.Error("spoke after an STT failure")
	}
}

func TestMuteSwitch(t *testing.T) {
	ctx := waitCtx(t)
	sw := haltest.NewFakeSwitch(false)
	mic := haltest.NewPlaybackMic(fixture(t, "silence.wav")).SetMute(sw)
	mic.AllowUnread = true
	face := haltest.NewRecordFaceplate()
	buttons := haltest.NewScriptedButtons()
	p := newPipeline(t, voice.Config{Mic: mic, Faceplate: face, Buttons: buttons, Mute: sw,
		Transcriber: &sphinx.Client{URL: serve(t, &recordingSTT{})}, Clock: newFakeClock()})
	run(t, p)
	face.WaitState(ctx, hal.StateIdle)
	sw.Set(true)
	waitStates(t, ctx, face, states(hal.StateIdle, hal.StateMuted))
	// A press while muted does not listen.
	buttons.Push(haltest.Click(hal.ButtonAction)...)
	for buttons.Served() < 2 {
		time.Sleep(time.Millisecond)
	}
	sw.Set(false)
	waitStates(t, ctx, face, states(hal.StateIdle, hal.StateMuted, hal.StateIdle))
	if p.Status().Muted {
		t.Error("status still muted")
	}
	if slices.Contains(face.States(), hal.StateListening) {
		t.Error("listened while muted")
	}
}

func TestAskTyped(t *testing.T) {
	ctx := waitCtx(t)
	face := haltest.NewRecordFaceplate()
	speaker := haltest.NewRecordSpeaker()
	p := newPipeline(t, voice.Config{Faceplate: face, Speaker: speaker, Clock: newFakeClock()})
	var mu sync.Mutex
	var activity []bool
	p.OnActivity(func(a bool) { mu.Lock(); activity = append(activity, a); mu.Unlock() })
	run(t, p)
	face.WaitState(ctx, hal.StateIdle)
	got, err := p.Ask(ctx, "What time is it?")
	if err != nil || got != "It is noon." {
		t.Fatalf("Ask = %q, %v", got, err)
	}
	waitStates(t, ctx, face, states(hal.StateIdle, hal.StateThinking, hal.StateSpeaking, hal.StateIdle))
	if len(speaker.Samples()) != 3200 {
		t.Errorf("speaker got %d samples, want the 3200 of the reply", len(speaker.Samples()))
	}
	got, err = p.Ask(ctx, "sing me a song")
	if err != nil || got != voice.SayNotUnderstood {
		t.Errorf("unknown question: %q %v", got, err)
	}
	mu.Lock()
	defer mu.Unlock()
	if !slices.Equal(activity[:2], []bool{true, false}) {
		t.Errorf("activity %v, want true then false per interaction", activity)
	}
}

// TestConfirmByButton: a governance vote is only cast after a press; with
// no press it is cancelled when the (fake) clock passes the timeout. A typed
// question gets its answer (the prompt) at once; the outcome is spoken and
// kept in the interaction record.
func TestConfirmByButton(t *testing.T) {
	for _, press := range []bool{true, false} {
		t.Run(map[bool]string{true: "pressed", false: "timeout"}[press], func(t *testing.T) {
			ctx := waitCtx(t)
			face := haltest.NewRecordFaceplate()
			buttons := haltest.NewScriptedButtons()
			clock := newFakeClock()
			brain, skill := newBrain(t)
			p := newPipeline(t, voice.Config{Faceplate: face, Buttons: buttons, Brain: brain, Clock: clock})
			run(t, p)
			face.WaitState(ctx, hal.StateIdle)
			type res struct {
				text string
				err  error
			}
			done := make(chan res, 1)
			go func() {
				s, err := p.Ask(ctx, "vote yes on proposal three")
				done <- res{s, err}
			}()
			err := face.Wait(ctx, func(fs []hal.Face) bool {
				return slices.ContainsFunc(fs, func(f hal.Face) bool { return f.Mouth.Text == "PRESS TO CONFIRM" })
			})
			if err != nil {
				t.Fatal(err)
			}
			if press {
				buttons.Push(hal.ButtonEvent{Button: hal.ButtonAction, Action: hal.Press})
			} else {
				clock.Advance(11 * time.Second)
			}
			r := <-done
			if r.err != nil || r.text != "Vote yes? Press the button to confirm." {
				t.Errorf("typed answer %q %v, want the prompt", r.text, r.err)
			}
			face.WaitState(ctx, hal.StateIdle)
			in := waitInteraction(t, ctx, p)
			skill.mu.Lock()
			voted := slices.Clone(skill.voted)
			skill.mu.Unlock()
			if press && (!strings.HasSuffix(in.Reply, "Voted.") || !slices.Equal(voted, []int{3})) {
				t.Errorf("pressed: spoken %q, votes %v", in.Reply, voted)
			}
			if !press && (!strings.HasSuffix(in.Reply, voice.SayCancelled) || len(voted) != 0) {
				t.Errorf("timeout: spoken %q, votes %v", in.Reply, voted)
			}
		})
	}
}

// waitInteraction waits for the pipeline's last interaction to be done.
func waitInteraction(t *testing.T, ctx context.Context, p *voice.Pipeline) voice.Interaction {
	t.Helper()
	for {
		if in, ok := p.LastInteraction(); ok && in.Done {
			return in
		}
		select {
		case <-ctx.Done():
			t.Fatal("no finished interaction")
		case <-time.After(time.Millisecond):
		}
	}
}

// A question typed while a vote waits for its press ends the wait at once
// (no "not cast" answer) and is answered next: typing "confirm" casts the
// vote without waiting for the press's timeout.
func TestTypedQuestionEndsConfirmWait(t *testing.T) {
	ctx := waitCtx(t)
	face := haltest.NewRecordFaceplate()
	clock := newFakeClock()
	brain, skill := newBrain(t)
	p := newPipeline(t, voice.Config{Faceplate: face, Buttons: haltest.NewScriptedButtons(), Brain: brain, Clock: clock})
	run(t, p)
	face.WaitState(ctx, hal.StateIdle)
	if got, err := p.Ask(ctx, "vote yes on proposal three"); err != nil || got != "Vote yes? Press the button to confirm." {
		t.Fatalf("vote: %q %v", got, err)
	}
	if err := face.Wait(ctx, func(fs []hal.Face) bool {
		return slices.ContainsFunc(fs, func(f hal.Face) bool { return f.Mouth.Text == "PRESS TO CONFIRM" })
	}); err != nil {
		t.Fatal(err)
	}
	// The clock never moves: before, this Ask was refused as busy until the
	// 10 s wait ran out.
	got, err := p.Ask(ctx, "what time is it")
	if err != nil || got != "It is noon." {
		t.Fatalf("question during the wait: %q %v, want it answered", got, err)
	}
	skill.mu.Lock()
	voted := slices.Clone(skill.voted)
	skill.mu.Unlock()
	if len(voted) != 0 {
		t.Errorf("votes %v: a question other than a press cast the vote", voted)
	}
}

// fakeWake is a WakeDetector the test fires by hand.
type fakeWake struct{ fire chan string }

func (w *fakeWake) Run(ctx context.Context, audio <-chan []int16, detect func(wyoming.Detection)) error {
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-audio:
		case name := <-w.fire:
			detect(wyoming.Detection{Name: name})
		}
	}
}

// TestWakeWordRefractory: a detection starts listening; one within the
// refractory window after the interaction is ignored; a later one listens.
func TestWakeWordRefractory(t *testing.T) {
	ctx := waitCtx(t)
	silence := make([]int16, 160*900)
	mic := newGateMic(silence, 0, 160*550, 160*850)
	face := haltest.NewRecordFaceplate()
	wake := &fakeWake{fire: make(chan string)}
	p := newPipeline(t, voice.Config{Mic: mic, Faceplate: face, Wake: wake,
		Transcriber: &sphinx.Client{URL: serve(t, &recordingSTT{})}, Clock: newFakeClock()})
	run(t, p)
	face.WaitState(ctx, hal.StateIdle)
	wake.fire <- "hey_mycroft"
	face.WaitState(ctx, hal.StateListening)
	mic.release() // to frame 550: the 5 s no-speech timeout ends listening at frame 500
	waitStates(t, ctx, face, states(hal.StateIdle, hal.StateListening, hal.StateIdle))
	wake.fire <- "hey_mycroft" // ≤ 50 frames after the end: refractory
	for p.Status().WakeDetections < 2 {
		time.Sleep(time.Millisecond)
	}
	mic.release() // to frame 850
	for p.Status().Capture.Frames < 850 {
		time.Sleep(time.Millisecond)
	}
	wake.fire <- "hey_mycroft"
	waitStates(t, ctx, face, states(hal.StateIdle, hal.StateListening, hal.StateIdle, hal.StateListening))
	if st := p.Status(); st.WakeDetections != 3 || st.WakeIgnored != 1 {
		t.Errorf("status %+v, want 3 detections, 1 ignored", st)
	}
	mic.close()
}

// TestWakeWordOverWyoming: the pipeline with the real Wyoming client and a
// Wyoming server on 127.0.0.1 that detects after 0.3 s of audio.
func TestWakeWordOverWyoming(t *testing.T) {
	ctx := waitCtx(t)
	addr := wyomingServer(t, 4800)
	mic := newGateMic(make([]int16, 160*300), 160*100)
	face := haltest.NewRecordFaceplate()
	p := newPipeline(t, voice.Config{Mic: mic, Faceplate: face,
		Wake:        &wyoming.WakeClient{Addr: addr, Names: []string{"hey_mycroft"}, ChunkSamples: 1600},
		Transcriber: &sphinx.Client{URL: serve(t, &recordingSTT{})}, Clock: newFakeClock()})
	run(t, p)
	if err := face.WaitState(ctx, hal.StateListening); err != nil {
		t.Fatal(err)
	}
	if st := p.Status(); st.WakeDetections != 1 || st.WakeIgnored != 0 {
		t.Errorf("status %+v", st)
	}
	mic.close()
}

func TestActivityOnSpeech(t *testing.T) {
	ctx := waitCtx(t)
	mic := haltest.NewPlaybackMic(fixture(t, "time.wav"))
	face := haltest.NewRecordFaceplate()
	var mu sync.Mutex
	var activity []bool
	var framesAt []uint64
	p := newPipeline(t, voice.Config{Mic: mic, Faceplate: face,
		Transcriber: &sphinx.Client{URL: serve(t, &recordingSTT{})}, Clock: newFakeClock()})
	p.OnActivity(func(a bool) {
		mu.Lock()
		activity = append(activity, a)
		framesAt = append(framesAt, p.Status().Capture.Frames)
		mu.Unlock()
	})
	run(t, p)
	for !p.Status().Capture.Ended {
		time.Sleep(time.Millisecond)
		if ctx.Err() != nil {
			t.Fatal(ctx.Err())
		}
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		mu.Lock()
		n := len(activity)
		mu.Unlock()
		if n >= 2 || time.Now().After(deadline) {
			break
		}
		time.Sleep(time.Millisecond)
	}
	mu.Lock()
	defer mu.Unlock()
	if !slices.Equal(activity, []bool{true, false}) {
		t.Fatalf("activity %v, want [true false]", activity)
	}
	// Speech starts at frame 50: the capture has delivered at least that
	// many frames when the hook runs (it may be ahead by the queue).
	if framesAt[0] < 50 {
		t.Errorf("activity reported after %d frames, before speech", framesAt[0])
	}
}

func TestNewNeedsBrain(t *testing.T) {
	if _, err := voice.New(voice.Config{}); !errors.Is(err, voice.ErrNoBrain) {
		t.Errorf("New without brain: %v", err)
	}
}

// wyomingServer is a Wyoming wake word service on 127.0.0.1 that sends one
// detection once it has received after samples of audio.
func wyomingServer(t *testing.T, after int) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				r, w := bufio.NewReader(c), bufio.NewWriter(c)
				n, fired := 0, false
				for {
					ev, err := wyoming.ReadEvent(r)
					if err != nil {
						return
					}
					if ev.Type == wyoming.TypeAudioChunk {
						n += len(ev.Payload) / 2
					}
					if n >= after && !fired {
						fired = true
						d, _ := wyoming.NewEvent(wyoming.TypeDetection, wyoming.Detection{Name: "hey_mycroft"}, nil)
						wyoming.WriteEvent(w, d)
						w.Flush()
					}
				}
			}()
		}
	}()
	return ln.Addr().String()
}

// blockSpeaker blocks its first Write until release is closed.
type blockSpeaker struct {
	*haltest.RecordSpeaker
	started chan struct{}
	release chan struct{}
	once    sync.Once
}

func (s *blockSpeaker) Write(p []int16) (int, error) {
	s.once.Do(func() { close(s.started); <-s.release })
	return s.RecordSpeaker.Write(p)
}

// TestMicGatedWhileSpeaking: speech heard while the device speaks is
// ignored: no activity, no trigger, counted as gated.
func TestMicGatedWhileSpeaking(t *testing.T) {
	ctx := waitCtx(t)
	speech := fixture(t, "time.wav")
	mic := newGateMic(speech, 0)
	face := haltest.NewRecordFaceplate()
	sp := &blockSpeaker{RecordSpeaker: haltest.NewRecordSpeaker(), started: make(chan struct{}), release: make(chan struct{})}
	var mu sync.Mutex
	var activity []bool
	p := newPipeline(t, voice.Config{Mic: mic, Faceplate: face, Speaker: sp,
		Transcriber: &sphinx.Client{URL: serve(t, &recordingSTT{})}, Clock: newFakeClock()})
	p.OnActivity(func(a bool) { mu.Lock(); activity = append(activity, a); mu.Unlock() })
	run(t, p)
	face.WaitState(ctx, hal.StateIdle)
	answered := make(chan error, 1)
	go func() { _, err := p.Ask(ctx, "what time is it"); answered <- err }()
	<-sp.started
	mic.release()
	for !p.Status().Capture.Ended || p.Status().Gated < uint64(len(speech)/160) {
		time.Sleep(time.Millisecond)
		if ctx.Err() != nil {
			t.Fatalf("status %+v", p.Status())
		}
	}
	close(sp.release)
	if err := <-answered; err != nil {
		t.Fatal(err)
	}
	waitStates(t, ctx, face, states(hal.StateIdle, hal.StateThinking, hal.StateSpeaking, hal.StateIdle))
	mu.Lock()
	defer mu.Unlock()
	if !slices.Equal(activity, []bool{true, false}) {
		t.Errorf("activity %v: the device heard itself", activity)
	}
}

// TestPushToTalkRelease: releasing the button after speech has started
// ends the utterance there, before the endpointer would.
func TestPushToTalkRelease(t *testing.T) {
	ctx := waitCtx(t)
	stt := &recordingSTT{text: "what time is it"}
	mic := newGateMic(fixture(t, "time.wav"), 0, 160*100)
	face := haltest.NewRecordFaceplate()
	buttons := haltest.NewScriptedButtons()
	p := newPipeline(t, voice.Config{Mic: mic, Faceplate: face, Buttons: buttons, QueueFrames: 1,
		Transcriber: &sphinx.Client{URL: serve(t, stt)}, Clock: newFakeClock()})
	run(t, p)
	face.WaitState(ctx, hal.StateIdle)
	buttons.Push(hal.ButtonEvent{Button: hal.ButtonAction, Action: hal.Press})
	face.WaitState(ctx, hal.StateListening)
	mic.release() // to frame 100: speech started at frame 50, confirmed at 79
	for p.Status().Capture.Frames < 100 {
		time.Sleep(time.Millisecond)
	}
	buttons.Push(hal.ButtonEvent{Button: hal.ButtonAction, Action: hal.Release})
	waitStates(t, ctx, face, states(hal.StateIdle, hal.StateListening, hal.StateThinking, hal.StateSpeaking, hal.StateIdle))
	got := stt.got()
	if len(got) != 1 {
		t.Fatalf("%d STT requests", len(got))
	}
	// With a queue of one frame the pipeline was at frame 98 or 99.
	if frames := len(got[0]) / 320; frames < 98 || frames > 100 {
		t.Errorf("STT got %d frames, want the 100 before the release", frames)
	}
	mic.close()
}

// hangSTT reads the utterance and then never answers until its context
// ends: a provider that went silent.
type hangSTT struct{}

func (hangSTT) Transcribe(ctx context.Context, _ string, audio io.Reader) (voice.Transcript, error) {
	io.Copy(io.Discard, audio)
	<-ctx.Done()
	return voice.Transcript{}, ctx.Err()
}

// TestThinkTimeout: a provider that never answers does not leave the
// device thinking forever: error face after ThinkTimeout, then idle.
func TestThinkTimeout(t *testing.T) {
	ctx := waitCtx(t)
	mic := newGateMic(fixture(t, "time.wav"), 0)
	face := haltest.NewRecordFaceplate()
	buttons := haltest.NewScriptedButtons()
	clock := newFakeClock()
	p := newPipeline(t, voice.Config{Mic: mic, Faceplate: face, Buttons: buttons,
		Transcriber: hangSTT{}, Clock: clock, ThinkTimeout: 15 * time.Second})
	run(t, p)
	face.WaitState(ctx, hal.StateIdle)
	buttons.Push(haltest.Click(hal.ButtonAction)...)
	face.WaitState(ctx, hal.StateListening)
	mic.release()
	waitStates(t, ctx, face, states(hal.StateIdle, hal.StateListening, hal.StateThinking))
	for len(face.States()) < 5 {
		clock.Advance(time.Second)
		time.Sleep(time.Millisecond)
		if ctx.Err() != nil {
			t.Fatalf("states %v", face.States())
		}
	}
	waitStates(t, ctx, face, states(hal.StateIdle, hal.StateListening, hal.StateThinking, hal.StateError, hal.StateIdle))
	if st := p.Status(); !strings.Contains(st.LastError, "no answer in time") {
		t.Errorf("last error %q", st.LastError)
	}
}

// TestMicReportsMute: a board without a mute switch whose microphone
// refuses to capture (hal.ErrMuted) shows muted until it captures again.
func TestMicReportsMute(t *testing.T) {
	ctx := waitCtx(t)
	sw := haltest.NewFakeSwitch(true)
	mic := haltest.NewPlaybackMic(fixture(t, "silence.wav")).SetMute(sw)
	mic.AllowUnread = true
	face := haltest.NewRecordFaceplate()
	p := newPipeline(t, voice.Config{Mic: mic, Faceplate: face,
		Transcriber: &sphinx.Client{URL: serve(t, &recordingSTT{})}}) // real clock: capture retries every 100 ms
	run(t, p)
	if err := face.WaitState(ctx, hal.StateMuted); err != nil {
		t.Fatal(err)
	}
	sw.Set(false)
	waitStates(t, ctx, face, states(hal.StateIdle, hal.StateMuted, hal.StateIdle))
	if st := p.Status(); st.Muted || st.Capture.MutedReads == 0 {
		t.Errorf("status %+v", st)
	}
}
