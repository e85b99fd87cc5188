package miner

import (
	"context"
	"errors"
	"io"
	"testing"

	"github.com/mycroft-network/mycroft/miner/pause"
)

// blockingSTT stands for a decoder: it runs until its context ends.
type blockingSTT struct{ started chan struct{} }

func (b blockingSTT) Call(ctx context.Context, _ map[string][]string, _ io.Reader) ([]byte, error) {
	close(b.started)
	<-ctx.Done()
	return nil, ctx.Err()
}

type okSTT struct{}

func (okSTT) Call(context.Context, map[string][]string, io.Reader) ([]byte, error) {
	return []byte(`{"text":"hi"}`), nil
}

func TestPausable(t *testing.T) {
	g := pause.New(true)
	if _, err := Pausable(g, okSTT{}).Call(context.Background(), nil, nil); !errors.Is(err, pause.ErrPaused) {
		t.Fatalf("call while the owner speaks: %v, want ErrPaused", err)
	}
	g.Resume()
	if out, err := Pausable(g, okSTT{}).Call(context.Background(), nil, nil); err != nil || string(out) != `{"text":"hi"}` {
		t.Fatalf("call while idle: %q, %v", out, err)
	}
	b := blockingSTT{started: make(chan struct{})}
	done := make(chan error, 1)
	go func() { _, err := Pausable(g, b).Call(context.Background(), nil, nil); done <- err }()
	<-b.started
	g.Pause()
	if err := <-done; !errors.Is(err, pause.ErrPaused) {
		t.Fatalf("call in flight when the owner speaks: %v, want ErrPaused", err)
	}
	<-g.Quiesced()
}

func TestParseEnableArgs(t *testing.T) {
	for _, tc := range []struct {
		args []string
		ok   bool
	}{
		{[]string{"--stake", "200", "--disk", "2GiB", "--cpu", "30", "--hours", "01:00-06:00"}, true},
		{[]string{"--stake", "200", "--disk", "2GiB"}, true},
		{[]string{"--stake", "200", "--disk", "2GiB", "--bandwidth", "1MiB"}, true},
		{[]string{"--disk", "2GiB"}, false},
		{[]string{"--stake", "200", "--disk", "two"}, false},
		{[]string{"--stake", "200", "--disk", "2GiB", "--cpu", "0"}, false},
		{[]string{"--stake", "200", "--disk", "2GiB", "--hours", "9-5"}, false},
		{[]string{"--stake", "200", "--disk", "2GiB", "extra"}, false},
	} {
		s, err := ParseEnableArgs(tc.args)
		if (err == nil) != tc.ok {
			t.Errorf("ParseEnableArgs(%q): %v, want ok=%v", tc.args, err, tc.ok)
		}
		if tc.ok && !s.Enabled {
			t.Errorf("ParseEnableArgs(%q): not enabled", tc.args)
		}
	}
}
