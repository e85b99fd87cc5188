// Package sphinx is a speech-to-text service for tests and the demo: an
// HTTP handler that recognises streamed 16 kHz PCM with pocketsphinx
// (Debian's pocketsphinx_continuous and the en-us model) constrained by the
// request's JSGF grammar, and the matching voice.Transcriber client.
//
// The wire format is ours, for loopback use only: POST with the raw PCM as a
// chunked body, the grammar base64-encoded in the X-Grammar header, and a
// JSON answer {"text": "..."}.
//
// Only tests and tools inside voice import it.
package sphinx
