// Package strictjson decodes untrusted JSON strictly: size limit, no
// duplicate object keys (at any depth), no unknown fields, no trailing data.
// Only keystore and its subpackages import it.
package strictjson

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// ErrInvalid is wrapped by every error this package returns.
var ErrInvalid = errors.New("invalid json")

// Decode unmarshals data into v after checking it. max bounds len(data).
func Decode(data []byte, max int, v any) error {
	if len(data) > max {
		return fmt.Errorf("%w: %d bytes exceeds %d", ErrInvalid, len(data), max)
	}
	if err := checkDuplicates(data); err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return fmt.Errorf("%w: trailing data", ErrInvalid)
	}
	return nil
}

// checkDuplicates walks the token stream and rejects an object that names
// the same key twice (encoding/json would silently keep the last one).
func checkDuplicates(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	type frame struct {
		obj    bool
		keys   map[string]bool
		expKey bool
	}
	var stack []*frame
	depth := 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%w: %v", ErrInvalid, err)
		}
		var top *frame
		if len(stack) > 0 {
			top = stack[len(stack)-1]
		}
		if d, ok := tok.(json.Delim); ok {
			switch d {
			case '{', '[':
				depth++
				if depth > 32 {
					return fmt.Errorf("%w: nesting too deep", ErrInvalid)
				}
				if top != nil && top.obj {
					top.expKey = true
				}
				stack = append(stack, &frame{obj: d == '{', keys: map[string]bool{}, expKey: d == '{'})
			case '}', ']':
				depth--
				stack = stack[:len(stack)-1]
			}
			continue
		}
		if top != nil && top.obj {
			if top.expKey {
				k, _ := tok.(string)
				if top.keys[k] {
					return fmt.Errorf("%w: duplicate key %q", ErrInvalid, k)
				}
				top.keys[k] = true
				top.expKey = false
			} else {
				top.expKey = true
			}
		}
	}
}
