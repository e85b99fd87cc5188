package sphinx

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"

	"github.com/mycroft-network/mycroft/voice/tts"
)

const grammar = "#JSGF V1.0;\ngrammar t;\npublic <c> = what time is it | how much money do i have;\n"

func TestServerAndClient(t *testing.T) {
	if err := Available(); err != nil {
		t.Skip(err)
	}
	raw, err := os.ReadFile("../../testdata/money.wav")
	if err != nil {
		t.Fatal(err)
	}
	pcm, _, err := tts.DecodeWAV(raw)
	if err != nil {
		t.Fatal(err)
	}
	var body strings.Builder
	for _, s := range pcm {
		body.WriteByte(byte(s))
		body.WriteByte(byte(uint16(s) >> 8))
	}
	ended := false
	srv := httptest.NewServer(&Server{OnAudioEnd: func() { ended = true }})
	defer srv.Close()
	c := &Client{URL: srv.URL}
	tr, err := c.Transcribe(context.Background(), grammar, strings.NewReader(body.String()))
	if err != nil || tr.Text != "how much money do i have" || !ended {
		t.Fatalf("Transcribe = %q, %v (ended %v)", tr.Text, err, ended)
	}
	// No grammar: the server refuses.
	if _, err := c.Transcribe(context.Background(), "", strings.NewReader("")); err == nil || !strings.Contains(err.Error(), "400") {
		t.Errorf("no grammar: %v", err)
	}
	resp, err := http.Get(srv.URL)
	if err != nil || resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET: %v %v", resp.Status, err)
	}
	resp.Body.Close()
}
