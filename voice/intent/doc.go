// Package intent matches what was said (a transcript or typed text) to the
// intent of a skill, and writes the same phrases as a JSGF grammar that is
// handed to the speech-to-text provider, so recognition and matching agree.
//
// Skills declare phrase patterns: plain words, [optional words],
// (alternative | words) and {slot}s. Slot types are "number" (spoken or
// digits), "vote" (yes, no, abstain) and free text (any other name; in the
// grammar it stands for the vocabulary given to Router.SetVocabulary).
//
// It owns the Skill and Reply types the built-in skills (agent/skills)
// implement. It depends on the standard library only.
package intent
