// Package hal holds the contracts between the agent and the hardware of a
// Mycroft speaker: microphone, speaker, faceplate (eyes, mouth, LED ring),
// buttons and the mute switch.
//
// It is contracts only and imports nothing but the standard library, the way
// periph.io/x/conn does for buses: board packages (board/mark1, board/mark2,
// board/sim) implement these interfaces, and every other package consumes
// them. The interfaces are semantic (what the agent wants shown or heard),
// never pin-level; each board maps them onto its own hardware.
//
// Conventions:
//   - Blocking calls are synchronous. Mic.Read and Speaker.Write block for at
//     most one period; Buttons.Wait takes a context and returns ctx.Err()
//     when it is cancelled. The caller owns the goroutine.
//   - Every device can be Halted: it stops what it is doing (LEDs off, audio
//     flushed) without releasing the hardware. The board that opened a
//     device owns its Close.
//   - Optional capabilities are separate interfaces, found by type assertion.
//
// Fakes for tests live in hal/haltest.
//
// Any package may import hal.
package hal
