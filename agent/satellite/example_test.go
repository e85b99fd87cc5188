package satellite_test

import (
	"fmt"

	"github.com/mycroft-network/mycroft/agent/satellite"
)

// The agent builds the satellite from [satellite], wraps the pipeline's
// speech-to-text, brain and voice with Wrap before voice.New, and runs
// Serve with the pipeline on the Wyoming port.
func ExampleNew() {
	_, err := satellite.New(satellite.Config{Name: "Kitchen", Answers: "home_assistant"})
	fmt.Println(err)
	_, err = satellite.New(satellite.Config{Answers: "alexa"})
	fmt.Println(err)
	// Output:
	// <nil>
	// satellite: answers must be home_assistant or mycroft, not "alexa"
}
