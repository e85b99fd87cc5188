package haltest_test

import (
	"context"
	"fmt"

	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/hal/haltest"
)

// A consumer under test gets fakes; the test reads back what it did.
func Example() {
	ctx := context.Background()
	fb := haltest.NewBoard(make([]int16, 320)) // 20 ms of silence
	board := fb.HAL()

	buf := make([]int16, hal.FrameSamples)
	for {
		if _, err := board.Mic.Read(buf); err != nil {
			break // io.EOF after two frames
		}
	}
	board.Faceplate.Show(ctx, hal.Face{State: hal.StateListening})
	board.Faceplate.Show(ctx, hal.Face{State: hal.StateListening})
	board.Faceplate.Show(ctx, hal.Face{State: hal.StateIdle})

	fmt.Println(fb.Faceplate.States(), board.Close())
	// Output: [listening idle] <nil>
}
