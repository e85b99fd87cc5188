package agent

import "context"

// wireChain connects to the chain (a.chain, a.manifest).
func (a *Agent) wireChain(ctx context.Context) error { return nil }
