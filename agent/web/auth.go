package web

import (
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math/big"
	"sync"
	"time"

	"crypto/rand"
)

// Limits of the session store and of pairing.
const (
	maxSessions = 64
	// maxFailedPairs wrong codes end the code in force: six digits and
	// five tries give a guesser one chance in 200,000 per code shown.
	maxFailedPairs = 5
	// pairAttemptsPerMinute bounds code tries over all clients.
	pairAttemptsPerMinute = 10
)

// Errors of pairing.
var (
	ErrNoCode       = errors.New("no pairing code is in force: ask for one (the faceplate shows it) or run `mycroft web pair` over SSH")
	ErrWrongCode    = errors.New("wrong pairing code")
	ErrTooManyTries = errors.New("too many pairing attempts: wait a minute")
)

// session is one browser's state. A session made on the loopback listener
// is never valid on the LAN listener (cookies do not keep to one port).
type session struct {
	id      string
	csrf    string
	lan     bool
	paired  bool // loopback sessions are paired from the start (SSH is the authentication)
	created time.Time
	expires time.Time
	flash   string // a one-shot message for the next page
	flashOK bool
}

// pairing is the code in force, if any.
type pairing struct {
	code    string
	expires time.Time
	failed  int
}

// auth holds the sessions and the pairing code.
type auth struct {
	now        func() time.Time
	random     io.Reader
	sessionTTL time.Duration
	pairTTL    time.Duration

	mu       sync.Mutex
	sessions map[string]*session
	code     *pairing
	tries    []time.Time // pairing attempts of the last minute
}

func newAuth(now func() time.Time, random io.Reader, sessionTTL, pairTTL time.Duration) *auth {
	return &auth{now: now, random: random, sessionTTL: sessionTTL, pairTTL: pairTTL, sessions: map[string]*session{}}
}

// token returns 32 random bytes in hex (256 bits).
func (a *auth) token() (string, error) {
	var b [32]byte
	if _, err := io.ReadFull(a.random, b[:]); err != nil {
		return "", fmt.Errorf("web: random: %w", err)
	}
	return hex.EncodeToString(b[:]), nil
}

// lookup returns the live session id names for the listener (lan or not),
// or nil.
func (a *auth) lookup(id string, lan bool) *session {
	if len(id) != 64 {
		return nil
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	s := a.sessions[id]
	if s == nil || s.lan != lan {
		return nil
	}
	if !a.now().Before(s.expires) {
		delete(a.sessions, id)
		return nil
	}
	return s
}

// newSession makes a session for the listener; paired says whether it may
// see the pages (true on loopback).
func (a *auth) newSession(lan, paired bool) (*session, error) {
	id, err := a.token()
	if err != nil {
		return nil, err
	}
	csrf, err := a.token()
	if err != nil {
		return nil, err
	}
	now := a.now()
	ttl := a.sessionTTL
	if !paired {
		ttl = a.pairTTL // a visitor who has not paired keeps a session only for as long as a code lives
	}
	s := &session{id: id, csrf: csrf, lan: lan, paired: paired, created: now, expires: now.Add(ttl)}
	a.mu.Lock()
	defer a.mu.Unlock()
	a.evictLocked(now)
	a.sessions[id] = s
	return s, nil
}

// evictLocked drops expired sessions and, while the store is full, the
// oldest unpaired one, then the oldest.
func (a *auth) evictLocked(now time.Time) {
	for id, s := range a.sessions {
		if !now.Before(s.expires) {
			delete(a.sessions, id)
		}
	}
	for len(a.sessions) >= maxSessions {
		var oldest *session
		for _, s := range a.sessions {
			if oldest == nil || (oldest.paired && !s.paired) || (oldest.paired == s.paired && s.created.Before(oldest.created)) {
				oldest = s
			}
		}
		delete(a.sessions, oldest.id)
	}
}

// end removes a session.
func (a *auth) end(id string) {
	a.mu.Lock()
	delete(a.sessions, id)
	a.mu.Unlock()
}

// count is the number of live paired sessions.
func (a *auth) count() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	n := 0
	now := a.now()
	for _, s := range a.sessions {
		if s.paired && now.Before(s.expires) {
			n++
		}
	}
	return n
}

// checkCSRF reports whether got is the session's token, in constant time.
func checkCSRF(s *session, got string) bool {
	if s == nil || len(got) != len(s.csrf) {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(got), []byte(s.csrf)) == 1
}

// setFlash leaves a message for the session's next page.
func (a *auth) setFlash(s *session, msg string, ok bool) {
	a.mu.Lock()
	s.flash, s.flashOK = msg, ok
	a.mu.Unlock()
}

// takeFlash returns and clears the session's message.
func (a *auth) takeFlash(s *session) (string, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	m, ok := s.flash, s.flashOK
	s.flash = ""
	return m, ok
}

// newCode returns the pairing code in force, or makes a new one: six
// random digits, valid for pairTTL, single use.
func (a *auth) newCode() (string, time.Time, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	now := a.now()
	if a.code != nil && now.Before(a.code.expires) {
		return a.code.code, a.code.expires, nil
	}
	n, err := rand.Int(a.random, big.NewInt(1_000_000))
	if err != nil {
		return "", time.Time{}, fmt.Errorf("web: pairing code: %w", err)
	}
	a.code = &pairing{code: fmt.Sprintf("%06d", n.Int64()), expires: now.Add(a.pairTTL)}
	return a.code.code, a.code.expires, nil
}

// pair exchanges the code for a paired LAN session that replaces old (a
// new id: the pre-pairing one is never promoted). A wrong code counts
// against the code and against the minute's attempts.
func (a *auth) pair(old *session, code string) (*session, error) {
	a.mu.Lock()
	now := a.now()
	kept := a.tries[:0]
	for _, t := range a.tries {
		if now.Sub(t) < time.Minute {
			kept = append(kept, t)
		}
	}
	a.tries = kept
	if len(a.tries) >= pairAttemptsPerMinute {
		a.mu.Unlock()
		return nil, ErrTooManyTries
	}
	a.tries = append(a.tries, now)
	p := a.code
	if p == nil || !now.Before(p.expires) {
		a.code = nil
		a.mu.Unlock()
		return nil, ErrNoCode
	}
	if len(code) != len(p.code) || subtle.ConstantTimeCompare([]byte(code), []byte(p.code)) != 1 {
		p.failed++
		if p.failed >= maxFailedPairs {
			a.code = nil
		}
		a.mu.Unlock()
		return nil, ErrWrongCode
	}
	a.code = nil // single use
	if old != nil {
		delete(a.sessions, old.id)
	}
	a.mu.Unlock()
	return a.newSession(true, true)
}
