package main

import "context"

func runBoard(ctx context.Context, e *env, args []string) error { return usagef("not built yet") }
