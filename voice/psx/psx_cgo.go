//go:build pocketsphinx

package psx

/*
#cgo pkg-config: pocketsphinx sphinxbase
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <pocketsphinx.h>
#include <err.h>
#include <feat.h>
#include <cmn.h>

static cmd_ln_t *psx_config(int argc, char **argv) {
	return cmd_ln_parse_r(NULL, ps_args(), argc, argv, TRUE);
}

// psx_ascr sums the acoustic scores of the result's segments.
static int32 psx_ascr(ps_decoder_t *ps) {
	int32 sum = 0, ascr, lscr, lback;
	ps_seg_t *seg;
	for (seg = ps_seg_iter(ps); seg != NULL; seg = ps_seg_next(seg)) {
		ps_seg_prob(seg, &ascr, &lscr, &lback);
		sum += ascr;
	}
	return sum;
}

// psx_cmn_state is the live cepstral mean normalisation's state.
typedef struct {
	mfcc_t mean[64], sum[64];
	int32 nframe;
	int ok;
} psx_cmn_state;

// psx_cmn_save saves the decoder's CMN state in s.
static void psx_cmn_save(ps_decoder_t *ps, psx_cmn_state *s) {
	feat_t *f = ps_get_feat(ps);
	cmn_t *c = f == NULL ? NULL : f->cmn_struct;
	s->ok = c != NULL && c->veclen <= 64;
	if (s->ok) {
		memcpy(s->mean, c->cmn_mean, c->veclen * sizeof(mfcc_t));
		memcpy(s->sum, c->sum, c->veclen * sizeof(mfcc_t));
		s->nframe = c->nframe;
	}
}

// psx_cmn_restore puts a saved CMN state back.
static void psx_cmn_restore(ps_decoder_t *ps, psx_cmn_state const *s) {
	feat_t *f = ps_get_feat(ps);
	cmn_t *c = f == NULL ? NULL : f->cmn_struct;
	if (s->ok && c != NULL) {
		memcpy(c->cmn_mean, s->mean, c->veclen * sizeof(mfcc_t));
		memcpy(c->sum, s->sum, c->veclen * sizeof(mfcc_t));
		c->nframe = s->nframe;
	}
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
	"strings"
	"unsafe"

	"github.com/mycroft-network/mycroft/internal/jsgf"
)

// Built reports whether this binary has pocketsphinx support.
const Built = true

// Search names: the JSGF search of the utterance's grammar, and the free
// phone loop the grammar's path is measured against.
const (
	grammarSearch = "grammar"
	phoneSearch   = "phones"
)

// readChunk is how much audio is read and fed at a time (64 ms).
const readChunk = 2048

// Decoder is one pocketsphinx decoder. Its methods may be called from any
// goroutine; utterances are decoded one at a time (a second caller waits).
type Decoder struct {
	sem     chan struct{} // holds the decoder
	ps      *C.ps_decoder_t
	cfg     *C.cmd_ln_t
	grammar string // the grammar the grammar search holds
	// The live cepstral mean normalisation's state before and after the
	// grammar's pass.
	before, after C.psx_cmn_state
}

// New loads the model once. It fails with ErrUnavailable when a model
// file is missing.
func New(c Config) (*Decoder, error) {
	c = c.withDefaults()
	for _, p := range []string{c.HMM, c.Dict, c.PhoneLM} {
		if _, err := os.Stat(p); err != nil {
			return nil, fmt.Errorf("%w: model: %v", ErrUnavailable, err)
		}
	}
	// -compallsen: pocketsphinx scores each frame's senones against the
	// best of those it computed, so both passes must compute all of them
	// for their acoustic scores to be comparable. -allphone_ci: the phone
	// loop of context-independent phones (context-dependent ones cost
	// about five times real time and 67 MB).
	args := []string{"-hmm", c.HMM, "-dict", c.Dict, "-compallsen", "yes", "-allphone_ci", "yes"}
	ps, cfg, err := initPS(args, "")
	if err != nil {
		return nil, err
	}
	d := &Decoder{sem: make(chan struct{}, 1), ps: ps, cfg: cfg}
	name, lm := C.CString(phoneSearch), C.CString(c.PhoneLM)
	defer C.free(unsafe.Pointer(name))
	defer C.free(unsafe.Pointer(lm))
	if C.ps_set_allphone_file(ps, name, lm) < 0 {
		d.free()
		return nil, fmt.Errorf("%w: the decoder did not load the phone model %s", ErrUnavailable, c.PhoneLM)
	}
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

// Known reports whether word is in the decoder's dictionary, so that a
// grammar holding it is not refused. It waits for an utterance being
// decoded.
func (d *Decoder) Known(word string) bool {
	if word == "" || strings.ContainsRune(word, 0) {
		return false
	}
	d.sem <- struct{}{}
	defer func() { <-d.sem }()
	if d.ps == nil {
		return false
	}
	w := C.CString(word)
	defer C.free(unsafe.Pointer(w))
	phones := C.ps_lookup_word(d.ps, w)
	if phones == nil {
		return false
	}
	C.free(unsafe.Pointer(phones)) // ps_lookup_word allocates it
	return true
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
	C.psx_cmn_save(d.ps, &d.before)
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
	if r.Text != "" {
		r.Acoustic = int32(C.psx_ascr(d.ps))
		loop, err := d.phoneLoop(pcm)
		if err != nil {
			return Result{}, err
		}
		r.LoopAcoustic = loop
	}
	r.Confidence = confidence(r)
	return r, nil
}

// phoneLoop decodes the utterance's samples again with the free phone
// loop and returns its acoustic score. The decoder has one search active
// at a time and switches only between utterances, so this pass runs after
// the grammar's, on the kept audio (at most an utterance's 15 s).
func (d *Decoder) phoneLoop(pcm []int16) (int32, error) {
	// The grammar's pass moved the cepstral mean on: the loop starts
	// where it started, so both paths score the same features, and leaves
	// it where the grammar's pass did, so the next utterance is decoded
	// as it would be without the loop.
	C.psx_cmn_save(d.ps, &d.after)
	defer C.psx_cmn_restore(d.ps, &d.after)
	C.psx_cmn_restore(d.ps, &d.before)
	if err := d.start(phoneSearch); err != nil {
		return 0, err
	}
	if err := d.feed(pcm); err != nil {
		C.ps_end_utt(d.ps)
		return 0, err
	}
	if C.ps_end_utt(d.ps) < 0 {
		return 0, errors.New("psx: phone loop: end of utterance failed")
	}
	return int32(C.psx_ascr(d.ps)), nil
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
