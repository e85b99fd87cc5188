package messagebus

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"

	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/voice"
)

// Defaults and limits of the bus.
const (
	DefaultAddr       = "127.0.0.1:8181"
	Route             = "/core"
	DefaultMaxMessage = 64 << 10
	DefaultMaxClients = 32
	writeTimeout      = 5 * time.Second
	pingEvery         = 30 * time.Second
	pongWait          = 75 * time.Second // a client silent this long, pings unanswered, is dropped
	sendQueue         = 256              // messages waiting for a client; a client this far behind is dropped
)

// Voice is the device's voice pipeline as the bus uses it (voice.Pipeline).
type Voice interface {
	Ask(ctx context.Context, text string) (string, error)
	Announce(ctx context.Context, text string) (string, error)
	Subscribe(buffer int) *voice.Subscription
}

// Config configures a Bus.
type Config struct {
	// Token, when set, is required of every client; it is required for
	// any listen address that is not loopback.
	Token string
	// MaxMessage is the largest frame accepted (bytes); default 64 KiB.
	MaxMessage int64
	// MaxClients connected at once; default 32.
	MaxClients int
	// Volume is the speaker's volume (nil: the board has none; volume
	// requests are answered with what is known).
	Volume hal.Volume
	// WakeWord is said in recognizer_loop:wakeword ("hey mycroft").
	WakeWord string
	// Lang is the language of the utterances ("en-us").
	Lang string
	// HandlerTimeout bounds the wait for an external skill's answer;
	// default 10 s.
	HandlerTimeout time.Duration
	// Known says whether the local recogniser can hear a word (is in its
	// dictionary): external skills' samples with other words are left out
	// of the grammar it is given. Nil: no sample joins the grammar.
	Known func(word string) bool
	Log   *slog.Logger
}

// ErrToken: a listen address other than loopback without a token.
var ErrToken = errors.New("messagebus: a listen address other than loopback needs a token")

// Bus is the messagebus server.
type Bus struct {
	cfg      Config
	voice    Voice   // set by Serve
	inner    Matcher // the built-in skills, set by Brain
	log      *slog.Logger
	loopback bool
	upgrader websocket.Upgrader

	mu      sync.Mutex
	clients map[uint64]*client
	nextID  uint64
	reg     *registry
	pending *handler       // the external intent being handled
	ours    map[string]int // answers of external skills the pipeline will speak: not re-sent as speak
	muted   int            // volume before mycroft.volume.mute (-1: not muted)
	soft    int            // volume when the board has no control
	saying  string         // a speak being said through Announce (runAnnounces)

	utterances chan Message
	announces  chan string
	stats      Stats
}

// Stats counts what the bus did.
type Stats struct {
	Clients   atomic.Int64
	Refused   atomic.Uint64 // connections refused (token, limit)
	Malformed atomic.Uint64 // frames that were not messages
	Dropped   atomic.Uint64 // clients dropped for falling behind
	Intents   atomic.Uint64 // external intents dispatched
}

// New returns a bus for the listen address addr (host:port); it does not
// listen yet (Serve).
func New(addr string, cfg Config) (*Bus, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("messagebus: listen address %q: %w", addr, err)
	}
	loop := IsLoopback(host)
	if !loop && cfg.Token == "" {
		return nil, ErrToken
	}
	if cfg.MaxMessage <= 0 {
		cfg.MaxMessage = DefaultMaxMessage
	}
	if cfg.MaxClients <= 0 {
		cfg.MaxClients = DefaultMaxClients
	}
	if cfg.HandlerTimeout <= 0 {
		cfg.HandlerTimeout = 10 * time.Second
	}
	if cfg.WakeWord == "" {
		cfg.WakeWord = "hey mycroft"
	}
	if cfg.Lang == "" {
		cfg.Lang = "en-us"
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	b := &Bus{
		cfg: cfg, log: cfg.Log, loopback: loop,
		clients: map[uint64]*client{}, reg: newRegistry(), ours: map[string]int{},
		muted: -1, soft: 50,
		utterances: make(chan Message, 8),
		announces:  make(chan string, 16),
	}
	b.upgrader = websocket.Upgrader{
		ReadBufferSize: 4096, WriteBufferSize: 4096, HandshakeTimeout: 5 * time.Second,
		// Origin is checked in ServeHTTP: a browser needs the token.
		CheckOrigin: func(*http.Request) bool { return true },
	}
	return b, nil
}

// IsLoopback reports whether host (an IP or "localhost") is a loopback
// address.
func IsLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Stats returns the bus's counters.
func (b *Bus) Stats() *Stats { return &b.stats }

// Serve serves the bus on ln until ctx is done: utterances go to v, and
// what v does is published on the bus.
func (b *Bus) Serve(ctx context.Context, ln net.Listener, v Voice) error {
	if v == nil {
		return errors.New("messagebus: no voice pipeline")
	}
	b.voice = v
	mux := http.NewServeMux()
	mux.Handle(Route, b)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second, MaxHeaderBytes: 16 << 10}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	sub := v.Subscribe(64)
	defer sub.Close()
	var wg sync.WaitGroup
	wg.Add(3)
	go func() { defer wg.Done(); b.runEvents(ctx, sub) }()
	go func() { defer wg.Done(); b.runUtterances(ctx) }()
	go func() { defer wg.Done(); b.runAnnounces(ctx) }()
	go func() {
		<-ctx.Done()
		_ = srv.Close()
		b.mu.Lock()
		for _, c := range b.clients {
			c.close()
		}
		b.mu.Unlock()
	}()
	err := srv.Serve(ln)
	cancel()
	wg.Wait()
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return fmt.Errorf("messagebus: serve: %w", err)
}

// authorized checks the token where one is needed: on any address but
// loopback, whenever one is configured, and for browsers (Origin).
func (b *Bus) authorized(r *http.Request) bool {
	need := !b.loopback || b.cfg.Token != "" || r.Header.Get("Origin") != ""
	if !need {
		return true
	}
	if b.cfg.Token == "" {
		return false
	}
	got := r.URL.Query().Get("token")
	if h := r.Header.Get("Authorization"); strings.HasPrefix(h, "Bearer ") {
		got = strings.TrimPrefix(h, "Bearer ")
	}
	return subtle.ConstantTimeCompare([]byte(got), []byte(b.cfg.Token)) == 1
}

// ServeHTTP upgrades a request on /core to a bus connection.
func (b *Bus) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !b.authorized(r) {
		b.stats.Refused.Add(1)
		http.Error(w, "messagebus: a valid token is needed (token query parameter or Authorization: Bearer)", http.StatusUnauthorized)
		return
	}
	b.mu.Lock()
	full := len(b.clients) >= b.cfg.MaxClients
	b.mu.Unlock()
	if full {
		b.stats.Refused.Add(1)
		http.Error(w, "messagebus: too many clients", http.StatusServiceUnavailable)
		return
	}
	conn, err := b.upgrader.Upgrade(w, r, nil)
	if err != nil {
		return // the upgrader answered the client
	}
	c := b.add(conn)
	if c == nil {
		_ = conn.Close()
		return
	}
	go c.writeLoop()
	c.send(Message{Type: "connected"}.Encode())
	b.readLoop(c)
}

// client is one connection.
type client struct {
	id    uint64
	conn  *websocket.Conn
	out   chan []byte
	done  chan struct{}
	once  sync.Once
	onOut func() // a client too slow for its queue
}

func (b *Bus) add(conn *websocket.Conn) *client {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.clients) >= b.cfg.MaxClients {
		b.stats.Refused.Add(1)
		return nil
	}
	b.nextID++
	c := &client{id: b.nextID, conn: conn, out: make(chan []byte, sendQueue), done: make(chan struct{})}
	c.onOut = func() { b.stats.Dropped.Add(1); b.log.Warn("messagebus: client too slow: dropped", "client", c.id) }
	b.clients[c.id] = c
	b.stats.Clients.Add(1)
	return c
}

func (b *Bus) remove(c *client) {
	c.close()
	b.mu.Lock()
	defer b.mu.Unlock()
	if _, ok := b.clients[c.id]; !ok {
		return
	}
	delete(b.clients, c.id)
	b.stats.Clients.Add(-1)
	b.reg.detachOwner(c.id)
	if b.pending != nil && b.pending.owner == c.id {
		b.pending.finish()
	}
}

func (c *client) close() {
	c.once.Do(func() {
		close(c.done)
		_ = c.conn.Close()
	})
}

// send queues a frame without waiting; a client whose queue is full is
// dropped (it reconnects) rather than holding up the bus.
func (c *client) send(frame []byte) {
	select {
	case <-c.done:
	case c.out <- frame:
	default:
		c.onOut()
		c.close()
	}
}

func (c *client) writeLoop() {
	ping := time.NewTicker(pingEvery)
	defer ping.Stop()
	for {
		select {
		case <-c.done:
			return
		case f := <-c.out:
			_ = c.conn.SetWriteDeadline(time.Now().Add(writeTimeout))
			if err := c.conn.WriteMessage(websocket.TextMessage, f); err != nil {
				c.close()
				return
			}
		case <-ping.C:
			if err := c.conn.WriteControl(websocket.PingMessage, nil, time.Now().Add(writeTimeout)); err != nil {
				c.close()
				return
			}
		}
	}
}

func (b *Bus) readLoop(c *client) {
	defer b.remove(c)
	c.conn.SetReadLimit(b.cfg.MaxMessage)
	_ = c.conn.SetReadDeadline(time.Now().Add(pongWait))
	c.conn.SetPongHandler(func(string) error { return c.conn.SetReadDeadline(time.Now().Add(pongWait)) })
	for {
		kind, frame, err := c.conn.ReadMessage()
		if err != nil {
			if !websocket.IsCloseError(err, websocket.CloseNormalClosure, websocket.CloseGoingAway) && !errors.Is(err, net.ErrClosed) {
				b.log.Debug("messagebus: client gone", "client", c.id, "err", err)
			}
			return
		}
		_ = c.conn.SetReadDeadline(time.Now().Add(pongWait))
		if kind != websocket.TextMessage {
			b.stats.Malformed.Add(1)
			continue
		}
		m, err := Parse(frame)
		if err != nil {
			b.stats.Malformed.Add(1)
			continue
		}
		b.broadcast(frame)
		b.handle(c, m)
	}
}

// broadcast sends a frame to every client.
func (b *Bus) broadcast(frame []byte) {
	b.mu.Lock()
	cs := make([]*client, 0, len(b.clients))
	for _, c := range b.clients {
		cs = append(cs, c)
	}
	b.mu.Unlock()
	for _, c := range cs {
		c.send(frame)
	}
}

// emit sends a message of the bus's own to every client.
func (b *Bus) emit(m Message) { b.broadcast(m.Encode()) }
