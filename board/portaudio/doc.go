// Package portaudio adapts the default portaudio input and output devices
// to hal.Mic and hal.Speaker: blocking streams, 16 kHz (or the format asked
// for), mono, signed 16-bit.
//
// A capture device that refuses the asked-for format (the Mark II's SJ201
// offers only 48 kHz, 32-bit, stereo) is opened at that format instead: the
// Mic converts the samples to 16-bit and reports Format{48000, 2, 16}. It
// does not resample: the consumer takes channel 0 (the XMOS ASR output) and
// resamples, as the voice capture does, so the module has one resampler
// (voice/tts.Resampler). Mic.Counters and Speaker.Counters count input
// overflows and output underflows.
//
// It is the only cgo package of the module, and only when built with the
// tag `portaudio` (it then needs libportaudio, Debian package
// portaudio19-dev to build). Without the tag, OpenMic and OpenSpeaker
// return ErrUnavailable (which wraps hal.ErrUnavailable), so every other
// package builds and tests with CGO_ENABLED=0.
//
// Devices tells, without opening a stream, whether a default input and a
// default output device exist and take those formats (the demo asks it,
// through a child process, to choose between the device and a WAV file).
//
// Only the board packages and the demo's device probe (cmd/mycroft) import
// portaudio.
package portaudio
