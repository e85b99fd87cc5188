package voice_test

import (
	"context"
	"errors"
	"runtime"
	"slices"
	"sync"
	"testing"

	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/hal/haltest"
	"github.com/mycroft-network/mycroft/voice"
	"github.com/mycroft-network/mycroft/voice/intent"
	"github.com/mycroft-network/mycroft/voice/internal/sphinx"
)

// storySkill tells a three-sentence story and stops on "stop".
type storySkill struct{}

const (
	story     = "Once there was a speaker. It spoke at length. Then it was stopped."
	longStory = story + " It was 2.5 seconds long. The end."
)

func (storySkill) Name() string { return "story" }
func (storySkill) Intents() []intent.Spec {
	return []intent.Spec{
		{Name: "story", Patterns: []string{"tell me a story"}},
		{Name: "long", Patterns: []string{"tell me a long story"}},
		{Name: "stop", Patterns: []string{"stop"}},
	}
}

func (storySkill) Handle(_ context.Context, in intent.Intent) (intent.Reply, error) {
	switch in.Name {
	case "stop":
		return intent.Reply{Stop: true}, nil
	case "long":
		return intent.Reply{Text: longStory}, nil
	}
	return intent.Reply{Text: story}, nil
}

// sentenceVoice gives each sentence sentenceSamples samples of the
// sentence's number (1, 2, 3...), so the speaker can tell them apart; it
// logs what it synthesises. before, when set, runs before a sentence is
// synthesised (n counts from 1).
type sentenceVoice struct {
	mu     sync.Mutex
	n      int
	said   []string
	before func(ctx context.Context, n int)
}

const sentenceSamples = 1600 // 100 ms

func (v *sentenceVoice) Synthesize(ctx context.Context, text string) ([]int16, error) {
	v.mu.Lock()
	v.n++
	n := v.n
	v.said = append(v.said, text)
	v.mu.Unlock()
	if v.before != nil {
		v.before(ctx, n)
	}
	p := make([]int16, sentenceSamples)
	for i := range p {
		p[i] = int16(1000 * n)
	}
	return p, nil
}

// holdSpeaker records and blocks the Write that reaches sample hold until
// release is closed (started is closed then).
type holdSpeaker struct {
	*haltest.RecordSpeaker
	hold    int
	started chan struct{}
	release chan struct{}
	once    sync.Once
}

func newHoldSpeaker(hold int) *holdSpeaker {
	return &holdSpeaker{RecordSpeaker: haltest.NewRecordSpeaker(), hold: hold,
		started: make(chan struct{}), release: make(chan struct{})}
}

func (s *holdSpeaker) Write(p []int16) (int, error) {
	if len(s.Samples())+len(p) > s.hold {
		s.once.Do(func() { close(s.started); <-s.release })
	}
	return s.RecordSpeaker.Write(p)
}

// TestSpeechInterrupted: while the device speaks a three-sentence answer,
// the action button, a wake word detection or a typed "stop" cuts it
// within one 10 ms chunk, faded to silence; the first two then listen, the
// stop goes back to idle without a word.
func TestSpeechInterrupted(t *testing.T) {
	cases := []struct {
		name  string
		cut   func(p *voice.Pipeline, b *haltest.ScriptedButtons, w *fakeWake)
		after []hal.FaceState // the faces after speaking
	}{
		{"button", func(_ *voice.Pipeline, b *haltest.ScriptedButtons, _ *fakeWake) {
			b.Push(hal.ButtonEvent{Button: hal.ButtonAction, Action: hal.Press})
		}, states(hal.StateListening)},
		{"wake word", func(_ *voice.Pipeline, _ *haltest.ScriptedButtons, w *fakeWake) { w.fire <- "hey_mycroft" }, states(hal.StateListening)},
		{"stop", func(p *voice.Pipeline, _ *haltest.ScriptedButtons, _ *fakeWake) {
			go p.Ask(context.Background(), "stop")
		}, states(hal.StateThinking, hal.StateIdle)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ctx := waitCtx(t)
			brain, err := intent.NewRouter(nil, storySkill{})
			if err != nil {
				t.Fatal(err)
			}
			hold := sentenceSamples + 3*hal.FrameSamples // 30 ms into the second sentence
			sp := newHoldSpeaker(hold)
			face := haltest.NewRecordFaceplate()
			buttons := haltest.NewScriptedButtons()
			wake := &fakeWake{fire: make(chan string)}
			p := newPipeline(t, voice.Config{Faceplate: face, Speaker: sp, Buttons: buttons, Wake: wake,
				Brain: brain, Voice: &sentenceVoice{}, Clock: newFakeClock(),
				Transcriber: &sphinx.Client{URL: serve(t, &recordingSTT{})}})
			run(t, p)
			face.WaitState(ctx, hal.StateIdle)
			answered := make(chan error, 1)
			go func() { _, err := p.Ask(ctx, "tell me a story"); answered <- err }()
			<-sp.started
			c.cut(p, buttons, wake)
			spoke := states(hal.StateIdle, hal.StateThinking, hal.StateSpeaking)
			waitStates(t, ctx, face, append(spoke, c.after...))
			close(sp.release)
			if err := <-answered; !errors.Is(err, voice.ErrInterrupted) {
				t.Errorf("the story's Ask: %v, want ErrInterrupted", err)
			}
			listening := c.after[0] == hal.StateListening
			if !listening {
				in := waitInteraction(t, ctx, p)
				if in.Transcript != "stop" || in.Reply != "" || in.Error != "" {
					t.Errorf("stop interaction %+v, want nothing said", in)
				}
			}
			if listening {
				buttons.Push(hal.ButtonEvent{Button: hal.ButtonAction, Action: hal.Press}) // ends listening
				waitStates(t, ctx, face, append(spoke, hal.StateListening, hal.StateIdle))
			}
			// A sound waits for the speaker until the cut speech has let it
			// go: what came before it is all the speech there will be.
			marker := slices.Repeat([]int16{7}, hal.FrameSamples)
			if err := p.Alert(ctx, marker); err != nil {
				t.Fatalf("Alert after the cut: %v", err)
			}
			got := sp.Samples()
			speech := got[:len(got)-len(marker)]
			// The write held when the cut came, then at most one faded 10 ms
			// chunk.
			if most := hold + 2*hal.FrameSamples; len(speech) > most {
				t.Errorf("speaker got %d samples of speech, want at most %d (of %d)", len(speech), most, 3*sentenceSamples)
			}
			if last := speech[len(speech)-1]; len(speech) > hold+hal.FrameSamples && last != 0 {
				t.Errorf("speech cut at %d, not faded to silence", last)
			}
			if !slices.Equal(got[len(speech):], marker) {
				t.Errorf("the sound after the cut was not played whole")
			}
			if st := p.Status(); st.Interrupted != 1 || st.WakeIgnored != 0 {
				t.Errorf("status %+v, want one interruption and no ignored wake word", st)
			}
		})
	}
}

// sentencesHeard is the speaker's first sample of each sentence (sentenceVoice's
// numbering), in the order the speaker got them.
func sentencesHeard(samples []int16) []int {
	var out []int
	for _, v := range samples {
		if n := int(v) / 1000; n > 0 && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// TestSpeechStreams: the first sentence reaches the speaker before the
// third is synthesised, and synthesis runs at most two sentences ahead of
// the one playing.
func TestSpeechStreams(t *testing.T) {
	ctx := waitCtx(t)
	sp := haltest.NewRecordSpeaker()
	var mu sync.Mutex
	heardAt := map[int][]int{} // sentence → sentences the speaker had begun when its synthesis began
	v := &sentenceVoice{before: func(sctx context.Context, n int) {
		if n == 3 {
			// Sentence 3 waits until sentence 1 plays: a pipeline that
			// synthesised everything first would never answer.
			for !slices.Contains(sentencesHeard(sp.Samples()), 1) && sctx.Err() == nil {
				runtime.Gosched()
			}
		}
		mu.Lock()
		heardAt[n] = sentencesHeard(sp.Samples())
		mu.Unlock()
	}}
	brain, err := intent.NewRouter(nil, storySkill{})
	if err != nil {
		t.Fatal(err)
	}
	p := newPipeline(t, voice.Config{Speaker: sp, Brain: brain, Voice: v, Clock: newFakeClock()})
	run(t, p)
	got, err := p.Ask(ctx, "tell me a long story")
	if err != nil || got != longStory {
		t.Fatalf("Ask = %q, %v", got, err)
	}
	want := []string{"Once there was a speaker.", "It spoke at length.", "Then it was stopped.", "It was 2.5 seconds long.", "The end."}
	if !slices.Equal(v.said, want) {
		t.Errorf("synthesised %q, want %q", v.said, want)
	}
	if got := sentencesHeard(sp.Samples()); !slices.Equal(got, []int{1, 2, 3, 4, 5}) || len(sp.Samples()) != 5*sentenceSamples {
		t.Errorf("speaker got sentences %v (%d samples), want 1 to 5 whole", got, len(sp.Samples()))
	}
	mu.Lock()
	defer mu.Unlock()
	for n := 3; n <= 5; n++ {
		// Sentence n-1 waits in the queue, n-2 plays: n-3 has been heard.
		if !slices.Contains(heardAt[n], n-2) && !slices.Contains(heardAt[n], n-3) {
			t.Errorf("sentence %d synthesised when the speaker had begun %v, want at least sentence %d", n, heardAt[n], n-3)
		}
	}
}

// TestAlert: a sound plays whole when nothing interrupts it; the action
// button silences it within a chunk without listening; cancelling its
// context stops it too; during an interaction it is refused.
func TestAlert(t *testing.T) {
	ctx := waitCtx(t)
	chime := voice.Chime()
	sp := newHoldSpeaker(4 * hal.FrameSamples)
	face := haltest.NewRecordFaceplate()
	buttons := haltest.NewScriptedButtons()
	p := newPipeline(t, voice.Config{Speaker: sp, Faceplate: face, Buttons: buttons, Clock: newFakeClock(),
		Transcriber: &sphinx.Client{URL: serve(t, &recordingSTT{})}})
	run(t, p)
	face.WaitState(ctx, hal.StateIdle)

	done := make(chan error, 1)
	go func() { done <- p.Alert(ctx, chime) }()
	<-sp.started
	buttons.Push(hal.ButtonEvent{Button: hal.ButtonAction, Action: hal.Press})
	for p.Status().Interrupted == 0 {
		runtime.Gosched()
	}
	close(sp.release)
	if err := <-done; !errors.Is(err, voice.ErrInterrupted) {
		t.Errorf("Alert cut by the button: %v, want ErrInterrupted", err)
	}
	if n := len(sp.Samples()); n > 6*hal.FrameSamples {
		t.Errorf("speaker got %d samples of a %d-sample chime cut after %d", n, len(chime), 5*hal.FrameSamples)
	}
	if got := face.States(); slices.Contains(got, hal.StateListening) {
		t.Errorf("faces %v: the press that silenced the chime listened", got)
	}

	before := len(sp.Samples())
	if err := p.Alert(ctx, chime); err != nil {
		t.Fatalf("Alert: %v", err)
	}
	if got := sp.Samples()[before:]; !slices.Equal(got, chime) {
		t.Errorf("uninterrupted chime: %d samples, want the %d of the chime", len(got), len(chime))
	}

	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := p.Alert(cctx, chime); !errors.Is(err, context.Canceled) {
		t.Errorf("Alert with a cancelled context: %v", err)
	}

	// During an interaction (listening after a press) it is refused.
	buttons.Push(hal.ButtonEvent{Button: hal.ButtonAction, Action: hal.Press})
	face.WaitState(ctx, hal.StateListening)
	if err := p.Alert(ctx, chime); !errors.Is(err, voice.ErrBusy) {
		t.Errorf("Alert while listening: %v, want ErrBusy", err)
	}
}

// TestChime: one second at 16 kHz, loud but not clipped, two notes (A5
// then C#6, told by their zero crossings), silent at both ends.
func TestChime(t *testing.T) {
	c := voice.Chime()
	if len(c) != 16000 {
		t.Fatalf("%d samples, want 16000", len(c))
	}
	peak := 0
	for _, v := range c {
		peak = max(peak, abs(int(v)))
	}
	if peak < 5000 || peak >= 32767 {
		t.Errorf("peak %d, want audible and unclipped", peak)
	}
	if c[0] != 0 || c[len(c)-1] != 0 {
		t.Errorf("ends %d and %d, want silence", c[0], c[len(c)-1])
	}
	// Zero crossings per half second: 2 × frequency × 0.5 s for the
	// fundamental (the octave adds no crossings at 0.3 of its amplitude).
	for i, want := range []int{880, 1109} {
		half := c[i*8000 : (i+1)*8000]
		n := 0
		for j := 1; j < len(half); j++ {
			if (half[j-1] < 0) != (half[j] < 0) {
				n++
			}
		}
		if n < want*9/10 || n > want*11/10 {
			t.Errorf("note %d: %d zero crossings, want about %d", i+1, n, want)
		}
	}
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}
