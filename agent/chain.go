package agent

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/mycroft-network/mycroft/chain"
)

// chainCheckInterval is how often the chain endpoint is checked; tests
// shorten it.
var chainCheckInterval = 30 * time.Second

// chainParts is what the chain wiring keeps: why the manifest did not load
// and what the last endpoint check found.
type chainParts struct {
	manifestErr error

	mu        sync.Mutex
	checked   bool
	reachable bool
	head      uint64
}

func (p *chainParts) set(reachable bool, head uint64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.checked, p.reachable = true, reachable
	if reachable {
		p.head = head
	}
}

// wireChain builds the chain client (a.chain) when chain.rpc_url is set and
// the manifest loaded. The client needs no endpoint at boot (chain.DialLazy):
// wallet and miner keep the pointer, and calls work once the endpoint
// answers. A service checks the endpoint and keeps the "chain" health
// warning up to date.
func (a *Agent) wireChain(ctx context.Context) error {
	if a.chainx == nil {
		a.chainx = &chainParts{}
	}
	a.governanceRoutes()
	url := a.cfg.Chain.RPCURL
	if url == "" {
		return nil
	}
	if a.chainx.manifestErr != nil {
		a.log.Warn("chain: no deployment manifest", "err", a.chainx.manifestErr)
		a.health.Set("chain", Degraded, "no deployment manifest: "+a.chainx.manifestErr.Error())
		return nil
	}
	opts := []chain.Option{chain.WithLogger(a.log.With("component", "chain"))}
	if a.keys != nil {
		opts = append(opts, chain.WithSigner(a.keys))
	}
	c, err := chain.DialLazy(url, a.manifest, opts...)
	if err != nil {
		// The manifest loaded, so this is a bad manifest or URL: degrade.
		a.health.Set("chain", Degraded, err.Error())
		return nil
	}
	a.chain = c
	cs := &chainService{a: a, c: c}
	cctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	cs.check(cctx)
	cancel()
	a.svcs.list = append(a.svcs.list, cs)
	a.addStatus("chain", func() any {
		p := a.chainx
		p.mu.Lock()
		defer p.mu.Unlock()
		return map[string]any{
			"rpcUrl":    url,
			"chainId":   a.manifest.ChainID,
			"headBlock": p.head,
			"reachable": p.reachable,
		}
	})
	return nil
}

// chainService checks the endpoint every chainCheckInterval.
type chainService struct {
	a *Agent
	c *chain.Client
}

func (*chainService) Name() string { return "chain" }

func (s *chainService) Run(ctx context.Context) error {
	t := time.NewTicker(chainCheckInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
			cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
			s.check(cctx)
			cancel()
		}
	}
}

func (s *chainService) Close() error { return s.c.Close() }

// check pings the endpoint and sets or clears the chain warning.
func (s *chainService) check(ctx context.Context) {
	head, err := s.c.Ping(ctx)
	if ctx.Err() != nil && err != nil && errors.Is(err, context.Canceled) {
		return
	}
	s.a.chainx.set(err == nil, head)
	switch {
	case err == nil:
		s.a.health.Clear("chain")
	case errors.Is(err, chain.ErrChainID):
		s.a.health.Set("chain", Degraded, err.Error())
	default:
		s.a.health.Set("chain", Degraded, "unreachable ("+err.Error()+")")
	}
}
