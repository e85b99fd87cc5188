package messagebus

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// Message is one message of the bus.
type Message struct {
	Type    string         `json:"type"`
	Data    map[string]any `json:"data"`
	Context map[string]any `json:"context"`
}

// ErrMalformed: a frame that is not a message (mycroft-core drops these
// without a word; so does the bus, counting them).
var ErrMalformed = errors.New("messagebus: malformed message")

// Parse reads one frame. The frame must be a JSON object with a non-empty
// string type; data and context, when present and not null, must be
// objects.
func Parse(b []byte) (Message, error) {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || b[0] != '{' {
		return Message{}, fmt.Errorf("%w: not a JSON object", ErrMalformed)
	}
	var raw struct {
		Type    json.RawMessage `json:"type"`
		Data    json.RawMessage `json:"data"`
		Context json.RawMessage `json:"context"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return Message{}, fmt.Errorf("%w: %v", ErrMalformed, err)
	}
	var m Message
	if err := json.Unmarshal(raw.Type, &m.Type); err != nil || m.Type == "" {
		return Message{}, fmt.Errorf("%w: type must be a non-empty string", ErrMalformed)
	}
	for _, f := range []struct {
		name string
		raw  json.RawMessage
		to   *map[string]any
	}{{"data", raw.Data, &m.Data}, {"context", raw.Context, &m.Context}} {
		if len(f.raw) == 0 || string(f.raw) == "null" {
			continue
		}
		if f.raw[0] != '{' {
			return Message{}, fmt.Errorf("%w: %s must be an object", ErrMalformed, f.name)
		}
		if err := json.Unmarshal(f.raw, f.to); err != nil {
			return Message{}, fmt.Errorf("%w: %s: %v", ErrMalformed, f.name, err)
		}
	}
	if m.Data == nil {
		m.Data = map[string]any{}
	}
	if m.Context == nil {
		m.Context = map[string]any{}
	}
	return m, nil
}

// Encode writes m as a frame (data and context never null).
func (m Message) Encode() []byte {
	if m.Data == nil {
		m.Data = map[string]any{}
	}
	if m.Context == nil {
		m.Context = map[string]any{}
	}
	b, err := json.Marshal(m)
	if err != nil {
		// Only values that came from JSON or from this package are put in
		// a message, and they marshal; should one not, the type still goes.
		b, _ = json.Marshal(Message{Type: m.Type, Data: map[string]any{}, Context: map[string]any{}})
	}
	return b
}

// str is data[key] as a string ("" when absent or not a string).
func str(d map[string]any, key string) string {
	s, _ := d[key].(string)
	return s
}

// strs is data[key] as a list of strings (other items skipped).
func strs(d map[string]any, key string) []string {
	l, _ := d[key].([]any)
	out := make([]string, 0, len(l))
	for _, v := range l {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// pairs is data[key] as a list of lists of strings (Adapt's requires,
// optional and at_least_one).
func pairs(d map[string]any, key string) [][]string {
	l, _ := d[key].([]any)
	out := make([][]string, 0, len(l))
	for _, v := range l {
		switch x := v.(type) {
		case []any:
			var row []string
			for _, s := range x {
				if s, ok := s.(string); ok {
					row = append(row, s)
				}
			}
			if len(row) > 0 {
				out = append(out, row)
			}
		case string:
			out = append(out, []string{x})
		}
	}
	return out
}

// number is data[key] as a float64.
func number(d map[string]any, key string) (float64, bool) {
	v, ok := d[key].(float64)
	return v, ok
}
