// Package board opens the board the agent runs on and returns its devices
// as a hal.Board: the Mark II (SJ201 found on I2C bus 1), the Mark I (an
// Arduino answering on the serial port), or the simulated board. Kind
// "auto" detects in that order and falls back to the simulator with a
// warning; a configured kind skips detection.
//
// A missing peripheral degrades rather than fails: the board is returned
// with the device left nil and a line in hal.Board.Warnings.
//
// Only the agent (and cmd/) import board.
package board
