package demo

import (
	"strings"
	"unicode/utf8"
)

// keyKind is what a keystroke asks the interactive phase to do.
type keyKind int

const (
	keyNone keyKind = iota // nothing to do (maybe an echo)
	keyTalk                // press the action button: listen on the microphone
	keySend                // send the typed line (keyAction.Line) as a question
	keyQuit                // end the demo
)

// keyAction is the result of one byte fed to the line editor: what to do,
// and what to write on the terminal (the echo of a typed key).
type keyAction struct {
	Kind keyKind
	Line string // with keySend: the typed line, trimmed
	Echo string
}

// Control bytes of a terminal in raw mode.
const (
	byteCtrlC     = 0x03
	byteCtrlD     = 0x04
	byteBackspace = 0x08
	byteCtrlU     = 0x15
	byteEsc       = 0x1b
	byteDelete    = 0x7f
)

// Escape-sequence states.
const (
	escNone = iota
	escStart
	escCSI // ESC [ ... up to a final byte in 0x40..0x7e
	escSS3 // ESC O x
)

// lineEditor turns the bytes of a terminal in raw mode into actions: the
// state machine of the interactive phase, with no I/O of its own.
//
// With a microphone, SPACE on an empty line talks (the action button);
// within a typed line it is a space, so questions can be typed too.
// Without one SPACE is always a character. Printable bytes (UTF-8
// included) build the line and are echoed; Backspace or Delete removes
// the last character, Ctrl-U the whole line; Enter (CR or LF) sends a
// non-empty line; Ctrl-C and Ctrl-D quit. Escape sequences (arrows,
// function keys, Alt+key) and other control bytes are ignored.
type lineEditor struct {
	mic  bool
	line []byte
	esc  int
}

// maxLine bounds a typed line (a question, not a document).
const maxLine = 512

// feed takes one byte.
func (e *lineEditor) feed(b byte) keyAction {
	switch e.esc {
	case escStart:
		switch b {
		case '[':
			e.esc = escCSI
		case 'O':
			e.esc = escSS3
		default:
			e.esc = escNone // Alt+key: dropped
		}
		return keyAction{}
	case escCSI:
		if b >= 0x40 && b <= 0x7e {
			e.esc = escNone
		}
		return keyAction{}
	case escSS3:
		e.esc = escNone
		return keyAction{}
	}
	switch {
	case b == byteCtrlC || b == byteCtrlD:
		return keyAction{Kind: keyQuit}
	case b == byteEsc:
		e.esc = escStart
		return keyAction{}
	case b == '\r' || b == '\n':
		l := strings.TrimSpace(string(e.line))
		e.line = e.line[:0]
		if l == "" {
			return keyAction{}
		}
		return keyAction{Kind: keySend, Line: l, Echo: "\r\n"}
	case b == byteBackspace || b == byteDelete:
		if len(e.line) == 0 {
			return keyAction{}
		}
		_, n := utf8.DecodeLastRune(e.line)
		e.line = e.line[:len(e.line)-n]
		return keyAction{Echo: "\b \b"}
	case b == byteCtrlU:
		n := utf8.RuneCount(e.line)
		e.line = e.line[:0]
		return keyAction{Echo: strings.Repeat("\b \b", n)}
	case b == ' ' && e.mic && len(e.line) == 0:
		return keyAction{Kind: keyTalk}
	case b < 0x20:
		return keyAction{} // Tab and other control bytes
	case len(e.line) >= maxLine:
		return keyAction{}
	}
	e.line = append(e.line, b)
	return keyAction{Echo: string([]byte{b})}
}

// typed is the line typed so far (to show it again after a reply).
func (e *lineEditor) typed() string { return string(e.line) }
