package wyoming_test

import (
	"bufio"
	"bytes"
	"fmt"

	"github.com/mycroft-network/mycroft/internal/wyoming"
)

func ExampleReadEvent() {
	var wire bytes.Buffer
	ev, _ := wyoming.NewEvent(wyoming.TypeDetection, wyoming.Detection{Name: "hey_mycroft"}, nil)
	_ = wyoming.WriteEvent(&wire, ev)

	got, err := wyoming.ReadEvent(bufio.NewReader(&wire))
	if err != nil {
		fmt.Println(err)
		return
	}
	var d wyoming.Detection
	_ = got.Decode(&d)
	fmt.Println(got.Type, d.Name)
	// Output: detection hey_mycroft
}
