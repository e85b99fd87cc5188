package mark2_test

import (
	"context"
	"fmt"

	"periph.io/x/conn/v3/gpio/gpiotest"
	"periph.io/x/conn/v3/i2c/i2ctest"

	"github.com/mycroft-network/mycroft/board/mark2"
	"github.com/mycroft-network/mycroft/hal"
)

// New assembles a Mark II from injected buses and pins; here an R6 board
// whose I2C writes are recorded, with no XMOS image configured.
func ExampleNew() {
	bus := &i2ctest.Record{}
	b, err := mark2.New(context.Background(), mark2.Config{}, mark2.Devices{
		Bus:      bus,
		Revision: mark2.RevR6,
		Buttons: mark2.ButtonPins{
			VolUp:   &gpiotest.Pin{N: "GPIO22"},
			VolDown: &gpiotest.Pin{N: "GPIO23"},
			Action:  &gpiotest.Pin{N: "GPIO24"},
		},
		Mute:        &gpiotest.Pin{N: "GPIO25"},
		Temperature: func() (int, error) { return 42000, nil },
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer b.Close()
	fmt.Println(b.Name, b.Revision)
	for _, w := range b.Warnings {
		fmt.Println("warning:", w)
	}
	bus.Lock()
	fmt.Printf("first amp write: % x\n", bus.Ops[0].W)
	bus.Unlock()
	// From here the ring breathes green until Close.
	_ = b.Faceplate.Show(context.Background(), hal.Face{State: hal.StateListening, Volume: -1})
	// Output:
	// mark2 R6
	// warning: mark2: no microphones: mark2: xmos firmware image missing: board.xmos_firmware is not set (put the XVF3510 image at the path of board.xmos_firmware; on the SD image: mycroft/xvf3510.bin on the boot partition, docs/images.md)
	// warning: mark2: audio through ALSA/portaudio is wired by the board package
	// first amp write: 01 11
}

// Render is what the ring shows for a face at a time after Show.
func ExampleRender() {
	var f mark2.Frame
	mark2.Render(hal.Face{State: hal.StateThinking, Volume: -1}, 0, &f)
	fmt.Println("head:", f[0], "just behind:", f[11], "off:", f[1])
	// Output:
	// head: {17 84 120 255} just behind: {15 76 109 255} off: {0 0 0 255}
}

// EncodeNRZ turns G,R,B bytes into the WS2812 line bits at 2.4 MHz.
func ExampleEncodeNRZ() {
	line := mark2.EncodeNRZ(nil, []byte{0xFF, 0x00, 0x80})
	fmt.Printf("% x (+%d latch bytes)\n", line[:9], len(line)-9)
	// Output:
	// db 6d b6 92 49 24 d2 49 24 (+90 latch bytes)
}
