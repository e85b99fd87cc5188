package alsa_test

import (
	"fmt"

	"github.com/mycroft-network/mycroft/board/alsa"
)

// Open the Mark I's codec card and set the volume to 60 of 100. On a
// machine without that card Open says why.
func ExampleOpen() {
	m, err := alsa.Open(alsa.Config{Card: "sndrpiproto"})
	if err != nil {
		fmt.Println("no mixer")
		return
	}
	defer m.Close()
	if err := m.SetVolume(60); err != nil {
		fmt.Println(err)
	}
	// Output: no mixer
}
