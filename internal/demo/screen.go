package demo

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"

	"golang.org/x/term"
)

// screen is where the demo tells its story. On a terminal the story
// scrolls in the rows above and the owner's face stays in a fixed region
// of rows at the bottom: a VT100 scroll region (DECSTBM) keeps every line
// the story prints out of the face's rows, and lines that scroll off the
// top go to the terminal's scrollback. Anything else (a pipe, a file) gets
// plain sequential lines: no escape codes, and the face only as a line
// when its state changes.
type screen struct {
	mu  sync.Mutex
	w   io.Writer
	fd  int // the terminal's descriptor; -1 when plain
	tty bool
	// rows, cols: the terminal's size; faceRows: the rows below the
	// story (0: no face region, the terminal is too small).
	rows, cols, faceRows int
	face                 []string // the face's last frame, one string a line
	status               string   // its status line, escape codes removed
	closed               bool
}

// Smallest terminal that gets the whole face; below it the face region
// is only its status line, and below minRows there is no region at all.
const (
	minRows = 8
	minCols = 24
	// faceCols is the width the Mark I drawing needs.
	faceCols = 36
)

// newScreen returns the screen on w. When w is a terminal it sets up the
// regions; close restores the terminal.
func newScreen(w io.Writer) *screen {
	s := &screen{w: w, fd: -1}
	if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		s.fd, s.tty = int(f.Fd()), true
		s.mu.Lock()
		s.layout(true)
		s.mu.Unlock()
	}
	return s
}

// Write writes story text. On a terminal it lands in the scrolling
// region; plain output gets "\n" for the terminal's "\r\n".
func (s *screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.tty {
		return s.w.Write(p)
	}
	b := strings.ReplaceAll(string(p), "\r\n", "\n")
	if _, err := io.WriteString(s.w, b); err != nil {
		return 0, err
	}
	return len(p), nil
}

// layout reads the terminal's size and sets the regions. first: the
// demo's start, when the screen still holds what was there before (it is
// scrolled up to make room for the face). Called with mu held.
func (s *screen) layout(first bool) {
	cols, rows, err := term.GetSize(s.fd)
	if err != nil || rows <= 0 || cols <= 0 {
		rows, cols = 24, 80
	}
	s.rows, s.cols = rows, cols
	s.faceRows = faceRowsFor(rows, cols)
	if s.faceRows == 0 {
		if !first {
			fmt.Fprint(s.w, "\x1b[r")
		}
		return
	}
	var b strings.Builder
	bottom := rows - s.faceRows
	if first {
		// Scroll what is on the screen up, out of the face's rows.
		b.WriteString(strings.Repeat("\n", s.faceRows+1))
	} else {
		// The terminal has moved the lines to fit its new size (and
		// reset the region): where the story and the old face are now
		// is not known. Scroll the whole screen up, clear of the face's
		// rows and of the story's last row: nothing of the story is
		// erased (an old drawing of the face may stay in the story).
		fmt.Fprintf(&b, "\x1b[r\x1b[%d;1H%s", rows, strings.Repeat("\n", s.faceRows+1))
	}
	fmt.Fprintf(&b, "\x1b[1;%dr", bottom) // the story region (this homes the cursor)
	fmt.Fprintf(&b, "\x1b[%d;1H", bottom) // the cursor on the story's last row
	fmt.Fprint(s.w, b.String())
	s.drawFace()
}

// faceRowsFor is how many rows the face region takes in a terminal of
// rows x cols: the drawing, its status line and a rule above them; the
// status line and the rule when the drawing does not fit; none in a tiny
// terminal.
func faceRowsFor(rows, cols int) int {
	switch {
	case rows < minRows || cols < minCols:
		return 0
	case rows >= faceLines+1+8 && cols >= faceCols:
		return faceLines + 1
	}
	return 2
}

// resize follows a change of the terminal's size (SIGWINCH).
func (s *screen) resize() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.tty && !s.closed {
		s.layout(false)
	}
}

// setFace shows a new frame of the owner's face: lines is the frame's
// drawing, its last line the status ("thinking  volume 50").
func (s *screen) setFace(lines []string) {
	if len(lines) == 0 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	status := strings.TrimSpace(stripANSI(lines[len(lines)-1]))
	changed := status != s.status
	if !changed && slices.Equal(lines, s.face) {
		return // an animation frame like the last: nothing to draw
	}
	s.face, s.status = lines, status
	if s.closed {
		return
	}
	if s.tty && s.faceRows > 0 {
		s.drawFace()
		return
	}
	if changed {
		fmt.Fprint(s.w, plainFace(status, s.tty))
	}
}

// plainFace is the face as a story line, for output with no face region.
func plainFace(status string, tty bool) string {
	nl := "\n"
	if tty {
		nl = "\r\n"
	}
	return "   (your speaker's face: " + status + ")" + nl
}

// drawFace draws the face region, keeping the cursor where the story is.
// Called with mu held.
func (s *screen) drawFace() {
	if !s.tty || s.faceRows == 0 {
		return
	}
	var b strings.Builder
	top := s.rows - s.faceRows + 1
	b.WriteString("\x1b7") // save the cursor
	rule := " your speaker (simulated Mark I) "
	width := min(s.cols, 60)
	fmt.Fprintf(&b, "\x1b[%d;1H\x1b[2m%s%s\x1b[0m\x1b[K", top, "──", truncate(rule+strings.Repeat("─", width), width-2))
	lines := s.face
	if s.faceRows == 2 && len(lines) > 0 {
		lines = lines[len(lines)-1:]
	}
	for i := range s.faceRows - 1 {
		fmt.Fprintf(&b, "\x1b[%d;1H", top+1+i)
		if i < len(lines) {
			if i == len(lines)-1 {
				b.WriteString("  \x1b[2m" + truncate(strings.TrimSpace(stripANSI(lines[i])), s.cols-3) + "\x1b[0m")
			} else {
				b.WriteString(lines[i] + "\x1b[0m")
			}
		}
		b.WriteString("\x1b[K")
	}
	b.WriteString("\x1b8") // back to the story
	fmt.Fprint(s.w, b.String())
}

// close gives the terminal back: the whole screen scrolls again and the
// cursor goes below the face, which stays as it was last drawn.
func (s *screen) close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	s.closed = true
	if s.tty {
		fmt.Fprintf(s.w, "\x1b[r\x1b[%d;1H\r\n", s.rows)
	}
}

// truncate cuts s to at most n runes.
func truncate(s string, n int) string {
	if n <= 0 {
		return ""
	}
	r := []rune(s)
	if len(r) > n {
		return string(r[:n])
	}
	return s
}

// stripANSI removes CSI escape sequences (ESC [ ... final byte) and other
// ESC pairs from s.
func stripANSI(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != 0x1b {
			if c >= 0x20 || c == '\t' {
				b.WriteByte(c)
			}
			continue
		}
		if i+1 < len(s) && s[i+1] == '[' {
			i += 2
			for i < len(s) && (s[i] < 0x40 || s[i] > 0x7e) {
				i++
			}
			continue
		}
		i++ // ESC and one character
	}
	return b.String()
}
