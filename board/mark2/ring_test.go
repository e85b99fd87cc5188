package mark2

import (
	"image"
	"image/color"
	"testing"

	"periph.io/x/conn/v3/i2c/i2ctest"
)

// r6Frame is the two ATtiny writes of a frame: start LED 0 with 30 bytes
// (LEDs 0-9), then start LED 10 (0x0a) with 6 bytes.
func r6Frame(rgb [36]byte) []i2ctest.IO {
	return []i2ctest.IO{
		{Addr: 0x04, W: append([]byte{0x00}, rgb[:30]...)},
		{Addr: 0x04, W: append([]byte{0x0a}, rgb[30:]...)},
	}
}

func TestRingR6(t *testing.T) {
	var frame [36]byte
	frame[0], frame[1], frame[2] = 1, 2, 3       // LED 0
	frame[27], frame[28], frame[29] = 10, 11, 12 // LED 9
	frame[30], frame[31], frame[32] = 4, 5, 6    // LED 10
	frame[33], frame[34], frame[35] = 7, 8, 9    // LED 11
	var ops []i2ctest.IO
	ops = append(ops, r6Frame(frame)...)
	ops = append(ops, r6Frame([36]byte{})...)
	pb := &i2ctest.Playback{Ops: ops, DontPanic: true}
	r := NewRingR6(pb)
	px := make([]color.RGBA, 12)
	px[0] = color.RGBA{1, 2, 3, 255}
	px[9] = color.RGBA{10, 11, 12, 255}
	px[10] = color.RGBA{4, 5, 6, 255}
	px[11] = color.RGBA{7, 8, 9, 255}
	if err := r.SetPixels(px); err != nil {
		t.Fatal(err)
	}
	if err := r.Halt(); err != nil {
		t.Fatal(err)
	}
	if err := pb.Close(); err != nil {
		t.Error(err)
	}
}

func TestRingDraw(t *testing.T) {
	// Draw LEDs 10..11 from pixels (1,0)..(2,0) of a source image; pixels
	// outside the ring are clipped.
	src := image.NewRGBA(image.Rect(0, 0, 4, 1))
	src.SetRGBA(1, 0, color.RGBA{0xAA, 0, 0, 255})
	src.SetRGBA(2, 0, color.RGBA{0, 0xBB, 0, 255})
	var want [36]byte
	want[30] = 0xAA
	want[34] = 0xBB
	pb := &i2ctest.Playback{Ops: r6Frame(want), DontPanic: true}
	r := NewRingR6(pb)
	if got := r.Bounds(); got != image.Rect(0, 0, 12, 1) {
		t.Errorf("bounds = %v", got)
	}
	if err := r.Draw(image.Rect(10, 0, 14, 1), src, image.Pt(1, 0)); err != nil {
		t.Fatal(err)
	}
	if err := pb.Close(); err != nil {
		t.Error(err)
	}
}

func TestRingBadInput(t *testing.T) {
	pb := &i2ctest.Playback{DontPanic: true}
	r := NewRingR6(pb)
	if err := r.SetPixels(make([]color.RGBA, 13)); err == nil {
		t.Error("13 pixels: no error")
	}
	if err := r.Draw(r.Bounds(), nil, image.Point{}); err == nil {
		t.Error("nil image: no error")
	}
	if pb.Count != 0 {
		t.Errorf("%d writes for bad input", pb.Count)
	}
}

func TestRingBusError(t *testing.T) {
	pb := &i2ctest.Playback{DontPanic: true} // expects nothing: every Tx fails
	if err := NewRingR6(pb).Halt(); err == nil {
		t.Error("halt on a failing bus: no error")
	}
}
