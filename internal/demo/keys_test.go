package demo

import (
	"slices"
	"strings"
	"testing"
)

// feedAll feeds in and collects the actions that do something and the
// whole echo.
func feedAll(e *lineEditor, in string) ([]keyAction, string) {
	var acts []keyAction
	var echo strings.Builder
	for i := 0; i < len(in); i++ {
		a := e.feed(in[i])
		echo.WriteString(a.Echo)
		if a.Kind != keyNone {
			acts = append(acts, keyAction{Kind: a.Kind, Line: a.Line})
		}
	}
	return acts, echo.String()
}

func TestLineEditor(t *testing.T) {
	send := func(l string) keyAction { return keyAction{Kind: keySend, Line: l} }
	talk := keyAction{Kind: keyTalk}
	quit := keyAction{Kind: keyQuit}
	tests := []struct {
		name  string
		mic   bool
		in    string
		acts  []keyAction
		echo  string
		typed string // left on the line
	}{
		{"typed line", false, "what time\r", []keyAction{send("what time")}, "what time\r\n", ""},
		{"LF ends a line too", false, "hi\n", []keyAction{send("hi")}, "hi\r\n", ""},
		{"backspace and delete edit", false, "whaX\x7ft tiY\bme\r", []keyAction{send("what time")},
			"whaX\b \bt tiY\b \bme\r\n", ""},
		{"backspace on an empty line", false, "\x7f\x7fa", nil, "a", "a"},
		{"backspace removes a whole UTF-8 rune", false, "caf\xc3\xa9\x7f\r", []keyAction{send("caf")},
			"caf\xc3\xa9\b \b\r\n", ""},
		{"Ctrl-U kills the line", false, "abc\x15d\r", []keyAction{send("d")}, "abc\b \b\b \b\b \bd\r\n", ""},
		{"empty and blank lines send nothing", false, "\r  \r\n", nil, "  ", ""},
		{"space without mic is a character", false, " hi there\r", []keyAction{send("hi there")}, " hi there\r\n", ""},
		{"space with mic on an empty line talks", true, " ", []keyAction{talk}, "", ""},
		{"space with mic inside a line is a character", true, "how much\r", []keyAction{send("how much")}, "how much\r\n", ""},
		{"talk twice, then type", true, "  ok\r", []keyAction{talk, talk, send("ok")}, "ok\r\n", ""},
		{"after erasing the line, space talks again", true, "a\x7f ", []keyAction{talk}, "a\b \b", ""},
		{"Ctrl-C quits", false, "ab\x03cd", []keyAction{quit}, "abcd", "abcd"},
		{"Ctrl-D quits", true, "\x04", []keyAction{quit}, "", ""},
		{"arrows and function keys are ignored", false, "a\x1b[A\x1b[1;5C\x1bOPb\x1b[15~c\r", []keyAction{send("abc")}, "abc\r\n", ""},
		{"Alt+key is ignored", false, "\x1bxy\r", []keyAction{send("y")}, "y\r\n", ""},
		{"an escape sequence split across reads", false, "\x1b", nil, "", ""},
		{"tab and other control bytes are ignored", false, "a\tb\x01\x07c\r", []keyAction{send("abc")}, "abc\r\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := &lineEditor{mic: tt.mic}
			acts, echo := feedAll(e, tt.in)
			if !slices.Equal(acts, tt.acts) {
				t.Errorf("actions %+v, want %+v", acts, tt.acts)
			}
			if echo != tt.echo {
				t.Errorf("echo %q, want %q", echo, tt.echo)
			}
			if e.typed() != tt.typed {
				t.Errorf("left %q, want %q", e.typed(), tt.typed)
			}
		})
	}
}

func TestLineEditorBound(t *testing.T) {
	e := &lineEditor{}
	acts, _ := feedAll(e, strings.Repeat("x", maxLine+100)+"\r")
	if len(acts) != 1 || len(acts[0].Line) != maxLine {
		t.Fatalf("a long line: %d actions, line of %d bytes; want one of %d", len(acts), len(acts[0].Line), maxLine)
	}
}

// FuzzLineEditor: any bytes give a line no longer than maxLine, echoes
// only what was fed (or the erase sequence), and never a send of a blank
// line.
func FuzzLineEditor(f *testing.F) {
	for _, s := range []string{"what time\r", "a\x1b[A\x7f\r", " \x03", "\x1bO", "caf\xc3\xa9\x15\r", "\xff\xfe\r"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, in string, mic bool) {
		e := &lineEditor{mic: mic}
		for i := 0; i < len(in); i++ {
			a := e.feed(in[i])
			if len(e.line) > maxLine {
				t.Fatalf("line of %d bytes", len(e.line))
			}
			if a.Kind == keySend && strings.TrimSpace(a.Line) == "" {
				t.Fatalf("sent a blank line")
			}
			if a.Kind == keyTalk && !mic {
				t.Fatalf("talk without a microphone")
			}
		}
	})
}
