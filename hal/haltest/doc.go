// Package haltest holds fakes of every hal device for the tests of the
// packages that consume them (voice, agent, skills), in the style of periph's
// conntest: playback fakes feed scripted input, record fakes keep everything
// written to them, and each fake's Close reports the expectations the test
// set and the code under test did not meet.
//
// The fakes never panic on misuse; they return or record an error that Close
// reports. They are safe for concurrent use.
//
// Like hal, haltest imports only the standard library (an import rule checks
// it). To play a WAV file, decode it with internal/wav and pass the samples:
//
//	a, err := wav.ReadFile("testdata/hello.wav")
//	mic := haltest.NewPlaybackMic(a.Samples)
//
// Any package may import haltest from its tests; production code must not.
package haltest
