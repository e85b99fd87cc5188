// Package satellite makes the device a Home Assistant voice satellite over
// the Wyoming protocol: Home Assistant's Wyoming integration connects to
// its TCP port (10700), asks describe and gets info (the wake word, the
// microphone and speaker formats, name, area, version), sends
// run-satellite, and from then on, after the device's own wake word (or
// the action button), the device sends detection and run-pipeline (asr to
// tts), streams the utterance (16 kHz, 16-bit mono audio-chunks) until its
// own endpointer hears the end, and plays Home Assistant's answer (the
// synthesize text and its audio-start/chunk/stop) on its speaker, then
// says played. Audio Home Assistant sends outside a turn (an
// announcement) is played when the device is free.
//
// It plugs into the voice pipeline instead of being a second one: Wrap
// gives the pipeline a Transcriber, a Brain and a Synthesizer that hand a
// spoken turn to Home Assistant when the owner chose it to answer
// (answers = "home_assistant") and Home Assistant is connected and has not
// paused the satellite; otherwise the device's own speech-to-text and
// skills answer. So the pipeline keeps doing what it always does: the
// mute switch ends a turn at once and nothing is streamed while muted or
// before a trigger, the faceplate shows listening, thinking and speaking,
// the wake word or the button cut the answer short.
//
// Announce advertises the service over mDNS (internal/mdns) as
// _wyoming._tcp, as wyoming-satellite does.
//
// Only package agent imports it.
package satellite
