package messagebus_test

import (
	"errors"
	"fmt"

	"github.com/mycroft-network/mycroft/agent/messagebus"
)

// A bus on the LAN needs a token; on loopback it does not. The agent then
// wraps the pipeline's Brain with Bus.Brain and runs Bus.Serve with the
// pipeline.
func ExampleNew() {
	_, err := messagebus.New("0.0.0.0:8181", messagebus.Config{})
	fmt.Println(errors.Is(err, messagebus.ErrToken))
	_, err = messagebus.New(messagebus.DefaultAddr, messagebus.Config{})
	fmt.Println(err)
	// Output:
	// true
	// <nil>
}
