package sim

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/color"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/internal/wav"
)

func TestRender(t *testing.T) {
	icon := image.NewGray(image.Rect(0, 0, 32, 8))
	for x := range 32 {
		icon.SetGray(x, 0, color.Gray{255})
	}
	for _, tc := range []struct {
		name   string
		style  Style
		face   hal.Face
		has    []string
		hasNot []string
	}{
		{"idle mark1 is blue", StyleMark1, hal.Face{Volume: -1}, []string{"38;2;34;167;240m●", "idle"}, []string{"volume"}},
		{"error is red", StyleMark1, hal.Face{State: hal.StateError, Volume: -1}, []string{"38;2;255;40;40m●"}, nil},
		{"eyes off", StyleMark1, hal.Face{Volume: -1, Eyes: hal.Eyes{Off: true}}, []string{"·"}, []string{"●"}},
		{"text shown below", StyleMark1, hal.Face{Volume: -1, Mouth: hal.Mouth{Text: "hello"}}, []string{`"hello"`}, nil},
		{"icon drawn", StyleMark1, hal.Face{Volume: -1, Mouth: hal.Mouth{Icon: icon}}, []string{strings.Repeat("▀", 32)}, nil},
		{"volume gauge", StyleMark1, hal.Face{Volume: 40}, []string{"volume 40"}, nil},
		{"mark2 idle ring dark", StyleMark2, hal.Face{Volume: -1}, []string{"○"}, []string{"●"}},
		{"mark2 listening ring lit", StyleMark2, hal.Face{State: hal.StateListening, Volume: -1}, []string{"38;2;34;167;240m●"}, []string{"○"}},
		{"mark2 muted ring red", StyleMark2, hal.Face{State: hal.StateMuted, Volume: -1}, []string{"38;2;255;40;40m●"}, nil},
		{"mark2 own pattern", StyleMark2, hal.Face{Volume: -1, Ring: hal.Ring{Pattern: hal.RingSolid, Color: color.RGBA{1, 2, 3, 255}}}, []string{"38;2;1;2;3m●"}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Render(tc.face, tc.style, 1)
			if n := strings.Count(got, "\n"); n != Lines(tc.style) {
				t.Fatalf("%d lines, Lines says %d", n, Lines(tc.style))
			}
			for _, s := range tc.has {
				if !strings.Contains(got, s) {
					t.Errorf("missing %q in\n%s", s, got)
				}
			}
			for _, s := range tc.hasNot {
				if strings.Contains(got, s) {
					t.Errorf("unexpected %q in\n%s", s, got)
				}
			}
		})
	}
	// Animated states change from frame to frame; idle does not.
	for _, s := range []hal.FaceState{hal.StateListening, hal.StateThinking, hal.StateSpeaking} {
		f := hal.Face{State: s, Volume: -1}
		if Render(f, StyleMark1, 0) == Render(f, StyleMark1, 1) {
			t.Errorf("%v is not animated", s)
		}
	}
	if Render(hal.Face{Volume: -1}, StyleMark1, 0) != Render(hal.Face{Volume: -1}, StyleMark1, 1) {
		t.Error("idle changes between frames")
	}
}

func TestFaceplateWrites(t *testing.T) {
	var buf bytes.Buffer
	p := NewFaceplate(&buf, StyleMark1, true)
	ctx := context.Background()
	p.Show(ctx, hal.Face{State: hal.StateListening, Volume: -1})
	if strings.HasPrefix(buf.String(), "\x1b[10A") {
		t.Fatal("first frame moved the cursor up")
	}
	buf.Reset()
	p.Step()
	if !strings.HasPrefix(buf.String(), "\x1b[10A\r") {
		t.Fatalf("redraw does not start by going up %d lines: %q", Lines(StyleMark1), buf.String()[:10])
	}
	p.Halt()
	if p.Face().Eyes.Off != true {
		t.Fatal("Halt left the eyes on")
	}
	buf.Reset()
	p.Step()
	if buf.Len() != 0 {
		t.Fatal("a halted faceplate kept animating")
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if err := p.Show(cctx, hal.Face{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("Show on a cancelled context = %v", err)
	}
}

func TestMicPushAndSilence(t *testing.T) {
	m := NewMic(false)
	buf := make([]int16, 4)
	if n, err := m.Read(buf); n != 4 || err != nil || !slices.Equal(buf, []int16{0, 0, 0, 0}) {
		t.Fatalf("empty mic Read = %d %v %v, want silence", n, err, buf)
	}
	drained := m.Drained()
	select {
	case <-drained:
	default:
		t.Fatal("Drained of an empty mic is not closed")
	}
	m.Push([]int16{1, 2, 3, 4, 5, 6})
	drained = m.Drained()
	m.Read(buf)
	select {
	case <-drained:
		t.Fatal("drained with samples left")
	default:
	}
	n, _ := m.Read(buf)
	if n != 2 || !slices.Equal(buf[:2], []int16{5, 6}) {
		t.Fatalf("second Read = %v", buf[:n])
	}
	<-drained
	sw := NewSwitch(true)
	m.SetMute(sw)
	m.Push([]int16{9})
	if _, err := m.Read(buf); !errors.Is(err, hal.ErrMuted) {
		t.Fatalf("muted Read = %v", err)
	}
	sw.Set(false)
	m.EndWhenDrained()
	if n, err := m.Read(buf); n != 1 || err != nil || buf[0] != 9 {
		t.Fatalf("Read after unmute = %d %v", n, err)
	}
	if _, err := m.Read(buf); err != io.EOF {
		t.Fatalf("drained file mic = %v, want io.EOF", err)
	}
}

func TestMicPaced(t *testing.T) {
	var slept time.Duration
	now := time.Unix(0, 0)
	m := NewMic(true)
	m.pace.clk = clock{now: func() time.Time { return now }, sleep: func(d time.Duration) { slept += d; now = now.Add(d) }}
	buf := make([]int16, 1000)
	for range 100 {
		n, err := m.Read(buf)
		if err != nil || n != hal.FrameSamples {
			t.Fatalf("paced Read = %d, %v; want one frame", n, err)
		}
	}
	if slept != time.Second {
		t.Fatalf("100 frames took %v of (fake) time, want 1s", slept)
	}
}

// A speaker with nowhere to play (no WAV file, no sound card) does not make
// its writer wait for real time, even when pacing is asked for.
func TestSpeakerPacing(t *testing.T) {
	for _, tc := range []struct {
		name string
		path string
		want time.Duration
	}{
		{"discard", "", 0},
		{"wav file", filepath.Join(t.TempDir(), "out.wav"), time.Second},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := NewSpeaker(tc.path, true)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			var slept time.Duration
			now := time.Unix(0, 0)
			s.pace.clk = clock{now: func() time.Time { return now }, sleep: func(d time.Duration) { slept += d; now = now.Add(d) }}
			buf := make([]int16, hal.FrameSamples)
			for range 100 {
				if _, err := s.Write(buf); err != nil {
					t.Fatal(err)
				}
			}
			if slept != tc.want {
				t.Fatalf("1 s of audio to %q waited %v, want %v", tc.path, slept, tc.want)
			}
		})
	}
}

func TestSpeakerWAV(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.wav")
	s, err := NewSpeaker(path, false)
	if err != nil {
		t.Fatal(err)
	}
	s.Write([]int16{1, 2, 3})
	// Valid while still open: a killed process leaves a good file.
	a, err := wav.ReadFile(path)
	if err != nil || !slices.Equal(a.Samples, []int16{1, 2, 3}) {
		t.Fatalf("file while open: %v %v", a, err)
	}
	s.Write([]int16{4})
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	a, err = wav.ReadFile(path)
	if err != nil || len(a.Samples) != 4 || a.Rate != 16000 {
		t.Fatalf("file after close: %v %v", a, err)
	}
	if _, err := s.Write([]int16{5}); err == nil {
		t.Fatal("Write after Close succeeded")
	}
}

func TestReadKeys(t *testing.T) {
	b := NewButtons()
	sw := NewSwitch(false)
	quit := false
	if err := ReadKeys(strings.NewReader(" +x-mq "), b, sw, func() { quit = true }); err != nil {
		t.Fatal(err)
	}
	var got []hal.ButtonID
	for len(b.events) > 0 {
		ev, _ := b.Wait(context.Background())
		if ev.Action == hal.Press {
			got = append(got, ev.Button)
		}
	}
	if want := []hal.ButtonID{hal.ButtonAction, hal.ButtonVolUp, hal.ButtonVolDown}; !slices.Equal(got, want) {
		t.Fatalf("buttons %v, want %v", got, want)
	}
	if on, _ := sw.State(); !on || !quit {
		t.Fatalf("mute %v quit %v", on, quit)
	}
}

func TestOpen(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.wav")
	if err := wav.WriteFile(in, 16000, []int16{7, 8, 9}); err != nil {
		t.Fatal(err)
	}
	var face bytes.Buffer
	b, err := Open(Config{Face: "mark2", Out: &face, Mic: in, Speaker: filepath.Join(dir, "out.wav"), Fast: true})
	if err != nil {
		t.Fatal(err)
	}
	buf := make([]int16, 10)
	if n, err := b.Mic.Read(buf); n != 3 || err != nil {
		t.Fatalf("mic Read = %d %v", n, err)
	}
	if _, err := b.Mic.Read(buf); err != io.EOF {
		t.Fatalf("after the file: %v", err)
	}
	b.Faceplate.Show(context.Background(), hal.Face{State: hal.StateThinking, Volume: -1})
	if !strings.Contains(face.String(), "thinking") || b.Name != "sim" || b.Revision != "mark2" {
		t.Fatalf("board %s/%s drew %q", b.Name, b.Revision, face.String())
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}

	if _, err := Open(Config{Face: "mark3"}); err == nil {
		t.Fatal("unknown style accepted")
	}
	if _, err := Open(Config{Mic: filepath.Join(dir, "missing.wav")}); err == nil {
		t.Fatal("missing mic file accepted")
	}
	// Without portaudio in the build, the board still opens, with warnings.
	pb, err := Open(Config{Mic: PortAudio, Speaker: PortAudio})
	if err != nil {
		t.Fatal(err)
	}
	defer pb.Close()
	if pb.Mic == nil && len(pb.Warnings) == 0 {
		t.Fatal("no mic and no warning")
	}
}

func BenchmarkRender(b *testing.B) {
	for _, style := range []Style{StyleMark1, StyleMark2} {
		b.Run(string(style), func(b *testing.B) {
			f := hal.Face{State: hal.StateListening, Volume: -1}
			n := 0
			for b.Loop() {
				Render(f, style, n)
				n++
			}
		})
	}
}
