package agent

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ethereum/go-ethereum/common"

	"github.com/mycroft-network/mycroft/chain"
	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/internal/netguard"
	"github.com/mycroft-network/mycroft/miner"
	"github.com/mycroft-network/mycroft/miner/pause"
	"github.com/mycroft-network/mycroft/miner/provider"
	"github.com/mycroft-network/mycroft/miner/storage"
)

// ProviderConfig is the [provider] table: selling paid calls (and serving
// the storage node) to other speakers.
type ProviderConfig struct {
	Enabled           bool     `toml:"enabled"`
	Listen            string   `toml:"listen"`
	PlainHTTP         string   `toml:"plain_http"` // the plain node port's rules (plainhttp.go)
	Endpoint          string   `toml:"endpoint"`
	STT               string   `toml:"stt"`
	WyomingURI        string   `toml:"wyoming_uri"`
	WeatherUpstream   string   `toml:"weather_upstream"`
	KnowledgeUpstream string   `toml:"knowledge_upstream"`
	PriceSTT          string   `toml:"price_stt"`
	PriceWeather      string   `toml:"price_weather"`
	PriceKnowledge    string   `toml:"price_knowledge"`
	PriceStorage      string   `toml:"price_storage"`
	RedeemInterval    Duration `toml:"redeem_interval"`
	RedeemFee         string   `toml:"redeem_fee"`
	// Limits of the node port (internal/netguard); see
	// docs/configuration.md for why the defaults are what they are.
	ReadTimeout       Duration `toml:"read_timeout"`
	WriteTimeout      Duration `toml:"write_timeout"`
	IdleTimeout       Duration `toml:"idle_timeout"`
	CallTimeout       Duration `toml:"call_timeout"`
	MaxConns          int      `toml:"max_conns"`
	MaxConnsPerClient int      `toml:"max_conns_per_client"`
	ClientRate        float64  `toml:"client_rate"`
	ClientBurst       int      `toml:"client_burst"`
	TrustedNetworks   []string `toml:"trusted_networks"`
	// ChannelScanInterval is how often the chain is scanned for channels
	// opened to this provider.
	ChannelScanInterval Duration `toml:"channel_scan_interval"`
}

func defaultProviderConfig() ProviderConfig {
	return ProviderConfig{
		Listen:         "0.0.0.0:8470",
		PlainHTTP:      PlainAuto,
		PriceSTT:       "0.002",
		PriceWeather:   "0.001",
		PriceKnowledge: "0.001",
		PriceStorage:   "0.0001",
		RedeemInterval: Duration(time.Minute),
		RedeemFee:      "0.001",
		// As netguard.Defaults (TestProviderLimitDefaults keeps them equal).
		ReadTimeout:         Duration(60 * time.Second),
		WriteTimeout:        Duration(120 * time.Second),
		IdleTimeout:         Duration(30 * time.Second),
		CallTimeout:         Duration(90 * time.Second),
		MaxConns:            512,
		MaxConnsPerClient:   32,
		ClientRate:          50,
		ClientBurst:         300,
		TrustedNetworks:     []string{},
		ChannelScanInterval: Duration(10 * time.Second),
	}
}

// guardConfig is the node port's limits.
func (c ProviderConfig) guardConfig() (netguard.Config, error) {
	g := netguard.Defaults()
	g.ReadTimeout, g.WriteTimeout, g.IdleTimeout, g.CallTimeout = c.ReadTimeout.Std(), c.WriteTimeout.Std(), c.IdleTimeout.Std(), c.CallTimeout.Std()
	g.MaxConns, g.MaxConnsPerClient, g.Rate, g.Burst = c.MaxConns, c.MaxConnsPerClient, c.ClientRate, c.ClientBurst
	for _, n := range c.TrustedNetworks {
		p, err := netip.ParsePrefix(n)
		if err != nil {
			return netguard.Config{}, fmt.Errorf("trusted network %q: %w", n, err)
		}
		g.Exempt = append(g.Exempt, p.Masked())
	}
	return g, g.Validate()
}

func (c ProviderConfig) validate(bad badFunc) {
	if _, _, err := net.SplitHostPort(c.Listen); err != nil {
		bad("provider.listen", "must be host:port, e.g. \"0.0.0.0:8470\"")
	}
	if c.Endpoint != "" {
		if u, err := url.Parse(c.Endpoint); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			bad("provider.endpoint", "must be an http(s) URL such as \"http://192.0.2.10:8470\"")
		}
	}
	switch c.STT {
	case "", "pocketsphinx":
	case "wyoming":
		if _, _, err := net.SplitHostPort(strings.TrimPrefix(c.WyomingURI, "tcp://")); err != nil {
			bad("provider.wyoming_uri", "must be tcp://host:port when provider.stt is \"wyoming\"")
		}
	default:
		bad("provider.stt", "must be \"pocketsphinx\", \"wyoming\" or \"\"")
	}
	for _, f := range []struct{ key, v string }{{"provider.weather_upstream", c.WeatherUpstream}, {"provider.knowledge_upstream", c.KnowledgeUpstream}} {
		if f.v == "" {
			continue
		}
		if u, err := url.Parse(f.v); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			bad(f.key, "must be an http(s) URL or empty")
		}
	}
	for _, f := range []struct{ key, v string }{
		{"provider.price_stt", c.PriceSTT}, {"provider.price_weather", c.PriceWeather},
		{"provider.price_knowledge", c.PriceKnowledge}, {"provider.price_storage", c.PriceStorage},
		{"provider.redeem_fee", c.RedeemFee},
	} {
		if _, err := parseMYC(f.v); err != nil {
			bad(f.key, "%v", err)
		}
	}
	if c.RedeemInterval < Duration(time.Second) {
		bad("provider.redeem_interval", "must be at least 1s")
	}
	for _, f := range []struct {
		key   string
		v     Duration
		least time.Duration
	}{
		{"provider.read_timeout", c.ReadTimeout, 11 * time.Second}, {"provider.write_timeout", c.WriteTimeout, 10 * time.Second},
		{"provider.idle_timeout", c.IdleTimeout, time.Second}, {"provider.call_timeout", c.CallTimeout, 10 * time.Second},
		{"provider.channel_scan_interval", c.ChannelScanInterval, time.Second},
	} {
		if f.v.Std() < f.least {
			bad(f.key, "must be at least %s", f.least)
		}
	}
	switch {
	case c.MaxConns < 1:
		bad("provider.max_conns", "must be at least 1")
	case c.MaxConnsPerClient < 1 || c.MaxConnsPerClient > c.MaxConns:
		bad("provider.max_conns_per_client", "must be 1..max_conns (%d)", c.MaxConns)
	}
	if c.ClientRate <= 0 || c.ClientRate != c.ClientRate || c.ClientRate > 1e6 {
		bad("provider.client_rate", "must be a number of requests a second above 0")
	}
	if c.ClientBurst < 1 {
		bad("provider.client_burst", "must be at least 1")
	}
	for _, n := range c.TrustedNetworks {
		if _, err := netip.ParsePrefix(n); err != nil {
			bad("provider.trusted_networks", "%q is not a network such as \"192.168.1.0/24\"", n)
		}
	}
}

// prices is the price list of the services this configuration offers;
// storage is included when withStorage.
func (c ProviderConfig) prices(withStorage bool) chain.Prices {
	p := chain.Prices{}
	add := func(name, v string) {
		if amt, err := parseMYC(v); err == nil {
			p[name] = amt
		}
	}
	if c.STT != "" {
		add("stt", c.PriceSTT)
	}
	if c.WeatherUpstream != "" {
		add("weather", c.PriceWeather)
	}
	if c.KnowledgeUpstream != "" {
		add("knowledge", c.PriceKnowledge)
	}
	if withStorage {
		add("storage", c.PriceStorage)
	}
	return p
}

// providerParts is the provider's HTTP side.
type providerParts struct {
	ln net.Listener // the plain node port; nil with provider.plain_http = "off"
	// endpoint is what the node announces now: with p2p on, its libp2p
	// endpoint once the host runs ("" before).
	endpoint func() string
}

// buildProvider makes the provider and its HTTP server (the provider's
// wire protocol and the storage node's API on one mux). node may be nil.
func (a *Agent) buildProvider(gate *pause.Gate, node *storage.Node) error {
	c := a.cfg.Provider
	switch {
	case a.keys == nil:
		a.health.Set("provider", Degraded, "provider: no keystore; not serving")
		return nil
	case a.chain == nil:
		a.health.Set("provider", Degraded, "provider: no chain configured (chain.rpc_url); not serving")
		return nil
	}
	// The plain node port, under the binding rules of plainhttp.go
	// (checked with the config; checked again here for a Config built in
	// code). With p2p on, a.p2px exists (there is a keystore), and other
	// nodes reach the provider over libp2p once the host runs
	// (lateP2PServer).
	mode := c.plainMode(a.cfg.P2P.Enabled)
	var ln net.Listener
	if mode != PlainOff {
		addr, err := plainListen(c.Listen, mode, c.PlainHTTP == PlainAuto)
		if err == nil {
			ln, err = net.Listen("tcp", addr)
		}
		if err != nil {
			a.health.Set("provider", Degraded, "provider: "+err.Error())
			return nil
		}
		if mode == PlainLAN {
			ln = lanListener{ln}
		}
		if msg := plainNotice(mode, ln.Addr()); msg != "" {
			a.health.Set("provider.plaintext", Notice, "provider: "+msg)
		}
	}
	closeLn := func() {
		if ln != nil {
			ln.Close()
		}
	}
	endpoint := c.Endpoint
	if endpoint == "" && ln != nil {
		endpoint = deriveEndpoint(ln.Addr())
	}
	endpointOf := func() string { return endpoint }
	if a.p2px != nil {
		// With p2p on, the node is found by its peer id (p2p.go), once
		// the host runs; until then it announces nothing, and never the
		// plain port.
		endpointOf = a.p2px.endpoint
	}
	services := map[string]provider.Service{}
	switch c.STT {
	case "pocketsphinx":
		services["stt"] = miner.Pausable(gate, &provider.Sphinx{TempDir: a.cfg.Agent.StateDir})
	case "wyoming":
		services["stt"] = miner.Pausable(gate, &provider.Wyoming{Addr: strings.TrimPrefix(c.WyomingURI, "tcp://")})
	}
	hc := &http.Client{Timeout: 15 * time.Second}
	if c.WeatherUpstream != "" {
		services["weather"] = provider.Simple((&provider.OpenMeteo{BaseURL: c.WeatherUpstream, Client: hc}).Call)
	}
	if c.KnowledgeUpstream != "" {
		services["knowledge"] = provider.Simple((&provider.Wikipedia{BaseURL: c.KnowledgeUpstream, Client: hc}).Call)
	}
	if node != nil {
		services["storage"] = node
	}
	prices, fees := a.sellPrices(node != nil), chain.Prices{}
	mux := http.NewServeMux()
	if err := a.addRelayer(services, fees, mux); err != nil {
		closeLn()
		a.health.Set("provider", Degraded, "provider: relay: "+err.Error())
		return nil
	}
	fee, _ := parseMYC(c.RedeemFee)
	p, err := provider.New(provider.Config{
		DB:           a.db,
		Signer:       a.keys,
		Chain:        a.chain,
		Manifest:     a.manifest,
		RedeemFee:    func(context.Context) (*big.Int, error) { return new(big.Int).Set(fee), nil },
		EndpointFunc: endpointOf,
		Prices:       prices,
		Fees:         fees,
		Services:     services,
		// A backup uploads its chunks to a node in a burst of paid calls.
		RateLimit:    20,
		Burst:        256,
		ScanInterval: c.ChannelScanInterval.Std(),
		Now:          a.now,
		Log:          a.log.With("component", "provider"),
	})
	if err != nil {
		closeLn()
		a.health.Set("provider", Degraded, "provider: "+err.Error())
		return nil
	}
	gcfg, err := c.guardConfig()
	var guard *netguard.Guard
	if err == nil {
		gcfg.Log = a.log.With("component", "provider.http")
		guard, err = netguard.New(gcfg)
	}
	if err != nil {
		closeLn()
		a.health.Set("provider", Degraded, "provider: limits: "+err.Error())
		return nil
	}
	ph := p.Handler()
	mux.Handle("/v1/offer", ph)
	mux.Handle("/v1/call/", ph)
	mux.Handle("/v1/channel/", ph)
	if node != nil {
		// Plain uploads are refused: rent is paid by voucher through
		// POST /v1/call/storage.
		mux.Handle("/v1/", node.Handler(refuseRent{}))
	}
	a.provider = p
	a.earn.prov = &providerParts{ln: ln, endpoint: endpointOf}
	// Every connection and request of the node port goes through the
	// guard: timeouts, connection caps, a call deadline and a per-client
	// token bucket taken before any signature check or chain read.
	// Closed in reverse: the HTTP server stops taking calls first, then
	// the records of the calls it answered are flushed to disk.
	a.svcs.list = append(a.svcs.list,
		&funcService{name: "provider.redeem", run: func(ctx context.Context) error { return p.Run(ctx, c.RedeemInterval.Std()) },
			close: p.Flush})
	if ln != nil {
		a.svcs.list = append(a.svcs.list, &httpService{name: "provider.http", ln: guard.Listener(ln), srv: guard.Server(mux)})
	}
	if a.p2px != nil {
		// The same handler over libp2p, behind the same limits (p2p.go),
		// from when the host starts.
		a.svcs.list = append(a.svcs.list, a.lateP2PServer(mux, guard.Config()))
	}
	a.addStatus("provider", func() any {
		st, err := p.Status()
		if err != nil {
			return map[string]string{"error": err.Error()}
		}
		gs, pc := guard.Stats(), p.Counters()
		return map[string]any{"endpoint": st.Endpoint, "channels": st.Channels, "held": baseToMYC(st.Held),
			"unredeemed": baseToMYC(st.Unredeemed), "served": st.Stats.Served,
			"refused_connections": gs.RefusedConn, "rate_limited": gs.Limited, "open_connections": gs.Open,
			"channel_scans": pc.ChannelScans, "channel_reads": pc.ChainReads}
	})
	return nil
}

// lateP2PServer serves h over libp2p from when the host starts (at once
// if it runs): its listener is made when the host comes up (onStart), and
// served by the service's Run. Until then the status has a notice.
func (a *Agent) lateP2PServer(h http.Handler, g netguard.Config) *p2pHTTPService {
	p := a.p2px
	s := &p2pHTTPService{up: p.up}
	if p.running() == nil {
		until := "no one (provider.plain_http = \"off\")"
		if m := a.cfg.Provider.plainMode(true); m != PlainOff {
			until = "only its plain node port (provider.plain_http: " + m + ")"
		}
		a.health.Set("provider.p2p", Notice, "provider: other nodes reach this provider over libp2p once the keyring is unlocked (see p2p); until then it serves "+until)
	}
	p.onStart(func(r *p2pRun) {
		svc, err := a.p2pServer(r.host, h, g)
		if err != nil {
			a.health.Set("provider.p2p", Degraded, "provider: not served over libp2p: "+err.Error())
			return
		}
		a.health.Clear("provider.p2p")
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.closed {
			_ = svc.Close()
			return
		}
		s.svc = svc
	})
	return s
}

// p2pHTTPService is the provider's server over libp2p, which exists once
// the host runs.
type p2pHTTPService struct {
	up     <-chan struct{}
	mu     sync.Mutex
	svc    *httpService
	closed bool
}

func (s *p2pHTTPService) Name() string { return "provider.p2p" }

func (s *p2pHTTPService) Run(ctx context.Context) error {
	select {
	case <-ctx.Done():
		return nil
	case <-s.up:
	}
	s.mu.Lock()
	svc := s.svc
	s.mu.Unlock()
	if svc == nil { // not served: a warning says why
		<-ctx.Done()
		return nil
	}
	return svc.Run(ctx)
}

func (s *p2pHTTPService) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	if s.svc == nil {
		return nil
	}
	return s.svc.Close()
}

// refuseRent refuses plain PUT uploads: the agent's storage node is paid
// per chunk through the provider's "storage" service.
type refuseRent struct{}

func (refuseRent) Collect(context.Context, http.Header, int) (common.Address, error) {
	return common.Address{}, errors.New("uploads are paid: POST /v1/call/storage with a voucher")
}

// deriveEndpoint makes the advertised URL from the listening address: an
// unspecified host becomes the first non-loopback IPv4 address of the
// machine (loopback if it has none).
func deriveEndpoint(addr net.Addr) string {
	ta, ok := addr.(*net.TCPAddr)
	if !ok {
		return "http://" + addr.String()
	}
	ip := ta.IP
	if ip == nil || ip.IsUnspecified() {
		ip = net.IPv4(127, 0, 0, 1)
		if addrs, err := net.InterfaceAddrs(); err == nil {
			for _, a := range addrs {
				if n, ok := a.(*net.IPNet); ok && !n.IP.IsLoopback() && n.IP.To4() != nil {
					ip = n.IP
					break
				}
			}
		}
	}
	return "http://" + net.JoinHostPort(ip.String(), strconv.Itoa(ta.Port))
}

func (a *Agent) providerRoutes() {
	a.handle("GET /provider/status", func(r *http.Request) (any, error) {
		if a.provider == nil {
			return nil, unavailable("the provider is off (provider.enabled = false, or see mycroft status)")
		}
		st, err := a.provider.Status()
		if err != nil {
			return nil, err
		}
		listen := "" // plain node port off: libp2p only
		if ln := a.earn.prov.ln; ln != nil {
			listen = ln.Addr().String()
		}
		return apiclient.ProviderStatus{Address: st.Address, Endpoint: st.Endpoint, Listen: listen,
			Prices: st.Prices, Channels: st.Channels, Held: st.Held, Redeemed: st.Redeemed, Unredeemed: st.Unredeemed,
			Stats: apiclient.ProviderStats(st.Stats), LastError: st.LastError}, nil
	})
}

// httpService serves srv on ln until ctx ends.
type httpService struct {
	name string
	ln   net.Listener
	srv  *http.Server
}

func (s *httpService) Name() string { return s.name }

func (s *httpService) Run(ctx context.Context) error {
	errc := make(chan error, 1)
	go func() { errc <- s.srv.Serve(s.ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("%s: %w", s.name, err)
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = s.srv.Shutdown(sctx)
		return nil
	}
}

func (s *httpService) Close() error {
	err := s.srv.Close()
	if lerr := s.ln.Close(); lerr != nil && !errors.Is(lerr, net.ErrClosed) && err == nil {
		err = lerr
	}
	return err
}

// funcService runs a function as a Service; close, if set, is its Close.
type funcService struct {
	name  string
	run   func(ctx context.Context) error
	close func() error
}

func (s *funcService) Name() string                  { return s.name }
func (s *funcService) Run(ctx context.Context) error { return s.run(ctx) }
func (s *funcService) Close() error {
	if s.close == nil {
		return nil
	}
	return s.close()
}
