package voice

// The pipeline's event hook: what the owner's speaker does (wake word,
// listening, what it heard, what it says, mute) published to subscribers
// such as the Mycroft messagebus and the Home Assistant satellite, without
// ever blocking the audio path.

import (
	"sync"
	"sync/atomic"
	"time"
)

// EventKind says what happened.
type EventKind int

// The events the pipeline publishes.
const (
	// EventWake: the wake word was heard and accepted (Text: its name).
	EventWake EventKind = iota + 1
	// EventRecordBegin: the pipeline started listening to an utterance
	// (Trigger: "wake" or "button").
	EventRecordBegin
	// EventRecordEnd: listening ended (the utterance is complete, or was
	// cut short: Err says why).
	EventRecordEnd
	// EventHeard: what the speech-to-text service heard (Text), or the
	// typed question (Trigger "text").
	EventHeard
	// EventSpeakBegin: the device starts saying Text.
	EventSpeakBegin
	// EventSpeakEnd: it has finished saying it (or was cut short).
	EventSpeakEnd
	// EventMute and EventUnmute: the microphone was muted or unmuted.
	EventMute
	EventUnmute
	// EventVolume: the owner turned the volume with the buttons (Volume:
	// the new level, 0..100).
	EventVolume
)

var eventNames = map[EventKind]string{
	EventWake: "wake", EventRecordBegin: "record-begin", EventRecordEnd: "record-end",
	EventHeard: "heard", EventSpeakBegin: "speak-begin", EventSpeakEnd: "speak-end",
	EventMute: "mute", EventUnmute: "unmute", EventVolume: "volume",
}

func (k EventKind) String() string {
	if s, ok := eventNames[k]; ok {
		return s
	}
	return "unknown"
}

// Event is one thing the pipeline did.
type Event struct {
	Kind EventKind
	// Interaction is the ID of the interaction it belongs to (0 for mute).
	Interaction uint64
	Trigger     string // "wake", "button" or "text"
	Text        string // EventWake: the wake word; EventHeard, EventSpeak*: the words
	Err         string // EventRecordEnd: why listening was cut short
	Volume      int    // EventVolume: the new level, 0..100
	At          time.Time
}

// Subscription receives the pipeline's events on C until Close. A
// subscriber that falls behind loses events (the newest are dropped when
// its buffer is full) rather than delaying the pipeline; Dropped counts
// them.
type Subscription struct {
	// C delivers the events, in order.
	C       <-chan Event
	c       chan Event
	hub     *eventHub
	dropped atomic.Uint64
	closed  bool // under hub.mu
}

// Dropped is how many events did not fit in the subscriber's buffer.
func (s *Subscription) Dropped() uint64 { return s.dropped.Load() }

// Close stops the events and closes C.
func (s *Subscription) Close() {
	h := s.hub
	h.mu.Lock()
	defer h.mu.Unlock()
	if s.closed {
		return
	}
	s.closed = true
	for i, o := range h.subs {
		if o == s {
			h.subs = append(h.subs[:i], h.subs[i+1:]...)
			break
		}
	}
	close(s.c)
}

type eventHub struct {
	mu   sync.Mutex
	subs []*Subscription
}

// Subscribe returns a subscription to the pipeline's events with room for
// buffer events (at least 1). Subscribe before or after Run.
func (p *Pipeline) Subscribe(buffer int) *Subscription {
	c := make(chan Event, max(buffer, 1))
	s := &Subscription{C: c, c: c, hub: &p.hub}
	p.hub.mu.Lock()
	p.hub.subs = append(p.hub.subs, s)
	p.hub.mu.Unlock()
	return s
}

// publish hands ev to every subscriber without waiting for any (any
// goroutine).
func (p *Pipeline) publish(ev Event) {
	ev.At = p.cfg.Clock.Now()
	p.hub.mu.Lock()
	defer p.hub.mu.Unlock()
	for _, s := range p.hub.subs {
		select {
		case s.c <- ev:
		default:
			s.dropped.Add(1)
		}
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
