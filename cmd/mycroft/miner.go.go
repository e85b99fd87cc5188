package main

import "context"

func runMiner(ctx context.Context, e *env, args []string) error { return usagef("not built yet") }

func runBackup(ctx context.Context, e *env, args []string) error { return usagef("not built yet") }

func runMinerWorker(ctx context.Context, e *env, args []string) error { return usagef("not built yet") }
