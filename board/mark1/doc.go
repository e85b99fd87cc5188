// Package mark1 drives the Mycroft Mark I enclosure: the Arduino Pro Mini
// behind the Raspberry Pi's PL011 UART (/dev/ttyAMA0, 9600 8N1) that owns
// the eyes (two rings of 12 NeoPixels), the 32x8 mouth matrix, the top
// button and the rotary encoder.
//
// The package speaks the enclosure's line protocol ("class.command=param",
// one per line; see docs/hardware.md): it checks the Arduino answers
// (system.version handshake), maps hal.Face onto eyes.* and mouth.*
// commands, turns mycroft.stop and volume.up/down into hal.ButtonEvents, and
// reconnects when the line drops. It opens the tty itself with termios (raw,
// 9600 8N1) and needs no cgo.
//
// Audio on the Mark I (WM8731 codec through ALSA) is not here: the board
// package pairs this enclosure with board/portaudio.
//
// Only the board package (and tests) import mark1.
package mark1
