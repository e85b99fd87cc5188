package mark2

import (
	"fmt"
	"image"
	"image/color"
	"sync"

	"periph.io/x/conn/v3/i2c"
)

// ATtiny (R6) ring protocol: an I2C write whose first byte is the index of
// the first LED (0-11) followed by R,G,B for consecutive LEDs. Mycroft sends
// LEDs 0-9 (30 bytes) then 10-11 (6 bytes) to stay within the SMBus 32-byte
// block limit; we send the same two blocks.
const (
	r6FirstBlockLEDs = 10
	// RegFan is the ATtiny fan register (0-255, 255 = full speed).
	RegFan = 0x65
)

// pixelSink sends 12 LEDs as R,G,B bytes (36 bytes) to the hardware.
type pixelSink interface {
	sendRGB(rgb []byte) error
	String() string
}

// r6Sink drives the ring through the ATtiny at I2C 0x04.
type r6Sink struct{ bus i2c.Bus }

func (s r6Sink) sendRGB(rgb []byte) error {
	var b1 [1 + 3*r6FirstBlockLEDs]byte
	b1[0] = 0
	copy(b1[1:], rgb[:3*r6FirstBlockLEDs])
	if err := s.bus.Tx(AddrATtiny, b1[:], nil); err != nil {
		return fmt.Errorf("mark2: ring r6 leds 0-9: %w", err)
	}
	var b2 [1 + 3*(RingLEDs-r6FirstBlockLEDs)]byte
	b2[0] = r6FirstBlockLEDs
	copy(b2[1:], rgb[3*r6FirstBlockLEDs:])
	if err := s.bus.Tx(AddrATtiny, b2[:], nil); err != nil {
		return fmt.Errorf("mark2: ring r6 leds 10-11: %w", err)
	}
	return nil
}

func (s r6Sink) String() string { return "attiny-i2c" }

// nrzSink drives WS2812 LEDs (GRB order) through an NRZWriter.
type nrzSink struct {
	w   NRZWriter
	grb [RingLEDs * 3]byte
	buf []byte
}

func (s *nrzSink) sendRGB(rgb []byte) error {
	for i := 0; i < RingLEDs; i++ {
		s.grb[3*i] = rgb[3*i+1]
		s.grb[3*i+1] = rgb[3*i]
		s.grb[3*i+2] = rgb[3*i+2]
	}
	s.buf = EncodeNRZ(s.buf[:0], s.grb[:])
	return s.w.WriteNRZ(s.buf)
}

func (s *nrzSink) String() string { return "ws2812-" + s.w.String() }

// Ring is the SJ201 LED ring as a 12x1 RGB hal.Display. Pixel x is LED x.
// It draws colours as given; brightness is the Animator's business.
type Ring struct {
	mu   sync.Mutex
	sink pixelSink
	rgb  [RingLEDs * 3]byte
}

// NewRingR6 drives the ring of an R6 board through its ATtiny on bus.
func NewRingR6(bus i2c.Bus) *Ring { return &Ring{sink: r6Sink{bus: bus}} }

// NewRingNRZ drives WS2812 LEDs (the R10 ring) through w.
func NewRingNRZ(w NRZWriter) *Ring {
	return &Ring{sink: &nrzSink{w: w, buf: make([]byte, 0, NRZFrameBytes)}}
}

func (r *Ring) String() string { return "mark2-ring(" + r.sink.String() + ")" }

// ColorModel implements hal.Display.
func (r *Ring) ColorModel() color.Model { return color.RGBAModel }

// Bounds implements hal.Display: 12x1.
func (r *Ring) Bounds() image.Rectangle { return image.Rect(0, 0, RingLEDs, 1) }

// Draw implements hal.Display: the part of dst inside the ring takes the
// pixels of src from sp, and the whole ring is sent.
func (r *Ring) Draw(dst image.Rectangle, src image.Image, sp image.Point) error {
	if src == nil {
		return fmt.Errorf("mark2: ring draw: nil image")
	}
	area := dst.Intersect(r.Bounds())
	r.mu.Lock()
	defer r.mu.Unlock()
	for x := area.Min.X; x < area.Max.X; x++ {
		p := image.Pt(sp.X+x-dst.Min.X, sp.Y+area.Min.Y-dst.Min.Y)
		c := color.RGBAModel.Convert(src.At(p.X, p.Y)).(color.RGBA)
		r.rgb[3*x], r.rgb[3*x+1], r.rgb[3*x+2] = c.R, c.G, c.B
	}
	return r.sink.sendRGB(r.rgb[:])
}

// SetPixels sends 12 colours at once (the Animator's fast path). Fewer than
// 12 leave the rest unchanged; more are an error.
func (r *Ring) SetPixels(px []color.RGBA) error {
	if len(px) > RingLEDs {
		return fmt.Errorf("mark2: ring: %d pixels, the ring has %d", len(px), RingLEDs)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for i, c := range px {
		r.rgb[3*i], r.rgb[3*i+1], r.rgb[3*i+2] = c.R, c.G, c.B
	}
	return r.sink.sendRGB(r.rgb[:])
}

// Halt implements hal.Display: all LEDs off.
func (r *Ring) Halt() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.rgb = [RingLEDs * 3]byte{}
	return r.sink.sendRGB(r.rgb[:])
}
