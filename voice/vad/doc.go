// Package vad decides, 10 ms frame by 10 ms frame, whether a frame of 16 kHz
// mono audio holds speech, and turns those decisions into utterance
// boundaries.
//
// It owns two detectors — Energy, an adaptive-noise-floor energy detector,
// and Statistical, a WebRTC-style detector over six sub-band log energies
// with a two-component Gaussian mixture for noise and for speech and online
// adaptation — and the Endpointer, a state machine that counts frames and
// has no clock, so it is tested with tables.
//
// It depends on the standard library only. The voice pipeline imports it;
// so may a miner or a tool that needs a cheap speech detector.
package vad
