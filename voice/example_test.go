package voice_test

import (
	"context"
	"fmt"

	"github.com/mycroft-network/mycroft/hal/haltest"
	"github.com/mycroft-network/mycroft/voice"
	"github.com/mycroft-network/mycroft/voice/intent"
)

type greeter struct{}

func (greeter) Name() string { return "greeter" }
func (greeter) Intents() []intent.Spec {
	return []intent.Spec{{Name: "hello", Patterns: []string{"(hello | hi) [mycroft]"}}}
}
func (greeter) Handle(context.Context, intent.Intent) (intent.Reply, error) {
	return intent.Reply{Text: "Hello there."}, nil
}

// A pipeline with only a faceplate answers typed questions (the demo's
// keyboard mode); on a board it also gets Mic, Speaker, Buttons, Mute, a
// Transcriber and a Synthesizer.
func ExamplePipeline_Ask() {
	brain, _ := intent.NewRouter(nil, greeter{})
	p, err := voice.New(voice.Config{Brain: brain, Faceplate: haltest.NewRecordFaceplate()})
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx := context.Background()
	go p.Run(ctx)
	defer p.Close()
	answer, err := p.Ask(ctx, "Hello, Mycroft!")
	fmt.Println(answer, err)
	// Output: Hello there. <nil>
}
