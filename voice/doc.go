// Package voice is the agent's ears and mouth: it captures the microphone in
// 10 ms frames, keeps a 2 s pre-roll, detects speech (package vad), starts an
// interaction on the action button, a Wyoming wake word service (package
// wyoming) or typed text, streams the utterance to a speech-to-text provider
// while it is being spoken, seals and keeps the audio under a retention
// policy, matches the transcript to a skill (package intent), speaks the
// answer (package tts) sentence by sentence with the microphone gated,
// lets the button, the wake word or "stop" cut it short, plays sounds (a
// ringing timer's Chime, through Alert), and drives the faceplate
// through the states idle, listening, thinking, speaking, error, muted and
// mining.
//
// The entry point is Pipeline (New, Run, Close, Ask, Status, OnActivity).
// Its collaborators are small interfaces declared here and implemented
// elsewhere: Transcriber (the paid STT client), Brain (intent.Router with the
// skills of agent/skills), Synthesizer (tts.Engine), Sealer (the keystore).
//
// Only the agent imports voice; voice never imports wallet or miner.
package voice
