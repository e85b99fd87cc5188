package agent

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/mycroft-network/mycroft/agent/web"
	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/internal/apiclient"
	"github.com/mycroft-network/mycroft/voice"
	"github.com/mycroft-network/mycroft/voice/tts"
)

// WebConfig is the [web] table: the owner's web page (docs/web.md).
type WebConfig struct {
	// Enabled serves the page at all.
	Enabled bool `toml:"enabled"`
	// Loopback is the plain-HTTP address for the owner over SSH port
	// forwarding; it must be a loopback address.
	Loopback string `toml:"loopback"`
	// Listen is "loopback" (the page stays off the LAN), "lan" (also
	// HTTPS on every interface at LANPort, with pairing) or an address
	// host:port for the HTTPS listener.
	Listen string `toml:"listen"`
	// LANPort is the HTTPS port of listen = "lan".
	LANPort int `toml:"lan_port"`
	// SessionTTL is how long a paired browser stays paired.
	SessionTTL Duration `toml:"session_ttl"`
}

// Defaults of [web].
const (
	defaultWebLoopback = "127.0.0.1:8480"
	defaultWebLANPort  = 8443
	webPairTTL         = 5 * time.Minute
)

func defaultWebConfig() WebConfig {
	return WebConfig{Enabled: true, Loopback: defaultWebLoopback, Listen: "loopback", LANPort: defaultWebLANPort,
		SessionTTL: Duration(12 * time.Hour)}
}

func (c WebConfig) validate(bad badFunc) {
	if c.Loopback != "" {
		host, port, err := net.SplitHostPort(c.Loopback)
		if ip := net.ParseIP(host); err != nil || ip == nil || !ip.IsLoopback() {
			bad("web.loopback", "must be a loopback address and port such as %s (or \"\" for none), got %q", defaultWebLoopback, c.Loopback)
		} else if _, err := strconv.ParseUint(port, 10, 16); err != nil {
			bad("web.loopback", "bad port in %q", c.Loopback)
		}
	}
	switch c.Listen {
	case "loopback", "lan":
	default:
		host, port, err := net.SplitHostPort(c.Listen)
		if err != nil {
			bad("web.listen", "must be loopback, lan or an address host:port, got %q", c.Listen)
		} else if _, perr := strconv.ParseUint(port, 10, 16); perr != nil || (host != "" && net.ParseIP(host) == nil) {
			bad("web.listen", "must be loopback, lan or an IP address and port, got %q", c.Listen)
		}
	}
	if c.LANPort < 1 || c.LANPort > 65535 {
		bad("web.lan_port", "must be a port between 1 and 65535, got %d", c.LANPort)
	} else if _, port, err := net.SplitHostPort(c.Loopback); c.Listen == "lan" && err == nil && port == strconv.Itoa(c.LANPort) {
		// Every interface includes the loopback: the two cannot share a port.
		bad("web.lan_port", "must differ from the loopback listener's port (%s)", port)
	}
	if d := c.SessionTTL.Std(); d < time.Minute || d > 30*24*time.Hour {
		bad("web.session_ttl", "must be between 1m and 720h, got %s", d)
	}
}

// lanAddr is the HTTPS listener's address ("" when the page stays off the
// LAN).
func (c WebConfig) lanAddr() string {
	switch c.Listen {
	case "loopback":
		return ""
	case "lan":
		return ":" + strconv.Itoa(c.LANPort)
	}
	return c.Listen
}

// wireWeb starts the owner's web page. A listener that cannot open (a
// port taken, an unreadable certificate) degrades the agent; the rest of
// the page and the agent go on.
func (a *Agent) wireWeb(context.Context) error {
	c := a.cfg.Web
	if !c.Enabled {
		return nil
	}
	host, _ := os.Hostname()
	s, err := web.New(web.Config{
		Loopback: c.Loopback, LAN: c.lanAddr(), StateDir: a.cfg.Agent.StateDir, Hostname: host,
		SessionTTL: c.SessionTTL.Std(), PairTTL: webPairTTL, Location: a.location(),
	}, web.Options{API: a.mux, Log: a.log, Now: a.now, ShowCode: a.showPairingCode})
	if err != nil {
		a.health.Set("web", Degraded, err.Error())
		a.log.Warn("web page", "err", err)
	}
	if s == nil {
		return nil
	}
	a.svcs.list = append(a.svcs.list, s)
	a.addStatus("web", func() any { return s.Status() })
	a.handle("POST /web/pair", func(r *http.Request) (any, error) {
		if s.Addr(true) == "" {
			return nil, &apiclient.Error{Status: http.StatusConflict,
				Message: "the web page has no LAN listener (web.listen = \"loopback\", or it failed to open: see mycroft status): over SSH it needs no pairing"}
		}
		code, exp, err := s.PairingCode(r.Context())
		if err != nil {
			return nil, err
		}
		return apiclient.WebPair{Code: code, Expires: exp}, nil
	})
	return nil
}

// location is the device's time zone: agent.timezone, else the system's.
func (a *Agent) location() *time.Location {
	if tz := a.cfg.Agent.TimeZone; tz != "" {
		if l, err := time.LoadLocation(tz); err == nil {
			return l
		}
	}
	return time.Local
}

// showPairingCode puts the code on the faceplate, as the timer shows what
// rings (the pipeline's next state replaces it), and says it twice on the
// speaker when nothing else is going on (a sound, like the timer's chime:
// the button or the wake word cuts it). The Mark II ring has no text: there
// the code is spoken, and `mycroft web pair` over SSH prints it anywhere.
func (a *Agent) showPairingCode(ctx context.Context, code string, _ time.Time) {
	parts := a.voicex
	if parts == nil || parts.faces == nil {
		return
	}
	f := voice.FaceFor(hal.StateSpeaking)
	f.Mouth.Text = "PAIR " + code
	f.Ring = hal.Ring{Pattern: hal.RingPulse, Color: f.Eyes.Color}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := parts.faces.Show(sctx, f); err != nil {
		a.log.Warn("web: pairing code on the faceplate", "err", fmt.Errorf("show: %w", err))
	}
	if a.voice == nil || !parts.spk {
		return
	}
	digits := strings.Join(strings.Split(code, ""), " ")
	text := "Your web page pairing code is " + digits + ". Again: " + digits + "."
	p, program := a.voice, a.cfg.Voice.TTS
	go func() { // the page answers at once; the speech is bounded
		sctx, cancel := context.WithTimeout(context.Background(), webSpeakTimeout)
		defer cancel()
		pcm, err := (&tts.Engine{Program: program}).Synthesize(sctx, text)
		if err == nil {
			err = p.Alert(sctx, pcm)
		}
		if err != nil {
			a.log.Info("web: pairing code not spoken", "err", err)
		}
	}()
}

// webSpeakTimeout bounds saying a pairing code.
const webSpeakTimeout = 30 * time.Second
