package vad

import (
	"strings"
	"testing"
)

// run feeds a pattern ('#' speech, '.' silence) and returns the events with
// the frame index they happened at.
func run(ep *Endpointer, pattern string) (events []Event, at []int) {
	for i, c := range pattern {
		if ev := ep.Feed(c == '#'); ev != None {
			events = append(events, ev)
			at = append(at, i)
		}
	}
	return
}

func TestEndpointer(t *testing.T) {
	small := EndpointConfig{StartFrames: 3, GapFrames: 2, EndFrames: 4, MaxFrames: 12, NoSpeechFrames: 8}
	cases := []struct {
		name       string
		cfg        EndpointConfig
		pattern    string
		events     []Event
		at         []int
		start, end int
	}{
		{"start and end", small, "..###....", []Event{Started, Ended}, []int{4, 8}, 2, 5},
		{"short gap bridged", small, ".##.#....", []Event{Started, Ended}, []int{4, 8}, 1, 5},
		{"long gap resets start", small, "##..###....", []Event{Started, Ended}, []int{6, 10}, 4, 7},
		{"pause shorter than end kept", small, "###...##....", []Event{Started, Ended}, []int{2, 11}, 0, 8},
		{"no speech", small, "........", []Event{NoSpeech}, []int{7}, 0, 0},
		{"blips never start", small, "#..#..#.", []Event{NoSpeech}, []int{7}, 0, 0},
		{"max length", small, "..##############", []Event{Started, MaxLength}, []int{4, 13}, 2, 14},
		{"nothing after final event", small, "###....####", []Event{Started, Ended}, []int{2, 6}, 0, 3},
		{"defaults: 0.3 s start, 0.7 s end", EndpointConfig{}, strings.Repeat(".", 10) + strings.Repeat("#", 50) + strings.Repeat(".", 80),
			[]Event{Started, Ended}, []int{39, 129}, 10, 60},
		{"defaults: 5 s no speech", EndpointConfig{}, strings.Repeat(".", 600), []Event{NoSpeech}, []int{499}, 0, 0},
		{"defaults: 15 s cap", EndpointConfig{}, strings.Repeat("#", 1600), []Event{Started, MaxLength}, []int{29, 1499}, 0, 1500},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ep := NewEndpointer(c.cfg)
			ep.Begin()
			ev, at := run(ep, c.pattern)
			if !equal(ev, c.events) || !equal(at, c.at) {
				t.Fatalf("pattern %q: events %v at %v, want %v at %v", c.pattern, ev, at, c.events, c.at)
			}
			if s, e := ep.Bounds(); ep.Started() && (s != c.start || e != c.end) {
				t.Errorf("bounds [%d,%d), want [%d,%d)", s, e, c.start, c.end)
			}
			if ep.Active() {
				t.Errorf("still active after a final event")
			}
		})
	}
}

func TestEndpointerStop(t *testing.T) {
	ep := NewEndpointer(EndpointConfig{StartFrames: 2, EndFrames: 5})
	if ep.Feed(true) != None || ep.Active() {
		t.Fatal("fed before Begin")
	}
	ep.Begin()
	run(ep, "..##.#.")
	if !ep.Stop() {
		t.Fatal("Stop: speech had started")
	}
	if s, e := ep.Bounds(); s != 2 || e != 6 {
		t.Errorf("bounds [%d,%d), want [2,6)", s, e)
	}
	ep.Begin()
	run(ep, "..#")
	if ep.Stop() {
		t.Error("Stop: speech had not started")
	}
}

func equal[T comparable](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
