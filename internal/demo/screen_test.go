package demo

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/mycroft-network/mycroft/board/sim"
	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/voice"
)

// frames renders the faces as the owner's agent draws them on its
// terminal: in place after the first, with the terminal's "\r\n".
func frames(states ...hal.FaceState) (stream string, want [][]string) {
	for i, st := range states {
		s := sim.Render(voice.FaceFor(st), sim.StyleMark1, i)
		if i > 0 {
			s = "\x1b[10A\r" + s
		}
		stream += strings.ReplaceAll(s, "\n", "\r\n")
		lines := strings.Split(strings.TrimSuffix(sim.Render(voice.FaceFor(st), sim.StyleMark1, i), "\n"), "\n")
		for j := range lines {
			lines[j] = strings.TrimSuffix(lines[j], "\x1b[K")
		}
		want = append(want, lines)
	}
	return stream, want
}

func TestFaceParser(t *testing.T) {
	stream, want := frames(hal.StateIdle, hal.StateListening, hal.StateThinking)
	cases := []struct {
		name  string
		input string
		chunk int
		want  [][]string
	}{
		{"three frames at once", stream, len(stream), want},
		{"one byte at a time", stream, 1, want},
		{"chunks of 7", stream, 7, want},
		{"noise before the first frame", "warning: something\r\n" + stream, 64, want},
		{"a frame cut short", stream[:len(stream)-20], 64, want[:2]},
		{"no frame", "hello\r\nworld\r\n", 64, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got [][]string
			p := &faceParser{lines: faceLines, show: func(l []string) { got = append(got, l) }}
			for i := 0; i < len(c.input); i += c.chunk {
				p.Write([]byte(c.input[i:min(i+c.chunk, len(c.input))]))
			}
			if !slices.EqualFunc(got, c.want, slices.Equal) {
				t.Errorf("input %q:\ngot  %q\nwant %q", c.input, got, c.want)
			}
		})
	}
}

func TestStripANSI(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain", "idle", "idle"},
		{"dim status", "  \x1b[2mthinking  \"PRESS TO CONFIRM\"\x1b[0m", "  thinking  \"PRESS TO CONFIRM\""},
		{"colour", "\x1b[38;2;34;167;240m● \x1b[0m", "● "},
		{"save and restore", "\x1b7a\x1b8", "a"},
		{"cut sequence", "a\x1b[38;2", "a"},
	}
	for _, c := range cases {
		if got := stripANSI(c.in); got != c.want {
			t.Errorf("%s: stripANSI(%q) = %q, want %q", c.name, c.in, got, c.want)
		}
	}
}

func TestFaceRowsFor(t *testing.T) {
	cases := []struct {
		name       string
		rows, cols int
		want       int
	}{
		{"80x24", 24, 80, faceLines + 1},
		{"160x50", 50, 160, faceLines + 1},
		{"short: status line only", 12, 80, 2},
		{"narrow: status line only", 24, 30, 2},
		{"tiny: no region", 6, 80, 0},
	}
	for _, c := range cases {
		if got := faceRowsFor(c.rows, c.cols); got != c.want {
			t.Errorf("%s: faceRowsFor(%d, %d) = %d, want %d", c.name, c.rows, c.cols, got, c.want)
		}
	}
}

// TestScreenPlain: output that is not a terminal gets plain lines, no
// escape code, and the face once per state.
func TestScreenPlain(t *testing.T) {
	var out bytes.Buffer
	s := newScreen(&out)
	stream, _ := frames(hal.StateIdle, hal.StateIdle, hal.StateThinking, hal.StateIdle)
	(&faceParser{lines: faceLines, show: s.setFace}).Write([]byte(stream))
	s.Write([]byte("   [ok]   1.0s  step\r\n"))
	s.close()
	want := "   (your speaker's face: idle)\n   (your speaker's face: thinking)\n   (your speaker's face: idle)\n   [ok]   1.0s  step\n"
	if got := out.String(); got != want {
		t.Errorf("plain screen:\ngot  %q\nwant %q", got, want)
	}
}

func TestWordGrid(t *testing.T) {
	cases := []struct{ name, words, want string }{
		{"seven words", "a b c d e f g",
			"    1 a          2 b          3 c          4 d          5 e          6 f        \r\n    7 g        \r\n"},
		{"six words", "a b c d e f",
			"    1 a          2 b          3 c          4 d          5 e          6 f        \r\n"},
	}
	for _, c := range cases {
		if got := wordGrid(c.words); got != c.want {
			t.Errorf("%s: wordGrid(%q) =\n%q, want\n%q", c.name, c.words, got, c.want)
		}
	}
	long := strings.Repeat("abandoned ", 24)
	for _, l := range strings.Split(wordGrid(long), "\r\n") {
		if len(l) > 80 {
			t.Errorf("line of %d columns: %q", len(l), l)
		}
	}
}
