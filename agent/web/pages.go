package web

import (
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"time"

	"github.com/mycroft-network/mycroft/internal/apiclient"
)

//go:embed templates/*.html static/style.css
var assets embed.FS

// pageNames are the templates, each rendered inside layout.html.
var pageNames = []string{"error", "status", "spending", "wallet", "miner", "governance", "backup", "voice", "grants", "keys", "keys-new", "words", "pair"}

// pages holds the parsed templates and the stylesheet.
type pages struct {
	t     map[string]*template.Template
	style []byte
}

func newPages() (*pages, error) {
	p := &pages{t: map[string]*template.Template{}}
	funcs := template.FuncMap{
		"myc":  myc,
		"when": func(t time.Time) string { return whenString(t) },
		"pct":  func(f float64) string { return fmt.Sprintf("%.0f%%", f) },
	}
	for _, name := range pageNames {
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(assets, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("web: template %s: %w", name, err)
		}
		p.t[name] = t
	}
	css, err := fs.ReadFile(assets, "static/style.css")
	if err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	p.style = css
	return p, nil
}

func whenString(t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return t.Local().Format("2006-01-02 15:04")
}

func (p *pages) css(w http.ResponseWriter, _ *http.Request, _ request) {
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "max-age=3600")
	_, _ = w.Write(p.style)
}

// view is what every template gets.
type view struct {
	Title   string
	Path    string
	CSRF    string
	LAN     bool
	Paired  bool
	Flash   string
	FlashOK bool
	D       any
}

// render writes page name with data d.
func (s *Server) render(w http.ResponseWriter, r *http.Request, rq request, name, title string, d any) {
	v := view{Title: title, Path: r.URL.Path, LAN: rq.lan, D: d}
	if rq.s != nil {
		v.CSRF, v.Paired = rq.s.csrf, rq.s.paired
		v.Flash, v.FlashOK = s.auth.takeFlash(rq.s)
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := s.pages.t[name].Execute(w, v); err != nil {
		s.log.Warn("web: render", "page", name, "err", err)
	}
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
