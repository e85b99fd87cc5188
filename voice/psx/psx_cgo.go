//go:build pocketsphinx

package psx

/*
#cgo pkg-config: pocketsphinx sphinxbase
#include <stdlib.h>
#include <stdio.h>
#include <pocketsphinx.h>
#include <err.h>

static cmd_ln_t *psx_config(int argc, char **argv) {
	return cmd_ln_parse_r(NULL, ps_args(), argc, argv, TRUE);
}
*/
import "C"

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"unsafe"

	"github.com/mycroft-network/mycroft/internal/jsgf"
)

// Built reports whether this binary has pocketsphinx support.
const Built = true

// grammarSearch names the decoder's JSGF search.
const grammarSearch = "grammar"

// readChunk is how much audio is read and fed at a time (64 ms).
const readChunk = 2048

// Decoder is one pocketsphinx decoder. Its methods may be called from any
// goroutine; utterances are decoded one at a time (a second caller waits).
type Decoder struct {
	sem     chan struct{} // holds the decoder
	ps      *C.ps_decoder_t
	cfg     *C.cmd_ln_t
	grammar string // the grammar the grammar search holds
}

// New loads the model once. It fails with ErrUnavailable when a model
// file is missing.
func New(c Config) (*Decoder, error) {
	c = c.withDefaults()
	for _, p := range []string{c.HMM, c.Dict} {
		if _, err := os.Stat(p); err != nil {
			return nil, fmt.Errorf("%w: model: %v", ErrUnavailable, err)
		}
	}
	ps, cfg, err := initPS([]string{"-hmm", c.HMM, "-dict", c.Dict}, "")
	if err != nil {
		return nil, err
	}
	d := &Decoder{sem: make(chan struct{}, 1), ps: ps, cfg: cfg}
	return d, nil
}

func (d *Decoder) free() {
	C.ps_free(d.ps)
	C.cmd_ln_free_r(d.cfg)
	d.ps, d.cfg = nil, nil
}

// Close frees the decoder; it waits for an utterance being decoded.
func (d *Decoder) Close() error {
	d.sem <- struct{}{}
	defer func() { <-d.sem }()
	if d.ps != nil {
		d.free()
	}
	return nil
}

// initPS loads a decoder from pocketsphinx command-line options; what
// names it in errors ("" or "wake word: ").
func initPS(args []string, what string) (*C.ps_decoder_t, *C.cmd_ln_t, error) {
	// The library logs to stderr by default; the decoder's errors come
	// back as return codes instead.
	C.err_set_logfp(nil)
	args = append([]string{"psx"}, args...)
	argv := make([]*C.char, len(args))
	for i, a := range args {
		argv[i] = C.CString(a)
	}
	defer func() {
		for _, p := range argv {
			C.free(unsafe.Pointer(p))
		}
	}()
	cfg := C.psx_config(C.int(len(argv)), &argv[0])
	if cfg == nil {
		return nil, nil, fmt.Errorf("psx: %sconfiguration refused", what)
	}
	ps := C.ps_init(cfg)
	if ps == nil {
		C.cmd_ln_free_r(cfg)
		return nil, nil, fmt.Errorf("%w: %sthe decoder did not load %s", ErrUnavailable, what, args[2])
	}
	return ps, cfg, nil
}

// Recognize decodes one utterance: audio is raw 16 kHz mono s16le PCM,
// read and decoded as it arrives until io.EOF; grammar is a JSGF grammar
// (its first public rule is the top rule). Any other read error, or ctx
// ending, stops the utterance and is returned.
func (d *Decoder) Recognize(ctx context.Context, grammar string, audio io.Reader) (Result, error) {
	select {
	case d.sem <- struct{}{}:
	case <-ctx.Done():
		return Result{}, ctx.Err()
	}
	defer func() { <-d.sem }()
	if d.ps == nil {
		return Result{}, ErrClosed
	}
	if err := d.setGrammar(grammar); err != nil {
		return Result{}, err
	}
	if err := d.start(grammarSearch); err != nil {
		return Result{}, err
	}
	var (
		pcm   []int16
		buf   = make([]byte, readChunk)
		have  int // bytes in buf (an odd byte waits for its pair)
		ended bool
	)
	for !ended {
		if err := ctx.Err(); err != nil {
			C.ps_end_utt(d.ps)
			return Result{}, err
		}
		n, err := audio.Read(buf[have:])
		have += n
		whole := have &^ 1
		if whole > 0 {
			first := len(pcm)
			for i := 0; i < whole; i += 2 {
				pcm = append(pcm, int16(binary.LittleEndian.Uint16(buf[i:])))
			}
			if err := d.feed(pcm[first:]); err != nil {
				C.ps_end_utt(d.ps)
				return Result{}, err
			}
			have = copy(buf, buf[whole:have])
		}
		switch {
		case err == io.EOF:
			ended = true
		case err != nil:
			C.ps_end_utt(d.ps)
			return Result{}, fmt.Errorf("psx: audio: %w", err)
		}
	}
	if C.ps_end_utt(d.ps) < 0 {
		return Result{}, errors.New("psx: end of utterance failed")
	}
	var r Result
	var score C.int32
	if hyp := C.ps_get_hyp(d.ps, &score); hyp != nil {
		r.Text = C.GoString(hyp)
	}
	r.Score = int32(score)
	r.Frames = int(C.ps_get_n_frames(d.ps))
	r.Confidence = confidence(r)
	return r, nil
}

// setGrammar loads grammar into the grammar search unless it holds it.
func (d *Decoder) setGrammar(grammar string) error {
	if grammar == d.grammar && grammar != "" {
		return nil
	}
	if grammar == "" {
		return errors.New("psx: no grammar")
	}
	// The C parser sees only the checked canonical form.
	canon, err := jsgf.Canonical(grammar)
	if err != nil {
		return fmt.Errorf("psx: grammar: %w", err)
	}
	name, text := C.CString(grammarSearch), C.CString(canon)
	defer C.free(unsafe.Pointer(name))
	defer C.free(unsafe.Pointer(text))
	d.grammar = ""
	if C.ps_set_jsgf_string(d.ps, name, text) < 0 {
		return errors.New("psx: the grammar was refused (JSGF syntax, or a word missing from the dictionary)")
	}
	d.grammar = grammar
	return nil
}

// start activates a search and starts an utterance.
func (d *Decoder) start(search string) error {
	name := C.CString(search)
	defer C.free(unsafe.Pointer(name))
	if C.ps_set_search(d.ps, name) < 0 {
		return fmt.Errorf("psx: search %s: not set", search)
	}
	if C.ps_start_utt(d.ps) < 0 {
		return errors.New("psx: start of utterance failed")
	}
	return nil
}

// feed decodes samples.
func (d *Decoder) feed(samples []int16) error {
	if len(samples) == 0 {
		return nil
	}
	if C.ps_process_raw(d.ps, (*C.int16)(unsafe.Pointer(&samples[0])), C.size_t(len(samples)), 0, 0) < 0 {
		return errors.New("psx: decoding failed")
	}
	return nil
}
