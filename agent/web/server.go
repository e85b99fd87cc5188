package web

import (
	"context"
	"crypto/rand"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/mycroft-network/mycroft/internal/apiclient"
)

// Timeouts and sizes of the web listeners.
const (
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 15 * time.Second
	// writeTimeout covers the slowest action: a vote or a channel close
	// waits for its transaction.
	writeTimeout   = 90 * time.Second
	idleTimeout    = 2 * time.Minute
	maxHeaderBytes = 16 << 10
	maxFormBytes   = 64 << 10
)

// Config says where the page listens.
type Config struct {
	// Loopback is the plain-HTTP listener for the owner over SSH port
	// forwarding; it must be a loopback address. "" is none.
	Loopback string
	// LAN is the HTTPS listener that needs pairing. "" is none.
	LAN string
	// StateDir holds the LAN certificate (CertFile).
	StateDir string
	// Hostname goes in the certificate (and hostname.local).
	Hostname string
	// SessionTTL is how long a paired session lasts; PairTTL how long a
	// pairing code does.
	SessionTTL time.Duration
	PairTTL    time.Duration
	// Location is the device's time zone, for the pages' times and the
	// spending chart's days; nil is the system's.
	Location *time.Location
}

// Options are the server's dependencies.
type Options struct {
	// API is the agent's local API handler: every page reads and acts
	// through it, as the CLI does.
	API http.Handler
	Log *slog.Logger
	// Now and Random default to time.Now and crypto/rand.
	Now    func() time.Time
	Random io.Reader
	// ShowCode shows a new pairing code to the owner (the faceplate); nil
	// leaves `mycroft web pair` as the only way to see it.
	ShowCode func(ctx context.Context, code string, expires time.Time)
}

// Server is the owner's web page as a service of the agent.
type Server struct {
	cfg  Config
	log  *slog.Logger
	api  *apiclient.Client
	auth *auth
	show func(ctx context.Context, code string, expires time.Time)
	now  func() time.Time
	loc  *time.Location
	cert *tls.Certificate
	lns  []*listener
	once sync.Once

	// The code last shown and when: the same code is shown (and said)
	// again only after showAgainAfter, so a LAN visitor cannot keep the
	// device talking.
	showMu    sync.Mutex
	shownCode string
	shownAt   time.Time
}

// showAgainAfter is how soon the same pairing code may be shown again.
const showAgainAfter = 30 * time.Second

type listener struct {
	lan bool
	ln  net.Listener
	srv *http.Server
}

// New binds the listeners of cfg and, for the LAN one, loads or makes the
// certificate. On an error it returns the server with the listeners that
// did open (nil when none did) and the error.
func New(cfg Config, opts Options) (*Server, error) {
	if opts.API == nil {
		return nil, errors.New("web: no API handler")
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Random == nil {
		opts.Random = rand.Reader
	}
	if cfg.SessionTTL <= 0 {
		cfg.SessionTTL = 12 * time.Hour
	}
	if cfg.PairTTL <= 0 {
		cfg.PairTTL = 5 * time.Minute
	}
	if cfg.Location == nil {
		cfg.Location = time.Local
	}
	s := &Server{cfg: cfg, log: opts.Log, api: apiclient.NewInProcess(opts.API), show: opts.ShowCode, now: opts.Now, loc: cfg.Location,
		auth: newAuth(opts.Now, opts.Random, cfg.SessionTTL, cfg.PairTTL)}
	var errs []error
	if cfg.Loopback != "" {
		if err := s.listen(cfg.Loopback, false, opts); err != nil {
			errs = append(errs, err)
		}
	}
	if cfg.LAN != "" {
		if err := s.listen(cfg.LAN, true, opts); err != nil {
			errs = append(errs, err)
		}
	}
	if len(s.lns) == 0 && len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return s, errors.Join(errs...)
}

func (s *Server) listen(addr string, lan bool, opts Options) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("web: listen %q: %w", addr, err)
	}
	ip := net.ParseIP(host)
	if !lan && (ip == nil || !ip.IsLoopback()) {
		return fmt.Errorf("web: the plain-HTTP listener must be on a loopback address, not %q", addr)
	}
	srv := &http.Server{
		Handler:           s.handler(lan),
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		WriteTimeout:      writeTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    maxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelDebug),
	}
	if lan {
		c, err := loadOrCreateCert(filepath.Join(s.cfg.StateDir, CertFile), s.cfg.Hostname, ip, opts.Now(), opts.Random)
		if err != nil {
			return err
		}
		s.cert = &c
		srv.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12, Certificates: []tls.Certificate{c}}
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("web: %w", err)
	}
	if lan {
		ln = tls.NewListener(ln, srv.TLSConfig)
	}
	s.lns = append(s.lns, &listener{lan: lan, ln: ln, srv: srv})
	return nil
}

// Name implements the agent's Service.
func (s *Server) Name() string { return "web" }

// Run serves until ctx is done.
func (s *Server) Run(ctx context.Context) error {
	errc := make(chan error, len(s.lns))
	for _, l := range s.lns {
		l.srv.BaseContext = func(net.Listener) context.Context { return ctx }
		go func() { errc <- l.srv.Serve(l.ln) }()
	}
	select {
	case err := <-errc:
		return fmt.Errorf("web: %w", err)
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		for _, l := range s.lns {
			_ = l.srv.Shutdown(sctx)
		}
		return ctx.Err()
	}
}

// Close stops the listeners.
func (s *Server) Close() error {
	var errs []error
	s.once.Do(func() {
		for _, l := range s.lns {
			if err := l.srv.Close(); err != nil && !errors.Is(err, http.ErrServerClosed) {
				errs = append(errs, err)
			}
			if err := l.ln.Close(); err != nil && !errors.Is(err, net.ErrClosed) {
				errs = append(errs, err)
			}
		}
	})
	return errors.Join(errs...)
}

// Addr returns the address a listener is bound to ("" when there is none).
func (s *Server) Addr(lan bool) string {
	for _, l := range s.lns {
		if l.lan == lan {
			return l.ln.Addr().String()
		}
	}
	return ""
}

// Fingerprint is the SHA-256 fingerprint of the LAN certificate ("" with
// no LAN listener).
func (s *Server) Fingerprint() string {
	if s.cert == nil {
		return ""
	}
	return Fingerprint(s.cert.Certificate[0])
}

// Status is the page's part of `mycroft status`.
func (s *Server) Status() apiclient.WebStatus {
	st := apiclient.WebStatus{Fingerprint: s.Fingerprint(), Sessions: s.auth.count()}
	if a := s.Addr(false); a != "" {
		st.Loopback = "http://" + a
	}
	if a := s.Addr(true); a != "" {
		st.LAN = "https://" + a
	}
	return st
}

// PairingCode returns the pairing code in force or a new one, and shows it
// on the faceplate.
func (s *Server) PairingCode(ctx context.Context) (string, time.Time, error) {
	code, exp, err := s.auth.newCode()
	if err != nil {
		return "", time.Time{}, err
	}
	s.showMu.Lock()
	now := s.auth.now()
	again := code == s.shownCode && now.Sub(s.shownAt) < showAgainAfter
	if !again {
		s.shownCode, s.shownAt = code, now
	}
	s.showMu.Unlock()
	if s.show != nil && !again {
		s.show(ctx, code, exp)
	}
	return code, exp, nil
}

// loopbackHost reports whether a Host header names the loopback: the
// loopback page refuses any other name, so a web site that rebinds its
// DNS name to 127.0.0.1 cannot read or drive it.
func loopbackHost(h string) bool {
	host := h
	if hh, _, err := net.SplitHostPort(h); err == nil {
		host = hh
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
