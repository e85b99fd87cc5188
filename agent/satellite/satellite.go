package satellite

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mycroft-network/mycroft/internal/wyoming"
	"github.com/mycroft-network/mycroft/voice"
)

// Who answers a spoken question.
const (
	AnswersHomeAssistant = "home_assistant"
	AnswersMycroft       = "mycroft"
)

// Defaults of the satellite.
const (
	DefaultPort = 10700
	// idleRead: Home Assistant pings every few seconds; a connection silent
	// this long is dead.
	idleRead     = 2 * time.Minute
	writeTimeout = 5 * time.Second
	// Once Home Assistant has pinged (it supports pings), the satellite
	// pings it every pingEvery and drops it when a pong is pongWait late,
	// as wyoming-satellite does: a Home Assistant that lost power is
	// noticed in seconds, and spoken questions go back to the device.
	pingEvery = 2 * time.Second
	pongWait  = 5 * time.Second
	// maxAnswer caps the answer's audio (about 3 minutes at 22 kHz).
	maxAnswer = 8 << 20
	// chunkBytes of the utterance per audio-chunk at most (64 ms).
	chunkBytes = 2048
)

// Config describes the satellite.
type Config struct {
	// Name and Area are shown in Home Assistant.
	Name, Area string
	// WakeWord is the wake word's id ("hey_mycroft") and Phrase how it is
	// said ("hey mycroft").
	WakeWord, Phrase string
	// Version of the agent.
	Version string
	// Answers is AnswersHomeAssistant or AnswersMycroft.
	Answers string
	// SpeakerRate is the speaker's sample rate in info (default 16000).
	SpeakerRate int
	Log         *slog.Logger
}

// Pipeline is what the satellite needs of the voice pipeline.
type Pipeline interface {
	LastInteraction() (voice.Interaction, bool)
	Subscribe(buffer int) *voice.Subscription
	// Alert plays a sound when no interaction is in progress (an
	// announcement).
	Alert(ctx context.Context, pcm []int16) error
}

// Satellite is the Wyoming satellite server.
type Satellite struct {
	cfg Config
	log *slog.Logger

	mu      sync.Mutex
	conn    *haConn // Home Assistant's connection, nil when none
	running bool    // run-satellite received and not paused
	turn    *turn   // the spoken turn Home Assistant answers
	pipe    Pipeline
	stats   Stats

	pingEvery, pongWait time.Duration // tests shorten them
}

// Stats counts what the satellite did.
type Stats struct {
	Connections atomic.Uint64
	Turns       atomic.Uint64 // turns answered by Home Assistant
	Local       atomic.Uint64 // spoken turns answered on the device
	Malformed   atomic.Uint64
}

// New returns a satellite; it serves nothing until Serve.
func New(cfg Config) (*Satellite, error) {
	switch cfg.Answers {
	case AnswersHomeAssistant, AnswersMycroft:
	case "":
		cfg.Answers = AnswersHomeAssistant
	default:
		return nil, fmt.Errorf("satellite: answers must be %s or %s, not %q", AnswersHomeAssistant, AnswersMycroft, cfg.Answers)
	}
	if cfg.Name == "" {
		cfg.Name = "Mycroft"
	}
	if cfg.WakeWord == "" {
		cfg.WakeWord, cfg.Phrase = "hey_mycroft", "hey mycroft"
	}
	if cfg.SpeakerRate <= 0 {
		cfg.SpeakerRate = 16000
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.DiscardHandler)
	}
	return &Satellite{cfg: cfg, log: cfg.Log, pingEvery: pingEvery, pongWait: pongWait}, nil
}

// Stats returns the satellite's counters.
func (s *Satellite) Stats() *Stats { return &s.stats }

// Connected reports whether Home Assistant is connected and running the
// satellite.
func (s *Satellite) Connected() (connected, running bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.conn != nil, s.conn != nil && s.running
}

// Serve accepts Home Assistant's connections on ln until ctx is done. A
// new connection replaces the one before (Home Assistant reconnects).
func (s *Satellite) Serve(ctx context.Context, ln net.Listener, p Pipeline) error {
	s.mu.Lock()
	s.pipe = p
	s.mu.Unlock()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	sub := p.Subscribe(32)
	defer sub.Close()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); s.watch(ctx, sub) }()
	go func() { <-ctx.Done(); _ = ln.Close() }()
	defer wg.Wait()
	for {
		c, err := ln.Accept()
		if err != nil {
			if ctx.Err() != nil {
				s.drop(nil)
				return nil
			}
			return fmt.Errorf("satellite: accept: %w", err)
		}
		hc := &haConn{c: c, r: bufio.NewReader(c)}
		s.mu.Lock()
		old := s.conn
		s.conn, s.running = hc, false
		s.mu.Unlock()
		if old != nil {
			old.close()
		}
		s.stats.Connections.Add(1)
		s.log.Info("satellite: Home Assistant connected", "from", c.RemoteAddr().String())
		wg.Add(1)
		go func() { defer wg.Done(); s.serveConn(ctx, hc) }()
	}
}

// drop forgets hc (nil: whatever is connected) and ends its turn.
func (s *Satellite) drop(hc *haConn) {
	s.mu.Lock()
	if hc == nil {
		hc = s.conn
	}
	if hc != nil && s.conn == hc {
		s.conn, s.running = nil, false
		if t := s.turn; t != nil {
			t.fail(errors.New("satellite: Home Assistant disconnected"))
		}
	}
	s.mu.Unlock()
	if hc != nil {
		hc.close()
	}
}

// haConn is Home Assistant's connection.
type haConn struct {
	c        net.Conn
	r        *bufio.Reader
	wmu      sync.Mutex
	once     sync.Once
	pinging  atomic.Bool  // Home Assistant has pinged: ping it back
	ann      *turn        // an announcement being received (serveConn's goroutine)
	lastPong atomic.Int64 // unix nanoseconds of its last pong
}

// keepAlive pings Home Assistant and closes the connection when it stops
// answering.
func (h *haConn) keepAlive(ctx context.Context, log *slog.Logger, every, wait time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	h.lastPong.Store(time.Now().UnixNano())
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-t.C:
			if late := now.Sub(time.Unix(0, h.lastPong.Load())); late > every+wait {
				log.Warn("satellite: Home Assistant stopped answering pings: disconnecting", "late", late.Round(time.Second).String())
				h.close()
				return
			}
			if err := h.write(wyoming.TypePing, nil, nil); err != nil {
				return
			}
		}
	}
}

func (h *haConn) close() { h.once.Do(func() { _ = h.c.Close() }) }

// write sends one event within writeTimeout.
func (h *haConn) write(typ string, data any, payload []byte) error {
	ev, err := wyoming.NewEvent(typ, data, payload)
	if err != nil {
		return err
	}
	h.wmu.Lock()
	defer h.wmu.Unlock()
	_ = h.c.SetWriteDeadline(time.Now().Add(writeTimeout))
	if err := wyoming.WriteEvent(h.c, ev); err != nil {
		h.close()
		return fmt.Errorf("satellite: %w", err)
	}
	return nil
}

func (s *Satellite) serveConn(ctx context.Context, hc *haConn) {
	defer s.drop(hc)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	stop := context.AfterFunc(ctx, hc.close)
	defer stop()
	for {
		_ = hc.c.SetReadDeadline(time.Now().Add(idleRead))
		ev, err := wyoming.ReadEvent(hc.r)
		if err != nil {
			if errors.Is(err, wyoming.ErrMalformed) || errors.Is(err, wyoming.ErrTooLarge) {
				s.stats.Malformed.Add(1)
				s.log.Warn("satellite: bad event from Home Assistant: disconnecting", "err", err)
			} else if !errors.Is(err, io.EOF) && !errors.Is(err, net.ErrClosed) {
				s.log.Info("satellite: Home Assistant connection ended", "err", err)
			}
			return
		}
		if ev.Type == wyoming.TypePing && !hc.pinging.Swap(true) {
			go hc.keepAlive(ctx, s.log, s.pingEvery, s.pongWait)
		}
		if err := s.event(hc, ev); err != nil {
			s.log.Info("satellite: Home Assistant connection ended", "err", err)
			return
		}
	}
}

// event handles one event from Home Assistant.
func (s *Satellite) event(hc *haConn, ev wyoming.Event) error {
	switch ev.Type {
	case wyoming.TypeDescribe:
		return hc.write(wyoming.TypeInfo, s.info(), nil)
	case wyoming.TypePing:
		var p wyoming.Ping
		_ = ev.Decode(&p)
		return hc.write(wyoming.TypePong, p, nil)
	case wyoming.TypePong:
		hc.lastPong.Store(time.Now().UnixNano())
		return nil
	case wyoming.TypeRunSatellite, wyoming.TypePauseSatellite:
		run := ev.Type == wyoming.TypeRunSatellite
		s.mu.Lock()
		if s.conn == hc {
			s.running = run
			if t := s.turn; !run && t != nil {
				t.fail(errors.New("satellite: paused by Home Assistant"))
			}
		}
		s.mu.Unlock()
		s.log.Info("satellite: "+ev.Type, "running", run)
		return nil
	}
	s.mu.Lock()
	t := s.turn
	s.mu.Unlock()
	if t != nil && t.conn == hc && t.open() {
		t.event(ev)
		return nil
	}
	s.announcement(hc, ev)
	return nil
}

// announcement collects audio Home Assistant sends outside a turn (an
// announcement: assist_satellite.announce) and plays it when it ends, then
// says played. The pipeline plays it only when nothing else is going on;
// the button or the wake word cut it short.
func (s *Satellite) announcement(hc *haConn, ev wyoming.Event) {
	switch ev.Type {
	case wyoming.TypeAudioStart, wyoming.TypeAudioChunk:
		if ev.Type == wyoming.TypeAudioStart || hc.ann == nil {
			hc.ann = newTurn(hc)
		}
		hc.ann.event(ev)
	case wyoming.TypeAudioStop:
		a := hc.ann
		hc.ann = nil
		if a == nil {
			return
		}
		a.event(ev)
		pcm, err := toVoice(a.audio, a.format)
		s.mu.Lock()
		p := s.pipe
		s.mu.Unlock()
		if err != nil || p == nil {
			s.log.Warn("satellite: announcement not played", "err", err)
			return
		}
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), time.Duration(len(pcm)/16)*time.Millisecond+10*time.Second)
			defer cancel()
			if err := p.Alert(ctx, pcm); err != nil {
				s.log.Info("satellite: announcement", "err", err)
			}
			if err := hc.write(wyoming.TypePlayed, nil, nil); err != nil {
				s.log.Info("satellite: played", "err", err)
			}
		}()
	}
}

func (s *Satellite) info() wyoming.Info {
	attr := wyoming.Attribution{Name: "Mycroft", URL: "https://mycroft.ai"}
	art := func(name, desc string) wyoming.Artifact {
		return wyoming.Artifact{Name: name, Attribution: attr, Installed: true, Description: desc, Version: s.cfg.Version}
	}
	return wyoming.Info{
		ASR: []any{}, TTS: []any{}, Handle: []any{}, Intent: []any{},
		Wake: []wyoming.WakeProgram{{Artifact: art("mycroft", "the device's own wake word"),
			Models: []wyoming.WakeModel{{Artifact: art(s.cfg.WakeWord, s.cfg.Phrase), Languages: []string{"en"}, Phrase: s.cfg.Phrase}}}},
		Mic: []wyoming.MicProgram{{Artifact: art("mycroft-mic", "the device's microphone"), MicFormat: wyoming.AudioFormat{Rate: 16000, Width: 2, Channels: 1}}},
		Snd: []wyoming.SndProgram{{Artifact: art("mycroft-speaker", "the device's speaker"), SndFormat: wyoming.AudioFormat{Rate: s.cfg.SpeakerRate, Width: 2, Channels: 1}}},
		Satellite: &wyoming.SatelliteInfo{Artifact: art(s.cfg.Name, "Mycroft speaker"), Area: s.cfg.Area, HasVAD: true,
			ActiveWakeWords: []string{s.cfg.WakeWord}, MaxActiveWakeWords: 1},
	}
}

// watch sends played when the device has said Home Assistant's answer.
func (s *Satellite) watch(ctx context.Context, sub *voice.Subscription) {
	for {
		select {
		case <-ctx.Done():
			return
		case ev := <-sub.C:
			if ev.Kind != voice.EventSpeakEnd {
				continue
			}
			s.mu.Lock()
			t := s.turn
			s.mu.Unlock()
			if t != nil && t.handedOver() {
				if err := t.conn.write(wyoming.TypePlayed, nil, nil); err != nil {
					s.log.Info("satellite: played", "err", err)
				}
			}
		}
	}
}
