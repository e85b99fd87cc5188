package mark2

import (
	"fmt"

	"periph.io/x/conn/v3/gpio/gpiostream"
	"periph.io/x/conn/v3/physic"
	"periph.io/x/conn/v3/spi"
)

// WS2812 NRZ encoding.
//
// A WS2812B bit is a high pulse then a low one: about 0.4 µs high and
// 0.85 µs low for a 0, 0.8 µs high and 0.45 µs low for a 1, and a low of
// more than 280 µs latches the frame. We send each WS2812 bit as three line
// bits at 2.4 MHz (417 ns each): 0 is 100 and 1 is 110. Each data byte
// becomes three line bytes, sent most significant bit first, so the very
// same bytes drive an SPI MOSI line (mode 0, 8 bits per word) or a
// gpiostream.BitStream, or fill a PWM serialiser FIFO.
const (
	// NRZRate is the line bit rate of the encoding.
	NRZRate = 2400 * physic.KiloHertz
	// NRZResetBytes is the latch time appended to every frame: 90 bytes of
	// zeros = 720 bits at 2.4 MHz = 300 µs.
	NRZResetBytes = 90
	// RingLEDs is the number of LEDs on the SJ201 ring.
	RingLEDs = 12
	// NRZFrameBytes is the size of an encoded 12-LED frame with its latch.
	NRZFrameBytes = RingLEDs*3*3 + NRZResetBytes
)

// nrzTable maps a data byte to its three line bytes.
var nrzTable = buildNRZTable()

func buildNRZTable() (t [256][3]byte) {
	for v := 0; v < 256; v++ {
		var bits uint32 // 24 line bits, first one at bit 23
		for i := 7; i >= 0; i-- {
			bits <<= 3
			if v&(1<<i) != 0 {
				bits |= 0b110
			} else {
				bits |= 0b100
			}
		}
		t[v] = [3]byte{byte(bits >> 16), byte(bits >> 8), byte(bits)}
	}
	return t
}

// EncodeNRZ appends the NRZ line bytes of data (already in the LEDs' wire
// order: G, R, B per LED for WS2812) followed by the latch to dst.
func EncodeNRZ(dst, data []byte) []byte {
	for _, v := range data {
		e := &nrzTable[v]
		dst = append(dst, e[0], e[1], e[2])
	}
	for i := 0; i < NRZResetBytes; i++ {
		dst = append(dst, 0)
	}
	return dst
}

// NRZWriter sends NRZ line bytes (from EncodeNRZ) at NRZRate.
type NRZWriter interface {
	WriteNRZ(line []byte) error
	String() string
}

// SPIWriter sends the NRZ line on an SPI MOSI. On the SJ201 the ring data
// line is GPIO12, which is no SPI MOSI of the BCM2711: this writer is for a
// board whose ring is wired to MOSI (GPIO10 for SPI0) or through a level
// shifter from one.
type SPIWriter struct {
	conn spi.Conn
	name string
}

// NewSPIWriter connects to port at NRZRate, mode 0, 8 bits per word.
func NewSPIWriter(port spi.Port) (*SPIWriter, error) {
	c, err := port.Connect(NRZRate, spi.Mode0, 8)
	if err != nil {
		return nil, fmt.Errorf("mark2: ring spi: %w", err)
	}
	return &SPIWriter{conn: c, name: port.String()}, nil
}

// WriteNRZ implements NRZWriter.
func (w *SPIWriter) WriteNRZ(line []byte) error {
	if err := w.conn.Tx(line, nil); err != nil {
		return fmt.Errorf("mark2: ring spi: %w", err)
	}
	return nil
}

func (w *SPIWriter) String() string { return "spi:" + w.name }

// StreamWriter sends the NRZ line as a gpiostream.BitStream on one pin (the
// SJ201 R10 GPIO12), for hosts whose pin driver can stream at NRZRate.
type StreamWriter struct {
	Pin gpiostream.PinOut
}

// WriteNRZ implements NRZWriter.
func (w StreamWriter) WriteNRZ(line []byte) error {
	if w.Pin == nil {
		return fmt.Errorf("mark2: ring stream: no pin")
	}
	s := gpiostream.BitStream{Bits: line, Freq: NRZRate, LSBF: false}
	if err := w.Pin.StreamOut(&s); err != nil {
		return fmt.Errorf("mark2: ring stream %s: %w", w.Pin, err)
	}
	return nil
}

func (w StreamWriter) String() string {
	if w.Pin == nil {
		return "stream:none"
	}
	return "stream:" + w.Pin.String()
}
