package mark1

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"time"

	"github.com/mycroft-network/mycroft/hal"
)

// DefaultPort is the Mark I's Arduino UART.
const DefaultPort = "/dev/ttyAMA0"

// ErrClosed is returned after Close.
var ErrClosed = errors.New("mark1: enclosure closed")

// Config configures Open. The zero value drives the real enclosure.
type Config struct {
	// Port is the tty of the Arduino; DefaultPort when empty.
	Port string
	// Dial opens the line; OpenSerial(Port) when nil. Tests pass a pty.
	Dial func(ctx context.Context) (io.ReadWriteCloser, error)
	// HandshakeTimeout bounds the wait for the system.version echo (5 s,
	// as Mycroft's own driver waits, when zero).
	HandshakeTimeout time.Duration
	// ReconnectDelay is the pause before the first attempt to reopen a
	// dropped line, or to repeat a handshake nobody answered (2 s when
	// zero). Each further failed attempt doubles it, up to
	// MaxReconnectDelay.
	ReconnectDelay time.Duration
	// MaxReconnectDelay bounds the backoff between attempts (1 min when
	// zero; never below ReconnectDelay).
	MaxReconnectDelay time.Duration
	// KeepTrying makes Open succeed when the line opens but the Arduino
	// does not answer the handshake (still booting, or its firmware hung):
	// the enclosure then repeats the handshake in the background, with the
	// backoff above, until the Arduino answers or Close. Meanwhile it is
	// not Connected and Answered is false. Without it such an Open fails
	// with ErrNoArduino (auto-detection wants that).
	KeepTrying bool
	// After times the handshake and the waits between attempts;
	// time.After when nil. Tests pass a clock they fire themselves.
	After func(time.Duration) <-chan time.Time
	// IconPause is the pause between the two parts of a split mouth.icon,
	// so the Arduino has drained the first (250 ms when zero; negative for
	// none).
	IconPause time.Duration
	// EchoTimeout bounds the wait for the Arduino's "Command: <line>" echo
	// of each line before the next is sent (flow control: the Arduino's
	// receive buffer holds 64 bytes). 1 s when zero; negative to send
	// without waiting. A missing echo is logged, not an error.
	EchoTimeout time.Duration
	// OnMessage, when set, receives the messages that are not buttons:
	// menu choices (unit.*), self-test steps, brightness changes and
	// unknown lines. It is called from the reading goroutine and must not
	// block.
	OnMessage func(Message)
	// Log receives connection changes; slog.Default() when nil.
	Log *slog.Logger
	// Now stamps button events; time.Now when nil.
	Now func() time.Time
}

func (c *Config) defaults() {
	if c.Port == "" {
		c.Port = DefaultPort
	}
	if c.Dial == nil {
		port := c.Port
		c.Dial = func(context.Context) (io.ReadWriteCloser, error) { return OpenSerial(port) }
	}
	if c.HandshakeTimeout <= 0 {
		c.HandshakeTimeout = 5 * time.Second
	}
	if c.ReconnectDelay <= 0 {
		c.ReconnectDelay = 2 * time.Second
	}
	if c.MaxReconnectDelay <= 0 {
		c.MaxReconnectDelay = time.Minute
	}
	c.MaxReconnectDelay = max(c.MaxReconnectDelay, c.ReconnectDelay)
	if c.After == nil {
		c.After = time.After
	}
	if c.IconPause == 0 {
		c.IconPause = 250 * time.Millisecond
	}
	if c.EchoTimeout == 0 {
		c.EchoTimeout = time.Second
	}
	if c.Log == nil {
		c.Log = slog.Default()
	}
	if c.Now == nil {
		c.Now = time.Now
	}
}

// link is one open connection to the Arduino.
type link struct {
	rwc  io.ReadWriteCloser
	msgs chan Message
	done chan struct{} // closed when the reader stops
	err  error         // why the reader stopped; read after done
	once sync.Once
}

func (l *link) close() { l.once.Do(func() { l.rwc.Close() }) }

func newLink(rwc io.ReadWriteCloser, log *slog.Logger) *link {
	l := &link{rwc: rwc, msgs: make(chan Message, 16), done: make(chan struct{})}
	go l.read(log)
	return l
}

// read parses lines until the line fails.
func (l *link) read(log *slog.Logger) {
	defer close(l.done)
	br := bufio.NewReaderSize(l.rwc, 512)
	var p Parser
	for {
		b, err := br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			// A line longer than any the firmware prints: noise. Skip to
			// the next line end.
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = br.ReadSlice('\n')
			}
			if err == nil {
				continue
			}
		}
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			l.err = err
			return
		}
		m, ok, perr := p.Parse(string(b))
		if perr != nil {
			log.Debug("mark1: ignoring line", "err", perr)
			continue
		}
		if ok {
			select {
			case l.msgs <- m:
			default:
				log.Warn("mark1: message dropped, reader is behind", "kind", m.Kind)
			}
		}
	}
}

// Enclosure is a connected Mark I enclosure. It is the board's
// hal.Faceplate and hal.Buttons. Methods are safe for concurrent use.
type Enclosure struct {
	cfg     Config
	log     *slog.Logger
	events  chan hal.ButtonEvent
	echoes  chan string
	ctx     context.Context
	cancel  context.CancelFunc
	wg      sync.WaitGroup
	sendMu  sync.Mutex // serialises writes and the belief about the face
	mu      sync.Mutex // guards the fields below
	link    *link
	version string
	// answered is set once the Arduino has answered a handshake;
	// lastErr is why the last attempt failed.
	answered bool
	lastErr  error
	shown    shown
	face     hal.Face
	hasFace  bool
}

// Open connects to the enclosure: it opens the line, sends system.version
// and waits for the Arduino to echo it (ErrNoArduino, which wraps
// hal.ErrUnavailable, when nothing answers in time), then resets the eyes
// and mouth. With Config.KeepTrying an unanswered handshake is not an
// error: the enclosure keeps asking in the background. A line that cannot
// be opened at all is always an error. The enclosure reconnects by itself
// when the line drops, until Close.
func Open(ctx context.Context, cfg Config) (*Enclosure, error) {
	cfg.defaults()
	e := &Enclosure{cfg: cfg, log: cfg.Log, events: make(chan hal.ButtonEvent, 64), echoes: make(chan string, 16)}
	l, version, err := e.connect(ctx)
	if err != nil && (!cfg.KeepTrying || !errors.Is(err, ErrNoArduino) || ctx.Err() != nil) {
		return nil, err
	}
	e.ctx, e.cancel = context.WithCancel(context.Background())
	if err != nil {
		e.log.Warn("mark1: the Arduino does not answer yet; retrying in the background", "err", err)
		e.lastErr = err
	} else {
		e.link, e.version, e.answered = l, version, true
	}
	e.wg.Add(1)
	go e.run(l)
	return e, nil
}

// backoff is the pause before attempt n (0 first) to reach the Arduino:
// base doubled n times, at most limit.
func backoff(base, limit time.Duration, n int) time.Duration {
	d := base
	for i := 0; i < n && d < limit; i++ {
		d *= 2
	}
	return min(d, limit)
}

// connect opens the line and runs the handshake and the reset sequence.
func (e *Enclosure) connect(ctx context.Context) (*link, string, error) {
	rwc, err := e.cfg.Dial(ctx)
	if err != nil {
		return nil, "", fmt.Errorf("mark1: connect: %w: %w", hal.ErrUnavailable, err)
	}
	l := newLink(rwc, e.log)
	version, err := handshake(ctx, l, e.cfg.HandshakeTimeout, e.cfg.After)
	if err == nil {
		err = writeLines(l, EyesReset(), MouthReset())
	}
	if err != nil {
		l.close()
		<-l.done
		return nil, "", err
	}
	return l, version, nil
}

// handshake sends system.version and waits for its echo, then (within the
// same deadline) for the version line.
func handshake(ctx context.Context, l *link, timeout time.Duration, after func(time.Duration) <-chan time.Time) (string, error) {
	if err := writeLines(l, SystemVersion()); err != nil {
		return "", err
	}
	expired := after(timeout)
	echoed := false
	for {
		select {
		case m := <-l.msgs:
			switch {
			case m.Kind == MsgEcho && m.Text == SystemVersion():
				echoed = true
			case m.Kind == MsgVersion && echoed:
				return m.Text, nil
			}
		case <-l.done:
			return "", fmt.Errorf("mark1: handshake: line closed: %v: %w", l.err, errors.Join(ErrNoArduino, hal.ErrUnavailable))
		case <-expired:
			if echoed {
				return "", nil // answered, but without a version line
			}
			return "", fmt.Errorf("mark1: handshake: no echo within %v: %w", timeout, errors.Join(ErrNoArduino, hal.ErrUnavailable))
		case <-ctx.Done():
			return "", fmt.Errorf("mark1: handshake: %w", ctx.Err())
		}
	}
}

func writeLines(l *link, lines ...string) error {
	var b strings.Builder
	for _, s := range lines {
		if len(s) > MaxLine || strings.ContainsAny(s, "\r\n") {
			return fmt.Errorf("mark1: refusing to send %q: %w", s, ErrLine)
		}
		b.WriteString(s)
		b.WriteByte('\n')
	}
	if _, err := io.WriteString(l.rwc, b.String()); err != nil {
		return fmt.Errorf("mark1: write: %w", err)
	}
	return nil
}

// run dispatches messages and reconnects until Close. l is nil when the
// Arduino has not answered yet.
func (e *Enclosure) run(l *link) {
	defer e.wg.Done()
	for {
		if l == nil {
			if l = e.reconnect(); l == nil {
				return
			}
		}
		e.dispatch(l)
		l.close()
		e.mu.Lock()
		e.link = nil
		e.mu.Unlock()
		if e.ctx.Err() != nil {
			return
		}
		e.log.Warn("mark1: serial line dropped; reconnecting", "err", l.err)
		l = nil
	}
}

func (e *Enclosure) dispatch(l *link) {
	for {
		select {
		case m := <-l.msgs:
			e.handle(m)
		case <-l.done:
			// Drain what was parsed before the line failed.
			for {
				select {
				case m := <-l.msgs:
					e.handle(m)
				default:
					return
				}
			}
		case <-e.ctx.Done():
			return
		}
	}
}

func (e *Enclosure) handle(m Message) {
	switch m.Kind {
	case MsgEcho:
		select {
		case e.echoes <- m.Text:
		default:
		}
		return
	case MsgVersion:
		e.mu.Lock()
		e.version = m.Text
		e.mu.Unlock()
		return
	case MsgStop:
		e.click(hal.ButtonAction)
		return
	case MsgVolumeUp:
		e.click(hal.ButtonVolUp)
		return
	case MsgVolumeDown:
		e.click(hal.ButtonVolDown)
		return
	case MsgMenu, MsgTest:
		// The menu and the self test draw on the face and ignore our mouth
		// commands meanwhile: show our face again from scratch.
		e.mu.Lock()
		e.shown.valid = false
		e.mu.Unlock()
		go e.reapply()
	}
	if e.cfg.OnMessage != nil {
		e.cfg.OnMessage(m)
	}
}

func (e *Enclosure) click(b hal.ButtonID) {
	now := e.cfg.Now()
	for _, a := range []hal.Action{hal.Press, hal.Release} {
		select {
		case e.events <- hal.ButtonEvent{Button: b, Action: a, At: now}:
		default:
			e.log.Warn("mark1: button event dropped, nobody is waiting", "button", b)
		}
	}
}

// reconnect retries the line and the handshake, with a bounded backoff,
// until the Arduino answers (the new link) or Close (nil).
func (e *Enclosure) reconnect() *link {
	for n := 0; ; n++ {
		select {
		case <-e.cfg.After(backoff(e.cfg.ReconnectDelay, e.cfg.MaxReconnectDelay, n)):
		case <-e.ctx.Done():
			return nil
		}
		l, version, err := e.connect(e.ctx)
		if err != nil {
			e.log.Debug("mark1: reconnect failed", "attempt", n+1, "err", err)
			e.mu.Lock()
			e.lastErr = err
			e.mu.Unlock()
			continue
		}
		e.mu.Lock()
		first := !e.answered
		e.link, e.version, e.answered, e.lastErr = l, version, true, nil
		e.shown = shown{}
		e.mu.Unlock()
		if first {
			e.log.Info("mark1: the Arduino answered", "firmware", version, "attempts", n+2)
		} else {
			e.log.Info("mark1: serial line back", "firmware", version)
		}
		// In its own goroutine: the echoes it waits for come through
		// dispatch, which runs once this returns.
		go e.reapply()
		return l
	}
}

// reapply shows the last face again.
func (e *Enclosure) reapply() {
	e.mu.Lock()
	f, ok := e.face, e.hasFace
	e.mu.Unlock()
	if ok {
		if err := e.Show(e.ctx, f); err != nil {
			e.log.Debug("mark1: re-showing the face failed", "err", err)
		}
	}
}

// Version is the firmware version the Arduino reported, such as "1.4.2"
// ("" when it did not say).
func (e *Enclosure) Version() string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.version
}

// Connected reports whether the line is up.
func (e *Enclosure) Connected() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.link != nil
}

// Answered reports whether the Arduino has answered a handshake since
// Open; false while an enclosure opened with Config.KeepTrying is still
// waiting for it.
func (e *Enclosure) Answered() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.answered
}

// LastError is why the last attempt to reach the Arduino failed (nil once
// it answered).
func (e *Enclosure) LastError() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.lastErr
}

// Send writes raw command lines (built with the functions of this package,
// such as SystemMute()), one at a time: each waits for the Arduino's echo
// (Config.EchoTimeout). A line ending in '$' (the first part of a split
// icon) is followed by Config.IconPause.
func (e *Enclosure) Send(ctx context.Context, lines ...string) error {
	e.sendMu.Lock()
	defer e.sendMu.Unlock()
	return e.send(ctx, lines)
}

func (e *Enclosure) send(ctx context.Context, lines []string) error {
	e.mu.Lock()
	l := e.link
	e.mu.Unlock()
	if l == nil {
		if e.ctx.Err() != nil {
			return ErrClosed
		}
		return fmt.Errorf("mark1: send: line down: %w", hal.ErrUnavailable)
	}
	for i, s := range lines {
		if err := e.sendLine(ctx, l, s); err != nil {
			return err
		}
		if strings.HasSuffix(s, "$") && i < len(lines)-1 && e.cfg.IconPause > 0 {
			select {
			case <-time.After(e.cfg.IconPause):
			case <-ctx.Done():
				return ctx.Err()
			}
		}
	}
	return nil
}

// sendLine writes one line and waits for its echo.
func (e *Enclosure) sendLine(ctx context.Context, l *link, s string) error {
	if e.cfg.EchoTimeout > 0 {
		for len(e.echoes) > 0 { // stale echoes (of lines that timed out)
			<-e.echoes
		}
	}
	if err := writeLines(l, s); err != nil {
		l.close()
		return err
	}
	if e.cfg.EchoTimeout <= 0 {
		return nil
	}
	t := time.NewTimer(e.cfg.EchoTimeout)
	defer t.Stop()
	for {
		select {
		case echo := <-e.echoes:
			if echo == s {
				return nil
			}
		case <-t.C:
			e.log.Debug("mark1: no echo; sending on", "line", s)
			return nil
		case <-l.done:
			return fmt.Errorf("mark1: send: line dropped: %w", hal.ErrUnavailable)
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// Show implements hal.Faceplate: it sends what differs between f and what
// the enclosure shows. While the line is down it remembers f, returns an
// error wrapping hal.ErrUnavailable, and shows f once the line is back.
func (e *Enclosure) Show(ctx context.Context, f hal.Face) error {
	e.sendMu.Lock()
	defer e.sendMu.Unlock()
	e.mu.Lock()
	e.face, e.hasFace = f, true
	cur := e.shown
	e.mu.Unlock()
	lines, next, err := plan(cur, f)
	if err != nil {
		return fmt.Errorf("mark1: show: %w", err)
	}
	if len(lines) == 0 {
		return nil
	}
	if err := e.send(ctx, lines); err != nil {
		e.mu.Lock()
		e.shown.valid = false
		e.mu.Unlock()
		return fmt.Errorf("mark1: show: %w", err)
	}
	e.mu.Lock()
	e.shown = next
	e.mu.Unlock()
	return nil
}

// Halt implements hal.Faceplate: eyes off, mouth cleared.
func (e *Enclosure) Halt() error {
	e.sendMu.Lock()
	defer e.sendMu.Unlock()
	err := e.send(context.Background(), []string{EyesOff(), MouthReset()})
	e.mu.Lock()
	e.shown.valid = false
	e.hasFace = false
	e.mu.Unlock()
	if err != nil {
		return fmt.Errorf("mark1: halt: %w", err)
	}
	return nil
}

// Wait implements hal.Buttons: the top button's click (mycroft.stop) is an
// Action press and release, the encoder's steps are VolUp or VolDown press
// and release. The Arduino reports no long press: holding the button opens
// its own menu, reported through Config.OnMessage.
func (e *Enclosure) Wait(ctx context.Context) (hal.ButtonEvent, error) {
	select {
	case ev := <-e.events:
		return ev, nil
	case <-ctx.Done():
		return hal.ButtonEvent{}, ctx.Err()
	case <-e.ctx.Done():
		return hal.ButtonEvent{}, ErrClosed
	}
}

// Close stops reconnecting and closes the line (the face stays as it is).
func (e *Enclosure) Close() error {
	e.cancel()
	e.mu.Lock()
	l := e.link
	e.mu.Unlock()
	if l != nil {
		l.close()
	}
	e.wg.Wait()
	return nil
}

var (
	_ hal.Faceplate = (*Enclosure)(nil)
	_ hal.Buttons   = (*Enclosure)(nil)
)
