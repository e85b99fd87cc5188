package main

import "context"

func runKeys(ctx context.Context, e *env, args []string) error { return usagef("not built yet") }
