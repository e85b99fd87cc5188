package mdns

import (
	"strings"
	"testing"

	"golang.org/x/net/dns/dnsmessage"
)

func testService() Service {
	return Service{Instance: "Mycroft kitchen", Type: "_wyoming._tcp", Host: "mycroft-kitchen", Port: 10700, TXT: []string{"version=1"}}
}

func query(t testing.TB, id uint16, name string, typ dnsmessage.Type, unicast bool) []byte {
	t.Helper()
	class := dnsmessage.ClassINET
	if unicast {
		class |= 0x8000
	}
	b := dnsmessage.NewBuilder(nil, dnsmessage.Header{ID: id})
	if err := b.StartQuestions(); err != nil {
		t.Fatal(err)
	}
	if err := b.Question(dnsmessage.Question{Name: dnsmessage.MustNewName(name), Type: typ, Class: class}); err != nil {
		t.Fatal(err)
	}
	q, err := b.Finish()
	if err != nil {
		t.Fatal(err)
	}
	return q
}

// found is what a response says about the service.
type found struct {
	id       uint16
	instance string
	port     uint16
	target   string
	txt      []string
	a        int
}

func parse(t testing.TB, msg []byte) found {
	t.Helper()
	var m dnsmessage.Message
	if err := m.Unpack(msg); err != nil {
		t.Fatal(err)
	}
	f := found{id: m.Header.ID}
	for _, rr := range append(m.Answers, m.Additionals...) {
		switch b := rr.Body.(type) {
		case *dnsmessage.PTRResource:
			if strings.HasPrefix(rr.Header.Name.String(), "_wyoming") {
				f.instance = b.PTR.String()
			}
		case *dnsmessage.SRVResource:
			f.port, f.target = b.Port, b.Target.String()
		case *dnsmessage.TXTResource:
			f.txt = b.TXT
		case *dnsmessage.AResource:
			f.a++
		}
	}
	return f
}

// TestAnswer: a browse for _wyoming._tcp gets the instance with its SRV,
// TXT and A records; a one-shot querier (not port 5353) gets its id back
// by unicast; other names get nothing.
func TestAnswer(t *testing.T) {
	r, err := New(testService(), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	out, unicast, err := r.Answer(query(t, 0, "_wyoming._tcp.local.", dnsmessage.TypePTR, false), Port, 0)
	if err != nil || out == nil || unicast {
		t.Fatalf("Answer: %d bytes, unicast %v, %v", len(out), unicast, err)
	}
	f := parse(t, out)
	if f.instance != "Mycroft kitchen._wyoming._tcp.local." || f.port != 10700 || f.target != "mycroft-kitchen.local." || len(f.txt) != 1 || f.txt[0] != "version=1" {
		t.Errorf("found %+v", f)
	}
	out, unicast, _ = r.Answer(query(t, 77, "Mycroft kitchen._wyoming._tcp.local.", dnsmessage.TypeSRV, false), 40000, 0)
	if f := parse(t, out); !unicast || f.id != 77 || f.port != 10700 {
		t.Errorf("legacy query: unicast %v, %+v", unicast, f)
	}
	if _, unicast, _ = r.Answer(query(t, 0, "_wyoming._tcp.local.", dnsmessage.TypePTR, true), Port, 0); !unicast {
		t.Error("QU question answered by multicast")
	}
	for _, q := range [][]byte{query(t, 0, "_http._tcp.local.", dnsmessage.TypePTR, false), {1, 2, 3}} {
		if out, _, _ := r.Answer(q, Port, 0); out != nil {
			t.Errorf("answered %x", q)
		}
	}
}

// FuzzAnswer: any packet is answered or not, never a panic, and an answer
// parses.
func FuzzAnswer(f *testing.F) {
	f.Add(query(f, 0, "_wyoming._tcp.local.", dnsmessage.TypePTR, false))
	f.Add(query(f, 9, "mycroft-kitchen.local.", dnsmessage.TypeA, true))
	f.Add([]byte{0, 0, 0x84, 0, 0, 1})
	r, err := New(testService(), nil, nil)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		out, _, err := r.Answer(b, Port, 0)
		if err != nil || out == nil {
			return
		}
		var m dnsmessage.Message
		if err := m.Unpack(out); err != nil {
			t.Fatalf("answer to %x does not parse: %v", b, err)
		}
	})
}
