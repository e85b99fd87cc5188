package messagebus

// What the bus itself does with messages: utterances, external skills'
// registrations and answers, volume and stop; and what it publishes of the
// pipeline's events.

import (
	"context"
	"errors"
	"math"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/mycroft-network/mycroft/voice"
	"github.com/mycroft-network/mycroft/voice/intent"
)

// Timing of the bus's work for the pipeline.
const (
	askTimeout   = time.Minute // one utterance, answer spoken
	busyRetry    = 250 * time.Millisecond
	busyPatience = 30 * time.Second // an utterance or speak waits this long for the pipeline
	speakQuiet   = 1500 * time.Millisecond
	maxOurs      = 64
)

// handle acts on a message a client sent (after relaying it).
func (b *Bus) handle(c *client, m Message) {
	var err error
	switch m.Type {
	case "recognizer_loop:utterance":
		select {
		case b.utterances <- m:
		default:
			b.log.Warn("messagebus: too many utterances waiting: one dropped", "client", c.id)
		}
	case "speak":
		b.onSpeak(c, m)
	case "register_vocab":
		b.mu.Lock()
		err = b.reg.registerVocab(m)
		b.mu.Unlock()
	case "register_intent":
		b.mu.Lock()
		err = b.reg.registerAdapt(c.id, m)
		b.mu.Unlock()
	case "padatious:register_intent":
		b.mu.Lock()
		err = b.reg.registerPadatious(c.id, m)
		b.mu.Unlock()
	case "detach_intent":
		b.mu.Lock()
		b.reg.detach(str(m.Data, "intent_name"), "")
		b.mu.Unlock()
	case "detach_skill":
		b.mu.Lock()
		b.reg.detach("", str(m.Data, "skill_id"))
		b.mu.Unlock()
	case "mycroft.skill.handler.complete", "ovos.utterance.handled":
		b.mu.Lock()
		if h := b.pending; h != nil && (h.owner == c.id || str(m.Context, "skill_id") == h.skill) {
			h.finish()
		}
		b.mu.Unlock()
	case "mycroft.volume.get", "mycroft.volume.set", "mycroft.volume.increase", "mycroft.volume.decrease",
		"mycroft.volume.mute", "mycroft.volume.unmute", "mycroft.volume.mute.toggle":
		b.volume(m)
	case "mycroft.stop", "mycroft.audio.speech.stop", "mycroft.audio.service.stop":
		go b.stop()
	case "intent.service.intent.get":
		b.intentGet(m)
	}
	if err != nil {
		b.log.Warn("messagebus: refused", "client", c.id, "type", m.Type, "err", err)
	}
}

// reply is m's reply of type typ: the context kept, source and
// destination swapped (mycroft-core's Message.reply).
func reply(m Message, typ string, data map[string]any) Message {
	ctx := make(map[string]any, len(m.Context))
	for k, v := range m.Context {
		ctx[k] = v
	}
	if s, ok := ctx["source"]; ok {
		if d, ok := ctx["destination"]; ok {
			ctx["source"], ctx["destination"] = d, s
		}
	}
	return Message{Type: typ, Data: data, Context: ctx}
}

// forAudio: a speak whose destination names neither audio nor debug_cli
// is for someone else (mycroft-core's audio service ignores it too).
func forAudio(m Message) bool {
	var dest []string
	switch d := m.Context["destination"].(type) {
	case nil:
		return true
	case string:
		dest = []string{d}
	case []any:
		for _, v := range d {
			if s, ok := v.(string); ok {
				dest = append(dest, s)
			}
		}
	}
	return len(dest) == 0 || slices.Contains(dest, "audio") || slices.Contains(dest, "debug_cli")
}

// onSpeak: an external skill's answer to the intent being handled
// becomes the device's answer; any other speak is said when the device
// is free.
func (b *Bus) onSpeak(c *client, m Message) {
	text := strings.TrimSpace(str(m.Data, "utterance"))
	if text == "" {
		return
	}
	b.mu.Lock()
	h := b.pending
	if h != nil && (h.owner == c.id || str(m.Context, "skill_id") == h.skill) {
		// The handling skill's answer, however it routed it.
		h.speaks = append(h.speaks, text)
		b.mu.Unlock()
		select {
		case h.poke <- struct{}{}:
		default:
		}
		return
	}
	muted := b.muted >= 0
	b.mu.Unlock()
	if !forAudio(m) {
		return
	}
	if muted {
		b.log.Info("messagebus: speaker muted: speak not said", "client", c.id)
		return
	}
	select {
	case b.announces <- text:
	default:
		b.log.Warn("messagebus: too many speaks waiting: one dropped", "client", c.id)
	}
}

// handler is an external intent being handled: what its skill said.
type handler struct {
	name, skill string
	owner       uint64
	speaks      []string // under Bus.mu
	poke        chan struct{}
	done        chan struct{}
	once        sync.Once
}

func (h *handler) finish() { h.once.Do(func() { close(h.done) }) }

// Matcher is the built-in skills (skills.Brain): the pipeline's Brain,
// which can also say how well it matches.
type Matcher interface {
	Grammar() string
	GrammarWith(known func(word string) bool, others ...*intent.Router) string
	Respond(ctx context.Context, text string) (intent.Reply, error)
	Match(text string) (intent.Intent, intent.Skill, bool)
}

// Brain returns the pipeline's Brain with the external skills in: an
// utterance goes to the external intent that matches it with a higher
// confidence than any built-in skill (ties go to the built-in skills),
// otherwise to inner.
func (b *Bus) Brain(inner Matcher) voice.Brain {
	b.mu.Lock()
	b.inner = inner
	b.mu.Unlock()
	return &brain{b: b, inner: inner}
}

type brain struct {
	b     *Bus
	inner Matcher
}

// Grammar is the built-in skills' grammar with the external Padatious
// intents' samples whose words the local recogniser knows (Config.Known),
// so that they are heard offline too. Samples with an entity are left out
// (the grammar cannot hold free text), and so are Adapt intents (keywords
// anywhere in a sentence).
func (br *brain) Grammar() string {
	b := br.b
	b.mu.Lock()
	ext := b.reg.router
	b.mu.Unlock()
	if ext == nil || b.cfg.Known == nil {
		return br.inner.Grammar()
	}
	return br.inner.GrammarWith(b.cfg.Known, ext)
}

func (br *brain) Respond(ctx context.Context, text string) (intent.Reply, error) {
	b := br.b
	b.mu.Lock()
	if b.saying != "" && text == b.saying {
		// A skill's speak, said through Announce: word for word.
		b.saying = ""
		b.mu.Unlock()
		return intent.Reply{Text: text}, nil
	}
	m, ok := b.reg.match(text)
	b.mu.Unlock()
	if ok {
		if in, _, builtin := br.inner.Match(text); !builtin || m.confidence > in.Confidence {
			return b.dispatch(ctx, m, text)
		}
	}
	return br.inner.Respond(ctx, text)
}

// dispatch sends the matched intent to the clients and waits for the
// skill's answer: its speak messages until it says it has finished
// (mycroft.skill.handler.complete or ovos.utterance.handled), a quiet
// 1.5 s after the last one, or HandlerTimeout.
func (b *Bus) dispatch(ctx context.Context, m extMatch, text string) (intent.Reply, error) {
	h := &handler{name: m.name, skill: m.skill, owner: m.owner, poke: make(chan struct{}, 1), done: make(chan struct{})}
	b.mu.Lock()
	if b.pending != nil {
		b.pending.finish()
	}
	b.pending = h
	b.mu.Unlock()
	defer func() {
		b.mu.Lock()
		if b.pending == h {
			b.pending = nil
		}
		b.mu.Unlock()
	}()
	data := map[string]any{
		"intent_type": m.name, "utterance": text, "utterances": []string{text},
		"lang": b.cfg.Lang, "confidence": m.confidence,
	}
	for k, v := range m.entities {
		if _, taken := data[k]; !taken {
			data[k] = v
		}
	}
	b.stats.Intents.Add(1)
	b.emit(Message{Type: m.name, Data: data, Context: map[string]any{
		"skill_id": m.skill, "source": "skills", "destination": []string{"audio"},
	}})
	deadline := time.NewTimer(b.cfg.HandlerTimeout)
	defer deadline.Stop()
	var quiet <-chan time.Time
wait:
	for {
		select {
		case <-h.done:
			break wait
		case <-deadline.C:
			break wait
		case <-quiet:
			break wait
		case <-h.poke:
			quiet = time.After(speakQuiet)
		case <-ctx.Done():
			return intent.Reply{}, ctx.Err()
		}
	}
	b.mu.Lock()
	said := strings.TrimSpace(strings.Join(h.speaks, " "))
	b.ours1(said)
	b.mu.Unlock()
	if said == "" {
		b.log.Info("messagebus: external skill said nothing", "intent", m.name)
	}
	return intent.Reply{Text: said}, nil
}

// ours1 notes that the pipeline is about to say text that is already on
// the bus (under mu).
func (b *Bus) ours1(text string) {
	if text == "" {
		return
	}
	if len(b.ours) >= maxOurs {
		clear(b.ours)
	}
	b.ours[text]++
}

// runUtterances asks the pipeline the utterances clients send, one at a
// time; the answer is spoken and published like any other.
func (b *Bus) runUtterances(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case m := <-b.utterances:
			u := strs(m.Data, "utterances")
			if len(u) == 0 || strings.TrimSpace(u[0]) == "" {
				continue
			}
			if _, err := b.whenFree(ctx, func(ctx context.Context) (string, error) { return b.voice.Ask(ctx, u[0]) }); err != nil && ctx.Err() == nil {
				b.log.Warn("messagebus: utterance", "err", err)
			}
		}
	}
}

// runAnnounces says what clients send as speak outside a handler, when
// nothing else is going on.
func (b *Bus) runAnnounces(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case text := <-b.announces:
			b.mu.Lock()
			b.ours1(text)
			b.mu.Unlock()
			_, err := b.whenFree(ctx, func(ctx context.Context) (string, error) {
				b.mu.Lock()
				b.saying = text
				b.mu.Unlock()
				return b.voice.Announce(ctx, text)
			})
			b.mu.Lock()
			if b.saying == text {
				b.saying = "" // never asked (busy until the end)
			}
			if err != nil && b.ours[text] > 0 {
				b.ours[text]-- // not said: a later answer of these words is news
			}
			b.mu.Unlock()
			if err != nil && ctx.Err() == nil {
				b.log.Warn("messagebus: speak", "err", err)
			}
		}
	}
}

// whenFree calls f until the pipeline is not busy (busyPatience at most).
func (b *Bus) whenFree(ctx context.Context, f func(context.Context) (string, error)) (string, error) {
	give := time.Now().Add(busyPatience)
	for {
		actx, cancel := context.WithTimeout(ctx, askTimeout)
		s, err := f(actx)
		cancel()
		if !errors.Is(err, voice.ErrBusy) || time.Now().After(give) {
			return s, err
		}
		select {
		case <-ctx.Done():
			return "", ctx.Err()
		case <-time.After(busyRetry):
		}
	}
}

// stop silences the device (the built-in "stop").
func (b *Bus) stop() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := b.voice.Ask(ctx, "stop"); err != nil {
		b.log.Info("messagebus: stop", "err", err)
	}
}

// volume answers mycroft.volume.*: percent is 0..1 as in OVOS.
func (b *Bus) volume(m Message) {
	b.mu.Lock()
	defer b.mu.Unlock()
	get := func() int {
		if v := b.cfg.Volume; v != nil {
			if l, err := v.Volume(); err == nil {
				return l
			}
		}
		return b.soft
	}
	set := func(l int) {
		l = min(max(l, 0), 100)
		b.soft = l
		if v := b.cfg.Volume; v != nil {
			if err := v.SetVolume(l); err != nil {
				b.log.Warn("messagebus: volume", "err", err)
			}
		}
	}
	step := 10
	if p, ok := number(m.Data, "percent"); ok && m.Type != "mycroft.volume.set" {
		step = int(math.Round(p * 100))
	}
	switch m.Type {
	case "mycroft.volume.set":
		if p, ok := number(m.Data, "percent"); ok && p >= 0 && p <= 1 {
			set(int(math.Round(p * 100)))
			b.muted = -1
		}
	case "mycroft.volume.increase":
		set(get() + step)
		b.muted = -1
	case "mycroft.volume.decrease":
		set(get() - step)
	case "mycroft.volume.mute", "mycroft.volume.unmute", "mycroft.volume.mute.toggle":
		mute := m.Type == "mycroft.volume.mute" || m.Type == "mycroft.volume.mute.toggle" && b.muted < 0
		if mute && b.muted < 0 {
			b.muted = get()
			set(0)
		} else if !mute && b.muted >= 0 {
			set(b.muted)
			b.muted = -1
		}
	}
	level := get()
	go b.emit(reply(m, m.Type+".response", map[string]any{"percent": float64(level) / 100, "muted": b.muted >= 0}))
}

// intentGet answers intent.service.intent.get with the intent an
// utterance would go to (null when none).
func (b *Bus) intentGet(m Message) {
	text := str(m.Data, "utterance")
	b.mu.Lock()
	ext, ok := b.reg.match(text)
	inner := b.inner
	b.mu.Unlock()
	var out any
	if ok {
		out = map[string]any{"intent_type": ext.name, "skill_id": ext.skill, "confidence": ext.confidence, "entities": ext.entities}
	}
	if inner != nil {
		if in, _, found := inner.Match(text); found && (!ok || in.Confidence >= ext.confidence) {
			out = map[string]any{"intent_type": in.Skill + ":" + in.Name, "skill_id": in.Skill, "confidence": in.Confidence, "entities": in.Slots}
		}
	}
	go b.emit(reply(m, "intent.service.intent.reply", map[string]any{"intent": out, "utterance": text}))
}

// runEvents publishes what the pipeline does.
func (b *Bus) runEvents(ctx context.Context, sub *voice.Subscription) {
	listener := func() map[string]any {
		return map[string]any{"client_name": "mycroft_listener", "source": "audio", "destination": []string{"skills"}}
	}
	for {
		var ev voice.Event
		select {
		case <-ctx.Done():
			return
		case ev = <-sub.C:
		}
		switch ev.Kind {
		case voice.EventWake:
			b.emit(Message{Type: "recognizer_loop:wakeword", Data: map[string]any{"utterance": b.cfg.WakeWord}, Context: listener()})
		case voice.EventRecordBegin:
			b.emit(Message{Type: "recognizer_loop:record_begin", Context: listener()})
		case voice.EventRecordEnd:
			b.emit(Message{Type: "recognizer_loop:record_end", Context: listener()})
		case voice.EventHeard:
			if ev.Trigger != "text" {
				b.emit(Message{Type: "recognizer_loop:utterance", Data: map[string]any{"utterances": []string{ev.Text}, "lang": b.cfg.Lang}, Context: listener()})
			}
		case voice.EventSpeakBegin:
			b.mu.Lock()
			already := b.ours[ev.Text] > 0
			if already {
				b.ours[ev.Text]--
			}
			b.mu.Unlock()
			if !already {
				b.emit(Message{Type: "speak", Data: map[string]any{"utterance": ev.Text, "expect_response": false, "meta": map[string]any{"skill": "mycroft"}},
					Context: map[string]any{"source": "skills", "destination": []string{"audio"}}})
			}
			b.emit(Message{Type: "recognizer_loop:audio_output_start"})
		case voice.EventSpeakEnd:
			b.emit(Message{Type: "recognizer_loop:audio_output_end"})
		case voice.EventMute:
			b.emit(Message{Type: "mycroft.mic.mute"})
		case voice.EventUnmute:
			b.emit(Message{Type: "mycroft.mic.unmute"})
		case voice.EventVolume:
			// The volume buttons: what a volume service answers after a
			// change, so displays follow the hardware.
			b.mu.Lock()
			b.muted = -1
			b.mu.Unlock()
			b.emit(Message{Type: "mycroft.volume.get.response", Data: map[string]any{"percent": float64(ev.Volume) / 100, "muted": false}})
		}
	}
}
