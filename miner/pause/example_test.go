package pause_test

import (
	"context"
	"crypto/sha256"
	"fmt"

	"github.com/mycroft-network/mycroft/miner/pause"
)

// A worker takes one ticket per chunk of work; Pause (the owner speaking)
// stops it between chunks, and Quiesced says when nothing is in flight.
func ExampleGate() {
	g := pause.New(false)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan int)
	go func() {
		n := 0
		for {
			tk, err := g.Acquire(ctx)
			if err != nil {
				done <- n
				return
			}
			sha256.Sum256(make([]byte, 4096)) // one chunk of work
			n++
			tk.Release()
		}
	}()
	g.Pause()
	<-g.Quiesced()
	fmt.Println("paused with", g.Active(), "pieces in flight")
	_, err := g.TryAcquire()
	fmt.Println(err)
	cancel()
	<-done
	// Output:
	// paused with 0 pieces in flight
	// pause: mining paused for the owner
}
