package intent_test

import (
	"context"
	"fmt"

	"github.com/mycroft-network/mycroft/voice/intent"
)

type clock struct{}

func (clock) Name() string { return "clock" }
func (clock) Intents() []intent.Spec {
	return []intent.Spec{{Name: "time", Patterns: []string{"what time is it", "[tell me] the time"}}}
}
func (clock) Handle(context.Context, intent.Intent) (intent.Reply, error) {
	return intent.Reply{Text: "It is noon."}, nil
}

func ExampleRouter() {
	r, err := intent.NewRouter(nil, clock{})
	if err != nil {
		fmt.Println(err)
		return
	}
	reply, _ := r.Respond(context.Background(), "What time is it?")
	fmt.Println(reply.Text)
	fmt.Print(r.Grammar())
	// Output:
	// It is noon.
	// #JSGF V1.0;
	// grammar mycroft;
	//
	// public <command> = what time is it
	//     | [ tell me ] the time;
}
