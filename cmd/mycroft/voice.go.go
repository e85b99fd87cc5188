package main

import "context"

func runAsk(ctx context.Context, e *env, args []string) error { return usagef("not built yet") }

func runVoice(ctx context.Context, e *env, args []string) error { return usagef("not built yet") }
