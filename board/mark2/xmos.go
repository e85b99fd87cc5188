package mark2

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math/bits"
	"os"
	"time"

	"periph.io/x/conn/v3/gpio"
	"periph.io/x/conn/v3/physic"
	"periph.io/x/conn/v3/spi"
)

// XMOS XVF3510 boot over SPI (the SJ201 has no flash for it: the Pi sends the
// firmware image on every power-up).
const (
	GPIOXMOSPower   = 16 // 1.0 V core enable, active high
	GPIOXMOSBootSel = 26 // QSPI_D1/BOOT_SEL
	GPIOXMOSReset   = 27 // RST_N, active low

	// XMOSSPISpeed is the SPI clock used for the image.
	XMOSSPISpeed = 5 * physic.MegaHertz
	// XMOSBlockSize is the size of each SPI transfer of the image.
	XMOSBlockSize = 4096

	xmosPowerSettle = time.Second
	xmosPLLRestart  = 100 * time.Millisecond // after the first block
	xmosBlockGap    = time.Millisecond       // between later blocks
)

// ErrNoFirmware is returned when no XMOS firmware image is configured or the
// configured file does not exist. We never ship the image; without it the
// Mark II has no microphones.
var ErrNoFirmware = errors.New("mark2: xmos firmware image missing")

// ErrFirmwareSize is returned for an XMOS image whose size is outside the
// bounds of an XVF3510 SPI boot image: a truncated download, an HTML error
// page saved as the image, or the wrong file.
var ErrFirmwareSize = errors.New("mark2: xmos firmware: wrong size for an XVF3510 SPI boot image")

// Bounds of the image size. The known images (app_xvf3510_int_spi_boot
// v4) are about 150 kB; anything under 32 KiB or over 4 MiB is not one.
// A variable so that tests can boot tiny images.
var (
	minFirmwareSize int64 = 32 << 10
	maxFirmwareSize int64 = 4 << 20
)

// LoadFirmware reads the XMOS image at path.
func LoadFirmware(path string) ([]byte, error) {
	if path == "" {
		return nil, fmt.Errorf("%w: board.xmos_firmware is not set", ErrNoFirmware)
	}
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%w: %s does not exist", ErrNoFirmware, path)
	}
	if err != nil {
		return nil, fmt.Errorf("mark2: xmos firmware: %w", err)
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("mark2: xmos firmware: %s is not a regular file", path)
	}
	if st.Size() < minFirmwareSize || st.Size() > maxFirmwareSize {
		return nil, fmt.Errorf("%w: %s has %d bytes, want %d..%d (the known images are about 150 kB)",
			ErrFirmwareSize, path, st.Size(), minFirmwareSize, maxFirmwareSize)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("mark2: xmos firmware: %w", err)
	}
	return b, nil
}

// XMOSPins are the GPIOs of the XMOS boot.
type XMOSPins struct {
	Power, Reset, BootSel gpio.PinIO
}

// reverseBlock writes src with every byte bit-reversed into dst: the XMOS
// reads the image least significant bit first while SPI sends the most
// significant first.
func reverseBlock(dst, src []byte) {
	for i, v := range src {
		dst[i] = bits.Reverse8(v)
	}
}

// BootXMOS powers the XVF3510 and sends it image over port, as Mycroft's
// boot does:
//
//  1. Power (GPIO16) and Reset (GPIO27) high; wait 1 s.
//  2. Connect SPI at 5 MHz, mode 0. BootSel (GPIO26) as input; Reset low;
//     BootSel high; Reset high: the XMOS now boots from SPI.
//  3. The image in 4096-byte blocks, each byte bit-reversed; 100 ms after the
//     first block, 1 ms between later ones.
//  4. BootSel back to input; Reset stays high.
//
// The I2S master clock (24.576 MHz on GPIO4) must already run (kernel
// overlay); this function does not set it up.
func BootXMOS(ctx context.Context, port spi.Port, pins XMOSPins, image []byte, clk Clock) error {
	clk = clockOr(clk)
	if len(image) == 0 {
		return fmt.Errorf("%w: empty image", ErrNoFirmware)
	}
	if port == nil || pins.Power == nil || pins.Reset == nil || pins.BootSel == nil {
		return fmt.Errorf("mark2: xmos boot: missing spi port or gpio")
	}
	wrap := func(step string, err error) error { return fmt.Errorf("mark2: xmos boot: %s: %w", step, err) }

	if err := pins.Power.Out(gpio.High); err != nil {
		return wrap("power on", err)
	}
	if err := pins.Reset.Out(gpio.High); err != nil {
		return wrap("reset high", err)
	}
	if err := clk.Sleep(ctx, xmosPowerSettle); err != nil {
		return wrap("power settle", err)
	}
	conn, err := port.Connect(XMOSSPISpeed, spi.Mode0, 8)
	if err != nil {
		return wrap("spi connect", err)
	}
	if err := pins.BootSel.In(gpio.PullNoChange, gpio.NoEdge); err != nil {
		return wrap("boot-select input", err)
	}
	if err := pins.Reset.Out(gpio.Low); err != nil {
		return wrap("reset low", err)
	}
	if err := pins.BootSel.Out(gpio.High); err != nil {
		return wrap("boot-select high", err)
	}
	if err := pins.Reset.Out(gpio.High); err != nil {
		return wrap("reset release", err)
	}
	buf := make([]byte, XMOSBlockSize)
	for off, n := 0, 0; off < len(image); off, n = off+XMOSBlockSize, n+1 {
		end := min(off+XMOSBlockSize, len(image))
		blk := buf[:end-off]
		reverseBlock(blk, image[off:end])
		if err := conn.Tx(blk, nil); err != nil {
			return wrap(fmt.Sprintf("block %d", n), err)
		}
		var pause time.Duration
		switch {
		case n == 0:
			pause = xmosPLLRestart
		case end < len(image):
			pause = xmosBlockGap
		}
		if pause > 0 {
			if err := clk.Sleep(ctx, pause); err != nil {
				return wrap(fmt.Sprintf("after block %d", n), err)
			}
		}
	}
	if err := pins.BootSel.In(gpio.PullNoChange, gpio.NoEdge); err != nil {
		return wrap("boot-select release", err)
	}
	return nil
}

// FirmwareHint tells the owner where the XMOS firmware goes.
const FirmwareHint = "put the XVF3510 image at the path of board.xmos_firmware; " +
	"on the SD image: mycroft/xvf3510.bin on the boot partition, docs/images.md"

// NoMicrophones is the Mark II's mute switch while the XMOS has no firmware:
// always on, so the agent shows muted and captures nothing, as with the
// hardware switch.
type NoMicrophones struct{}

// State implements hal.Switch: on.
func (NoMicrophones) State() (bool, error) { return true, nil }

// WaitChange implements hal.Switch: the state never changes (a restart of
// the agent picks up firmware put in place since).
func (NoMicrophones) WaitChange(ctx context.Context, last bool) (bool, error) {
	if !last {
		return true, nil
	}
	<-ctx.Done()
	return true, ctx.Err()
}
