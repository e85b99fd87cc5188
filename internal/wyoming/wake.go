package wyoming

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
)

// ErrServer is wrapped by errors the server reported with an error event.
var ErrServer = errors.New("wyoming: server error")

// ErrClosed is returned by WakeClient.Run when the server closes the
// connection.
var ErrClosed = errors.New("wyoming: connection closed by server")

// WakeClient streams audio to a Wyoming wake word service and reports its
// detections. One Run is one connection; the caller reconnects.
type WakeClient struct {
	// Addr is host:port of the service (tcp).
	Addr string
	// Names restricts detection to these wake word names; empty means all
	// the service has.
	Names []string
	// ChunkSamples is the number of samples per audio-chunk. Default 1024
	// (64 ms), the wyoming-satellite default.
	ChunkSamples int
	// Dial opens the connection; nil uses a net.Dialer.
	Dial func(ctx context.Context, network, addr string) (net.Conn, error)
	Log  *slog.Logger
}

// Run connects, sends detect and audio-start, then sends the 16 kHz mono
// samples received on audio as audio-chunk events until ctx is done or audio
// is closed (then it sends audio-stop). detect is called, from Run's reader
// goroutine, for each detection. Run returns nil after a clean stop and an
// error when the connection fails or the server reports an error.
func (c *WakeClient) Run(ctx context.Context, audio <-chan []int16, detect func(Detection)) error {
	dial := c.Dial
	if dial == nil {
		var d net.Dialer
		dial = d.DialContext
	}
	conn, err := dial(ctx, "tcp", c.Addr)
	if err != nil {
		return fmt.Errorf("wyoming: wake: dial %s: %w", c.Addr, err)
	}
	log := c.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	chunk := c.ChunkSamples
	if chunk <= 0 {
		chunk = 1024
	}

	errc := make(chan error, 1)
	go func() { errc <- c.read(conn, detect, log) }()
	readDone := false
	stop := context.AfterFunc(ctx, func() { conn.Close() })
	defer func() {
		stop()
		conn.Close()
		if !readDone {
			<-errc //nolint:errcheck // the reader's error after our Close is no news
		}
	}()

	w := bufio.NewWriter(conn)
	fmtData := Audio{Rate: 16000, Width: 2, Channels: 1}
	send := func(typ string, data any, payload []byte) error {
		ev, err := NewEvent(typ, data, payload)
		if err != nil {
			return err
		}
		err = WriteEvent(w, ev)
		if err == nil {
			err = w.Flush()
		}
		if err == nil || ctx.Err() != nil {
			return nil
		}
		// The connection is broken; the reader ends too. An error event
		// the server sent before closing explains it better.
		rerr := <-errc
		readDone = true
		if errors.Is(rerr, ErrServer) {
			return rerr
		}
		return fmt.Errorf("wyoming: wake: %w", err)
	}
	if err := send(TypeDetect, Detect{Names: c.Names}, nil); err != nil {
		return err
	}
	if err := send(TypeAudioStart, fmtData, nil); err != nil {
		return err
	}
	pending := make([]byte, 0, 2*chunk)
	var sent int64 // samples sent, for timestamps
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-errc:
			readDone = true
			if ctx.Err() != nil {
				return nil // we closed the connection
			}
			if err == nil {
				err = ErrClosed
			}
			return err
		case samples, ok := <-audio:
			if !ok {
				ts := sent * 1000 / 16000
				return send(TypeAudioStop, Audio{Timestamp: &ts}, nil)
			}
			for _, s := range samples {
				pending = binary.LittleEndian.AppendUint16(pending, uint16(s))
			}
			for len(pending) >= 2*chunk {
				ts := sent * 1000 / 16000
				d := fmtData
				d.Timestamp = &ts
				if err := send(TypeAudioChunk, d, pending[:2*chunk]); err != nil {
					return err
				}
				sent += int64(chunk)
				pending = append(pending[:0], pending[2*chunk:]...)
			}
		}
	}
}

func (c *WakeClient) read(conn net.Conn, detect func(Detection), log *slog.Logger) error {
	r := bufio.NewReader(conn)
	for {
		ev, err := ReadEvent(r)
		if err != nil {
			if errors.Is(err, net.ErrClosed) || errors.Is(err, io.EOF) {
				return nil
			}
			return fmt.Errorf("wyoming: wake: read: %w", err)
		}
		switch ev.Type {
		case TypeDetection:
			var d Detection
			if err := ev.Decode(&d); err != nil {
				log.Warn("wyoming: bad detection", "err", err)
				continue
			}
			detect(d)
		case TypeError:
			var e ErrorData
			_ = ev.Decode(&e)
			return fmt.Errorf("%w: %s %s", ErrServer, e.Code, e.Text)
		case TypeNotDetected:
		default:
			log.Debug("wyoming: ignored event", "type", ev.Type)
		}
	}
}
