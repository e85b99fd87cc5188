package mark2_test

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"

	"github.com/mycroft-network/mycroft/board/mark2"
)

// printNRZ stands in for the helper's PWM ring channel.
type printNRZ struct{}

func (printNRZ) WriteNRZ(line []byte) error {
	fmt.Printf("helper writes %d line bytes\n", len(line))
	return nil
}
func (printNRZ) String() string { return "print" }

// The ring link: the helper serves its socket with the PWM ring channel,
// and the agent drives the ring through a RingClient as through any NRZ
// writer.
func ExampleServeRing() {
	dir, _ := os.MkdirTemp("", "ring")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "ring.sock")
	ln, err := net.Listen("unix", path)
	if err != nil {
		fmt.Println(err)
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- mark2.ServeRing(ctx, ln, printNRZ{}, nil) }()

	client := &mark2.RingClient{Path: path}
	ring := mark2.NewRingNRZ(client)
	fmt.Println(ring, ring.Halt())
	client.Close()
	cancel()
	fmt.Println("helper stopped:", <-done)
	// Output:
	// helper writes 198 line bytes
	// mark2-ring(ws2812-helper) <nil>
	// helper stopped: <nil>
}
