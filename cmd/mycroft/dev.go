//go:build !device

package main

// devCommands are the development commands, left out of device builds
// (-tags device) so they never link the dev chain.
func devCommands() []command { return nil }
