//go:build device

package main

func devCommands() []command { return nil }
