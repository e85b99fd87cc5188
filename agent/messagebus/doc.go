// Package messagebus is the Mycroft / OpenVoiceOS messagebus of the
// device: a websocket at ws://127.0.0.1:8181/core speaking mycroft-core's
// message format ({"type", "data", "context"} JSON in text frames), so the
// skills, GUIs and tools written for mycroft-core or OVOS can use the
// speaker.
//
// What it does (docs/messagebus.md has the whole list):
//   - relays every message a client sends to every connected client,
//     the sender included, as mycroft-core's bus does;
//   - runs recognizer_loop:utterance through the device's voice pipeline
//     (the same path as `mycroft ask`), so built-in skills answer and the
//     answer is spoken;
//   - keeps the intents external skills register (Padatious
//     padatious:register_intent with samples, Adapt register_vocab and
//     register_intent) and takes part in the pipeline's intent matching
//     through Bus.Brain: the best confidence wins, ties go to the
//     built-in skills; a matched external intent is sent to the clients
//     as a message whose type is the intent's name, and what the skill
//     says back (speak) is the device's answer;
//   - publishes what the pipeline does (wake word, record begin/end, what
//     it heard, speak, audio output start/end, microphone mute);
//   - answers mycroft.volume.* and stops speech on mycroft.stop and
//     mycroft.audio.service.stop.
//
// It is loopback-only by default; any other listen address needs a token
// (Config.Token), given as the token query parameter or an Authorization
// Bearer header; a browser (a request with an Origin header) needs the
// token on loopback too. Messages are capped in size, clients in number,
// and every read and write has a deadline.
//
// It is one of the agent's faces to the outside, beside the local API:
// only package agent imports it. It depends on voice (the pipeline's
// events and the Brain it wraps) and on voice/intent (pattern matching of
// Padatious samples).
package messagebus
