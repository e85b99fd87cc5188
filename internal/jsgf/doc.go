// Package jsgf checks a JSGF grammar before it is handed to pocketsphinx,
// whose grammar parser is C: Canonical accepts a small subset of JSGF
// (what voice/intent writes: words, rule references, alternatives, groups,
// optional parts, * and +) and rewrites it in one canonical form made of a
// fixed alphabet, so the C parser never sees comments, quotes, tags,
// weights, imports, non-ASCII bytes, reserved words, undefined or
// recursive rules, or nesting deep enough to exhaust its stack.
//
// The STT provider (miner/provider) and the loopback recogniser
// (voice/internal/sphinx) import it. It depends on the standard library
// only.
package jsgf
