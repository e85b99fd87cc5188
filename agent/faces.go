package agent

// The voice pipeline's faces to the ecosystems owners already use: the
// Mycroft/OVOS messagebus ([messagebus], agent/messagebus) and the Home
// Assistant Wyoming satellite ([satellite], agent/satellite, announced over
// mDNS by internal/mdns). Both wrap the pipeline's services before it is
// built and serve it once it runs.

import (
	"context"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"

	"github.com/mycroft-network/mycroft/agent/messagebus"
	"github.com/mycroft-network/mycroft/agent/satellite"
	"github.com/mycroft-network/mycroft/agent/skills"
	"github.com/mycroft-network/mycroft/hal"
	"github.com/mycroft-network/mycroft/internal/buildinfo"
	"github.com/mycroft-network/mycroft/internal/mdns"
	"github.com/mycroft-network/mycroft/voice"
)

// MessagebusConfig is the [messagebus] table.
type MessagebusConfig struct {
	// Enabled serves the bus (with the voice pipeline).
	Enabled bool `toml:"enabled"`
	// Listen is host:port; anything but loopback needs Token.
	Listen string `toml:"listen"`
	// Token, when set, is required of every client (?token= or
	// Authorization: Bearer).
	Token string `toml:"token"`
	// MaxClients connected at once.
	MaxClients int `toml:"max_clients"`
}

func defaultMessagebusConfig() MessagebusConfig {
	return MessagebusConfig{Enabled: true, Listen: messagebus.DefaultAddr, MaxClients: messagebus.DefaultMaxClients}
}

func (c MessagebusConfig) validate(bad badFunc) {
	host, port, err := net.SplitHostPort(c.Listen)
	if _, perr := strconv.ParseUint(port, 10, 16); err != nil || perr != nil {
		bad("messagebus.listen", "must be host:port, not %q", c.Listen)
	} else if !messagebus.IsLoopback(host) && c.Token == "" {
		bad("messagebus.token", "is required when messagebus.listen (%s) is not a loopback address", c.Listen)
	}
	if c.Token != "" && len(c.Token) < 16 {
		bad("messagebus.token", "must be at least 16 characters")
	}
	if c.MaxClients < 1 || c.MaxClients > 1024 {
		bad("messagebus.max_clients", "must be between 1 and 1024")
	}
}

// SatelliteConfig is the [satellite] table.
type SatelliteConfig struct {
	// Enabled serves Home Assistant's Wyoming integration.
	Enabled bool `toml:"enabled"`
	// Listen is host:port (10700 is Wyoming's).
	Listen string `toml:"listen"`
	// Answers: who answers a spoken question, "home_assistant" or
	// "mycroft".
	Answers string `toml:"answers"`
	// Name shown in Home Assistant (default: the host name); Area its
	// suggested area.
	Name string `toml:"name"`
	Area string `toml:"area"`
	// Zeroconf announces the satellite over mDNS as _wyoming._tcp.
	Zeroconf bool `toml:"zeroconf"`
}

func defaultSatelliteConfig() SatelliteConfig {
	return SatelliteConfig{Listen: "0.0.0.0:" + strconv.Itoa(satellite.DefaultPort), Answers: satellite.AnswersHomeAssistant, Zeroconf: true}
}

func (c SatelliteConfig) validate(bad badFunc) {
	if _, port, err := net.SplitHostPort(c.Listen); err != nil {
		bad("satellite.listen", "must be host:port, not %q", c.Listen)
	} else if _, err := strconv.ParseUint(port, 10, 16); err != nil {
		bad("satellite.listen", "must be host:port, not %q", c.Listen)
	}
	switch c.Answers {
	case satellite.AnswersHomeAssistant, satellite.AnswersMycroft:
	default:
		bad("satellite.answers", "must be %s or %s, not %q", satellite.AnswersHomeAssistant, satellite.AnswersMycroft, c.Answers)
	}
	if len(c.Name) > 63 || strings.ContainsAny(c.Name, "\x00\n") {
		bad("satellite.name", "must be at most 63 bytes on one line")
	}
}

// faces is the wiring of the messagebus and the satellite.
type faces struct {
	bus    *messagebus.Bus
	busLn  net.Listener
	sat    *satellite.Satellite
	satLn  net.Listener
	satCfg SatelliteConfig
}

// wrapFaces builds the messagebus and the satellite that are on and wraps
// the pipeline's speech-to-text, brain and voice with them; start serves
// them once the pipeline exists. A port that cannot be opened is a health
// notice: the agent runs on without that face. known says which words the
// local recogniser has (nil: no local recogniser), for the bus's grammar.
func (a *Agent) wrapFaces(brain *skills.Brain, tr voice.Transcriber, syn voice.Synthesizer, board hal.Board, known func(string) bool) (voice.Transcriber, voice.Brain, voice.Synthesizer, func(*voice.Pipeline)) {
	f := &faces{}
	var br voice.Brain = brain
	if c := a.cfg.Messagebus; c.Enabled {
		bus, err := messagebus.New(c.Listen, messagebus.Config{Token: c.Token, MaxClients: c.MaxClients, Volume: board.Volume, Known: known, Log: a.log})
		if err == nil {
			f.busLn, err = net.Listen("tcp", c.Listen)
		}
		if err != nil {
			a.health.Set("messagebus", Notice, fmt.Sprintf("messagebus: not served: %v", err))
		} else {
			f.bus = bus
			br = bus.Brain(brain)
		}
	}
	if c := a.cfg.Satellite; c.Enabled {
		name := c.Name
		if name == "" {
			name, _ = os.Hostname()
		}
		rate := hal.Voice.Rate
		if board.Speaker != nil && board.Speaker.Format().Rate > 0 {
			rate = board.Speaker.Format().Rate
		}
		sat, err := satellite.New(satellite.Config{Name: name, Area: c.Area, Answers: c.Answers, Version: buildinfo.Read().Version, SpeakerRate: rate, Log: a.log})
		if err == nil {
			f.satLn, err = net.Listen("tcp", c.Listen)
		}
		if err != nil {
			a.health.Set("satellite", Notice, fmt.Sprintf("satellite: not served: %v", err))
		} else {
			f.sat, f.satCfg = sat, c
			f.satCfg.Name = name
			tr, br, syn = sat.Wrap(tr, br, syn)
		}
	}
	a.addStatus("messagebus", func() any { return f.busStatus(a.cfg.Messagebus) })
	a.addStatus("satellite", func() any { return f.satStatus(a.cfg.Satellite) })
	return tr, br, syn, func(p *voice.Pipeline) {
		if f.bus != nil {
			a.svcs.list = append(a.svcs.list, &busService{f: f, p: p})
		}
		if f.sat != nil {
			a.svcs.list = append(a.svcs.list, &satService{f: f, p: p, a: a})
		}
	}
}

// BusStatus is the messagebus in `mycroft status`.
type BusStatus struct {
	Enabled   bool   `json:"enabled"`
	Listen    string `json:"listen,omitempty"`
	Clients   int64  `json:"clients"`
	Intents   uint64 `json:"intents"`   // external intents dispatched
	Refused   uint64 `json:"refused"`   // connections refused
	Malformed uint64 `json:"malformed"` // frames that were not messages
}

func (f *faces) busStatus(c MessagebusConfig) BusStatus {
	if f.bus == nil {
		return BusStatus{}
	}
	st := f.bus.Stats()
	return BusStatus{Enabled: true, Listen: f.busLn.Addr().String(), Clients: st.Clients.Load(), Intents: st.Intents.Load(),
		Refused: st.Refused.Load(), Malformed: st.Malformed.Load()}
}

// SatStatus is the Home Assistant satellite in `mycroft status`.
type SatStatus struct {
	Enabled   bool   `json:"enabled"`
	Listen    string `json:"listen,omitempty"`
	Answers   string `json:"answers,omitempty"`
	Connected bool   `json:"connected"` // Home Assistant is connected
	Running   bool   `json:"running"`   // and has not paused the satellite
	Turns     uint64 `json:"turns"`     // spoken turns Home Assistant answered
}

func (f *faces) satStatus(c SatelliteConfig) SatStatus {
	if f.sat == nil {
		return SatStatus{}
	}
	conn, run := f.sat.Connected()
	return SatStatus{Enabled: true, Listen: f.satLn.Addr().String(), Answers: c.Answers, Connected: conn, Running: run, Turns: f.sat.Stats().Turns.Load()}
}

type busService struct {
	f *faces
	p *voice.Pipeline
}

func (s *busService) Name() string { return "messagebus" }
func (s *busService) Run(ctx context.Context) error {
	return s.f.bus.Serve(ctx, s.f.busLn, s.p)
}
func (s *busService) Close() error { _ = s.f.busLn.Close(); return nil }

type satService struct {
	f *faces
	p *voice.Pipeline
	a *Agent
}

func (s *satService) Name() string { return "satellite" }
func (s *satService) Run(ctx context.Context) error {
	if s.f.satCfg.Zeroconf {
		go s.announce(ctx)
	}
	return s.f.sat.Serve(ctx, s.f.satLn, s.p)
}
func (s *satService) Close() error { _ = s.f.satLn.Close(); return nil }

// announce answers mDNS for the satellite; a failure is a notice (Home
// Assistant can still be given the address by hand).
func (s *satService) announce(ctx context.Context) {
	host, err := os.Hostname()
	if err != nil || host == "" {
		host = "mycroft"
	}
	host = strings.SplitN(host, ".", 2)[0]
	port := s.f.satLn.Addr().(*net.TCPAddr).Port
	r, err := mdns.New(mdns.Service{Instance: s.f.satCfg.Name, Type: "_wyoming._tcp", Host: host, Port: port}, nil, s.a.log)
	if err == nil {
		err = r.Run(ctx)
	}
	if err != nil && ctx.Err() == nil {
		s.a.health.Set("satellite.zeroconf", Notice, "satellite: not announced over mDNS: "+err.Error())
	}
}
