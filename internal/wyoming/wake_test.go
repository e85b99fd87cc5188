package wyoming

import (
	"bufio"
	"context"
	"errors"
	"net"
	"testing"
)

// fakeWake is a Wyoming wake word server on 127.0.0.1 written from the
// protocol: it expects detect and audio-start, counts audio-chunk samples and
// sends a detection once it has seen detectAt samples (or an error event when
// failWith is set). Every event it received is sent on got.
type fakeWake struct {
	ln       net.Listener
	detectAt int
	failWith string
	got      chan Event
}

func newFakeWake(t *testing.T, detectAt int, failWith string) *fakeWake {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s := &fakeWake{ln: ln, detectAt: detectAt, failWith: failWith, got: make(chan Event, 1000)}
	go s.serve()
	t.Cleanup(func() { ln.Close() })
	return s
}

func (s *fakeWake) serve() {
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		go s.handle(c)
	}
}

func (s *fakeWake) handle(c net.Conn) {
	defer c.Close()
	r := bufio.NewReader(c)
	w := bufio.NewWriter(c)
	samples, fired := 0, false
	for {
		ev, err := ReadEvent(r)
		if err != nil {
			return
		}
		s.got <- ev
		switch ev.Type {
		case TypeAudioChunk:
			samples += len(ev.Payload) / 2
			if s.failWith != "" {
				e, _ := NewEvent(TypeError, ErrorData{Text: s.failWith}, nil)
				WriteEvent(w, e)
				w.Flush()
				continue // keep reading until the client hangs up
			}
			if !fired && samples >= s.detectAt {
				fired = true
				ts := int64(samples * 1000 / 16000)
				e, _ := NewEvent(TypeDetection, Detection{Name: "hey_mycroft", Timestamp: &ts}, nil)
				WriteEvent(w, e)
				w.Flush()
			}
		case TypeAudioStop:
			if !fired {
				e, _ := NewEvent(TypeNotDetected, nil, nil)
				WriteEvent(w, e)
				w.Flush()
			}
		}
	}
}

func TestWakeClientDetects(t *testing.T) {
	srv := newFakeWake(t, 3000, "")
	c := &WakeClient{Addr: srv.ln.Addr().String(), Names: []string{"hey_mycroft"}}
	audio := make(chan []int16)
	dets := make(chan Detection, 1)
	done := make(chan error, 1)
	go func() { done <- c.Run(context.Background(), audio, func(d Detection) { dets <- d }) }()

	frame := make([]int16, 160)
	var d Detection
	sentFrames := 0
loop:
	for {
		select {
		case audio <- frame:
			sentFrames++
		case d = <-dets:
			break loop
		}
	}
	if d.Name != "hey_mycroft" || d.Timestamp == nil || *d.Timestamp != 3072*1000/16000 {
		t.Errorf("detection %+v, want hey_mycroft at 192 ms", d)
	}
	close(audio)
	if err := <-done; err != nil {
		t.Fatalf("Run: %v", err)
	}
	// The server saw detect (with the names), audio-start, chunks of 1024
	// samples, audio-stop.
	first := <-srv.got
	var det Detect
	if first.Type != TypeDetect || first.Decode(&det) != nil || len(det.Names) != 1 || det.Names[0] != "hey_mycroft" {
		t.Fatalf("first event %v %+v, want detect hey_mycroft", first, det)
	}
	if ev := <-srv.got; ev.Type != TypeAudioStart {
		t.Fatalf("second event %v, want audio-start", ev)
	}
	chunks := 0
	for ev := range srv.got {
		if ev.Type == TypeAudioStop {
			break
		}
		var a Audio
		if ev.Type != TypeAudioChunk || len(ev.Payload) != 2048 || ev.Decode(&a) != nil || a.Rate != 16000 || a.Width != 2 || a.Channels != 1 {
			t.Fatalf("event %v %+v, want a 1024-sample 16 kHz audio-chunk", ev, a)
		}
		chunks++
	}
	if want := sentFrames * 160 / 1024; chunks != want {
		t.Errorf("%d chunks for %d frames, want %d", chunks, sentFrames, want)
	}
}

func TestWakeClientServerError(t *testing.T) {
	srv := newFakeWake(t, 0, "model not loaded")
	c := &WakeClient{Addr: srv.ln.Addr().String(), ChunkSamples: 160}
	audio := make(chan []int16, 10)
	for range 10 {
		audio <- make([]int16, 160)
	}
	err := c.Run(context.Background(), audio, func(Detection) { t.Error("unexpected detection") })
	if !errors.Is(err, ErrServer) {
		t.Fatalf("Run: %v, want ErrServer", err)
	}
}

func TestWakeClientCancel(t *testing.T) {
	srv := newFakeWake(t, 1<<30, "")
	c := &WakeClient{Addr: srv.ln.Addr().String()}
	ctx, cancel := context.WithCancel(context.Background())
	audio := make(chan []int16)
	done := make(chan error, 1)
	go func() { done <- c.Run(ctx, audio, func(Detection) {}) }()
	audio <- make([]int16, 160)
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("Run after cancel: %v", err)
	}
}

func TestWakeClientDialError(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	c := &WakeClient{Addr: addr}
	if err := c.Run(context.Background(), nil, nil); err == nil {
		t.Fatal("Run to a closed port succeeded")
	}
}
