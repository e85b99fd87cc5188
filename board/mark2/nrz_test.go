package mark2

import (
	"bytes"
	"image"
	"image/color"
	"testing"

	"periph.io/x/conn/v3/conntest"
	"periph.io/x/conn/v3/gpio/gpiostream"
	"periph.io/x/conn/v3/gpio/gpiostream/gpiostreamtest"
	"periph.io/x/conn/v3/spi/spitest"
)

// Line bytes written out by hand from the encoding rule (WS2812 0 = 100,
// 1 = 110 at 2.4 MHz, MSB first), not from the code.
var (
	nrz00 = []byte{0x92, 0x49, 0x24} // 100 100 100 100 100 100 100 100
	nrzFF = []byte{0xDB, 0x6D, 0xB6} // 110 x 8
	nrz80 = []byte{0xD2, 0x49, 0x24} // 110 then 100 x 7
	nrz01 = []byte{0x92, 0x49, 0x26} // 100 x 7 then 110
	nrzA5 = []byte{0xD3, 0x49, 0xA6} // 1010 0101: 11010011 01001001 10100110
)

func TestEncodeNRZBytes(t *testing.T) {
	tests := []struct {
		in   byte
		want []byte
	}{{0x00, nrz00}, {0xFF, nrzFF}, {0x80, nrz80}, {0x01, nrz01}, {0xA5, nrzA5}}
	for _, tc := range tests {
		got := EncodeNRZ(nil, []byte{tc.in})
		if len(got) != 3+NRZResetBytes {
			t.Fatalf("EncodeNRZ(0x%02x): %d bytes, want %d", tc.in, len(got), 3+NRZResetBytes)
		}
		if !bytes.Equal(got[:3], tc.want) {
			t.Errorf("EncodeNRZ(0x%02x) = % x, want % x", tc.in, got[:3], tc.want)
		}
		if !bytes.Equal(got[3:], make([]byte, NRZResetBytes)) {
			t.Errorf("EncodeNRZ(0x%02x): latch is not all zeros", tc.in)
		}
	}
}

// decodeNRZ reads the WS2812 bits back from line bits: every 3 line bits
// must be 1x0, and x is the data bit.
func decodeNRZ(t *testing.T, line []byte, n int) []byte {
	t.Helper()
	bit := func(i int) int { return int(line[i/8]>>(7-i%8)) & 1 }
	out := make([]byte, n)
	for i := 0; i < n*8; i++ {
		if bit(3*i) != 1 || bit(3*i+2) != 0 {
			t.Fatalf("data bit %d: line bits %d%d%d are not a WS2812 symbol", i, bit(3*i), bit(3*i+1), bit(3*i+2))
		}
		out[i/8] |= byte(bit(3*i+1)) << (7 - i%8)
	}
	return out
}

func TestEncodeNRZRoundTrip(t *testing.T) {
	data := make([]byte, 256)
	for i := range data {
		data[i] = byte(i)
	}
	line := EncodeNRZ(nil, data)
	if got := decodeNRZ(t, line, len(data)); !bytes.Equal(got, data) {
		t.Errorf("round trip differs:\n got % x\nwant % x", got, data)
	}
}

// ringLine builds the expected WS2812 frame for LEDs that are either fully
// on or off per channel: G, R, B per LED.
func ringLine(px []color.RGBA) []byte {
	var line []byte
	ch := func(v uint8) []byte {
		if v == 0xFF {
			return nrzFF
		}
		return nrz00
	}
	for i := 0; i < RingLEDs; i++ {
		var c color.RGBA
		if i < len(px) {
			c = px[i]
		}
		line = append(line, ch(c.G)...)
		line = append(line, ch(c.R)...)
		line = append(line, ch(c.B)...)
	}
	return append(line, make([]byte, NRZResetBytes)...)
}

func TestRingNRZOverSPI(t *testing.T) {
	red := color.RGBA{255, 0, 0, 255}
	green := color.RGBA{0, 255, 0, 255}
	blue := color.RGBA{0, 0, 255, 255}
	frame := []color.RGBA{red, green, blue}
	pb := &spitest.Playback{Playback: conntest.Playback{
		Ops: []conntest.IO{
			{W: ringLine(frame)},
			{W: ringLine(nil)},
		},
		DontPanic: true,
	}}
	w, err := NewSPIWriter(pb)
	if err != nil {
		t.Fatal(err)
	}
	r := NewRingNRZ(w)
	if err := r.SetPixels(frame); err != nil {
		t.Fatal(err)
	}
	if err := r.Halt(); err != nil {
		t.Fatal(err)
	}
	if err := pb.Close(); err != nil {
		t.Error(err)
	}
}

func TestRingNRZOverStream(t *testing.T) {
	white := color.RGBA{255, 255, 255, 255}
	pb := &gpiostreamtest.PinOutPlayback{
		N:         "GPIO12",
		DontPanic: true,
		Ops: []gpiostream.Stream{
			&gpiostream.BitStream{Bits: ringLine([]color.RGBA{white}), Freq: NRZRate},
		},
	}
	r := NewRingNRZ(StreamWriter{Pin: pb})
	img := image.NewRGBA(image.Rect(0, 0, 1, 1))
	img.SetRGBA(0, 0, white)
	if err := r.Draw(image.Rect(0, 0, 1, 1), img, image.Point{}); err != nil {
		t.Fatal(err)
	}
	if err := pb.Close(); err != nil {
		t.Error(err)
	}
}

func TestNRZFrameSize(t *testing.T) {
	// 12 LEDs x 3 colours x 8 bits x 3 line bits / 8 = 108 bytes, plus the
	// 300 µs latch at 2.4 MHz (90 bytes).
	if NRZFrameBytes != 108+90 {
		t.Errorf("NRZFrameBytes = %d, want 198", NRZFrameBytes)
	}
}
