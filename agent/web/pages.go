package web

import (
	_ "embed"
	"errors"
	"net/http"
	"time"

	"github.com/mycroft-network/mycroft/internal/apiclient"
)

// style is the one stylesheet, embedded.
//
//go:embed static/style.css
var style []byte

func css(w http.ResponseWriter, _ *http.Request, _ request) {
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "max-age=3600")
	_, _ = w.Write(style)
}

// nav is the site's menu: path and label.
var nav = [][2]string{
	{"/", "Status"}, {"/spending", "Spending"}, {"/wallet", "Wallet"}, {"/miner", "Miner"},
	{"/governance", "Governance"}, {"/backup", "Backups"}, {"/voice", "Voice"}, {"/grants", "Grants"}, {"/keys", "Keys"},
}

// page writes a whole page: the layout around what body writes.
func (s *Server) page(w http.ResponseWriter, r *http.Request, rq request, title string, body func(h *htmlw)) {
	var h htmlw
	h.f(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>%s · Mycroft</title><link rel="stylesheet" href="/static/style.css"></head>
<body><header><strong>Mycroft</strong>`, title)
	paired := rq.s != nil && rq.s.paired
	if paired {
		h.raw("\n<nav>")
		for _, n := range nav {
			on := ""
			if r.URL.Path == n[0] {
				on = ` class="on"`
			}
			h.f(`<a href="%s"`, n[0])
			h.raw(on)
			h.f(`>%s</a>`, n[1])
		}
		h.raw("</nav>\n")
		h.post("/logout", rq.s.csrf, "Sign out")
	}
	where := "this device (SSH)"
	if rq.lan {
		where = "LAN (paired)"
		if !paired {
			where = "LAN"
		}
	}
	h.f(`<span class="where">%s</span></header>
<main><h1>%s</h1>
`, where, title)
	if rq.s != nil {
		if msg, ok := s.auth.takeFlash(rq.s); msg != "" {
			cls := "bad"
			if ok {
				cls = "ok"
			}
			h.f(`<p class="flash %s" role="status">%s</p>`, cls, msg)
		}
	}
	body(&h)
	h.raw("</main></body></html>\n")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write([]byte(h.b.String()))
}

// when writes a time in the device's time zone.
func (s *Server) when(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return t.In(s.loc).Format("2006-01-02 15:04")
}

// problem is an API error as the page says it.
func problem(err error) string {
	if err == nil {
		return ""
	}
	var ae *apiclient.Error
	if errors.As(err, &ae) {
		return ae.Message
	}
	return err.Error()
}
