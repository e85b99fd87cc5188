package mdns_test

import (
	"fmt"

	"github.com/mycroft-network/mycroft/internal/mdns"
)

// The satellite announces itself as _wyoming._tcp; Run answers queries on
// every multicast interface until its context ends.
func ExampleNew() {
	r, err := mdns.New(mdns.Service{Instance: "Mycroft kitchen", Type: "_wyoming._tcp", Host: "mycroft", Port: 10700}, nil, nil)
	fmt.Println(r != nil, err)
	_, err = mdns.New(mdns.Service{Instance: "no port", Type: "_wyoming._tcp", Host: "mycroft"}, nil, nil)
	fmt.Println(err != nil)
	// Output:
	// true <nil>
	// true
}
