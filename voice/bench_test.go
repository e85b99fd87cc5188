package voice_test

import (
	"context"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/hal/haltest"
	"github.com/mycroft-network/mycroft/voice"
	"github.com/mycroft-network/mycroft/voice/internal/sphinx"
)

// timedFace records when each state is first shown after a reset.
type timedFace struct {
	ch map[hal.FaceState]chan time.Time
}

func newTimedFace() *timedFace {
	f := &timedFace{ch: map[hal.FaceState]chan time.Time{}}
	for s := hal.StateIdle; s <= hal.StateMining; s++ {
		f.ch[s] = make(chan time.Time, 1000)
	}
	return f
}

func (f *timedFace) Show(_ context.Context, face hal.Face) error {
	select {
	case f.ch[face.State] <- time.Now():
	default:
	}
	return nil
}

func (f *timedFace) Halt() error { return nil }

// BenchmarkTriggerToListening: from the button event to the faceplate
// showing listening.
func BenchmarkTriggerToListening(b *testing.B) {
	face := newTimedFace()
	press := make(chan hal.ButtonEvent)
	brain, _ := newBrain(b)
	p, err := voice.New(voice.Config{Faceplate: face, Buttons: haltest.NewChanButtons(press), Brain: brain,
		Transcriber: drainSTT{}})
	if err != nil {
		b.Fatal(err)
	}
	go p.Run(context.Background())
	defer p.Close()
	<-face.ch[hal.StateIdle]
	var total time.Duration
	for b.Loop() {
		start := time.Now()
		press <- hal.ButtonEvent{Button: hal.ButtonAction, Action: hal.Press}
		total += (<-face.ch[hal.StateListening]).Sub(start)
		press <- hal.ButtonEvent{Button: hal.ButtonAction, Action: hal.Press} // cancel
		<-face.ch[hal.StateIdle]
	}
	b.ReportMetric(float64(total.Microseconds())/float64(b.N), "µs/trigger")
}

// BenchmarkEndOfSpeechToSTTFinal: from the endpoint (the faceplate shows
// thinking) to the STT server on 127.0.0.1 seeing the end of the streamed
// request body.
func BenchmarkEndOfSpeechToSTTFinal(b *testing.B) {
	speech := fixture(b, "time.wav")
	face := newTimedFace()
	press := make(chan hal.ButtonEvent)
	ends := make(chan time.Time, 1)
	url := serve(b, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		ends <- time.Now()
		w.Write([]byte(`{"text":"what time is it"}`))
	}))
	brain, _ := newBrain(b)
	mic := &loopMic{pcm: speech}
	p, err := voice.New(voice.Config{Mic: mic, Faceplate: face, Buttons: haltest.NewChanButtons(press), Brain: brain,
		Transcriber: &sphinx.Client{URL: url}, Lossless: true})
	if err != nil {
		b.Fatal(err)
	}
	go p.Run(context.Background())
	defer p.Close()
	<-face.ch[hal.StateIdle]
	var total time.Duration
	for b.Loop() {
		press <- hal.ButtonEvent{Button: hal.ButtonAction, Action: hal.Press}
		<-face.ch[hal.StateListening]
		thinking := <-face.ch[hal.StateThinking]
		total += (<-ends).Sub(thinking)
		<-face.ch[hal.StateIdle]
	}
	b.ReportMetric(float64(total.Microseconds())/float64(b.N), "µs/final")
}

// loopMic plays pcm forever, as fast as it is read.
type loopMic struct {
	pcm []int16
	pos int
}

func (m *loopMic) Format() hal.AudioFormat { return hal.Voice }

func (m *loopMic) Read(p []int16) (int, error) {
	n := copy(p[:min(len(p), hal.FrameSamples)], m.pcm[m.pos:])
	m.pos = (m.pos + n) % len(m.pcm)
	return n, nil
}

// drainSTT reads the utterance to its end and hears nothing.
type drainSTT struct{}

func (drainSTT) Transcribe(_ context.Context, _ string, audio io.Reader) (voice.Transcript, error) {
	_, err := io.Copy(io.Discard, audio)
	return voice.Transcript{}, err
}
