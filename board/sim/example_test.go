package sim_test

import (
	"context"
	"fmt"
	"io"

	"github.com/mycroft-network/mycroft/board/sim"
	"github.com/mycroft-network/mycroft/hal"
)

// A demo opens the simulated board, "speaks" into its microphone and reads
// what the agent would hear.
func Example() {
	s, err := sim.New(sim.Config{Out: io.Discard, Fast: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	board := s.Board()

	s.Mic.Push([]int16{100, 200, 300})
	buf := make([]int16, hal.FrameSamples)
	n, _ := board.Mic.Read(buf)
	fmt.Println(buf[:n])

	s.Buttons.Click(hal.ButtonAction)
	ev, _ := board.Buttons.Wait(context.Background())
	fmt.Println(ev.Button, ev.Action)
	// Output:
	// [100 200 300]
	// action press
}
