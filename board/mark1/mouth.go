package mark1

import (
	"context"
	"fmt"
	"image"
	"image/color"
	"image/draw"
)

// Mouth is the 32x8 mouth matrix as a hal.Display (monochrome: a pixel is
// on when its grey level is at least 128). Every Draw sends the whole
// matrix as one mouth.icon; the face's animations stop until the next
// Show that changes the mouth.
type Mouth struct {
	e   *Enclosure
	img *image.Gray
}

// Mouth returns the mouth as a hal.Display.
func (e *Enclosure) Mouth() *Mouth {
	return &Mouth{e: e, img: image.NewGray(image.Rect(0, 0, MouthWidth, MouthHeight))}
}

// String implements hal.Display.
func (m *Mouth) String() string { return "mark1.Mouth" }

// ColorModel implements hal.Display.
func (m *Mouth) ColorModel() color.Model { return color.GrayModel }

// Bounds implements hal.Display.
func (m *Mouth) Bounds() image.Rectangle { return m.img.Rect }

// Draw implements hal.Display.
func (m *Mouth) Draw(dst image.Rectangle, src image.Image, sp image.Point) error {
	if src == nil {
		return fmt.Errorf("mark1: mouth: draw: %w", ErrIcon)
	}
	m.e.sendMu.Lock()
	defer m.e.sendMu.Unlock()
	draw.Draw(m.img, dst, src, sp, draw.Src)
	code, err := EncodeIcon(m.img)
	if err != nil {
		return fmt.Errorf("mark1: mouth: %w", err)
	}
	lines, err := MouthIcon(0, 0, true, code)
	if err != nil {
		return fmt.Errorf("mark1: mouth: %w", err)
	}
	if err := m.e.send(context.Background(), lines); err != nil {
		return fmt.Errorf("mark1: mouth: %w", err)
	}
	m.e.mu.Lock()
	m.e.shown.mouth = "icon:" + code
	m.e.mu.Unlock()
	return nil
}

// Halt implements hal.Display: the mouth is cleared.
func (m *Mouth) Halt() error {
	m.e.sendMu.Lock()
	defer m.e.sendMu.Unlock()
	draw.Draw(m.img, m.img.Rect, image.Black, image.Point{}, draw.Src)
	if err := m.e.send(context.Background(), []string{MouthReset()}); err != nil {
		return fmt.Errorf("mark1: mouth: halt: %w", err)
	}
	m.e.mu.Lock()
	m.e.shown.mouth = MouthReset()
	m.e.mu.Unlock()
	return nil
}
