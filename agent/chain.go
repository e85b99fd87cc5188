package agent

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/mycroft-network/mycroft/chain"
)

// chainCheckInterval is how often the chain endpoint is checked while it
// is failing, chainHealthyInterval while it answers (two calls each time:
// a free public RPC quota is counted in requests, and an idle device stays
// under 100 an hour, docs/performance.md); tests shorten them.
var (
	chainCheckInterval   = 30 * time.Second
	chainHealthyInterval = 10 * time.Minute
)

// chainParts is what the chain wiring keeps: why the manifest did not load
// and what the last endpoint check found.
type chainParts struct {
	manifestErr error

	mu        sync.Mutex
	checked   bool
	reachable bool
	head      uint64

	// The proposals read so far and where the scan resumes, so a listing
	// reads only the blocks since the last one.
	propMu  sync.Mutex
	props   []chain.Proposal
	propCur chain.ScanCursor

	// delegation is what the self-delegation service did (delegation.go);
	// nil without a chain client or a keystore.
	delegation *delegation
}

// proposals brings the known proposals up to date through c and returns
// them in creation order.
func (p *chainParts) proposals(ctx context.Context, c *chain.Client) ([]chain.Proposal, error) {
	p.propMu.Lock()
	defer p.propMu.Unlock()
	added, removed, cur, err := c.ScanProposals(ctx, p.propCur)
	if err != nil {
		return nil, err
	}
	gone := map[string]bool{}
	for _, r := range removed {
		gone[r.ID.String()] = true
	}
	if len(gone) > 0 {
		kept := p.props[:0:0]
		for _, q := range p.props {
			if !gone[q.ID.String()] {
				kept = append(kept, q)
			}
		}
		p.props = kept
	}
	p.props = append(p.props, added...)
	p.propCur = cur
	return append([]chain.Proposal(nil), p.props...), nil
}

func (p *chainParts) set(reachable bool, head uint64) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.checked, p.reachable = true, reachable
	if reachable {
		p.head = head
	}
}

// ok reports whether the last check reached the chain.
func (p *chainParts) ok() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.checked && p.reachable
}

// URLs are the configured endpoints: chain.rpc_url, then chain.rpc_urls,
// each once.
func (c ChainConfig) URLs() []string {
	var out []string
	seen := map[string]bool{}
	for _, u := range append([]string{c.RPCURL}, c.RPCURLs...) {
		if u = strings.TrimSpace(u); u != "" && !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	return out
}

func (c ChainConfig) validate(bad func(key, format string, args ...any)) {
	check := func(key, u string) {
		if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "ws://") && !strings.HasPrefix(u, "wss://") && !strings.HasSuffix(u, ".ipc") {
			bad(key, "must be an http(s):// or ws(s):// URL or an .ipc path, got %q", u)
		}
	}
	if c.RPCURL != "" {
		check("chain.rpc_url", c.RPCURL)
	}
	for _, u := range c.RPCURLs {
		check("chain.rpc_urls", u)
	}
	if c.Preset != "" {
		if _, err := chain.PresetByName(c.Preset); err != nil {
			bad("chain.preset", "%v", err)
		}
	}
	if c.Confirmations < -1 {
		bad("chain.confirmations", "must be -1 (the preset's) or more, got %d", c.Confirmations)
	}
	if c.LogRange < 0 {
		bad("chain.log_range", "must be 0 (the preset's) or more, got %d", c.LogRange)
	}
}

// chainOptions are the client options of the configured or the manifest's
// preset, with the config's overrides; a preset of another chain than the
// manifest's is an error.
func chainOptions(c ChainConfig, m chain.Manifest) ([]chain.Option, error) {
	var opts []chain.Option
	if c.Preset != "" {
		p, err := chain.PresetByName(c.Preset)
		if err != nil {
			return nil, err
		}
		if p.ChainID != m.ChainID {
			return nil, fmt.Errorf("chain.preset %s is chain %d, the manifest's chain is %d", p.Name, p.ChainID, m.ChainID)
		}
		opts = append(opts, chain.WithPreset(p))
	} else if p, ok := chain.PresetByChainID(m.ChainID); ok {
		opts = append(opts, chain.WithPreset(p))
	}
	if c.Confirmations >= 0 {
		opts = append(opts, chain.WithConfirmations(uint64(c.Confirmations)))
	}
	if c.LogRange > 0 {
		opts = append(opts, chain.WithLogRange(uint64(c.LogRange)))
	}
	return opts, nil
}

// wireChain builds the chain client (a.chain) when chain.rpc_url or
// chain.rpc_urls is set and the manifest loaded. The client needs no
// endpoint at boot (chain.DialPool dials each on first use): wallet and
// miner keep the pointer, and calls work once an endpoint answers. A
// service checks the endpoints and keeps the "chain" health warning up to
// date.
func (a *Agent) wireChain(ctx context.Context) error {
	if a.chainx == nil {
		a.chainx = &chainParts{}
	}
	a.governanceRoutes()
	urls := a.cfg.Chain.URLs()
	if len(urls) == 0 {
		return nil
	}
	if a.chainx.manifestErr != nil {
		a.log.Warn("chain: no deployment manifest", "err", a.chainx.manifestErr)
		a.health.Set("chain", Degraded, "no deployment manifest: "+a.chainx.manifestErr.Error())
		return nil
	}
	opts, err := chainOptions(a.cfg.Chain, a.manifest)
	if err != nil {
		a.health.Set("chain", Degraded, err.Error())
		return nil
	}
	opts = append(opts, chain.WithLogger(a.log.With("component", "chain")))
	if a.keys != nil {
		opts = append(opts, chain.WithSigner(a.keys))
	}
	c, err := chain.DialPool(urls, a.manifest, opts...)
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
	a.wireDelegation()
	a.addStatus("chain", func() any {
		p := a.chainx
		p.mu.Lock()
		defer p.mu.Unlock()
		return map[string]any{
			"rpcUrl":    chain.RedactURL(urls[0]),
			"chainId":   a.manifest.ChainID,
			"headBlock": p.head,
			"reachable": p.reachable,
			"endpoints": c.Endpoints(),
		}
	})
	return nil
}

// chainService checks the endpoint every chainCheckInterval while it
// fails, every chainHealthyInterval while it answers.
type chainService struct {
	a *Agent
	c *chain.Client
}

func (*chainService) Name() string { return "chain" }

func (s *chainService) Run(ctx context.Context) error {
	for {
		wait := chainCheckInterval
		if s.a.chainx.ok() {
			wait = chainHealthyInterval
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(wait):
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
