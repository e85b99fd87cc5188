package psx

import (
	"context"
	"io"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/agent/skills"
	"github.com/mycroft-network/mycroft/voice/tts"
)

// TestSkillsGrammar: the skills' own grammar (what the pipeline hands the
// transcriber: 150 alternatives, number and name slots) loads, and its
// questions are recognised. The costs are logged: a larger grammar costs
// more per frame than the small one of TestRecognizeCommands
// (docs/voice.md).
func TestSkillsGrammar(t *testing.T) {
	d := decoder(t)
	r, err := skills.New(skills.Config{Now: time.Now, Location: time.UTC})
	if err != nil {
		t.Fatal(err)
	}
	for _, phrase := range []string{"what time is it", "what is the weather", "cancel the timer", "set a timer for ten seconds", "what day is it", "thank you very much"} {
		got, err := d.Recognize(context.Background(), r.Grammar(), &trickle{b: speech(t, tts.Flite(), phrase), end: io.EOF})
		if err != nil || got.Text != phrase {
			t.Errorf("%q with the skills' grammar = %+v, %v", phrase, got, err)
		}
		t.Logf("%-30q -> %-30q conf %.2f cost %.1f", phrase, got.Text, got.Confidence, got.Cost())
	}
}
