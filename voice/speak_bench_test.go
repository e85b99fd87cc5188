package voice_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/hal/haltest"
	"github.com/mycroft-network/mycroft/voice"
	"github.com/mycroft-network/mycroft/voice/intent"
	"github.com/mycroft-network/mycroft/voice/tts"
)

// answer3 is a three-sentence answer, as the knowledge service gives.
const answer3 = "The Eiffel Tower is 330 metres tall. It was finished in 1889 for the World's Fair. About 7 million people visit it every year."

// answerSkill answers anything with answer3 and notes when the reply text
// was ready.
type answerSkill struct {
	mu    sync.Mutex
	ready time.Time
}

func (*answerSkill) Name() string { return "answer" }
func (*answerSkill) Intents() []intent.Spec {
	return []intent.Spec{{Name: "q", Patterns: []string{"how tall is the eiffel tower"}}}
}

func (s *answerSkill) Handle(context.Context, intent.Intent) (intent.Reply, error) {
	s.mu.Lock()
	s.ready = time.Now()
	s.mu.Unlock()
	return intent.Reply{Text: answer3}, nil
}

// firstSampleSpeaker notes when the first sample of each answer arrives.
type firstSampleSpeaker struct {
	*haltest.RecordSpeaker
	mu    sync.Mutex
	first time.Time
}

func (s *firstSampleSpeaker) Write(p []int16) (int, error) {
	s.mu.Lock()
	if s.first.IsZero() {
		s.first = time.Now()
	}
	s.mu.Unlock()
	return len(p), nil
}

// wholeVoice synthesises the whole answer when asked for its first
// sentence and nothing for the others: speech as it was before streaming.
type wholeVoice struct{ e *tts.Engine }

func (w wholeVoice) Synthesize(ctx context.Context, text string) ([]int16, error) {
	if len(text) >= len(answer3) || answer3[:len(text)] != text {
		return nil, nil
	}
	return w.e.Synthesize(ctx, answer3)
}

// BenchmarkReplyToFirstSample: from the reply text being ready to its
// first sample reaching the speaker, for a three-sentence answer spoken by
// flite, synthesised whole (one-shot, as before) or sentence by sentence.
func BenchmarkReplyToFirstSample(b *testing.B) {
	e := tts.Flite()
	if !e.Available() {
		b.Skip("flite not installed")
	}
	for _, c := range []struct {
		name  string
		voice voice.Synthesizer
	}{{"one-shot", wholeVoice{e}}, {"streaming", e}} {
		b.Run(c.name, func(b *testing.B) {
			sk := &answerSkill{}
			brain, err := intent.NewRouter(nil, sk)
			if err != nil {
				b.Fatal(err)
			}
			sp := &firstSampleSpeaker{RecordSpeaker: haltest.NewRecordSpeaker()}
			p, err := voice.New(voice.Config{Speaker: sp, Brain: brain, Voice: c.voice})
			if err != nil {
				b.Fatal(err)
			}
			go p.Run(context.Background())
			defer p.Close()
			var total time.Duration
			for b.Loop() {
				sp.mu.Lock()
				sp.first = time.Time{}
				sp.mu.Unlock()
				if _, err := p.Ask(context.Background(), "how tall is the eiffel tower"); err != nil {
					b.Fatal(err)
				}
				sp.mu.Lock()
				sk.mu.Lock()
				total += sp.first.Sub(sk.ready)
				sk.mu.Unlock()
				sp.mu.Unlock()
			}
			b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "ms/first-sample")
		})
	}
}
