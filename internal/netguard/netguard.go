package netguard

import (
	"context"
	"fmt"
	"log/slog"
	"math"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mycroft-network/mycroft/internal/bucket"
)

// Config sets the limits. A zero field takes its default (Defaults); a
// negative Rate turns the per-client token bucket off.
type Config struct {
	// ReadHeaderTimeout bounds reading a request's headers (default 10 s).
	ReadHeaderTimeout time.Duration
	// ReadTimeout bounds reading a whole request, body included (default
	// 60 s: 15 s of speech is ~480 KB of audio, a storage chunk 64 KiB; at
	// 128 kbit/s, a poor home uplink, that is 30 s).
	ReadTimeout time.Duration
	// WriteTimeout bounds a call from the end of its headers to the end of
	// its answer: reading the body, the service's work and the write
	// (default 120 s).
	WriteTimeout time.Duration
	// IdleTimeout closes a keep-alive connection waiting for its next
	// request (default 30 s).
	IdleTimeout time.Duration
	// CallTimeout is the deadline put on each request's context (default
	// 90 s: reading the body plus a slow speech-to-text run).
	CallTimeout time.Duration
	// MaxHeaderBytes caps a request's headers (default 16 KiB).
	MaxHeaderBytes int
	// MaxConns caps open connections in total (default 512) and
	// MaxConnsPerClient per client (default 32).
	MaxConns          int
	MaxConnsPerClient int
	// Rate and Burst are each client's token bucket: Rate requests a
	// second on average, Burst at once (default 50/s, 300). A backup
	// uploads its chunks in a burst of paid calls.
	Rate  float64
	Burst int
	// MaxClients bounds the bucket table (default 4096).
	MaxClients int
	// Exempt lists networks whose clients skip the per-client cap and the
	// bucket (the owner's own LAN, say). The total cap still applies.
	Exempt []netip.Prefix
	// Now is the clock of the buckets (default time.Now).
	Now func() time.Time
	Log *slog.Logger
}

// Defaults returns the default limits.
func Defaults() Config {
	return Config{
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      120 * time.Second,
		IdleTimeout:       30 * time.Second,
		CallTimeout:       90 * time.Second,
		MaxHeaderBytes:    16 << 10,
		MaxConns:          512,
		MaxConnsPerClient: 32,
		Rate:              50,
		Burst:             300,
		MaxClients:        4096,
	}
}

func (c *Config) defaults() {
	d := Defaults()
	set := func(v *time.Duration, def time.Duration) {
		if *v <= 0 {
			*v = def
		}
	}
	set(&c.ReadHeaderTimeout, d.ReadHeaderTimeout)
	set(&c.ReadTimeout, d.ReadTimeout)
	set(&c.WriteTimeout, d.WriteTimeout)
	set(&c.IdleTimeout, d.IdleTimeout)
	set(&c.CallTimeout, d.CallTimeout)
	if c.MaxHeaderBytes <= 0 {
		c.MaxHeaderBytes = d.MaxHeaderBytes
	}
	if c.MaxConns <= 0 {
		c.MaxConns = d.MaxConns
	}
	if c.MaxConnsPerClient <= 0 {
		c.MaxConnsPerClient = d.MaxConnsPerClient
	}
	if c.Rate == 0 {
		c.Rate = d.Rate
	}
	if c.Burst <= 0 {
		c.Burst = d.Burst
	}
	if c.MaxClients <= 0 {
		c.MaxClients = d.MaxClients
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	if c.Log == nil {
		c.Log = slog.New(slog.DiscardHandler)
	}
}

// Validate reports the first limit that makes no sense.
func (c Config) Validate() error {
	switch {
	case c.ReadHeaderTimeout < 0 || c.ReadTimeout < 0 || c.WriteTimeout < 0 || c.IdleTimeout < 0 || c.CallTimeout < 0:
		return fmt.Errorf("netguard: config: timeouts must not be negative")
	case c.ReadTimeout > 0 && c.ReadHeaderTimeout > c.ReadTimeout:
		return fmt.Errorf("netguard: config: read header timeout %s above read timeout %s", c.ReadHeaderTimeout, c.ReadTimeout)
	case c.MaxConns < 0 || c.MaxConnsPerClient < 0 || c.MaxHeaderBytes < 0 || c.Burst < 0 || c.MaxClients < 0:
		return fmt.Errorf("netguard: config: caps must not be negative")
	case c.MaxConns > 0 && c.MaxConnsPerClient > c.MaxConns:
		return fmt.Errorf("netguard: config: per-client cap %d above total cap %d", c.MaxConnsPerClient, c.MaxConns)
	case math.IsNaN(c.Rate) || math.IsInf(c.Rate, 0):
		return fmt.Errorf("netguard: config: rate must be a number")
	}
	return nil
}

// Stats counts what the guard refused since it was made.
type Stats struct {
	Open        int64 `json:"open"`         // connections open now
	RefusedConn int64 `json:"refused_conn"` // connections closed at accept (a cap)
	Limited     int64 `json:"limited"`      // requests refused by a client's bucket
	Served      int64 `json:"served"`       // requests passed to the handler
}

// Guard holds the limits and their tables. Make it with New; one Guard per
// listening port.
type Guard struct {
	cfg     Config
	mu      sync.Mutex
	total   int
	conns   map[netip.Prefix]int
	buckets *bucket.Table[netip.Prefix]

	refused, limited, served atomic.Int64
}

// New returns a guard with cfg's limits (zero fields take the defaults).
func New(cfg Config) (*Guard, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	cfg.defaults()
	return &Guard{cfg: cfg, conns: map[netip.Prefix]int{},
		buckets: bucket.New[netip.Prefix](cfg.Rate, cfg.Burst, cfg.MaxClients, cfg.Now)}, nil
}

// Config returns the limits in force (defaults filled in).
func (g *Guard) Config() Config { return g.cfg }

// Stats returns the counters.
func (g *Guard) Stats() Stats {
	g.mu.Lock()
	open := int64(g.total)
	g.mu.Unlock()
	return Stats{Open: open, RefusedConn: g.refused.Load(), Limited: g.limited.Load(), Served: g.served.Load()}
}

// ClientKey is the client a remote address belongs to: the IPv4 address,
// or the /64 of an IPv6 one. ok is false for an address that is not IP.
func ClientKey(addr string) (netip.Prefix, bool) {
	ap, err := netip.ParseAddrPort(addr)
	if err != nil {
		return netip.Prefix{}, false
	}
	ip := ap.Addr().Unmap().WithZone("")
	bits := 32
	if ip.Is6() {
		bits = 64
	}
	p, err := ip.Prefix(bits)
	if err != nil {
		return netip.Prefix{}, false
	}
	return p, true
}

func (g *Guard) exempt(k netip.Prefix) bool {
	for _, n := range g.cfg.Exempt {
		if n.Contains(k.Addr()) {
			return true
		}
	}
	return false
}

// Server returns an http.Server with the guard's timeouts serving h behind
// Handler. Serve it on Listener(ln).
func (g *Guard) Server(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           g.Handler(h),
		ReadHeaderTimeout: g.cfg.ReadHeaderTimeout,
		ReadTimeout:       g.cfg.ReadTimeout,
		WriteTimeout:      g.cfg.WriteTimeout,
		IdleTimeout:       g.cfg.IdleTimeout,
		MaxHeaderBytes:    g.cfg.MaxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(g.cfg.Log.Handler(), slog.LevelDebug),
	}
}

// Handler runs h for requests whose client has a token left, with the
// call deadline on the request's context; others get 429 and h never
// runs.
func (g *Guard) Handler(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		k, ok := ClientKey(r.RemoteAddr)
		if ok && !g.exempt(k) {
			if wait, allowed := g.buckets.Take(k); !allowed {
				g.limited.Add(1)
				w.Header().Set("Retry-After", strconv.Itoa(int(math.Ceil(wait.Seconds()))))
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(http.StatusTooManyRequests)
				_, _ = w.Write([]byte(`{"error":{"code":"rate_limited","message":"netguard: too many requests from this client"}}` + "\n"))
				return
			}
		}
		g.served.Add(1)
		ctx, cancel := context.WithTimeout(r.Context(), g.cfg.CallTimeout)
		defer cancel()
		h.ServeHTTP(w, r.WithContext(ctx))
	})
}

// Listener wraps ln: Accept closes, at once, a connection beyond the total
// or the per-client cap and goes on accepting; a connection's slot is freed
// when it is closed.
func (g *Guard) Listener(ln net.Listener) net.Listener { return &listener{Listener: ln, g: g} }

type listener struct {
	net.Listener
	g *Guard
}

func (l *listener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		k, _ := ClientKey(c.RemoteAddr().String())
		if l.g.admit(k) {
			return &conn{Conn: c, g: l.g, key: k}, nil
		}
		l.g.refused.Add(1)
		if tc, ok := c.(*net.TCPConn); ok {
			_ = tc.SetLinger(0) // a reset: no TIME_WAIT kept for a refused peer
		}
		c.Close()
	}
}

// admit takes a slot for a new connection of client k, or reports false.
func (g *Guard) admit(k netip.Prefix) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.total >= g.cfg.MaxConns {
		return false
	}
	if k.IsValid() && !g.exempt(k) && g.conns[k] >= g.cfg.MaxConnsPerClient {
		return false
	}
	g.total++
	if k.IsValid() {
		g.conns[k]++
	}
	return true
}

func (g *Guard) release(k netip.Prefix) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.total--
	if !k.IsValid() {
		return
	}
	if g.conns[k] <= 1 {
		delete(g.conns, k)
	} else {
		g.conns[k]--
	}
}

type conn struct {
	net.Conn
	g    *Guard
	key  netip.Prefix
	once sync.Once
}

func (c *conn) Close() error {
	err := c.Conn.Close()
	c.once.Do(func() { c.g.release(c.key) })
	return err
}
