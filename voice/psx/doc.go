// Package psx recognises speech in process with the pocketsphinx C library
// (the 0.8 "5prealpha" API Debian ships: cmd_ln_t configuration,
// ps_set_jsgf_string / ps_set_search): one decoder, loaded once with the
// en-us acoustic model and dictionary, constrained per utterance by a JSGF
// grammar (re-set only when the grammar changes), fed 16 kHz s16le PCM as
// it is spoken. No network, no process per utterance, no temporary files.
//
// A JSGF search always answers with some phrase of the grammar (or
// nothing), so speech the grammar does not hold shows as a low
// Result.Confidence, from Result.Cost: after the grammar's pass the
// decoder runs the utterance's kept audio through a free loop of
// context-independent phones (the allphone search with Debian's
// en-us-phone.lm.bin, loaded next to the grammar search) and compares the
// two paths' acoustic scores per frame, a likelihood ratio, so the voice
// and the channel cancel. Both passes start from the same cepstral mean
// and compute all senones (-compallsen), so their scores are comparable.
// (ps_get_prob is always 0 for a grammar search; context-dependent phones
// in the loop cost about five times real time.) See docs/voice.md for
// the measured distributions and the threshold.
//
// Spotter is the wake word fallback: a pocketsphinx keyphrase search for
// "hey mycroft" (as mycroft-core shipped it), streaming, on a decoder of
// its own, for when the openWakeWord engine or its models are missing.
// It implements voice.WakeDetector; SpotterConfig documents its settings.
//
// It is a cgo package, built only with the tag `pocketsphinx` (it then
// needs the Debian packages libpocketsphinx-dev and libsphinxbase-dev to
// build, and pocketsphinx-en-us at run time). Without the tag New and
// NewSpotter return ErrUnavailable, so every other package builds with
// CGO_ENABLED=0.
//
// Only the agent's speech-to-text and wake word wiring (agent) and voice
// tests import psx.
package psx
