package wyoming

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
)

func read(s string) (Event, error) {
	return ReadEvent(bufio.NewReader(strings.NewReader(s)))
}

func TestReadEvent(t *testing.T) {
	cases := []struct {
		name    string
		in      string
		typ     string
		data    string // canonical JSON of Data, "" for none
		payload string
		err     error
	}{
		{"type only", `{"type":"audio-stop"}` + "\n", "audio-stop", "", "", nil},
		{"inline data", `{"type":"detect","data":{"names":["hey_mycroft"]}}` + "\n", "detect", `{"names":["hey_mycroft"]}`, "", nil},
		{"separate data", `{"type":"detection","data_length":22}` + "\n" + `{"name":"hey_mycroft"}`, "detection", `{"name":"hey_mycroft"}`, "", nil},
		{"separate data overrides inline", `{"type":"x","data":{"a":1,"b":2},"data_length":7}` + "\n" + `{"b":3}`, "x", `{"a":1,"b":3}`, "", nil},
		{"data then payload", `{"type":"audio-chunk","data_length":12,"payload_length":4}` + "\n" + `{"rate":160}` + "\x01\x02\x03\x04", "audio-chunk", `{"rate":160}`, "\x01\x02\x03\x04", nil},
		{"zero payload length", `{"type":"audio-stop","payload_length":0}` + "\n", "audio-stop", "", "", nil},
		{"version key ignored", `{"type":"ping","version":"1.7.0"}` + "\n", "ping", "", "", nil},
		{"blank lines skipped", "\n\n" + `{"type":"pong"}` + "\n", "pong", "", "", nil},
		{"empty stream", "", "", "", "", io.EOF},
		{"cut header", `{"type":"ping"`, "", "", "", io.ErrUnexpectedEOF},
		{"cut payload", `{"type":"a","payload_length":10}` + "\nabc", "", "", "", io.ErrUnexpectedEOF},
		{"cut data", `{"type":"a","data_length":10}` + "\n{}", "", "", "", io.ErrUnexpectedEOF},
		{"not json", "hello\n", "", "", "", ErrMalformed},
		{"no type", `{"data":{}}` + "\n", "", "", "", ErrMalformed},
		{"data not an object", `{"type":"a","data_length":2}` + "\n[]", "", "", "", ErrMalformed},
		{"negative length", `{"type":"a","payload_length":-1}` + "\n", "", "", "", ErrMalformed},
		{"huge data", `{"type":"a","data_length":1000000000}` + "\n", "", "", "", ErrTooLarge},
		{"huge payload", `{"type":"a","payload_length":1000000000}` + "\n", "", "", "", ErrTooLarge},
		{"huge header", `{"type":"` + strings.Repeat("a", MaxHeader) + `"}` + "\n", "", "", "", ErrTooLarge},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ev, err := read(c.in)
			if c.err != nil {
				if !errors.Is(err, c.err) {
					t.Fatalf("ReadEvent(%q) error %v, want %v", c.in, err, c.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ReadEvent(%q): %v", c.in, err)
			}
			if ev.Type != c.typ || string(ev.Payload) != c.payload {
				t.Errorf("got type %q payload %q, want %q %q", ev.Type, ev.Payload, c.typ, c.payload)
			}
			var got string
			if ev.Data != nil {
				b, _ := json.Marshal(ev.Data)
				got = string(b)
			}
			if got != c.data {
				t.Errorf("data %s, want %s", got, c.data)
			}
		})
	}
}

// TestWriteEventGolden pins the bytes we put on the wire: data as a separate
// block, payload_length only with a payload.
func TestWriteEventGolden(t *testing.T) {
	cases := []struct {
		name string
		ev   Event
		want string
	}{
		{"no data", Event{Type: "audio-stop"}, `{"type":"audio-stop","version":"1.5.2"}` + "\n"},
		{"data", mustEvent(t, "detect", Detect{Names: []string{"hey_mycroft"}}, nil),
			`{"type":"detect","data_length":25,"version":"1.5.2"}` + "\n" + `{"names":["hey_mycroft"]}`},
		{"data and payload", mustEvent(t, "audio-chunk", Audio{Rate: 16000, Width: 2, Channels: 1}, []byte{1, 0, 2, 0}),
			`{"type":"audio-chunk","data_length":37,"payload_length":4,"version":"1.5.2"}` + "\n" + `{"channels":1,"rate":16000,"width":2}` + "\x01\x00\x02\x00"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := WriteEvent(&b, c.ev); err != nil {
				t.Fatal(err)
			}
			if b.String() != c.want {
				t.Errorf("wrote\n%q\nwant\n%q", b.String(), c.want)
			}
			back, err := ReadEvent(bufio.NewReader(&b))
			if err != nil {
				t.Fatal(err)
			}
			if back.Type != c.ev.Type || !bytes.Equal(back.Payload, c.ev.Payload) || len(back.Data) != len(c.ev.Data) {
				t.Errorf("round trip: %v, want %v", back, c.ev)
			}
		})
	}
	if err := WriteEvent(io.Discard, Event{}); !errors.Is(err, ErrMalformed) {
		t.Errorf("event without type: %v", err)
	}
}

func mustEvent(t *testing.T, typ string, data any, payload []byte) Event {
	t.Helper()
	ev, err := NewEvent(typ, data, payload)
	if err != nil {
		t.Fatal(err)
	}
	return ev
}

// FuzzReadEvent: the reader never panics, never returns more than the caps,
// and what it returns survives a write/read round trip.
func FuzzReadEvent(f *testing.F) {
	for _, s := range []string{
		`{"type":"audio-stop"}` + "\n",
		`{"type":"detect","data":{"names":["a"]}}` + "\n",
		`{"type":"audio-chunk","data_length":2,"payload_length":2}` + "\n{}\x01\x02",
		`{"type":"x","data":{"a":1},"data_length":7}` + "\n" + `{"b":3}`,
		`{"type":"a","payload_length":-1}` + "\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		r := bufio.NewReader(bytes.NewReader(in))
		for range 4 {
			ev, err := ReadEvent(r)
			if err != nil {
				return
			}
			if ev.Type == "" || len(ev.Payload) > MaxPayload {
				t.Fatalf("bad event %v", ev)
			}
			var b bytes.Buffer
			if err := WriteEvent(&b, ev); err != nil {
				t.Fatalf("write back %v: %v", ev, err)
			}
			back, err := ReadEvent(bufio.NewReader(&b))
			if err != nil || back.Type != ev.Type || !bytes.Equal(back.Payload, ev.Payload) {
				t.Fatalf("round trip of %v: %v %v", ev, back, err)
			}
		}
	})
}
