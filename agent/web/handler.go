package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"

	"github.com/mycroft-network/mycroft/internal/apiclient"
)

// Cookie names: one per listener, since cookies do not keep to a port and
// a loopback session must never open the LAN page.
const (
	cookieLAN      = "mycroft_session"
	cookieLoopback = "mycroft_local"
)

type ctxKey struct{}

// request is what a page handler gets besides the HTTP request.
type request struct {
	s   *session
	lan bool
}

// pageFunc renders a page (GET) or acts (POST) for a paired session.
type pageFunc func(w http.ResponseWriter, r *http.Request, rq request)

// route is one page of the site.
type route struct {
	pattern string
	h       pageFunc
	// open pages need no pairing (the pairing page itself).
	open bool
	// loopbackOnly pages are refused on the LAN: the backup words and the
	// key export.
	loopbackOnly bool
}

func (s *Server) routes() []route {
	return []route{
		{pattern: "GET /{$}", h: s.statusPage},
		{pattern: "GET /spending", h: s.spendingPage},
		{pattern: "POST /spending/limits", h: s.setLimits},
		{pattern: "GET /wallet", h: s.walletPage},
		{pattern: "POST /wallet/close", h: s.closeChannel},
		{pattern: "POST /wallet/export", h: s.exportKey, loopbackOnly: true},
		{pattern: "GET /miner", h: s.minerPage},
		{pattern: "POST /miner/enable", h: s.minerEnable},
		{pattern: "POST /miner/disable", h: s.minerDisable},
		{pattern: "GET /governance", h: s.governancePage},
		{pattern: "POST /governance/vote", h: s.vote},
		{pattern: "GET /backup", h: s.backupPage},
		{pattern: "POST /backup/run", h: s.backupRun},
		{pattern: "GET /voice", h: s.voicePage},
		{pattern: "POST /voice/settings", h: s.setVoice},
		{pattern: "GET /grants", h: s.grantsPage},
		{pattern: "GET /keys", h: s.keysPage},
		{pattern: "GET /keys/new", h: s.keysNewPage, loopbackOnly: true},
		{pattern: "POST /keys/new", h: s.keysNew, loopbackOnly: true},
		{pattern: "GET /pair", h: s.pairPage, open: true},
		{pattern: "POST /pair", h: s.pairSubmit, open: true},
		{pattern: "POST /pair/code", h: s.pairShow, open: true},
		{pattern: "POST /logout", h: s.logout, open: true},
		{pattern: "GET /static/style.css", h: css, open: true},
	}
}

// handler is the site for one listener.
func (s *Server) handler(lan bool) http.Handler {
	mux := http.NewServeMux()
	for _, rt := range s.routes() {
		mux.Handle(rt.pattern, s.guard(rt, lan))
	}
	return securityHeaders(lan, mux)
}

// securityHeaders sets the headers of every answer: no framing, no
// referrer, nothing but our own resources, nothing cached unless a handler
// says so (the static CSS).
func securityHeaders(lan bool, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cache-Control", "no-store")
		if !lan && !loopbackHost(r.Host) {
			http.Error(w, "this page answers only to localhost (open it through an SSH port forward)", http.StatusMisdirectedRequest)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// guard runs a route after the checks: a session (made here if the
// browser has none), pairing on the LAN, the loopback-only rule, and for
// a POST the form's size, its Origin and its CSRF token.
func (s *Server) guard(rt route, lan bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if rt.loopbackOnly && lan {
			s.refuse(w, r, lan, http.StatusForbidden, "Only over SSH", "This page is never served on the LAN: it shows or hands out what restores your wallet. Open it through an SSH port forward (ssh -L 8480:127.0.0.1:8480 DEVICE, then http://localhost:8480).")
			return
		}
		if strings.HasPrefix(r.URL.Path, "/static/") {
			rt.h(w, r, request{lan: lan})
			return
		}
		name := cookieLoopback
		if lan {
			name = cookieLAN
		}
		var sess *session
		if c, err := r.Cookie(name); err == nil {
			sess = s.auth.lookup(c.Value, lan)
		}
		if r.Method == http.MethodPost {
			r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
			if err := r.ParseForm(); err != nil {
				s.refuse(w, r, lan, http.StatusBadRequest, "Bad form", "The form could not be read: "+err.Error())
				return
			}
			if !sameOrigin(r, lan) {
				s.refuse(w, r, lan, http.StatusForbidden, "Refused", "The form came from another site.")
				return
			}
			if !checkCSRF(sess, r.PostForm.Get("csrf")) {
				s.refuse(w, r, lan, http.StatusForbidden, "Refused", "The form's security token is missing or stale: reload the page and try again.")
				return
			}
		}
		if sess == nil {
			var err error
			sess, err = s.auth.newSession(lan, !lan)
			if err != nil {
				http.Error(w, err.Error(), http.StatusInternalServerError)
				return
			}
			setCookie(w, name, sess, lan)
		}
		if !sess.paired && !rt.open {
			if r.Method == http.MethodGet {
				http.Redirect(w, r, "/pair", http.StatusSeeOther)
				return
			}
			s.refuse(w, r, lan, http.StatusForbidden, "Pair first", "This device's page needs pairing on the LAN.")
			return
		}
		ctx := context.WithValue(r.Context(), ctxKey{}, sess)
		rt.h(w, r.WithContext(ctx), request{s: sess, lan: lan})
	})
}

func setCookie(w http.ResponseWriter, name string, s *session, lan bool) {
	http.SetCookie(w, &http.Cookie{
		Name: name, Value: s.id, Path: "/", Expires: s.expires,
		HttpOnly: true, Secure: lan, SameSite: http.SameSiteStrictMode,
	})
}

// sameOrigin refuses a form that says it comes from another site: by its
// Sec-Fetch-Site (every current browser sends it), else by its Origin.
// Under Referrer-Policy no-referrer a browser may send "Origin: null" for
// our own forms, so null proves nothing either way; a request with neither
// header is not from a browser's cross-site form. The CSRF token is checked
// after this in every case.
func sameOrigin(r *http.Request, lan bool) bool {
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" {
		return site == "same-origin" || site == "none"
	}
	o := r.Header.Get("Origin")
	if o == "" || o == "null" {
		return true
	}
	u, err := url.Parse(o)
	if err != nil {
		return false
	}
	scheme := "http"
	if lan {
		scheme = "https"
	}
	return u.Scheme == scheme && u.Host == r.Host
}

// refuse answers with an error page.
func (s *Server) refuse(w http.ResponseWriter, r *http.Request, lan bool, status int, title, msg string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	s.page(w, r, request{lan: lan}, title, func(h *htmlw) {
		h.f(`<p class="bad">%s</p><p><a href="/">Back</a></p>`, msg)
	})
}

// done ends an action: the message goes to the session, the browser to
// the page (POST, redirect, GET).
func (s *Server) done(w http.ResponseWriter, r *http.Request, rq request, to string, err error, okMsg string) {
	if err != nil {
		msg := err.Error()
		var ae *apiclient.Error
		if errors.As(err, &ae) {
			msg = ae.Message
		}
		s.auth.setFlash(rq.s, msg, false)
	} else {
		s.auth.setFlash(rq.s, okMsg, true)
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}
