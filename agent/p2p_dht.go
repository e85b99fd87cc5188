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

// wireDHT starts the DHT on the running host (a.p2px.dht) unless p2p.dht
// is off. Its service joins through the bootstrap peers, retrying while
// none answers (a "p2p.dht" warning meanwhile), and closes the DHT before
// the host. Nodes are then dialled at their registered address first and
// found through the DHT when that fails (p2pParts.dialOptions).
func (a *Agent) wireDHT() {
	c := a.cfg.P2P.P2PDHTConfig
	if c.DHT == "off" || a.p2px == nil {
		return
	}
	mode, err := p2p.ParseDHTMode(c.DHT)
	if err != nil { // validated
		a.health.Set("p2p.dht", Degraded, err.Error())
		return
	}
	boot, err := p2p.ParseBootstrap(c.Bootstrap)
	if err != nil {
		a.health.Set("p2p.dht", Degraded, err.Error())
		return
	}
	log := a.log.With("component", "p2p.dht")
	d, err := p2p.NewDiscovery(a.p2px.host, p2p.DiscoveryConfig{Bootstrap: boot, Mode: mode, Log: log})
	if err != nil {
		a.health.Set("p2p.dht", Degraded, err.Error())
		return
	}
	a.p2px.dht = d
	a.svcs.list = append(a.svcs.list, &funcService{name: "p2p.dht",
		run: func(ctx context.Context) error {
			if len(boot) == 0 {
				if mode != p2p.DHTServer {
					a.health.Set("p2p.dht", Notice, "p2p.dht: no bootstrap peers (p2p.bootstrap): nodes are dialled at their registered address only, until a peer joins through this one")
				}
				<-ctx.Done()
				return nil
			}
			a.joinDHT(ctx, d)
			<-ctx.Done()
			return nil
		},
		close: d.Close})
	a.addStatus("p2p.dht", func() any { return d.Status() })
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
func (p *p2pParts) dialOptions() []p2p.DialOption {
	opts := nodeDialOptions()
	if p.dht != nil {
		opts = append(opts, p2p.Find(p.dht))
	}
	return opts
}
