//go:build pocketsphinx

package psx

/*
#include <stdlib.h>
#include <pocketsphinx.h>
#include <err.h>
*/
import "C"

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"unsafe"

	"github.com/mycroft-network/mycroft/internal/wyoming"
)

// spotSearch names the spotter's keyphrase search.
const spotSearch = "wake"

// Utterance bounds: the search restarts in a pause after restartAfter
// samples without a detection (frame counters and the phone loop's state
// stay bounded on a speaker that listens for months), and after
// forceRestart even without one.
const (
	restartAfter = 30 * Rate
	forceRestart = 120 * Rate
)

// Spotter spots a key phrase in streamed audio with a pocketsphinx
// keyphrase search: the fallback wake word engine, as mycroft-core
// shipped it. It has its own decoder (loaded once, with only the
// phrase's words in its dictionary), so it runs alongside a Decoder.
// Run is one stream at a time (a second caller waits); Close frees it.
type Spotter struct {
	sem    chan struct{} // holds the decoder
	ps     *C.ps_decoder_t
	cfg    *C.cmd_ln_t
	phrase string
	name   string
}

// NewSpotter loads the acoustic model and sets the keyphrase search. It
// fails with ErrSpotterConfig on a bad c, and ErrUnavailable when the
// model is missing.
func NewSpotter(c SpotterConfig) (*Spotter, error) {
	c, words, err := c.resolve()
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(c.HMM); err != nil {
		return nil, fmt.Errorf("%w: wake word model: %v", ErrUnavailable, err)
	}
	// No -dict: the dictionary is only the phrase's words, added below.
	ps, cfg, err := initPS([]string{"-hmm", c.HMM, "-kws_threshold", strconv.FormatFloat(c.Threshold, 'g', -1, 64)}, "wake word: ")
	if err != nil {
		return nil, err
	}
	s := &Spotter{sem: make(chan struct{}, 1), ps: ps, cfg: cfg, phrase: c.Phrase, name: c.Name}
	if err := s.load(words); err != nil {
		s.free()
		return nil, err
	}
	return s, nil
}

// load adds the phrase's words to the dictionary and sets the search.
func (s *Spotter) load(words []spotWord) error {
	for _, w := range words {
		word, phones := C.CString(w.word), C.CString(w.phones)
		n := C.ps_add_word(s.ps, word, phones, 1)
		C.free(unsafe.Pointer(word))
		C.free(unsafe.Pointer(phones))
		if n < 0 {
			return fmt.Errorf("%w: phones %q of %q not in the acoustic model", ErrSpotterConfig, w.phones, w.word)
		}
	}
	name, phrase := C.CString(spotSearch), C.CString(s.phrase)
	defer C.free(unsafe.Pointer(name))
	defer C.free(unsafe.Pointer(phrase))
	if C.ps_set_keyphrase(s.ps, name, phrase) < 0 {
		return fmt.Errorf("%w: key phrase %q refused", ErrSpotterConfig, s.phrase)
	}
	if C.ps_set_search(s.ps, name) < 0 {
		return errors.New("psx: wake word: search not set")
	}
	return nil
}

func (s *Spotter) free() {
	C.ps_free(s.ps)
	C.cmd_ln_free_r(s.cfg)
	s.ps, s.cfg = nil, nil
}

// Close frees the decoder; it waits for Run to return.
func (s *Spotter) Close() error {
	s.sem <- struct{}{}
	defer func() { <-s.sem }()
	if s.ps != nil {
		s.free()
	}
	return nil
}

// Run spots the phrase in audio, 16 kHz mono chunks of any size, until
// audio is closed (nil) or ctx ends (its error). Each detection calls
// detect with the configured name and, as Timestamp, the milliseconds of
// audio Run had taken when the phrase was found; the search then starts
// afresh, so the next detection needs new audio. It implements the voice
// pipeline's WakeDetector.
func (s *Spotter) Run(ctx context.Context, audio <-chan []int16, detect func(wyoming.Detection)) error {
	select {
	case s.sem <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-s.sem }()
	if s.ps == nil {
		return ErrClosed
	}
	if C.ps_start_utt(s.ps) < 0 {
		return errors.New("psx: wake word: start of utterance failed")
	}
	var total, utt int64 // samples taken, in all and in this utterance
	found := func() {
		ms := total * 1000 / Rate
		detect(wyoming.Detection{Name: s.name, Timestamp: &ms})
	}
	for {
		var chunk []int16
		var ok bool
		select {
		case <-ctx.Done():
			C.ps_end_utt(s.ps)
			return ctx.Err()
		case chunk, ok = <-audio:
		}
		if !ok {
			if C.ps_end_utt(s.ps) < 0 {
				return errors.New("psx: wake word: end of utterance failed")
			}
			if s.spotted() {
				found()
			}
			return nil
		}
		if len(chunk) == 0 {
			continue
		}
		if C.ps_process_raw(s.ps, (*C.int16)(unsafe.Pointer(&chunk[0])), C.size_t(len(chunk)), 0, 0) < 0 {
			C.ps_end_utt(s.ps)
			return errors.New("psx: wake word: decoding failed")
		}
		total += int64(len(chunk))
		utt += int64(len(chunk))
		hit := s.spotted()
		if hit {
			found()
		}
		if hit || utt >= forceRestart || (utt >= restartAfter && C.ps_get_in_speech(s.ps) == 0) {
			if err := s.restart(); err != nil {
				return err
			}
			utt = 0
		}
	}
}

// spotted reports whether the search's hypothesis holds the phrase.
func (s *Spotter) spotted() bool {
	var score C.int32
	hyp := C.ps_get_hyp(s.ps, &score)
	return hyp != nil && strings.Contains(C.GoString(hyp), s.phrase)
}

// restart ends the utterance and starts a new one.
func (s *Spotter) restart() error {
	if C.ps_end_utt(s.ps) < 0 || C.ps_start_utt(s.ps) < 0 {
		return errors.New("psx: wake word: restarting the search failed")
	}
	return nil
}
