package main

import "context"

func runGovernance(ctx context.Context, e *env, args []string) error { return usagef("not built yet") }
