// Package wyoming speaks the Wyoming protocol of voice services (wake word,
// speech-to-text, text-to-speech servers): a codec for its framing and a
// client for wake word services, and the events of a satellite (satellite.go:
// describe/info, run-satellite, run-pipeline, transcript, synthesize) that
// agent/satellite serves to Home Assistant.
//
// A message is one line of JSON (the header: type, optional inline data,
// data_length, payload_length), then data_length bytes of JSON merged over the
// inline data, then payload_length bytes of binary payload (PCM for audio
// events). The reader accepts inline and separate data; the writer always
// writes data as a separate block, as the reference implementation does.
// Every length is capped, so a hostile or broken peer cannot make the reader
// allocate without bound.
//
// It depends on the standard library only; the voice pipeline (wake word)
// and the provider (its Wyoming speech-to-text client) import it, so it sits
// in internal, below both.
package wyoming
