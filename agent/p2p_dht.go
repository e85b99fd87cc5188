package agent

import (
	"context"
	"time"

	"github.com/mycroft-network/mycroft/p2p"
)

// P2PDHTConfig is the part of [p2p] about finding nodes (docs/network.md,
// "Discovery"): the Kademlia DHT that tells where a registered node is
// now, and the peers the node joins it through. The Registry stays the
// source of truth for who is a node; the DHT only gives addresses.
type P2PDHTConfig struct {
	// Bootstrap are the peers the node joins the DHT through: multiaddrs
	// with /p2p/<peer id> ("/ip4/198.51.100.7/tcp/4001/p2p/16Uiu2…").
	Bootstrap []string `toml:"bootstrap"`
	// DHT: "auto" (answer queries while publicly reachable, only ask
	// otherwise), "client", "server" (bootstrap nodes) or "off".
	DHT string `toml:"dht"`
}

func defaultP2PDHTConfig() P2PDHTConfig { return P2PDHTConfig{Bootstrap: []string{}, DHT: "auto"} }

func (c P2PDHTConfig) validate(bad badFunc) {
	if c.DHT != "off" {
		if _, err := p2p.ParseDHTMode(c.DHT); err != nil {
			bad("p2p.dht", "must be auto, client, server or off")
		}
	}
	if _, err := p2p.ParseBootstrap(c.Bootstrap); err != nil {
		bad("p2p.bootstrap", "%v", err)
	} else if len(c.Bootstrap) > 0 && c.DHT == "off" {
		bad("p2p.bootstrap", "needs the DHT (p2p.dht other than off)")
	}
}

// Bootstrap retries: the DHT also redials its bootstrap peers by itself
// every 2 minutes while its routing table is empty; these retries keep the
// health warning true and announce the node once they answer.
const (
	dhtBootstrapTimeout  = time.Minute
	dhtBootstrapRetry    = 30 * time.Second
	dhtBootstrapRetryMax = 10 * time.Minute
)

// wireDHT adds the DHT's service unless p2p.dht is off. The DHT itself
// is made with the host (newDiscovery); once the host runs, the service
// joins through the bootstrap peers, retrying while none answers (a
// "p2p.dht" warning meanwhile), and closes the DHT before the host. Nodes
// are then dialled at their registered address first and found through
// the DHT when that fails (p2pRun.dialOptions).
func (a *Agent) wireDHT() {
	c := a.cfg.P2P.P2PDHTConfig
	p := a.p2px
	if c.DHT == "off" || p == nil {
		return
	}
	a.svcs.list = append(a.svcs.list, &funcService{name: "p2p.dht",
		run: func(ctx context.Context) error {
			select {
			case <-ctx.Done():
				return nil
			case <-p.up:
			}
			r := p.running()
			switch {
			case r.dht == nil: // could not be made: a warning says why
			case len(c.Bootstrap) == 0:
				if c.DHT != "server" {
					a.health.Set("p2p.dht", Notice, "p2p.dht: no bootstrap peers (p2p.bootstrap): nodes are dialled at their registered address only, until a peer joins through this one")
				}
			default:
				a.joinDHT(ctx, r.dht)
			}
			<-ctx.Done()
			return nil
		},
		close: func() error {
			if r := p.running(); r != nil {
				return r.closeDHT()
			}
			return nil
		}})
	a.addStatus("p2p_dht", func() any { // snake_case, as every JSON key
		if r := p.running(); r != nil && r.dht != nil {
			return r.dht.Status()
		}
		return p2p.DiscoveryStatus{Mode: "not started", Configured: c.DHT, Bootstrap: len(c.Bootstrap)}
	})
}

// newDiscovery makes the DHT on h, or nil with p2p.dht = "off" or when it
// cannot be made (a "p2p.dht" warning says why).
func (a *Agent) newDiscovery(h *p2p.Host) *p2p.Discovery {
	c := a.cfg.P2P.P2PDHTConfig
	if c.DHT == "off" {
		return nil
	}
	mode, err := p2p.ParseDHTMode(c.DHT)
	if err != nil { // validated
		a.health.Set("p2p.dht", Degraded, err.Error())
		return nil
	}
	boot, err := p2p.ParseBootstrap(c.Bootstrap)
	if err != nil {
		a.health.Set("p2p.dht", Degraded, err.Error())
		return nil
	}
	d, err := p2p.NewDiscovery(h, p2p.DiscoveryConfig{Bootstrap: boot, Mode: mode, Log: a.log.With("component", "p2p.dht")})
	if err != nil {
		a.health.Set("p2p.dht", Degraded, err.Error())
		return nil
	}
	return d
}

// joinDHT bootstraps d, retrying with backoff until it joins or ctx ends.
func (a *Agent) joinDHT(ctx context.Context, d *p2p.Discovery) {
	wait := dhtBootstrapRetry
	for {
		bctx, cancel := context.WithTimeout(ctx, dhtBootstrapTimeout)
		err := d.Bootstrap(bctx)
		cancel()
		if err == nil {
			a.health.Clear("p2p.dht")
			return
		}
		if ctx.Err() != nil {
			return
		}
		a.health.Set("p2p.dht", Degraded, "p2p.dht: "+err.Error()+" (retrying)")
		a.log.Warn("p2p: dht bootstrap failed; retrying", "err", err, "in", wait)
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
		wait = min(2*wait, dhtBootstrapRetryMax)
	}
}

// dialOptions are how the agent dials nodes (wallet calls, backups): the
// NAT options (nodeDialOptions), and with the DHT on, a node its endpoint
// no longer reaches, or whose endpoint is a bare /p2p/<peer id>, is looked
// up (p2p.Find).
func (p *p2pRun) dialOptions() []p2p.DialOption {
	opts := nodeDialOptions()
	if p.dht != nil {
		opts = append(opts, p2p.Find(p.dht))
	}
	return opts
}
