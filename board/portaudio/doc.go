// Package portaudio adapts the default portaudio input and output devices
// to hal.Mic and hal.Speaker: blocking streams, 16 kHz (or the format asked
// for), mono, signed 16-bit.
//
// It is the only cgo package of the module, and only when built with the
// tag `portaudio` (it then needs libportaudio, Debian package
// portaudio19-dev to build). Without the tag, OpenMic and OpenSpeaker
// return ErrUnavailable (which wraps hal.ErrUnavailable), so every other
// package builds and tests with CGO_ENABLED=0.
//
// Only the board packages import portaudio.
package portaudio
