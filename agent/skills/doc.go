// Package skills holds the assistant's built-in skills: time and date,
// weather, knowledge questions, wallet balance and today's spending, miner
// status, enable and pause, earnings, governance (open proposals; votes
// confirmed with a button press), and the local skills that need no
// network: timers and alarms (ringing through a Ringer the agent
// implements; alarms kept in an AlarmStore), volume and mute, stop,
// "what did you say", small talk, help and how to get tokens.
//
// A paid question the wallet cannot pay for (no tokens, or no gas to open
// a channel: an error with a NoTokens() method that returns true) is
// answered with the wallet's refusal and what still works on the device
// (SayLocalStill); the help adds SayNoTokensHelp while the wallet is empty.
//
// What no skill matched goes to the knowledge skill only when it is a
// question (IsQuestion); anything else is answered SaySorry, at no cost.
//
// Each skill declares the small interface it needs (Weather, Knowledge,
// Wallet, Miner, Earnings, Governance, Volume, Ringer, AlarmStore); the agent wires the real
// services and calls New, which returns the intent.Router the voice pipeline
// uses as its Brain. A skill whose service is not configured is left out.
//
// Errors: a service error whose type has a `Speak() string` method (a spend
// refused by the owner's limits, a provider that cannot be reached) is
// spoken to the owner; any other error is returned and the faceplate shows
// the error state.
//
// Only the agent imports this package.
package skills
