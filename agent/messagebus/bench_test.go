package messagebus

import (
	"testing"
)

// BenchmarkUtteranceToSpeak: an utterance sent on the bus, matched to an
// external skill's Padatious intent, handled by that skill (a Go client
// here) and its speak received by the sender: the round trip a skill on
// the bus adds. The device saying it is not timed.
func BenchmarkUtteranceToSpeak(b *testing.B) {
	r := newRig(b, DefaultAddr, Config{})
	skill, user := r.dial(b, "", nil), r.dial(b, "", nil)
	skill.send("padatious:register_intent", map[string]any{"name": "bench:weather.intent", "samples": []any{"what is the weather in {city}"}}, nil)
	skill.send("sync", nil, nil)
	skill.expect("sync", nil)
	go func() {
		for m := range skill.in {
			if m.Type == "bench:weather.intent" {
				ctx := map[string]any{"skill_id": "bench"}
				skill.send("speak", map[string]any{"utterance": "Sunny in " + str(m.Data, "city") + "."}, ctx)
				skill.send("mycroft.skill.handler.complete", nil, ctx)
			}
		}
	}()
	b.ResetTimer()
	for range b.N {
		user.send("recognizer_loop:utterance", map[string]any{"utterances": []any{"what is the weather in paris"}}, nil)
		user.expect("speak", func(m Message) bool { return str(m.Data, "utterance") == "Sunny in paris." })
		b.StopTimer()
		user.expect("recognizer_loop:audio_output_end", nil)
		b.StartTimer()
	}
}
