package vad

import (
	"fmt"
	"testing"
)

// endpoint runs a detector and a default endpointer over pcm and returns the
// events and the utterance bounds in frames.
func endpoint(d Detector, pcm []int16) (events []Event, start, end int) {
	ep := NewEndpointer(EndpointConfig{})
	ep.Begin()
	for i := 0; i+160 <= len(pcm); i += 160 {
		if ev := ep.Feed(d.IsSpeech(pcm[i : i+160])); ev != None {
			events = append(events, ev)
		}
	}
	start, end = ep.Bounds()
	return
}

// TestFixtures replays the committed speech fixtures through each detector
// and the default endpointer and compares the utterance bounds with the
// known position of speech in each file (fixtures.json). On clean and lightly
// noisy speech the bounds must be within one frame of the reference. With
// louder noise the soft final "t" of "it" is under the noise: the reference
// (trimmed at 0.5 % of full scale before noise was added) then lies past
// what any level detector can see, and the tolerance says how much is lost.
func TestFixtures(t *testing.T) {
	refs := fixtures(t)
	type det struct {
		name string
		new  func() Detector
	}
	energy := det{"energy", func() Detector { return NewEnergy(EnergyConfig{}) }}
	stat1 := det{"statistical-1", func() Detector { return NewStatistical(1) }}
	stat2 := det{"statistical-2", func() Detector { return NewStatistical(2) }}
	cases := []struct {
		file     string
		dets     []det
		tolStart int
		tolEnd   int
		events   []Event
	}{
		{"time.wav", []det{energy, stat1, stat2}, 1, 1, []Event{Started, Ended}},
		{"money.wav", []det{energy, stat1, stat2}, 1, 1, []Event{Started, Ended}},
		{"pause.wav", []det{energy, stat1, stat2}, 1, 1, []Event{Started, Ended}},
		{"time_noise_003.wav", []det{energy, stat1, stat2}, 1, 1, []Event{Started, Ended}},
		{"time_noise_01.wav", []det{energy, stat1}, 1, 6, []Event{Started, Ended}},
		{"time_noise_03.wav", []det{energy, stat1}, 1, 6, []Event{Started, Ended}},
		{"silence.wav", []det{energy, stat1, stat2}, 0, 0, []Event{NoSpeech}},
		{"noise.wav", []det{energy, stat1, stat2}, 0, 0, []Event{NoSpeech}},
	}
	for _, c := range cases {
		ref, ok := refs[c.file]
		if !ok {
			t.Fatalf("%s not in fixtures.json", c.file)
		}
		pcm := readWAV(t, c.file)
		for _, d := range c.dets {
			t.Run(c.file+"/"+d.name, func(t *testing.T) {
				events, start, end := endpoint(d.new(), pcm)
				if !equal(events, c.events) {
					t.Fatalf("events %v, want %v", events, c.events)
				}
				if c.events[0] != Started {
					return
				}
				wantStart := ref.SpeechStart / 160
				wantEnd := (ref.SpeechEnd + 159) / 160
				if abs(start-wantStart) > c.tolStart || abs(end-wantEnd) > c.tolEnd {
					t.Errorf("bounds [%d,%d) frames, reference [%d,%d) ± (%d,%d)", start, end, wantStart, wantEnd, c.tolStart, c.tolEnd)
				}
			})
		}
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// TestStatisticalAdaptsToLevel checks that the statistical model, primed on
// digital silence, learns a steady noise that starts later and stops calling
// it speech.
func TestStatisticalAdaptsToLevel(t *testing.T) {
	noise := readWAV(t, "noise.wav")
	s := NewStatistical(1)
	quiet := make([]int16, 160)
	for range 50 {
		s.IsSpeech(quiet)
	}
	last := 0
	for i := 0; i+160 <= len(noise); i += 160 {
		if s.IsSpeech(noise[i : i+160]) {
			last = i / 160
		}
	}
	if last > 300 {
		t.Errorf("steady noise still called speech at frame %d of %d", last, len(noise)/160)
	}
}

func TestLevelDB(t *testing.T) {
	full := make([]int16, 160)
	for i := range full {
		full[i] = 32767
		if i%2 == 1 {
			full[i] = -32767
		}
	}
	for _, c := range []struct {
		name string
		in   []int16
		lo   float64
		hi   float64
	}{
		{"empty", nil, -100, -100},
		{"silence", make([]int16, 160), -100, -100},
		{"full scale", full, -0.01, 0.01},
	} {
		if got := LevelDB(c.in); got < c.lo || got > c.hi {
			t.Errorf("%s: LevelDB = %v, want in [%v,%v]", c.name, got, c.lo, c.hi)
		}
	}
}

func BenchmarkDetectors(b *testing.B) {
	pcm := readWAV(b, "time_noise_01.wav")
	frames := len(pcm) / 160
	for _, d := range []struct {
		name string
		d    Detector
	}{{"energy", NewEnergy(EnergyConfig{})}, {"statistical", NewStatistical(1)}} {
		b.Run(d.name, func(b *testing.B) {
			ep := NewEndpointer(EndpointConfig{})
			i := 0
			for b.Loop() {
				f := i % frames
				if f == 0 {
					ep.Begin()
				}
				ep.Feed(d.d.IsSpeech(pcm[f*160 : f*160+160]))
				i++
			}
			// One frame is 10 ms of audio.
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N), "ns/frame")
			b.ReportMetric(10e6/(float64(b.Elapsed().Nanoseconds())/float64(b.N)), "x-realtime")
		})
	}
}

func ExampleEndpointer() {
	ep := NewEndpointer(EndpointConfig{StartFrames: 2, EndFrames: 3})
	ep.Begin()
	for _, speech := range []bool{false, true, true, true, false, false, false} {
		if ev := ep.Feed(speech); ev != None {
			fmt.Println(ev)
		}
	}
	fmt.Println(ep.Bounds())
	// Output:
	// started
	// ended
	// 1 4
}
