package wyoming

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// Limits of what ReadEvent accepts.
const (
	MaxHeader  = 64 << 10 // bytes in the header line
	MaxData    = 1 << 20  // bytes of the separate data block
	MaxPayload = 4 << 20  // bytes of payload (about two minutes of 16 kHz PCM)
)

// Sentinel errors of the codec.
var (
	ErrMalformed = errors.New("wyoming: malformed event")
	ErrTooLarge  = errors.New("wyoming: event too large")
)

// Event is one Wyoming message.
type Event struct {
	Type string
	// Data is the event's JSON object (inline and separate data merged); nil
	// when the event has none.
	Data map[string]json.RawMessage
	// Payload is the binary payload, nil when there is none.
	Payload []byte
}

type header struct {
	Type          string                     `json:"type"`
	Data          map[string]json.RawMessage `json:"data,omitempty"`
	DataLength    int64                      `json:"data_length,omitempty"`
	PayloadLength int64                      `json:"payload_length,omitempty"`
	Version       string                     `json:"version,omitempty"`
}

// Version is the protocol version this package writes in headers.
const Version = "1.5.2"

// ReadEvent reads one event. It returns io.EOF when r ends cleanly before an
// event, io.ErrUnexpectedEOF when it ends inside one, and errors wrapping
// ErrMalformed or ErrTooLarge for bad input.
func ReadEvent(r *bufio.Reader) (Event, error) {
	line, err := readLine(r)
	if err != nil {
		return Event{}, err
	}
	var h header
	if err := json.Unmarshal(line, &h); err != nil {
		return Event{}, fmt.Errorf("%w: header: %v", ErrMalformed, err)
	}
	if h.Type == "" {
		return Event{}, fmt.Errorf("%w: header has no type", ErrMalformed)
	}
	if h.DataLength < 0 || h.PayloadLength < 0 {
		return Event{}, fmt.Errorf("%w: negative length", ErrMalformed)
	}
	if h.DataLength > MaxData {
		return Event{}, fmt.Errorf("%w: data_length %d", ErrTooLarge, h.DataLength)
	}
	if h.PayloadLength > MaxPayload {
		return Event{}, fmt.Errorf("%w: payload_length %d", ErrTooLarge, h.PayloadLength)
	}
	ev := Event{Type: h.Type, Data: h.Data}
	if h.DataLength > 0 {
		buf := make([]byte, h.DataLength)
		if _, err := io.ReadFull(r, buf); err != nil {
			return Event{}, unexpected(err)
		}
		var extra map[string]json.RawMessage
		if err := json.Unmarshal(buf, &extra); err != nil {
			return Event{}, fmt.Errorf("%w: data: %v", ErrMalformed, err)
		}
		if ev.Data == nil {
			ev.Data = extra
		} else {
			for k, v := range extra {
				ev.Data[k] = v
			}
		}
	}
	if h.PayloadLength > 0 {
		ev.Payload = make([]byte, h.PayloadLength)
		if _, err := io.ReadFull(r, ev.Payload); err != nil {
			return Event{}, unexpected(err)
		}
	}
	return ev, nil
}

func unexpected(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

func readLine(r *bufio.Reader) ([]byte, error) {
	var line []byte
	for {
		part, err := r.ReadSlice('\n')
		if len(line)+len(part) > MaxHeader {
			return nil, fmt.Errorf("%w: header longer than %d bytes", ErrTooLarge, MaxHeader)
		}
		line = append(line, part...)
		switch {
		case err == nil:
			line = bytes.TrimSpace(line)
			if len(line) == 0 {
				continue // tolerate blank lines between events
			}
			return line, nil
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err == io.EOF && len(bytes.TrimSpace(line)) == 0:
			return nil, io.EOF
		case err == io.EOF:
			return nil, io.ErrUnexpectedEOF
		default:
			return nil, err
		}
	}
}

// WriteEvent writes ev with its data as a separate block.
func WriteEvent(w io.Writer, ev Event) error {
	if ev.Type == "" {
		return fmt.Errorf("%w: no type", ErrMalformed)
	}
	h := header{Type: ev.Type, Version: Version, PayloadLength: int64(len(ev.Payload))}
	var data []byte
	if len(ev.Data) > 0 {
		var err error
		if data, err = json.Marshal(ev.Data); err != nil {
			return fmt.Errorf("wyoming: write %s: %w", ev.Type, err)
		}
		h.DataLength = int64(len(data))
	}
	line, err := json.Marshal(h)
	if err != nil {
		return fmt.Errorf("wyoming: write %s: %w", ev.Type, err)
	}
	buf := make([]byte, 0, len(line)+1+len(data)+len(ev.Payload))
	buf = append(buf, line...)
	buf = append(buf, '\n')
	buf = append(buf, data...)
	buf = append(buf, ev.Payload...)
	if _, err := w.Write(buf); err != nil {
		return fmt.Errorf("wyoming: write %s: %w", ev.Type, err)
	}
	return nil
}

// NewEvent builds an event from a data value that marshals to a JSON object.
func NewEvent(typ string, data any, payload []byte) (Event, error) {
	ev := Event{Type: typ, Payload: payload}
	if data != nil {
		b, err := json.Marshal(data)
		if err != nil {
			return Event{}, fmt.Errorf("wyoming: %s: %w", typ, err)
		}
		if err := json.Unmarshal(b, &ev.Data); err != nil {
			return Event{}, fmt.Errorf("wyoming: %s: data is not an object: %w", typ, err)
		}
	}
	return ev, nil
}

// Decode unmarshals the event's data into v.
func (e Event) Decode(v any) error {
	if e.Data == nil {
		return nil
	}
	b, err := json.Marshal(e.Data)
	if err != nil {
		return fmt.Errorf("wyoming: %s: %w", e.Type, err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%w: %s data: %v", ErrMalformed, e.Type, err)
	}
	return nil
}

// String is a short description for logs (payloads are not printed).
func (e Event) String() string {
	return e.Type + " data=" + strconv.Itoa(len(e.Data)) + " payload=" + strconv.Itoa(len(e.Payload))
}

// Event types used by this package.
const (
	TypeDetect      = "detect"
	TypeDetection   = "detection"
	TypeNotDetected = "not-detected"
	TypeAudioStart  = "audio-start"
	TypeAudioChunk  = "audio-chunk"
	TypeAudioStop   = "audio-stop"
	TypeError       = "error"
	TypePing        = "ping"
	TypePong        = "pong"
)

// Audio is the data of audio-start, audio-chunk and audio-stop.
type Audio struct {
	Rate      int    `json:"rate,omitempty"`
	Width     int    `json:"width,omitempty"`
	Channels  int    `json:"channels,omitempty"`
	Timestamp *int64 `json:"timestamp,omitempty"` // milliseconds
}

// Detect is the data of detect.
type Detect struct {
	Names []string `json:"names,omitempty"`
}

// Detection is the data of detection. Timestamp is in milliseconds of the
// audio stream.
type Detection struct {
	Name      string `json:"name,omitempty"`
	Timestamp *int64 `json:"timestamp,omitempty"`
	Speaker   string `json:"speaker,omitempty"`
}

// ErrorData is the data of error.
type ErrorData struct {
	Text string `json:"text"`
	Code string `json:"code,omitempty"`
}
