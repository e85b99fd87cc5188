package main

import "context"

func runWallet(ctx context.Context, e *env, args []string) error { return usagef("not built yet") }

func runProvider(ctx context.Context, e *env, args []string) error { return usagef("not built yet") }
