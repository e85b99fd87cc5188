package skills

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/mycroft-network/mycroft/voice/intent"
)

// Ringer makes the device ring (sound and face) until it is stopped; the
// agent implements it with the faceplate and the speaker. Ring must not
// block. StopRinging reports whether something was ringing.
type Ringer interface {
	Ring(name string)
	StopRinging() bool
}

// Dismissable is a Ringer the owner can silence without the stop skill
// (the button or the wake word over the ring): it calls the function set
// with OnDismiss, so "what is ringing" then says nothing is.
type Dismissable interface {
	OnDismiss(func())
}

// AfterFunc runs f once, on its own goroutine, after d; stop cancels it and
// reports whether it did (time.AfterFunc's contract). Tests pass a fake
// clock's.
type AfterFunc func(d time.Duration, f func()) (stop func() bool)

func realAfterFunc(d time.Duration, f func()) func() bool { return time.AfterFunc(d, f).Stop }

// SaySorry is the answer to what was not understood and is not a question
// a paid lookup may answer.
const SaySorry = "Sorry, I didn't catch that."

// bell tracks what rings, for "what is ringing" and stop; it passes Ring
// and StopRinging on to the agent's Ringer (nil: nothing is shown or heard).
type bell struct {
	inner Ringer
	mu    sync.Mutex
	names []string
}

// newBell wraps inner and forgets what rang when inner is dismissed.
func newBell(inner Ringer) *bell {
	b := &bell{inner: inner}
	if d, ok := inner.(Dismissable); ok {
		d.OnDismiss(b.forget)
	}
	return b
}

func (b *bell) forget() {
	b.mu.Lock()
	b.names = nil
	b.mu.Unlock()
}

func (b *bell) Ring(name string) {
	b.mu.Lock()
	b.names = append(b.names, name)
	b.mu.Unlock()
	if b.inner != nil {
		b.inner.Ring(name)
	}
}

func (b *bell) StopRinging() bool {
	b.mu.Lock()
	was := len(b.names) > 0
	b.names = nil
	b.mu.Unlock()
	if b.inner != nil && b.inner.StopRinging() {
		was = true
	}
	return was
}

func (b *bell) ringing() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.names...)
}

// Ringing answers "what is ringing": the agent asks it when something
// rings, so the device says what.
type Ringing struct{ bell *bell }

func (*Ringing) Name() string { return "ringing" }

func (*Ringing) Intents() []intent.Spec {
	return []intent.Spec{{Name: "what", Patterns: []string{
		"what is ringing", "what (was | is) that [sound | noise]", "why are you ringing", "what went off",
	}}}
}

func (r *Ringing) Handle(context.Context, intent.Intent) (intent.Reply, error) {
	names := r.bell.ringing()
	if len(names) == 0 {
		return intent.Reply{Text: "Nothing is ringing."}, nil
	}
	return intent.Reply{Text: "Your " + joinAnd(names) + " " + plural(len(names), "is", "are") + " done. Say stop to stop it."}, nil
}

// Stop stops ringing and speech.
type Stop struct{ bell *bell }

func (*Stop) Name() string { return "stop" }

func (*Stop) Intents() []intent.Spec {
	return []intent.Spec{{Name: "stop", Patterns: []string{
		"stop [it | that | talking | ringing | the alarm | the alarm sound]", "cancel [that | it]", "never mind", "nevermind",
		"forget it", "be quiet", "shut up", "quiet", "silence", "enough", "that is enough", "hush",
		"turn off the alarm", "turn it off", "(dismiss | snooze) [the] alarm", "i am awake", "okay stop", "stop stop [stop]",
	}}}
}

func (s *Stop) Handle(context.Context, intent.Intent) (intent.Reply, error) {
	if s.bell != nil {
		s.bell.StopRinging()
	}
	return intent.Reply{Stop: true}, nil
}

// SmallTalk answers thanks and greetings, on the device.
type SmallTalk struct{}

func (SmallTalk) Name() string { return "smalltalk" }

func (SmallTalk) Intents() []intent.Spec {
	return []intent.Spec{
		{Name: "thanks", Patterns: []string{"thanks [a lot | so much | very much]", "thank you [so much | very much]", "(cheers | ta)", "[thanks | thank you] that is (great | perfect | helpful)", "much appreciated", "good job", "well done"}},
		{Name: "hello", Patterns: []string{"(hello | hi | hey | good morning | good afternoon | good evening | howdy) [there]"}},
		{Name: "how", Patterns: []string{"how are you [doing] [today]", "how is it going", "what is up"}},
		{Name: "who", Patterns: []string{"who are you", "what is your name", "what are you"}},
		{Name: "bye", Patterns: []string{"(goodbye | bye | good night | see you [later])"}},
	}
}

func (SmallTalk) Handle(_ context.Context, in intent.Intent) (intent.Reply, error) {
	switch in.Name {
	case "thanks":
		return intent.Reply{Text: "You're welcome."}, nil
	case "how":
		return intent.Reply{Text: "I'm fine, thanks. How can I help?"}, nil
	case "who":
		return intent.Reply{Text: "I'm Mycroft, your voice assistant."}, nil
	case "bye":
		return intent.Reply{Text: "Goodbye."}, nil
	}
	return intent.Reply{Text: "Hello! How can I help?"}, nil
}

// Repeat says the last reply again.
type Repeat struct {
	mu   sync.Mutex
	last string
}

func (*Repeat) Name() string { return "repeat" }

func (*Repeat) Intents() []intent.Spec {
	return []intent.Spec{{Name: "repeat", Patterns: []string{
		"what did you (say | just say)", "(say | repeat) (that | it) again", "repeat [that | it | yourself]",
		"come again", "pardon [me]", "sorry what", "i did not (hear | catch | get) (that | it | you)",
		"what was that again", "once more", "say again", "what was that you said", "what did you just say",
	}}}
}

func (r *Repeat) Handle(context.Context, intent.Intent) (intent.Reply, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.last == "" {
		return intent.Reply{Text: "I haven't said anything yet."}, nil
	}
	return intent.Reply{Text: r.last}, nil
}

// remember keeps a reply to repeat (not its own, not a silent one).
func (r *Repeat) remember(in intent.Intent, rep intent.Reply) {
	if in.Skill == "repeat" || strings.TrimSpace(rep.Text) == "" {
		return
	}
	r.mu.Lock()
	r.last = rep.Text
	r.mu.Unlock()
}

// questionWords start what a paid lookup may answer.
var questionWords = map[string]bool{
	"what": true, "who": true, "whom": true, "whose": true, "where": true, "when": true, "why": true,
	"how": true, "which": true, "is": true, "are": true, "was": true, "were": true, "do": true, "does": true,
	"did": true, "can": true, "could": true, "will": true, "would": true, "should": true, "explain": true,
	"define": true, "describe": true,
}

// IsQuestion reports whether text (filler aside) asks something: it starts
// with a question word, or "tell me about", "tell me who|what|...".
func IsQuestion(text string) bool {
	w := strings.Fields(intent.Core(text))
	if len(w) < 2 {
		return false
	}
	if questionWords[w[0]] {
		return true
	}
	return len(w) > 2 && w[0] == "tell" && w[1] == "me" && (w[2] == "about" || questionWords[w[2]])
}

// guardedFallback answers what no skill matched: a question goes to the
// knowledge skill (a paid lookup, or why there is none); anything else,
// small talk the skills do not know, is not understood, and costs nothing.
type guardedFallback struct{ know *KnowledgeSkill }

func (g guardedFallback) Answer(ctx context.Context, text string) (intent.Reply, error) {
	if !IsQuestion(text) {
		return intent.Reply{Text: SaySorry}, nil
	}
	return g.know.Answer(ctx, intent.Core(text))
}

// SpokenDuration says a duration in hours, minutes and seconds: "1 hour and
// 30 minutes", "45 seconds".
func SpokenDuration(d time.Duration) string {
	d = d.Round(time.Second)
	if d <= 0 {
		return "0 seconds"
	}
	h, m, s := int(d/time.Hour), int(d%time.Hour/time.Minute), int(d%time.Minute/time.Second)
	var parts []string
	for _, p := range []struct {
		n    int
		unit string
	}{{h, "hour"}, {m, "minute"}, {s, "second"}} {
		if p.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", p.n, plural(p.n, p.unit, p.unit+"s")))
		}
	}
	return joinAnd(parts)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// joinAnd joins "a", "b and c".
func joinAnd(s []string) string {
	switch len(s) {
	case 0:
		return ""
	case 1:
		return s[0]
	}
	return strings.Join(s[:len(s)-1], ", ") + " and " + s[len(s)-1]
}
