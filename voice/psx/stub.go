//go:build !pocketsphinx

package psx

import (
	"context"
	"fmt"
	"io"
)

// Built reports whether this binary has pocketsphinx support.
const Built = false

// Decoder is unavailable without the tag pocketsphinx.
type Decoder struct{}

// New returns ErrUnavailable: this binary was built without the tag
// pocketsphinx.
func New(Config) (*Decoder, error) {
	return nil, fmt.Errorf("%w: built without the tag pocketsphinx", ErrUnavailable)
}

// Recognize returns ErrUnavailable.
func (d *Decoder) Recognize(context.Context, string, io.Reader) (Result, error) {
	return Result{}, ErrUnavailable
}

// Known reports false: there is no dictionary.
func (d *Decoder) Known(string) bool { return false }

// Close does nothing.
func (d *Decoder) Close() error { return nil }
