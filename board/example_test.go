package board_test

import (
	"context"
	"fmt"
	"io"

	"github.com/mycroft-network/mycroft/board"
	"github.com/mycroft-network/mycroft/hal"
)

func Example() {
	b, err := board.Open(context.Background(), board.Config{Kind: "sim", Stdout: io.Discard})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer b.Close()
	err = b.Faceplate.Show(context.Background(), hal.Face{State: hal.StateListening, Volume: -1})
	fmt.Println(b.Name, err)
	// Output: sim <nil>
}
