package demo

import (
	"bytes"
	"context"
	"io"
	"sync"
)

// keyFeed is the demo's one reader of its standard input: the wait for
// Enter after the backup words and the console read the same keys in
// turn, and no read is left behind to steal the console's keys.
type keyFeed struct {
	ch   chan []byte // closed at the end of the input
	once sync.Once
	in   io.Reader
	rest []byte
}

func newKeyFeed(in io.Reader) *keyFeed {
	if in == nil {
		in = eofReader{}
	}
	return &keyFeed{ch: make(chan []byte), in: in}
}

// start starts the reading goroutine (once). It ends with the input; a
// read from a terminal cannot be interrupted, so it may outlive the demo's
// last use of the keys, blocked in that read.
func (k *keyFeed) start() {
	k.once.Do(func() {
		go func() {
			defer close(k.ch)
			buf := make([]byte, 256)
			for {
				n, err := k.in.Read(buf)
				if n > 0 {
					k.ch <- append([]byte(nil), buf[:n]...)
				}
				if err != nil {
					return
				}
			}
		}()
	})
}

// Read implements io.Reader for the console (which reads from a goroutine
// of its own): what the input gave, in order.
func (k *keyFeed) Read(p []byte) (int, error) {
	if len(k.rest) == 0 {
		k.start()
		b, ok := <-k.ch
		if !ok {
			return 0, io.EOF
		}
		k.rest = b
	}
	n := copy(p, k.rest)
	k.rest = k.rest[n:]
	return n, nil
}

// waitEnter waits for a line end (Enter) on the input, its end, or ctx.
// Whatever follows the line end on the same read is kept for the console.
func (k *keyFeed) waitEnter(ctx context.Context) error {
	for {
		if i := bytes.IndexAny(k.rest, "\r\n"); i >= 0 {
			k.rest = bytes.TrimLeft(k.rest[i:], "\r\n")
			return nil
		}
		k.rest = nil
		k.start()
		select {
		case b, ok := <-k.ch:
			if !ok {
				return nil
			}
			k.rest = b
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}
