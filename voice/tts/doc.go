// Package tts turns text into 16 kHz mono s16 speech on the device, by
// running flite or espeak-ng, and owns the resampler that brings other rates
// (espeak-ng's 22 050 Hz, flite's 8 kHz voices, 48 kHz microphones) to the
// agent's 16 kHz.
//
// It depends on the standard library only; the voice pipeline imports it.
package tts
