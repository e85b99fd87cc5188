package haltest

import (
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"slices"
	"sync"

	"github.com/mycroft-network/mycroft/hal"
)

// notifier wakes waiters when something is recorded.
type notifier struct{ ch chan struct{} }

func (n *notifier) wait() <-chan struct{} {
	if n.ch == nil {
		n.ch = make(chan struct{})
	}
	return n.ch
}

func (n *notifier) wake() {
	if n.ch != nil {
		close(n.ch)
		n.ch = nil
	}
}

// RecordFaceplate is a hal.Faceplate that keeps every hal.Face shown.
type RecordFaceplate struct {
	mu     sync.Mutex
	faces  []hal.Face
	halts  int
	err    error
	notify notifier
	// Expect, when non-nil, is the sequence of distinct states (as
	// States returns it) Close requires.
	Expect []hal.FaceState
}

// NewRecordFaceplate returns an empty recorder.
func NewRecordFaceplate() *RecordFaceplate { return &RecordFaceplate{} }

// FailWith makes every following Show return err (nil to stop).
func (f *RecordFaceplate) FailWith(err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.err = err
}

// Show implements hal.Faceplate.
func (f *RecordFaceplate) Show(ctx context.Context, face hal.Face) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return f.err
	}
	if face.Mouth.Icon != nil {
		// Keep what was shown, not what the caller changes later.
		c := *face.Mouth.Icon
		c.Pix = slices.Clone(c.Pix)
		face.Mouth.Icon = &c
	}
	f.faces = append(f.faces, face)
	f.notify.wake()
	return nil
}

// Halt implements hal.Faceplate; it counts the call.
func (f *RecordFaceplate) Halt() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.halts++
	f.notify.wake()
	return nil
}

// Halts is the number of Halt calls.
func (f *RecordFaceplate) Halts() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.halts
}

// Faces returns a copy of every face shown, in order.
func (f *RecordFaceplate) Faces() []hal.Face {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.faces)
}

// Last returns the face shown last.
func (f *RecordFaceplate) Last() (hal.Face, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.faces) == 0 {
		return hal.Face{}, false
	}
	return f.faces[len(f.faces)-1], true
}

// States returns the sequence of states shown with consecutive repeats
// removed: showing idle, listening, listening, thinking gives idle,
// listening, thinking.
func (f *RecordFaceplate) States() []hal.FaceState {
	f.mu.Lock()
	defer f.mu.Unlock()
	return distinct(f.faces)
}

func distinct(faces []hal.Face) []hal.FaceState {
	var out []hal.FaceState
	for _, fc := range faces {
		if len(out) == 0 || out[len(out)-1] != fc.State {
			out = append(out, fc.State)
		}
	}
	return out
}

// Wait blocks until cond, called with every face shown so far, returns
// true, or until ctx is done.
func (f *RecordFaceplate) Wait(ctx context.Context, cond func([]hal.Face) bool) error {
	for {
		f.mu.Lock()
		ok := cond(f.faces)
		ch := f.notify.wait()
		f.mu.Unlock()
		if ok {
			return nil
		}
		select {
		case <-ch:
		case <-ctx.Done():
			return fmt.Errorf("haltest: faceplate: states so far %v: %w", f.States(), ctx.Err())
		}
	}
}

// WaitState blocks until some face shown so far has state s, or ctx is
// done.
func (f *RecordFaceplate) WaitState(ctx context.Context, s hal.FaceState) error {
	return f.Wait(ctx, func(faces []hal.Face) bool {
		return slices.ContainsFunc(faces, func(fc hal.Face) bool { return fc.State == s })
	})
}

// Close checks Expect when set.
func (f *RecordFaceplate) Close() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.Expect == nil {
		return nil
	}
	if got := distinct(f.faces); !slices.Equal(got, f.Expect) {
		return fmt.Errorf("haltest: RecordFaceplate: states %v, want %v", got, f.Expect)
	}
	return nil
}

var _ hal.Faceplate = (*RecordFaceplate)(nil)

// ErrNoImage is returned by RecordDisplay.Draw for a nil source image.
var ErrNoImage = errors.New("haltest: display: nil image")

// RecordDisplay is a hal.Display that keeps a copy of the whole display
// after every Draw (and after every Halt, which blanks it).
type RecordDisplay struct {
	mu     sync.Mutex
	name   string
	model  color.Model
	cur    *image.RGBA
	frames []*image.RGBA
	halts  int
	// Expect, when non-nil, is the frames Close requires, compared pixel by
	// pixel in the display's colour model.
	Expect []image.Image
}

// NewRecordDisplay returns a blank display of the given bounds and colour
// model (color.GrayModel for a monochrome matrix, color.RGBAModel for LEDs).
func NewRecordDisplay(name string, bounds image.Rectangle, model color.Model) *RecordDisplay {
	return &RecordDisplay{name: name, model: model, cur: image.NewRGBA(bounds)}
}

// String implements hal.Display.
func (d *RecordDisplay) String() string { return "haltest.RecordDisplay(" + d.name + ")" }

// ColorModel implements hal.Display.
func (d *RecordDisplay) ColorModel() color.Model { return d.model }

// Bounds implements hal.Display.
func (d *RecordDisplay) Bounds() image.Rectangle { return d.cur.Rect }

// Draw implements hal.Display: it converts src to the colour model, draws
// it into dst (clipped to the bounds) and records the whole display.
func (d *RecordDisplay) Draw(dst image.Rectangle, src image.Image, sp image.Point) error {
	if src == nil {
		return ErrNoImage
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	r := dst.Intersect(d.cur.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := d.model.Convert(src.At(sp.X+x-dst.Min.X, sp.Y+y-dst.Min.Y))
			d.cur.Set(x, y, c)
		}
	}
	d.record()
	return nil
}

func (d *RecordDisplay) record() {
	c := image.NewRGBA(d.cur.Rect)
	copy(c.Pix, d.cur.Pix)
	d.frames = append(d.frames, c)
}

// Halt implements hal.Display: it turns every pixel off (black) and
// records the frame.
func (d *RecordDisplay) Halt() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	draw.Draw(d.cur, d.cur.Rect, &image.Uniform{d.model.Convert(color.Black)}, image.Point{}, draw.Src)
	d.halts++
	d.record()
	return nil
}

// Frames returns every recorded frame (the images are not copied again;
// do not modify them).
func (d *RecordDisplay) Frames() []*image.RGBA {
	d.mu.Lock()
	defer d.mu.Unlock()
	return slices.Clone(d.frames)
}

// Halts is the number of Halt calls.
func (d *RecordDisplay) Halts() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.halts
}

// Close checks Expect when set.
func (d *RecordDisplay) Close() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.Expect == nil {
		return nil
	}
	if len(d.frames) != len(d.Expect) {
		return fmt.Errorf("haltest: RecordDisplay %s: %d frames drawn, want %d", d.name, len(d.frames), len(d.Expect))
	}
	for i, want := range d.Expect {
		got := d.frames[i]
		for y := got.Rect.Min.Y; y < got.Rect.Max.Y; y++ {
			for x := got.Rect.Min.X; x < got.Rect.Max.X; x++ {
				g := color.RGBAModel.Convert(got.At(x, y))
				w := color.RGBAModel.Convert(d.model.Convert(want.At(x, y)))
				if g != w {
					return fmt.Errorf("haltest: RecordDisplay %s: frame %d pixel (%d,%d) is %v, want %v", d.name, i, x, y, g, w)
				}
			}
		}
	}
	return nil
}

var _ hal.Display = (*RecordDisplay)(nil)
