package mark2

import (
	"image/color"
	"testing"
	"time"

	"periph.io/x/conn/v3/i2c/i2ctest"

	"github.com/mycroft-network/mycroft/hal"
)

// discardNRZ is an NRZWriter that drops the line.
type discardNRZ struct{}

func (discardNRZ) WriteNRZ([]byte) error { return nil }
func (discardNRZ) String() string        { return "discard" }

func BenchmarkEncodeNRZFrame(b *testing.B) {
	grb := make([]byte, RingLEDs*3)
	for i := range grb {
		grb[i] = byte(i * 21)
	}
	buf := make([]byte, 0, NRZFrameBytes)
	b.SetBytes(int64(len(grb)))
	b.ReportAllocs()
	for b.Loop() {
		buf = EncodeNRZ(buf[:0], grb)
	}
}

func BenchmarkRender(b *testing.B) {
	faces := []hal.Face{
		{State: hal.StateThinking, Volume: -1},
		{State: hal.StateListening, Volume: -1},
		{Volume: -1, Ring: hal.Ring{Pattern: hal.RingLevel, Level: 0.4, Color: color.RGBA{0, 0, 255, 255}}},
	}
	var fr Frame
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		Render(faces[i%len(faces)], time.Duration(i)*FrameInterval, &fr)
		i++
	}
}

// BenchmarkAnimatorFrameNRZ is one animation frame end to end on the R10
// path: render, RGB to GRB, NRZ encode, write.
func BenchmarkAnimatorFrameNRZ(b *testing.B) {
	clk := newFakeClock()
	a := NewAnimator(NewRingNRZ(discardNRZ{}), clk)
	a.face = hal.Face{State: hal.StateThinking, Volume: -1}
	b.ReportAllocs()
	for b.Loop() {
		clk.now = clk.now.Add(FrameInterval)
		a.last[0].R++ // force a draw every frame
		if err := a.Step(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnimatorFrameR6 is one frame on the R6 path into a recorder.
func BenchmarkAnimatorFrameR6(b *testing.B) {
	clk := newFakeClock()
	rec := &i2ctest.Record{}
	a := NewAnimator(NewRingR6(rec), clk)
	a.face = hal.Face{State: hal.StateListening, Volume: -1}
	b.ReportAllocs()
	for b.Loop() {
		clk.now = clk.now.Add(FrameInterval)
		a.last[0].R++
		if err := a.Step(); err != nil {
			b.Fatal(err)
		}
		if len(rec.Ops) > 1024 {
			rec.Ops = rec.Ops[:0]
		}
	}
}
