// Package intent matches what was said (a transcript or typed text) to the
// intent of a skill, and writes the same phrases as a JSGF grammar that is
// handed to the speech-to-text provider, so recognition and matching agree.
//
// Skills declare phrase patterns: plain words, [optional words],
// (alternative | words) and {slot}s. Slot types are "number" (spoken or
// digits), "proposal" (a number, "number" in front allowed), "vote" (yes,
// no, abstain), "duration" ("an hour and a half", ParseDuration), "time"
// (a time of day, "7:30 am", ParseTimeOfDay) and free text (any other
// name; in the grammar it stands for the vocabulary given to
// Router.SetVocabulary). A typed slot whose words cannot be read is no
// match.
//
// Matching tolerates phrasing: filler at the ends ("hey mycroft", "could
// you", "please", "thanks") and hesitations ("um") are dropped when the
// utterance does not match as said, and each match carries a Confidence.
//
// It owns the Skill and Reply types the built-in skills (agent/skills)
// implement. It depends on the standard library only.
package intent
