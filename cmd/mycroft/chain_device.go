//go:build device

package main

func chainCommands() []command { return nil }
