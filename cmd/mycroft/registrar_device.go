//go:build device

package main

func registrarCommands() []command { return nil }
