package demo

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/creack/pty"

	"github.com/mycroft-network/mycroft/board/sim"
)

// faceLines is the number of lines of one frame of the owner's face (the
// demo's owner has the Mark I face).
var faceLines = sim.Lines(sim.StyleMark1)

// faceTerminal is the pseudo-terminal the owner's agent draws its face on.
// The agent sees a terminal (so it draws in place and animates, as on a
// laptop); the demo reads the drawing and shows each frame in the face
// region of its own screen, where it cannot overwrite the story.
type faceTerminal struct {
	master, tty *os.File
}

// newFaceTerminal opens a pseudo-terminal of the size the face needs.
func newFaceTerminal() (*faceTerminal, error) {
	m, t, err := pty.Open()
	if err != nil {
		return nil, fmt.Errorf("demo: face terminal: %w", err)
	}
	_ = pty.Setsize(m, &pty.Winsize{Rows: uint16(faceLines + 2), Cols: 80})
	return &faceTerminal{master: m, tty: t}, nil
}

// run copies frames to show until the agent's side is closed (the read
// fails: EIO once no process holds the terminal), then closes the master.
func (f *faceTerminal) run(show func([]string)) {
	defer f.master.Close()
	p := &faceParser{lines: faceLines, show: show}
	_, _ = io.Copy(p, f.master)
}

// faceParser splits the agent's drawing into frames. The simulated board
// draws a frame as faceLines lines, each ending with "\x1b[K\n", the last
// one the status line (starting "  \x1b[2m"); a frame drawn in place starts
// with a cursor-up sequence. Anything else on the stream is ignored.
type faceParser struct {
	lines   int
	show    func([]string)
	partial []byte
	recent  []string
}

func (p *faceParser) Write(b []byte) (int, error) {
	n := len(b)
	p.partial = append(p.partial, b...)
	for {
		i := bytes.IndexByte(p.partial, '\n')
		if i < 0 {
			break
		}
		p.line(string(p.partial[:i]))
		p.partial = p.partial[i+1:]
	}
	if len(p.partial) > 64<<10 {
		p.partial = p.partial[:0] // not a drawing: drop it
	}
	return n, nil
}

// line takes one line of the stream.
func (p *faceParser) line(l string) {
	l = strings.ReplaceAll(l, "\r", "")
	l = dropCursorMoves(l)
	l = strings.TrimSuffix(l, "\x1b[K")
	p.recent = append(p.recent, l)
	if len(p.recent) > p.lines {
		p.recent = p.recent[len(p.recent)-p.lines:]
	}
	if strings.HasPrefix(l, "  \x1b[2m") && len(p.recent) == p.lines {
		p.show(append([]string(nil), p.recent...))
		p.recent = p.recent[:0]
	}
}

// dropCursorMoves removes cursor-up sequences ("\x1b[10A") from l.
func dropCursorMoves(l string) string {
	for {
		i := strings.Index(l, "\x1b[")
		if i < 0 {
			return l
		}
		j := i + 2
		for j < len(l) && l[j] >= '0' && l[j] <= '9' {
			j++
		}
		if j < len(l) && l[j] == 'A' {
			l = l[:i] + l[j+1:]
			continue
		}
		// Another sequence: keep it, look further.
		rest := dropCursorMoves(l[i+2:])
		return l[:i+2] + rest
	}
}
