package web

import (
	"fmt"
	"strings"
)

// htmlw writes a page. Markup comes only from string literals in this
// package; every value is escaped on its way in (f escapes all its
// arguments), so a name, a message or a proposal's title from the chain
// cannot become markup. The pages are written by Go rather than
// html/template: text/template's reflection keeps every exported method of
// the binary alive and cost the device build 0.7 MB (docs/web.md).
type htmlw struct{ b strings.Builder }

// escaper escapes text for an element or a double- or single-quoted
// attribute, as html.EscapeString does (the html package's entity table
// would add 100 kB to the device build for its unescaping, unused here).
var escaper = strings.NewReplacer(`&`, "&amp;", `'`, "&#39;", `<`, "&lt;", `>`, "&gt;", `"`, "&#34;")

// raw writes trusted markup (a literal, or an SVG chart built with
// escaping).
func (h *htmlw) raw(s string) { h.b.WriteString(s) }

// f writes format, a literal, with each argument escaped.
func (h *htmlw) f(format string, args ...any) {
	esc := make([]any, len(args))
	for i, a := range args {
		esc[i] = escaper.Replace(fmt.Sprint(a))
	}
	fmt.Fprintf(&h.b, format, esc...)
}

// csrf writes the hidden field of the session's CSRF token.
func (h *htmlw) csrf(token string) {
	h.f(`<input type="hidden" name="csrf" value="%s">`, token)
}

// row writes a table row of a label and an escaped value.
func (h *htmlw) row(label string, value any) {
	h.f(`<tr><th>%s</th><td>%s</td></tr>`, label, value)
}

// bad writes an error paragraph when msg is not empty, and reports whether
// it did.
func (h *htmlw) bad(msg string) bool {
	if msg == "" {
		return false
	}
	h.f(`<p class="bad">%s</p>`, msg)
	return true
}

// note writes a paragraph of trusted markup in the note style.
func (h *htmlw) note(markup string) { h.raw(`<p class="note">` + markup + `</p>`) }

// post writes a one-button form posting to action with hidden fields
// (name, value pairs).
func (h *htmlw) post(action, token, button string, hidden ...string) {
	h.f(`<form method="post" action="%s" class="inline">`, action)
	h.csrf(token)
	for i := 0; i+1 < len(hidden); i += 2 {
		h.f(`<input type="hidden" name="%s" value="%s">`, hidden[i], hidden[i+1])
	}
	h.f(`<button>%s</button></form>`, button)
}

// field is one labelled input of a form.
type field struct {
	name, label, value, typ string
	required                bool
	// options make a select: value, label pairs; value picks one.
	options []string
}

// form writes a grid form of fields posting to action.
func (h *htmlw) form(action, token, button, buttonID string, fields ...field) {
	h.f(`<form method="post" action="%s" class="grid">`, action)
	h.csrf(token)
	for _, f := range fields {
		if len(f.options) > 0 {
			h.f(`<label for="%s">%s</label><select id="%s" name="%s">`, f.name, f.label, f.name, f.name)
			for i := 0; i+1 < len(f.options); i += 2 {
				sel := ""
				if f.options[i] == f.value {
					sel = " selected"
				}
				h.f(`<option value="%s"`+sel+`>%s</option>`, f.options[i], f.options[i+1])
			}
			h.raw("</select>\n")
			continue
		}
		typ := f.typ
		if typ == "" {
			typ = "text"
		}
		h.f(`<label for="%s">%s</label><input id="%s" name="%s" type="%s" value="%s"`, f.name, f.label, f.name, f.name, typ, f.value)
		switch {
		case typ == "password" && f.name == "passphrase":
			h.raw(` autocomplete="current-password"`)
		case typ == "password":
			h.raw(` autocomplete="new-password"`)
		}
		if f.required {
			h.raw(` required`)
		}
		h.raw(">\n")
	}
	h.f(`<span></span><button type="submit" id="%s">%s</button></form>`, buttonID, button)
}
