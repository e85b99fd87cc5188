// Package sim is the simulated board for laptops, CI and the demo: the
// faceplate drawn in a terminal with ANSI colours (the Mark I eyes and 32x8
// mouth, or the Mark II ring of 12 LEDs), buttons and the mute switch on the
// keyboard, the microphone from a WAV file, from samples pushed by a
// program (Mic.Push) or from portaudio, and the speaker to a WAV file, to
// portaudio or to nowhere, paced in real time unless told otherwise.
//
// Terminal handling (raw mode, golang.org/x/term) stays in this package.
//
// Keys: space = action button (push to talk), + or = = volume up, - = volume
// down, m = toggle the mute switch, q or Ctrl-C = quit (Config.OnQuit).
//
// Only the board package, cmd/ and tests import sim.
package sim
