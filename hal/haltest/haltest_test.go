package haltest

import (
	"context"
	"errors"
	"image"
	"image/color"
	"io"
	"slices"
	"testing"

	"github.com/mycroft-network/mycroft/hal"
)

func TestPlaybackMic(t *testing.T) {
	in := make([]int16, 400)
	for i := range in {
		in[i] = int16(i)
	}
	m := NewPlaybackMic(in)
	if err := m.Close(); err == nil {
		t.Fatal("Close before reading reported nothing")
	}
	var got []int16
	buf := make([]int16, 1000)
	for {
		n, err := m.Read(buf)
		if n > hal.FrameSamples {
			t.Fatalf("Read returned %d samples, more than one frame", n)
		}
		got = append(got, buf[:n]...)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if !slices.Equal(got, in) {
		t.Fatalf("read %d samples, want %d", len(got), len(in))
	}
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestPlaybackMicMuted(t *testing.T) {
	sw := NewFakeSwitch(true)
	m := NewPlaybackMic(make([]int16, 10)).SetMute(sw).SetPeriod(4)
	buf := make([]int16, 10)
	if _, err := m.Read(buf); !errors.Is(err, hal.ErrMuted) {
		t.Fatalf("muted Read = %v, want ErrMuted", err)
	}
	sw.Set(false)
	if n, err := m.Read(buf); n != 4 || err != nil {
		t.Fatalf("Read after unmute = %d, %v; want 4, nil", n, err)
	}
	if m.MutedReads() != 1 || m.Consumed() != 4 {
		t.Fatalf("MutedReads %d Consumed %d", m.MutedReads(), m.Consumed())
	}
	m.AllowUnread = true
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestRecordSpeaker(t *testing.T) {
	s := NewRecordSpeaker()
	s.Expect = []int16{1, 2, 3}
	s.Write([]int16{1, 2})
	if err := s.Close(); err == nil {
		t.Fatal("Close with a missing sample reported nothing")
	}
	s.Write([]int16{3})
	s.Halt()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if s.Halts() != 1 || s.Writes() != 2 {
		t.Fatalf("Halts %d Writes %d", s.Halts(), s.Writes())
	}
	boom := errors.New("boom")
	s.FailWith(boom)
	if _, err := s.Write([]int16{4}); err != boom {
		t.Fatalf("Write = %v, want boom", err)
	}
}

func TestRecordFaceplateStates(t *testing.T) {
	ctx := context.Background()
	f := NewRecordFaceplate()
	f.Expect = []hal.FaceState{hal.StateIdle, hal.StateListening, hal.StateThinking, hal.StateIdle}
	for _, s := range []hal.FaceState{hal.StateIdle, hal.StateListening, hal.StateListening, hal.StateThinking} {
		if err := f.Show(ctx, hal.Face{State: s}); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err == nil {
		t.Fatal("Close with a missing final idle reported nothing")
	}
	done := make(chan error)
	go func() { done <- f.WaitState(ctx, hal.StateIdle) }()
	if err := <-done; err != nil { // idle was already shown
		t.Fatal(err)
	}
	waitCtx, cancel := context.WithCancel(ctx)
	go func() { done <- f.WaitState(waitCtx, hal.StateSpeaking) }()
	icon := image.NewGray(image.Rect(0, 0, 2, 2))
	f.Show(ctx, hal.Face{State: hal.StateSpeaking, Mouth: hal.Mouth{Icon: icon}})
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	cancel()
	icon.Pix[0] = 255 // the recorder kept a copy
	last, _ := f.Last()
	if last.Mouth.Icon.Pix[0] != 0 {
		t.Fatal("recorded icon changed with the caller's image")
	}
	f.Expect = append(f.Expect, hal.StateSpeaking)
	f.Show(ctx, hal.Face{State: hal.StateSpeaking})
	f.Show(ctx, hal.Face{State: hal.StateIdle})
	f.Expect = append(f.Expect[:3], hal.StateSpeaking, hal.StateIdle)
	if got := f.States(); !slices.Equal(got, f.Expect) {
		t.Fatalf("States = %v, want %v", got, f.Expect)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	cctx, cancel2 := context.WithCancel(ctx)
	cancel2()
	if err := f.WaitState(cctx, hal.StateMining); !errors.Is(err, context.Canceled) {
		t.Fatalf("WaitState on a cancelled context = %v", err)
	}
}

func TestRecordDisplay(t *testing.T) {
	d := NewRecordDisplay("mouth", image.Rect(0, 0, 4, 2), color.GrayModel)
	if err := d.Draw(d.Bounds(), nil, image.Point{}); !errors.Is(err, ErrNoImage) {
		t.Fatalf("Draw(nil) = %v", err)
	}
	if err := hal.Fill(d, color.White); err != nil {
		t.Fatal(err)
	}
	// A red dot at (1,1) lands as its grey level.
	if err := d.Draw(image.Rect(1, 1, 2, 2), &image.Uniform{color.RGBA{255, 0, 0, 255}}, image.Point{}); err != nil {
		t.Fatal(err)
	}
	d.Halt()
	frames := d.Frames()
	if len(frames) != 3 {
		t.Fatalf("%d frames, want 3", len(frames))
	}
	if got := frames[1].RGBAAt(1, 1); got.R != got.G || got.R == 0 || got.R == 255 {
		t.Fatalf("pixel after red dot = %v, want a mid grey", got)
	}
	if got := frames[1].RGBAAt(0, 0); got != (color.RGBA{255, 255, 255, 255}) {
		t.Fatalf("pixel (0,0) = %v, want white", got)
	}
	if got := frames[2].RGBAAt(0, 0); got != (color.RGBA{0, 0, 0, 255}) {
		t.Fatalf("after Halt (0,0) = %v, want black", got)
	}
	white := image.NewUniform(color.White)
	d.Expect = []image.Image{white, white, image.Black}
	if err := d.Close(); err == nil {
		t.Fatal("Close with a wrong second frame reported nothing")
	}
	d.Expect = []image.Image{white, frames[1], frames[2]}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestScriptedButtons(t *testing.T) {
	ctx := context.Background()
	b := NewScriptedButtons(Click(hal.ButtonAction)...)
	ev, err := b.Wait(ctx)
	if err != nil || ev.Button != hal.ButtonAction || ev.Action != hal.Press {
		t.Fatalf("first Wait = %v, %v", ev, err)
	}
	if err := b.Close(); err == nil {
		t.Fatal("Close with an unconsumed release reported nothing")
	}
	b.Wait(ctx)
	got := make(chan hal.ButtonEvent)
	go func() {
		ev, _ := b.Wait(ctx)
		got <- ev
	}()
	b.Push(hal.ButtonEvent{Button: hal.ButtonVolUp, Action: hal.Press})
	if ev := <-got; ev.Button != hal.ButtonVolUp {
		t.Fatalf("pushed event = %v", ev)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := b.Wait(cctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("Wait on cancelled ctx = %v", err)
	}
	if err := b.Close(); err != nil {
		t.Fatal(err)
	}

	ch := make(chan hal.ButtonEvent, 1)
	cb := NewChanButtons(ch)
	ch <- hal.ButtonEvent{Button: hal.ButtonVolDown, Action: hal.Long}
	close(ch)
	if ev, err := cb.Wait(ctx); err != nil || ev.Action != hal.Long {
		t.Fatalf("chan Wait = %v, %v", ev, err)
	}
	if _, err := cb.Wait(ctx); err != io.EOF {
		t.Fatalf("Wait on closed source = %v, want io.EOF", err)
	}
}

func TestFakeSwitch(t *testing.T) {
	ctx := context.Background()
	s := NewFakeSwitch(false)
	two := 2
	s.Expect = &two
	res := make(chan bool)
	go func() {
		on, _ := s.WaitChange(ctx, false)
		res <- on
	}()
	s.Set(false) // no change: the waiter keeps waiting
	s.Set(true)
	if on := <-res; !on {
		t.Fatal("WaitChange returned off")
	}
	if err := s.Close(); err == nil {
		t.Fatal("Close after one change of two reported nothing")
	}
	if s.Toggle() {
		t.Fatal("Toggle from on gave on")
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	s.FailWith(boom)
	if _, err := s.WaitChange(ctx, false); err != boom {
		t.Fatalf("WaitChange = %v, want boom", err)
	}
}

func TestFakeVolumeAndBoard(t *testing.T) {
	b := NewBoard(make([]int16, 2))
	hb := b.HAL()
	if err := hb.Volume.SetVolume(101); !errors.Is(err, ErrLevel) {
		t.Fatalf("SetVolume(101) = %v", err)
	}
	hb.Volume.SetVolume(30)
	if v, _ := hb.Volume.Volume(); v != 30 || !slices.Equal(b.Volume.History(), []int{30}) {
		t.Fatalf("volume %d history %v", v, b.Volume.History())
	}
	if err := hb.Close(); err == nil {
		t.Fatal("board Close with unread mic samples reported nothing")
	}
	hb.Mic.Read(make([]int16, 2))
	if err := hb.Close(); err != nil {
		t.Fatal(err)
	}
	empty := &Board{}
	if err := empty.HAL().Close(); err != nil {
		t.Fatal(err)
	}
}
