package sim

import (
	"context"
	"fmt"
	"image/color"
	"io"
	"math"
	"strings"
	"sync"
	"time"

	"github.com/mycroft-network/mycroft/hal"
)

// Style is which faceplate the simulator draws.
type Style string

// Styles.
const (
	StyleMark1 Style = "mark1" // two eyes and a 32x8 mouth
	StyleMark2 Style = "mark2" // a ring of 12 LEDs
)

// ParseStyle accepts "mark1", "mark2" or "" (mark1).
func ParseStyle(s string) (Style, error) {
	switch Style(s) {
	case "", StyleMark1:
		return StyleMark1, nil
	case StyleMark2:
		return StyleMark2, nil
	}
	return "", fmt.Errorf("sim: unknown face style %q (want mark1 or mark2)", s)
}

// Colours the simulator uses when hal.Face leaves them zero (the Mark I
// conventions of docs/hardware.md).
var (
	blue  = color.RGBA{34, 167, 240, 255}
	red   = color.RGBA{255, 40, 40, 255}
	grey  = color.RGBA{70, 65, 69, 255}
	green = color.RGBA{40, 200, 90, 255}
	dark  = color.RGBA{40, 40, 40, 255}
)

func stateColor(s hal.FaceState) color.RGBA {
	switch s {
	case hal.StateError:
		return red
	case hal.StateMuted:
		return grey
	case hal.StateMining:
		return green
	}
	return blue
}

// Render draws f as ANSI text: the face of style at animation frame n.
// Every line ends with "\x1b[K\n" (clear to end of line), so a frame can be
// drawn over the previous one.
func Render(f hal.Face, style Style, n int) string {
	var b strings.Builder
	b.Grow(2048)
	if style == StyleMark2 {
		renderRing(&b, f, n)
	} else {
		renderMark1(&b, f, n)
	}
	status := f.State.String()
	if f.Mouth.Text != "" {
		status += fmt.Sprintf("  %q", f.Mouth.Text)
	}
	if f.Volume >= 0 {
		status += fmt.Sprintf("  volume %d", f.Volume)
	}
	b.WriteString("  \x1b[2m" + status + "\x1b[0m\x1b[K\n")
	return b.String()
}

// Lines is the number of lines Render returns for style.
func Lines(style Style) int {
	if style == StyleMark2 {
		return len(ringLayout) + 1
	}
	return len(eyeRows) + 4 + 1
}

func fg(b *strings.Builder, c color.RGBA) {
	fmt.Fprintf(b, "\x1b[38;2;%d;%d;%dm", c.R, c.G, c.B)
}

func dim(c color.RGBA, k float64) color.RGBA {
	return color.RGBA{uint8(float64(c.R) * k), uint8(float64(c.G) * k), uint8(float64(c.B) * k), 255}
}

// eyeRows lays out one eye's 12 pixels on 5 rows: the index of the pixel
// at each of 5 columns, -1 for none.
var eyeRows = [5][5]int{
	{-1, 11, 0, 1, -1},
	{10, -1, -1, -1, 2},
	{9, -1, -1, -1, 3},
	{8, -1, -1, -1, 4},
	{-1, 7, 6, 5, -1},
}

// eyeLit reports whether pixel i of an eye is lit for look l.
func eyeLit(i int, l hal.Look, left bool) bool {
	top := i == 11 || i == 0 || i == 1
	bottom := i >= 5 && i <= 7
	west := i >= 8 && i <= 10
	east := i >= 2 && i <= 4
	switch l {
	case hal.LookUp:
		return !bottom
	case hal.LookDown:
		return !top
	case hal.LookLeft:
		return !east
	case hal.LookRight:
		return !west
	case hal.LookNarrow:
		return !top && !bottom
	case hal.LookCrossed:
		if left {
			return !west
		}
		return !east
	}
	return true
}

func renderMark1(b *strings.Builder, f hal.Face, n int) {
	c := f.Eyes.Color
	if c == (color.RGBA{}) {
		c = stateColor(f.State)
	}
	if f.Brightness > 0 && f.Brightness < 1 {
		c = dim(c, 0.3+0.7*f.Brightness)
	}
	vol := -1
	if f.Volume >= 0 {
		vol = int(math.Round(float64(min(f.Volume, 100)) * 11 / 100))
	}
	for _, row := range eyeRows {
		b.WriteString("   ")
		for eye := range 2 {
			for _, i := range row {
				if i < 0 {
					b.WriteString("  ")
					continue
				}
				lit := !f.Eyes.Off && !(f.Eyes.Blink && n == 0) && eyeLit(i, f.Eyes.Look, eye == 0)
				if vol >= 0 {
					lit = i <= vol
				}
				if lit {
					fg(b, c)
					b.WriteString("● ")
				} else {
					fg(b, dark)
					b.WriteString("· ")
				}
			}
			b.WriteString("\x1b[0m    ")
		}
		b.WriteString("\x1b[K\n")
	}
	var m [8][32]bool
	mouthPixels(&m, f, n)
	for r := 0; r < 8; r += 2 {
		b.WriteString("  ")
		fg(b, color.RGBA{255, 60, 60, 255})
		for x := range 32 {
			switch top, bot := m[r][x], m[r+1][x]; {
			case top && bot:
				b.WriteString("█")
			case top:
				b.WriteString("▀")
			case bot:
				b.WriteString("▄")
			default:
				b.WriteString(" ")
			}
		}
		b.WriteString("\x1b[0m\x1b[K\n")
	}
}

// mouthPixels draws the 32x8 mouth: the icon, or the state's animation.
// Text is not drawn in the matrix (no font here); Render prints it below.
func mouthPixels(m *[8][32]bool, f hal.Face, n int) {
	if f.Mouth.Icon != nil {
		r := f.Mouth.Icon.Rect
		for y := 0; y < min(8, r.Dy()); y++ {
			for x := 0; x < min(32, r.Dx()); x++ {
				m[y][x] = f.Mouth.Icon.GrayAt(r.Min.X+x, r.Min.Y+y).Y >= 128
			}
		}
		return
	}
	if f.Mouth.Text != "" {
		return
	}
	switch f.State {
	case hal.StateListening:
		for x := range 32 {
			y := 3.5 + 2.5*math.Sin(float64(x+n*2)*math.Pi/8)
			m[int(math.Round(y))][x] = true
		}
	case hal.StateThinking:
		for d := range 3 {
			if d <= n%4 {
				x := 10 + 6*d
				m[3][x], m[3][x+1], m[4][x], m[4][x+1] = true, true, true, true
			}
		}
	case hal.StateSpeaking:
		h := []int{1, 3, 2, 4}[n%4]
		for x := 6; x < 26; x++ {
			m[4-h/2][x], m[4+(h+1)/2][x] = true, true
		}
	case hal.StateError:
		for x := 8; x < 24; x++ {
			m[5][x] = true
		}
		m[6][7], m[6][24] = true, true
	default:
		for x := 8; x < 24; x++ {
			m[6][x] = true
		}
		m[5][7], m[5][24] = true, true
	}
}

// ringLayout places the 12 ring LEDs (0 at the top, clockwise) on a grid.
var ringLayout = [7][9]int{
	{-1, -1, 11, -1, 0, -1, 1, -1, -1},
	{-1, 10, -1, -1, -1, -1, -1, 2, -1},
	{-1, -1, -1, -1, -1, -1, -1, -1, -1},
	{9, -1, -1, -1, -1, -1, -1, -1, 3},
	{-1, -1, -1, -1, -1, -1, -1, -1, -1},
	{-1, 8, -1, -1, -1, -1, -1, 4, -1},
	{-1, -1, 7, -1, 6, -1, 5, -1, -1},
}

// ringLEDs computes the 12 LED colours of f at frame n.
func ringLEDs(f hal.Face, n int) [12]color.RGBA {
	var out [12]color.RGBA
	p, c := f.Ring.Pattern, f.Ring.Color
	if p == hal.RingOff && c == (color.RGBA{}) {
		// No ring asked for: the state's pattern.
		c = stateColor(f.State)
		switch f.State {
		case hal.StateListening:
			p = hal.RingSolid
		case hal.StateThinking:
			p = hal.RingSpin
		case hal.StateSpeaking, hal.StateMining:
			p = hal.RingPulse
		case hal.StateError:
			p = hal.RingBlink
		case hal.StateMuted:
			p, c = hal.RingSolid, red
		default:
			p = hal.RingOff
		}
	}
	if c == (color.RGBA{}) {
		c = blue
	}
	if f.Volume >= 0 {
		p, f.Ring.Level = hal.RingLevel, float64(min(f.Volume, 100))/100
	}
	for i := range out {
		switch p {
		case hal.RingSolid:
			out[i] = c
		case hal.RingSpin:
			d := (i - n%12 + 12) % 12
			out[i] = dim(c, max(0, 1-float64(d)*0.3))
		case hal.RingPulse:
			out[i] = dim(c, 0.4+0.6*math.Abs(math.Sin(float64(n)*math.Pi/8)))
		case hal.RingBlink:
			if n%2 == 0 {
				out[i] = c
			}
		case hal.RingLevel:
			if float64(i) < math.Round(f.Ring.Level*12) {
				out[i] = c
			}
		}
	}
	return out
}

func renderRing(b *strings.Builder, f hal.Face, n int) {
	leds := ringLEDs(f, n)
	for _, row := range ringLayout {
		b.WriteString("   ")
		for _, i := range row {
			if i < 0 {
				b.WriteString("  ")
				continue
			}
			if c := leds[i]; c != (color.RGBA{}) {
				fg(b, c)
				b.WriteString("● ")
			} else {
				fg(b, dark)
				b.WriteString("○ ")
			}
		}
		b.WriteString("\x1b[0m\x1b[K\n")
	}
}

// Faceplate is a hal.Faceplate drawn on a terminal (any io.Writer).
type Faceplate struct {
	w       io.Writer
	style   Style
	inPlace bool
	mu      sync.Mutex
	face    hal.Face
	frame   int
	drawn   bool
	halted  bool
}

// NewFaceplate draws on w. With inPlace, every frame is drawn over the
// previous one (cursor up), for a terminal; without it frames follow each
// other (for logs and tests).
func NewFaceplate(w io.Writer, style Style, inPlace bool) *Faceplate {
	return &Faceplate{w: w, style: style, inPlace: inPlace, face: hal.Face{Volume: -1}}
}

// Show implements hal.Faceplate.
func (p *Faceplate) Show(ctx context.Context, f hal.Face) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.face, p.frame, p.halted = f, 0, false
	return p.draw()
}

// Face returns the face shown last.
func (p *Faceplate) Face() hal.Face {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.face
}

func (p *Faceplate) draw() error {
	if p.w == nil {
		return nil
	}
	s := Render(p.face, p.style, p.frame)
	if p.inPlace && p.drawn {
		s = fmt.Sprintf("\x1b[%dA\r", Lines(p.style)) + s
	}
	p.drawn = true
	if _, err := io.WriteString(p.w, s); err != nil {
		return fmt.Errorf("sim: faceplate: %w", err)
	}
	return nil
}

// Step advances the animation by one frame and draws it.
func (p *Faceplate) Step() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.halted {
		return nil
	}
	p.frame++
	return p.draw()
}

// Animate calls Step every period until ctx is done.
func (p *Faceplate) Animate(ctx context.Context, period time.Duration) {
	t := time.NewTicker(period)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			_ = p.Step() // a frame that fails to draw is redrawn on the next tick
		case <-ctx.Done():
			return
		}
	}
}

// Halt implements hal.Faceplate: everything dark.
func (p *Faceplate) Halt() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.face = hal.Face{State: hal.StateIdle, Volume: -1, Eyes: hal.Eyes{Off: true}, Mouth: hal.Mouth{Text: " "}}
	p.halted = true
	return p.draw()
}

var _ hal.Faceplate = (*Faceplate)(nil)
