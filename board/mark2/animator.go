package mark2

import (
	"context"
	"image"
	"image/color"
	"math"
	"sync"
	"time"

	"github.com/mycroft-network/mycroft/hal"
)

// Mark II LED conventions (Mycroft's production HAL, except where noted).
var (
	ColorListening = color.RGBA{64, 219, 176, 255} // green pulse
	ColorThinking  = color.RGBA{34, 167, 240, 255} // blue comet
	ColorMuted     = color.RGBA{255, 0, 0, 255}    // red while the mic is cut
	ColorError     = color.RGBA{255, 0, 0, 255}    // red blink (ours)
	ColorMining    = color.RGBA{255, 140, 0, 255}  // slow amber spin (ours)
	ColorVolume    = color.RGBA{255, 255, 255, 255}
)

// Animation constants.
const (
	// DefaultBrightness is the scale applied when Face.Brightness is 0:
	// Mycroft capped the ring at 50 %.
	DefaultBrightness = 0.5
	// VolumeStartLED is the LED the volume gauge starts from.
	VolumeStartLED = 4
	// VolumeShowTime is how long a Face.Volume gauge stays up.
	VolumeShowTime = 5 * time.Second
	// FrameInterval is the animation period (30 frames a second).
	FrameInterval = time.Second / 30

	listenPeriod = 2 * time.Second
	thinkPeriod  = 1200 * time.Millisecond // one turn of the comet
	thinkTail    = 10
	spinPeriod   = 1200 * time.Millisecond
	spinTail     = 2
	pulsePeriod  = 2 * time.Second
	blinkPeriod  = time.Second
	miningPeriod = 6 * time.Second
	miningTail   = 3
)

// Frame is one picture of the ring, LED 0 first.
type Frame [RingLEDs]color.RGBA

// Render computes what the ring shows for face f, elapsed after Show. It is
// a pure function of its inputs:
//
//   - a Volume >= 0 shows the gauge (Volume/10 + 1 white LEDs from LED 4,
//     rounded) for VolumeShowTime, then the rest of the face;
//   - a Ring.Pattern other than RingOff is drawn as asked (colour: Ring.Color,
//     else Eyes.Color, else white);
//   - otherwise the state's convention: idle off, listening green pulse (2 s),
//     thinking blue comet with a tail of 10, speaking solid blue, error red
//     blink, muted solid red, mining a slow amber spin;
//   - everything is scaled by Brightness (0 means DefaultBrightness).
//
// Every pixel of out is opaque (off is opaque black).
func Render(f hal.Face, elapsed time.Duration, out *Frame) {
	b := f.Brightness
	if b <= 0 || math.IsNaN(b) {
		b = DefaultBrightness
	}
	if b > 1 {
		b = 1
	}
	for i := range out {
		out[i] = color.RGBA{A: 255}
	}
	switch {
	case f.Volume >= 0 && elapsed < VolumeShowTime:
		v := min(f.Volume, 100)
		renderLevel(out, ColorVolume, (v+5)/10+1, b)
	case f.Ring.Pattern != hal.RingOff:
		c := f.Ring.Color
		if c == (color.RGBA{}) {
			c = f.Eyes.Color
		}
		if c == (color.RGBA{}) {
			c = color.RGBA{255, 255, 255, 255}
		}
		renderPattern(out, f.Ring.Pattern, c, f.Ring.Level, elapsed, b)
	default:
		renderState(out, f.State, elapsed, b)
	}
}

func renderState(out *Frame, s hal.FaceState, e time.Duration, b float64) {
	switch s {
	case hal.StateListening:
		renderPulse(out, ColorListening, e, listenPeriod, b)
	case hal.StateThinking:
		renderSpin(out, ColorThinking, e, thinkPeriod, thinkTail, b)
	case hal.StateSpeaking:
		renderSolid(out, ColorThinking, b)
	case hal.StateError:
		renderBlink(out, ColorError, e, blinkPeriod, b)
	case hal.StateMuted:
		renderSolid(out, ColorMuted, b)
	case hal.StateMining:
		renderSpin(out, ColorMining, e, miningPeriod, miningTail, b)
	}
	// idle and unknown states: off.
}

func renderPattern(out *Frame, p hal.RingPattern, c color.RGBA, level float64, e time.Duration, b float64) {
	switch p {
	case hal.RingSolid:
		renderSolid(out, c, b)
	case hal.RingSpin:
		renderSpin(out, c, e, spinPeriod, spinTail, b)
	case hal.RingPulse:
		renderPulse(out, c, e, pulsePeriod, b)
	case hal.RingBlink:
		renderBlink(out, c, e, blinkPeriod, b)
	case hal.RingLevel:
		if math.IsNaN(level) || level < 0 {
			level = 0
		}
		level = min(level, 1)
		renderLevel(out, c, int(math.Round(level*RingLEDs)), b)
	}
}

func renderSolid(out *Frame, c color.RGBA, k float64) {
	s := scale(c, k)
	for i := range out {
		out[i] = s
	}
}

// renderPulse breathes between 10 % and full, starting full.
func renderPulse(out *Frame, c color.RGBA, e, period time.Duration, b float64) {
	ph := 2 * math.Pi * float64(e%period) / float64(period)
	k := 0.1 + 0.9*(0.5+0.5*math.Cos(ph))
	renderSolid(out, c, k*b)
}

func renderBlink(out *Frame, c color.RGBA, e, period time.Duration, b float64) {
	if e%period < period/2 {
		renderSolid(out, c, b)
	}
}

// renderSpin lights a head LED going round once per period, with a tail of
// tail LEDs fading linearly behind it.
func renderSpin(out *Frame, c color.RGBA, e, period time.Duration, tail int, b float64) {
	head := int(int64(e%period) * RingLEDs / int64(period))
	out[head] = scale(c, b)
	for i := 1; i <= tail && i < RingLEDs; i++ {
		k := float64(tail+1-i) / float64(tail+1)
		out[(head-i+RingLEDs)%RingLEDs] = scale(c, k*b)
	}
}

// renderLevel lights n LEDs from VolumeStartLED, going round.
func renderLevel(out *Frame, c color.RGBA, n int, b float64) {
	n = min(n, RingLEDs)
	s := scale(c, b)
	for i := 0; i < n; i++ {
		out[(VolumeStartLED+i)%RingLEDs] = s
	}
}

// scale multiplies the colour by k (0..1), rounding half up; the result
// is opaque.
func scale(c color.RGBA, k float64) color.RGBA {
	f := func(v uint8) uint8 { return uint8(float64(v)*k + 0.5) }
	return color.RGBA{f(c.R), f(c.G), f(c.B), 255}
}

// pixelSetter is the Ring fast path; any other hal.Display gets Draw.
type pixelSetter interface {
	SetPixels(px []color.RGBA) error
}

// Animator is the Mark II hal.Faceplate: Show picks what the ring shows and
// Run animates it on a hal.Display (normally a *Ring) with the injected
// Clock. It sends a frame only when it differs from the last one sent, so a
// static face costs one bus write.
type Animator struct {
	disp hal.Display
	clk  Clock

	mu      sync.Mutex // guards face and shownAt; never held while drawing
	face    hal.Face
	shownAt time.Time

	drawMu sync.Mutex // serialises drawing; guards last, sent, img
	last   Frame
	sent   bool
	img    *image.RGBA
}

// NewAnimator animates d; a nil clk is the wall clock. The ring starts idle
// (off), with no volume gauge.
func NewAnimator(d hal.Display, clk Clock) *Animator {
	a := &Animator{disp: d, clk: clockOr(clk), img: image.NewRGBA(image.Rect(0, 0, RingLEDs, 1))}
	a.face.Volume = -1
	a.shownAt = a.clk.Now()
	return a
}

// Show implements hal.Faceplate. It never blocks on the animation: the next
// Step (or Run's next frame) draws it.
func (a *Animator) Show(ctx context.Context, f hal.Face) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	a.mu.Lock()
	a.face = f
	a.shownAt = a.clk.Now()
	a.mu.Unlock()
	return nil
}

// Face returns what was last shown.
func (a *Animator) Face() hal.Face {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.face
}

// Step renders the frame for the clock's now and draws it if it changed.
func (a *Animator) Step() error {
	a.drawMu.Lock()
	defer a.drawMu.Unlock()
	a.mu.Lock()
	f, elapsed := a.face, a.clk.Now().Sub(a.shownAt)
	a.mu.Unlock()
	var fr Frame
	Render(f, elapsed, &fr)
	if a.sent && fr == a.last {
		return nil
	}
	if err := a.draw(&fr); err != nil {
		a.sent = false
		return err
	}
	a.last, a.sent = fr, true
	return nil
}

func (a *Animator) draw(fr *Frame) error {
	if ps, ok := a.disp.(pixelSetter); ok {
		return ps.SetPixels(fr[:])
	}
	for i, c := range fr {
		a.img.SetRGBA(i, 0, c)
	}
	return a.disp.Draw(a.disp.Bounds(), a.img, image.Point{})
}

// Run draws a frame every FrameInterval until ctx is done, then returns
// ctx.Err(). A failed draw is retried on the next frame; the error of the
// last failed draw is returned through onErr when it is not nil.
func (a *Animator) Run(ctx context.Context, onErr func(error)) error {
	for {
		if err := a.Step(); err != nil && onErr != nil {
			onErr(err)
		}
		if err := a.clk.Sleep(ctx, FrameInterval); err != nil {
			return err
		}
	}
}

// Halt implements hal.Faceplate: the face goes idle and the ring off.
func (a *Animator) Halt() error {
	a.drawMu.Lock()
	defer a.drawMu.Unlock()
	idle := hal.Face{Volume: -1}
	a.mu.Lock()
	a.face, a.shownAt = idle, a.clk.Now()
	a.mu.Unlock()
	Render(idle, 0, &a.last)
	a.sent = true
	return a.disp.Halt()
}

var (
	_ hal.Faceplate = (*Animator)(nil)
	_ hal.Display   = (*Ring)(nil)
)
