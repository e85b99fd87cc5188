package agent

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/mycroft-network/mycroft/voice"
	"github.com/mycroft-network/mycroft/voice/psx"
)

type paidSTT struct{}

func (paidSTT) Transcribe(context.Context, string, io.Reader) (voice.Transcript, error) {
	return voice.Transcript{Text: "paid"}, nil
}

// TestSpeechToText: which speech-to-text each voice.stt gives, with and
// without a paid service, and what the status says. Without the tag
// pocketsphinx (or its model) the local recogniser is unavailable and the
// status says why.
func TestSpeechToText(t *testing.T) {
	_, probe := newLocalSTT()
	local := probe == nil
	cases := []struct {
		mode      string
		paid      bool
		withLocal string // used, when the local recogniser loads
		without   string // used, when it does not
	}{
		{voice.STTLocalFirst, true, "local, then paid under the threshold", "paid"},
		{voice.STTPaidFirst, true, "paid, then local when it fails", "paid"},
		{voice.STTLocal, true, "local", "none"},
		{voice.STTLocalFirst, false, "local", "none"},
		{voice.STTLocal, false, "local", "none"},
	}
	for _, c := range cases {
		name := c.mode
		if !c.paid {
			name += " without paid"
		}
		t.Run(name, func(t *testing.T) {
			a := &Agent{health: NewHealth(time.Now), log: slog.New(slog.DiscardHandler)}
			a.cfg.Voice = defaultVoiceConfig()
			a.cfg.Voice.STT = c.mode
			var paid voice.Transcriber
			if c.paid {
				paid = paidSTT{}
			}
			live, st := a.speechToText(c.mode, paid)
			defer a.svcs.closeAll()
			var tr voice.Transcriber
			if live != nil {
				tr = live.cur.Load().t
			}
			want := c.without
			if local {
				want = c.withLocal
			}
			if st.used != want {
				t.Errorf("used %q, want %q (note %q)", st.used, want, st.note)
			}
			if (tr == nil) != (want == "none") {
				t.Errorf("transcriber %v for %q", tr, want)
			}
			if !local && !strings.Contains(st.note, "unavailable") {
				t.Errorf("note %q does not say the local recogniser is unavailable", st.note)
			}
			if ch, ok := tr.(*voice.STTChoice); ok && (ch.Mode != c.mode || ch.Threshold != psx.Threshold || (ch.Paid != nil) != c.paid) {
				t.Errorf("choice %+v", ch)
			}
		})
	}
	if !psx.Built && !errors.Is(probeErr(), psx.ErrUnavailable) {
		t.Errorf("without the tag: %v, want psx.ErrUnavailable", probeErr())
	}
}

func probeErr() error {
	d, err := newLocalSTT()
	if d != nil {
		d.Close()
	}
	return err
}

func TestValidateSTT(t *testing.T) {
	for _, c := range []struct {
		mode string
		ok   bool
	}{{"local", true}, {"local-first", true}, {"paid-first", true}, {"", false}, {"cloud", false}} {
		var got []string
		validateSTT(c.mode, func(key, format string, args ...any) { got = append(got, key) })
		if (len(got) == 0) != c.ok {
			t.Errorf("validateSTT(%q) complained about %v, want ok %v", c.mode, got, c.ok)
		}
	}
}
